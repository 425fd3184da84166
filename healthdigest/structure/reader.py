"""The state shared while one document's blocks are placed, and the placing of a body block.

Every block ends up in exactly one place: the metadata, the printed 要点, the contents, an
article (title, source, byline, abstract, body, footnotes) or `dropped` with a reason, so the
split conserves the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from healthdigest.model import Article, Bulletin, Dropped, Paragraph
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P

# Whether a word runs across the junction of two text fragments (a story cut mid-word). It
# needs a word segmenter, which the structure reader does not load: the caller passes it in.
JoinsWords = Callable[[str, str], bool]


@dataclass
class Reader:
    """Shared state while one document's blocks are placed."""

    blocks: list[L.Block]
    bulletin: Bulletin
    used: set[int] = field(default_factory=set)
    joins_words: JoinsWords | None = None

    def drop(self, i: int, reason: str) -> None:
        b = self.blocks[i]
        self.used.add(i)
        for no in b.lines:
            self.bulletin.line_roles[no] = "dropped"
        for no, piece in zip(b.lines, b.parts, strict=True):
            self.bulletin.dropped.append(Dropped(no, piece, reason))

    def unplaced(self, start: int) -> Iterator[tuple[int, L.Block]]:
        """(index, block) of each block from `start` on that nothing has placed yet."""
        for i in range(start, len(self.blocks)):
            if i not in self.used:
                yield i, self.blocks[i]

    def open_article(self, i: int, **fields) -> Article:
        """A new article whose title is block i."""
        b = self.take(i, "title")
        article = Article(title=b.text, lines=(b.lines[0], b.lines[-1]), **fields)
        self.bulletin.articles.append(article)
        return article

    def open_untitled(self, i: int, **fields) -> Article:
        """A new article without a title, whose body starts with block i."""
        article = Article(title=None, lines=(self.blocks[i].lines[0], self.blocks[i].lines[0]), **fields)
        self.bulletin.articles.append(article)
        place(self, i, article)
        return article

    def take(self, i: int, role: str) -> L.Block:
        """Mark block i as placed; `role` says where its lines went (metadata, title, body…)."""
        self.used.add(i)
        for no in self.blocks[i].lines:
            self.bulletin.line_roles[no] = role
        return self.blocks[i]

    def skip_used(self, i: int) -> int:
        while i < len(self.blocks) and i in self.used:
            i += 1
        return i

    def following(self, i: int) -> L.Block | None:
        """The next block after i that nothing has placed yet."""
        return next((b for _, b in self.unplaced(i + 1)), None)


ISSUE_NOTE = "the issue's editor's note (before its first article)"


def place(r: Reader, i: int, article: Article | None) -> None:
    """Put one body block into the current article, or drop it with the reason."""
    b = r.blocks[i]
    if article is None:
        if b.kind in (L.NAV, L.CRUMB, L.EDITOR, L.FOOTER):
            r.drop(i, b.kind)
        elif b.kind == L.SECTION:
            r.take(i, "section")
        elif b.kind == L.TEXT and P.EDITORS_NOTE.match(b.text):
            r.drop(i, ISSUE_NOTE)  # 编者按 before the first article speaks of the whole issue
        else:
            r.drop(i, f"{b.kind} outside any article")
        return
    if article.lines is None:
        article.lines = (b.lines[0], b.lines[-1])
    else:
        article.lines = (article.lines[0], max(article.lines[1], b.lines[-1]))
    if b.kind in (L.NAV, L.CRUMB, L.EDITOR, L.PAGE, L.FOOTER):
        r.drop(i, b.kind)
    elif b.kind == L.SOURCE:
        # The 来源： line under a title is closer to the article than a 目录 entry; it wins.
        r.take(i, "source")
        article.source = b.data[0]
    elif b.kind in (L.ORIG_TITLE, L.FOOTNOTE) or (
        b.kind == L.TEXT and P.PHOTO_CAPTION.match(b.text) and len(b.text) <= P.CAPTION_MAX
    ):
        # A picture's caption stays with its story, beside the text, not in it.
        r.take(i, "footnote")
        article.footnotes.append(b.text)
    elif b.kind == L.BYLINE:
        r.take(i, "byline")
        name = b.text.lstrip("□ ").strip()
        if name not in P.CREDIT_LABELS:
            article.byline = f"{article.byline} {name}" if article.byline else name
    elif b.kind == L.KEYWORDS:
        r.take(i, "keywords")
        article.declared_keywords.extend(b.data)
    elif b.kind == L.ABSTRACT and not article.paragraphs and article.abstract is None:
        r.take(i, "abstract")
        article.abstract = abstract_text(b)
    elif b.kind == L.WEBMETA:
        read_webmeta(r, i, article)
    else:
        r.take(i, "body")
        kind = "subheading" if is_subheading(b) else "text"
        article.paragraphs.append(Paragraph(b.text, tuple(b.lines), kind))


def is_subheading(b: L.Block) -> bool:
    if b.kind == L.SECTION:
        return True
    if b.hint is not None and b.hint.cell:
        return False  # a table cell is data, however short
    if b.kind != L.TEXT or not L.is_title_like(b.text, max_len=40) or b.text[-1] in "？?！!":
        return False
    if source_tail(b.text) is not None:
        return False  # a closing （来源：…） on a line of its own ends the story, it heads nothing
    return not P.LEDE.match(b.text)


def abstract_text(b: L.Block) -> str:
    m = P.ABSTRACT.match(b.text)
    return (m.group(1) if m else b.text).strip()


def read_webmeta(r: Reader, i: int, article: Article | None) -> None:
    """A 发布时间：… 来源：… 作者：… line: the article's source and byline, the document's date."""
    b = r.take(i, "metadata")
    meta = r.bulletin.metadata
    if (m := P.WEB_DATELINE.match(b.text)) and meta.date is None:
        meta.date = iso_date(m.group("y"), m.group("m"), m.group("d"))  # 2024-12-06 17:27:07 来源：…
    for key, value in P.WEB_FIELD.findall(b.text):
        value = value.strip()
        if not value:
            continue
        if key in ("作者", "发布人", "发布者"):
            if article is not None and article.byline is None:
                article.byline = value
            meta.author = meta.author or value
        elif key in ("发布日期", "发布时间", "日期", "时间"):
            if (m := P.ISO_DATE.search(value)) and meta.date is None:
                meta.date = iso_date(*m.groups())
        elif key == "来源" and article is not None and article.source is None:
            article.source = value


def source_tail(text: str) -> re.Match | None:
    """A closing （新华社） / （来源：健康报）: a source, not a parenthesis of the last sentence."""
    m = P.SOURCE_TAIL.search(text)
    if not m or P.NOT_SOURCE.search(P.SOURCE_PREFIX.sub("", m.group(1))):
        return None
    # It must stand after a finished sentence (or alone), not inside the last one.
    return m if m.start() == 0 or text[m.start() - 1] in "。！？!?”」…" else None


def ended_with_source(article: Article) -> bool:
    """The article's last paragraph closes with a （source）: the bulletin's end-of-article mark."""
    body = article.body_paragraphs
    return bool(body) and source_tail(body[-1].text) is not None


def iso_date(y: str, m: str, d: str) -> str | None:
    """An ISO date from year, month and day strings, or None when they are no real date."""
    import datetime

    try:
        return datetime.date(int(y), int(m), int(d)).isoformat()
    except (TypeError, ValueError):
        return None
