"""A briefing across bulletins for a period: 要点, then sections, each item cited once.

One section scheme for the whole briefing, chosen from the content: by region when most
stories are about a named province, else by topic — never each source's own column names,
which differ from bulletin to bulletin. A bulletin saved twice (same title, issue and date,
or the same text) counts once; the same story reported by two bulletins appears once, with
both citations; a story in 要点 is not repeated in its section. The order is stable:
bulletins by date then path, items in the order their bulletins print them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from healthdigest.highlights import REGIONS, fact_sentence  # REGIONS: the province list, kept there
from healthdigest.model import Article, Bulletin
from healthdigest.render.markdown import bulletin_name
from healthdigest.textutil import fold

GENERAL = "综合"  # a story about no one region, or of no listed topic
# Topics of health-policy news, tried in order on a story's title and summary (the first that
# matches files it): payment before services, since 医保 stories also name hospitals.
TOPICS = (
    ("医疗保障", re.compile(r"医保|医疗保障|参保|集采|带量采购|直接结算|支付方式|DRG|DIP|筹资|报销")),
    ("中医药", re.compile(r"中医|中药|针灸|推拿|中西医")),
    ("数字健康", re.compile(r"互联网|数字|智慧|信息化|5G|远程|电子健康卡|健康码|数据")),
    ("基层卫生", re.compile(r"基层|县域|医共体|医联体|医疗集团|乡镇卫生院|社区卫生|卫生院|村卫生室|家庭医生")),
    ("疾病防控", re.compile(r"疾控|传染病|疫情|疫苗|慢性病|慢病|防控|公共卫生|登革|蚊|爱国卫生|病例")),
    ("医疗服务", re.compile(r"公立医院|医院|诊疗|门诊|手术|号源|预约|医疗服务|护理|医生|医师")),
    ("人口与健康", re.compile(r"人口|生育|托育|养老|康养|健康中国|健康素养|老年|儿童|新生儿")),
)
REGION_SHARE = 0.5  # sections by region when at least this share of stories name a province
NATIONAL = re.compile(r"国家|全国|国务院|中央|国家卫生健康委|国家卫健委|国家医保局|国家中医药")
ITEM_CHARS = 90  # a briefing line's summary, in characters
SAME_STORY = 85  # rapidfuzz ratio of folded titles above which two reports are one story
_FILE_DATE = re.compile(r"(20\d{2})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})")


@dataclass
class Citation:
    bulletin: str | None  # None for a one-article page: the item's title already names it
    issue: str | None
    date: str | None
    page: int | None
    source: str | None

    def text(self) -> str:
        parts = [self.bulletin + (self.issue or "")] if self.bulletin else []
        if self.date:
            parts.append(self.date)
        if self.page:
            parts.append(f"第{self.page}页")
        if self.source:
            parts.append(f"来源：{self.source}")
        return "，".join(parts)


@dataclass
class Item:
    """One story of the briefing, with every bulletin that reported it."""

    title: str
    summary: str
    section: str
    regions: list[str]
    citations: list[Citation] = field(default_factory=list)
    weight: float = 0.0


def bulletin_date(b: Bulletin) -> tuple[str | None, str | None]:
    """The bulletin's date from its metadata, else its file name; and a warning if neither."""
    if b.metadata.date:
        return b.metadata.date, None
    m = _FILE_DATE.search(Path(b.path).name)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat(), None
        except ValueError:
            pass
    return None, f"{b.path}: no date in the bulletin or its file name"


def week_range(week: str) -> tuple[str, str]:
    """'2024-W10' to its Monday and Sunday."""
    m = re.fullmatch(r"(\d{4})-?W(\d{1,2})", week.strip(), re.I)
    if not m:
        raise ValueError(f"week '{week}' is not of the form 2024-W10")
    monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


def regions_of(article: Article) -> list[str]:
    """Regions named by the title; failing that, by the lead. 全国 for a national story."""
    lead = article.body_paragraphs[0].text[:120] if article.body_paragraphs else ""
    for text in (article.title or "", lead):
        found = [r for r in REGIONS if r in text]
        if found:
            return found
        if NATIONAL.search(text):
            return ["全国"]
    return [GENERAL]


def shorten(text: str, limit: int = ITEM_CHARS) -> str:
    """A sentence cut for a briefing line: no trailing lead-in (…如下：), at most about limit."""
    text = re.sub(r"[，,][^，,。]*[:：]$", "。", text)
    if len(text) <= limit:
        return text
    cuts = [m.end() for m in re.finditer(r"[，；,;]", text[:limit])]
    return text[: cuts[-1] - 1] + "……" if cuts and cuts[-1] > limit // 3 else text[:limit] + "……"


def topic_of(item: Item) -> str:
    text = item.title + item.summary
    return next((name for name, pattern in TOPICS if pattern.search(text)), GENERAL)


def _item(b: Bulletin, date: str | None, article: Article, index: int) -> Item:
    # A bulletin is cited by its title (its masthead, else what it opens with); a web page's
    # "title" is its one article's title, which the item already shows.
    if b.metadata.title:
        name = b.metadata.title if b.metadata.title != article.title or len(b.articles) > 1 else None
    elif len(b.articles) > 1:  # no masthead: a compilation, named by what it opens with
        name = f"汇编《{bulletin_name(b)}》等{len(b.articles)}篇"
    else:
        name = None
    fact = fact_sentence(article)
    summary = shorten(fact.shown) if fact else ""
    if article.title and fold(summary) and fold(summary) in fold(article.title):
        summary = ""  # the title says it already
    strength = next((h.score for h in b.highlights if h.article == index), 0.0)
    return Item(
        title=article.title or summary[:30],
        summary=summary,
        section=article.section or "其他",
        regions=regions_of(article),
        citations=[Citation(name, b.metadata.issue, date, article.page, article.source)],
        weight=strength,
    )


