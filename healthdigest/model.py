"""The one data model every stage reads and writes: a Bulletin made of Articles."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LineHint:
    """How one line of text looked in a laid-out original (PDF, Word, web page, Markdown).

    Plain text has none; the structure reader uses them where present and works without them.
    """

    page: int | None = None  # 1-based page of the PDF file the line starts on
    size: float | None = None  # font size relative to the body text (1.0 = body, 1.5 = half as large again)
    bold: bool = False
    centred: bool = False
    indent: float = 0.0  # first-line indent from the text's left margin, in body characters
    level: int | None = None  # heading level the format declares: DOCX style, HTML h1–h6, Markdown #
    cell: bool = False  # the text of a table cell
    footnote: bool = False  # a note set at the foot of a PDF page: the article's note, not its text


@dataclass(frozen=True)
class Dropped:
    """An input line kept out of every article, and why (nothing is lost silently)."""

    line: int
    text: str
    reason: str
    pdf_page: int | None = None  # the page of the PDF file the line stands on (PDF input only)


@dataclass
class Paragraph:
    """A repaired paragraph of an article body; `lines` are the input lines it came from."""

    text: str
    lines: tuple[int, ...] = ()
    kind: str = "text"  # "text" or "subheading"


@dataclass(frozen=True)
class Keyword:
    """A keyword with its weight (higher is more characteristic of the text)."""

    word: str
    weight: float


@dataclass(frozen=True)
class Sentence:
    """A whole sentence of a body: its text and where it stands (paragraph index, char offset)."""

    text: str
    paragraph: int
    offset: int
    index: int  # position among the article's sentences
    shown: str = ""  # the text as a summary shows it: no lede byline, no footnote marks
    # Where `shown` stands in the paragraph: (offset, length) of the printed text it comes
    # from (a lede byline or 【编者按】 before it and footnote marks after it left out; marks
    # inside it are the only difference), and the input lines of its paragraph.
    span: tuple[int, int] = (0, 0)
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Measure:
    """An enumerated item of an article (一是…, （一）…, 1.…), whole, with where it stands.

    `level` 1 is the outermost list of the article, 2 a list inside one of its items, and so
    on; `marker` is printed as found (一是, （二）, 3.); `paragraph` indexes Article.paragraphs
    and `lines` are that paragraph's input lines.
    """

    text: str
    level: int = 1
    marker: str = ""
    paragraph: int = 0
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Highlight:
    """One of the tool's own 要点: a short line pointing to the article it comes from."""

    text: str
    article: int
    score: float


@dataclass
class Metadata:
    """What the bulletin says about itself: masthead, issue, date, publisher, author."""

    title: str | None = None
    issue: str | None = None
    number: int | None = None
    total_number: int | None = None
    date: str | None = None  # ISO 8601
    publisher: list[str] = field(default_factory=list)
    author: str | None = None


@dataclass
class Article:
    """One article of a bulletin: structure read from the file, then keywords and summary."""

    title: str | None
    section: str | None = None
    source: str | None = None
    byline: str | None = None
    page: int | None = None
    abstract: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)
    declared_keywords: list[str] = field(default_factory=list)  # printed 关键词, never ranked
    lines: tuple[int, int] | None = None  # first and last input line of the article
    pdf_pages: tuple[int, int] | None = None  # first and last page of the PDF file it spans (PDF input only)
    keywords: list[Keyword] = field(default_factory=list)
    summary: list[Sentence] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)

    @property
    def subheadings(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == "subheading"]

    @property
    def body_paragraphs(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "text"]

    @property
    def text(self) -> str:
        """The body: paragraphs (subheadings included, as printed) separated by a blank line."""
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass
class Bulletin:
    """A whole bulletin file: how it was read, what it says of itself, and its articles."""

    path: str
    encoding: str
    layout: str = "plain"
    metadata: Metadata = field(default_factory=Metadata)
    declared_highlights: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    contents: list[ContentsEntry] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    highlights: list[Highlight] = field(default_factory=list)
    keywords: list[Keyword] = field(default_factory=list)
    # Where each non-blank input line went: metadata, highlights, contents, section, title,
    # source, byline, abstract, footnote, body or dropped. Conservation is checked against it.
    line_roles: dict[int, str] = field(default_factory=dict)


@dataclass
class ContentsEntry:
    """An entry of a printed 目录 / 本期视点 list."""

    title: str
    section: str | None = None
    page: int | None = None
    source: str | None = None
    abstract: str | None = None
    line: int = 0
    pdf_page: int | None = None  # the page of the PDF file the entry is printed on (PDF input only)
