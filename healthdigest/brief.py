"""A briefing across bulletins for a period: 本周要点, then sections by region, each item cited.

The same story reported by two bulletins appears once, with both citations. The order is
stable: bulletins by date then path, items in the order their bulletins print them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from healthdigest.model import Article, Bulletin
from healthdigest.textutil import fold

# Provincial-level divisions, as news names them (short forms); a story is filed under the
# ones its title and lead mention.
REGIONS = (
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 "
    "广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 香港 澳门 台湾"
).split()
GENERAL = "综合"  # a story about no one region
NATIONAL = re.compile(r"国家|全国|国务院|中央|国家卫生健康委|国家卫健委|国家医保局|国家中医药")
ITEM_CHARS = 90  # a briefing line's summary, in characters
SAME_STORY = 85  # rapidfuzz ratio of folded titles above which two reports are one story
_FILE_DATE = re.compile(r"(20\d{2})[-_.年]?(\d{1,2})[-_.月]?(\d{1,2})")


@dataclass
class Citation:
    bulletin: str
    issue: str | None
    date: str | None
    page: int | None
    source: str | None

    def text(self) -> str:
        parts = [self.bulletin + (self.issue or "")]
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


def _item(b: Bulletin, date: str | None, article: Article, index: int) -> Item:
    # A web page's "title" is its one article's title: cite the file instead of repeating it.
    own_title = b.metadata.title and b.metadata.title != article.title
    name = b.metadata.title if own_title else Path(b.path).stem
    summary = shorten(article.summary[0].shown) if article.summary else ""
    strength = next((h.score for h in b.highlights if h.article == index), 0.0)
    return Item(
        title=article.title or summary[:30],
        summary=summary,
        section=article.section or "其他",
        regions=regions_of(article),
        citations=[Citation(name, b.metadata.issue, date, article.page, article.source)],
        weight=strength,
    )


def collect(bulletins: list[Bulletin], *, since: str | None = None, until: str | None = None) -> tuple[list[Item], list[str], int]:
    """Items of the period, one per story; warnings; the number of bulletins used."""
    dated = []
    warnings = []
    period = since is not None or until is not None
    for b in bulletins:
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


def render_brief(items: list[Item], *, title: str, n_bulletins: int, top: int = 5) -> str:
    """The briefing as Markdown."""
    out = [f"# {title}", ""]
    if not items:
        return "\n".join(out + ["这一时期没有可用的简报。", ""])
    out += [f"共 {n_bulletins} 期简报、{len(items)} 条信息（同一事件多家报道已合并）。", ""]
    ranked = sorted(items, key=lambda it: (-len(it.citations), -it.weight))[:top]
    if ranked:
        out += ["## 本周要点", ""]
        for k, it in enumerate(ranked, start=1):
            out.append(f"{k}. **{it.title}**" + (f"：{it.summary}" if it.summary else ""))
        out.append("")
    sections: dict[str, dict[str, list[Item]]] = {}
    for it in items:
        by_region = sections.setdefault(it.section, {})
        by_region.setdefault("、".join(it.regions), []).append(it)
    for section, by_region in sections.items():
        out += [f"## {section}", ""]
        for region in sorted(by_region, key=_region_order):
            if list(by_region) != [GENERAL]:  # a region heading only where regions differ
                out += [f"### {region}", ""]
            for it in by_region[region]:
                cites = "；".join(c.text() for c in it.citations)
                body = f"：{it.summary}" if it.summary else ""
                out.append(f"- **{it.title}**{body}〔{cites}〕")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _region_order(name: str) -> tuple[int, int]:
    first = name.split("、")[0]
    if first == "全国":
        return (0, 0)
    if first in REGIONS:
        return (1, REGIONS.index(first))
    return (2, 0)