def bulletin_identity(b: Bulletin) -> str:
    """What makes two files one bulletin: its title and issue (and date) when it prints them,
    else its text (the same bytes saved twice give the same articles). A title and a date
    alone are not enough: a paper prints several pages under one title on one day."""
    m = b.metadata
    if m.title and m.issue:
        return f"{fold(m.title)}|{fold(m.issue or '')}|{m.date or ''}"
    text = "\n".join(f"{a.title or ''}\n{a.text}" for a in b.articles)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def collect(bulletins: list[Bulletin], *, since: str | None = None, until: str | None = None) -> tuple[list[Item], list[str], int]:
    """Items of the period, one per story; warnings; the number of distinct bulletins used."""
    dated = []
    warnings = []
    period = since is not None or until is not None
    seen: dict[str, str] = {}
    for b in sorted(bulletins, key=lambda b: (bulletin_date(b)[0] or "9999-99-99", b.path)):
        identity = bulletin_identity(b)
        if identity in seen:
            warnings.append(f"{b.path}: the same bulletin as {seen[identity]}; counted once")
            continue
        seen[identity] = b.path
        date, warning = bulletin_date(b)
        if warning:
            # Outside a period an undated bulletin is still news; inside one it cannot be placed.
            warnings.append(warning + ("; left out of the period" if period else "; kept, undated"))
            if period:
                continue
        if date and ((since and date < since) or (until and date > until)):
            continue
        dated.append((date or "9999-99-99", b.path, b, date))
    dated.sort(key=lambda t: (t[0], t[1]))
    items: list[Item] = []
    for _, _, b, date in dated:
        for k, article in enumerate(b.articles):
            if not article.title and not article.summary:
                continue
            new = _item(b, date, article, k)
            same = next((it for it in items if _same_story(it.title, new.title)), None)
            if same is None:
                items.append(new)
            else:
                same.citations += new.citations
                same.weight = max(same.weight, new.weight)
                if len(new.summary) > len(same.summary):
                    same.summary = new.summary
    return items, warnings, len(dated)


def _same_story(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return bool(fa and fb) and (fa == fb or fuzz.ratio(fa, fb) >= SAME_STORY)


def section_scheme(items: list[Item]) -> str:
    """"region" when most stories are about a named province, else "topic"."""
    local = sum(1 for it in items if any(r in REGIONS for r in it.regions))
    return "region" if items and local / len(items) >= REGION_SHARE else "topic"


def _section(item: Item, scheme: str) -> str:
    if scheme == "region":
        first = item.regions[0]
        return first if first in REGIONS or first == "全国" else GENERAL
    return topic_of(item)


def _section_order(scheme: str, name: str) -> tuple[int, int]:
    if scheme == "region":
        return _region_order(name)
    names = [t for t, _ in TOPICS]
    return (0, names.index(name)) if name in names else (1, 0)


def period_text(items: list[Item]) -> str | None:
    """The dates the cited bulletins span: 2024-02-27 至 2024-03-05, or one day."""
    dates = sorted({c.date for it in items for c in it.citations if c.date})
    if not dates:
        return None
    return dates[0] if dates[0] == dates[-1] else f"{dates[0]} 至 {dates[-1]}"


def _line(it: Item) -> str:
    cites = "；".join(c.text() for c in it.citations)
    body = f"：{it.summary}" if it.summary else ""
    return f"**{it.title}**{body}" + (f"〔{cites}〕" if cites else "")


def render_brief(items: list[Item], *, title: str, n_bulletins: int, top: int = 5, week: bool = False) -> str:
    """The briefing as Markdown. `week`: the period is one week (its 要点 are 本周要点)."""
    out = [f"# {title}", ""]
    if not items:
        return "\n".join(out + ["这一时期没有可用的简报。", ""])
    span = period_text(items)
    out += [f"共 {n_bulletins} 期简报、{len(items)} 条信息（同一事件多家报道已合并）" + (f"，{span}。" if span else "。"), ""]
    ranked = sorted(items, key=lambda it: (-len(it.citations), -it.weight))[:top]
    if ranked:
        out += ["## 本周要点" if week else "## 要点", ""]
        for k, it in enumerate(ranked, start=1):
            out.append(f"{k}. {_line(it)}")
        out.append("")
    # Every other story once, under one scheme; those in 要点 are not repeated.
    rest = [it for it in items if not any(it is r for r in ranked)]
    scheme = section_scheme(items)
    sections: dict[str, list[Item]] = {}
    for it in rest:
        it.section = _section(it, scheme)
        sections.setdefault(it.section, []).append(it)
    for name in sorted(sections, key=lambda n: _section_order(scheme, n)):
        out += [f"## {name}", ""]
        out += [f"- {_line(it)}" for it in sections[name]]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _region_order(name: str) -> tuple[int, int]:
    first = name.split("、")[0]
    if first == "全国":
        return (0, 0)
    if first in REGIONS:
        return (1, REGIONS.index(first))
    return (2, 0)
