"""Newspaper pages: a title opens a 本报讯 lede, a byline or a photo caption; a short line
over a title is a column head (the section)."""

from __future__ import annotations

from healthdigest.model import Article, Bulletin, Paragraph
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.reader import JoinsWords, Reader, place
from healthdigest.textutil import ends_terminal


def evidence(tagged: list[L.Tagged]) -> float:
    ledes = sum(1 for t in tagged if t.kind == L.TEXT and P.LEDE.match(t.text))
    boxed_bylines = sum(1 for t in tagged if t.kind == L.BYLINE and t.text.startswith("□"))
    return 2.0 if ledes or boxed_bylines >= 2 else 0.0


def split(r: Reader, start: int) -> None:
    """Newspaper page: titles open 本报讯 ledes or bylines; a heading over a title is a column."""
    blocks = r.blocks
    n = len(blocks)

    def opens_story(j: int) -> bool:
        if j >= n:
            return False
        b = blocks[j]
        if b.kind == L.BYLINE:
            return True
        if b.kind == L.TEXT and P.LEDE.match(b.text):
            return True
        # A photo story: a caption paragraph, then the credit lines.
        return b.kind == L.TEXT and len(b.text) >= 40 and j + 1 < n and blocks[j + 1].kind == L.BYLINE

    titles = {
        i
        for i in range(start, n)
        if blocks[i].kind == L.TEXT and L.is_title_like(blocks[i].text, max_len=40) and opens_story(i + 1)
    }
    columns = {
        i - 1
        for i in titles
        if i - 1 >= start
        and i - 1 not in titles
        and blocks[i - 1].kind in (L.TEXT, L.SECTION)
        and L.is_title_like(blocks[i - 1].text, max_len=20)
        and _ends_story(blocks, i - 2, start)
    }
    section = None
    current: Article | None = None
    for i in range(start, n):
        if i in r.used:
            continue
        b = blocks[i]
        if i in columns or b.kind == L.SECTION:
            section = b.data[0] if b.kind == L.SECTION else b.text
            r.take(i, "section")
            current = None
        elif i in titles:
            current = r.open_article(i, section=section)
        elif b.kind == L.BYLINE and b.text.startswith("□") and current is not None and current.paragraphs:
            # A new feature story whose title the page extraction lost.
            current = r.open_untitled(i, section=section)
        elif current is None and b.kind == L.TEXT and i > start:
            current = r.open_untitled(i, section=section)
        else:
            place(r, i, current)
    _adopt_orphan_titles(r.bulletin)
    if r.joins_words is not None:
        _rejoin_continuations(r.bulletin, r.joins_words)


def _rejoin_continuations(b: Bulletin, joins_words: JoinsWords) -> None:
    """A page extraction can put a story's tail inside another story. Move it back when the
    evidence is clear: the story stops mid-sentence; a later paragraph of another story goes
    on with that sentence (a dictionary word spans the junction: 简化老年|人就医 → 老年人); and
    the moved paragraphs name something from the story's title that the other story had not
    mentioned before them."""
    for target in b.articles:
        body = target.body_paragraphs
        if not body or ends_terminal(body[-1].text) or len(body[-1].text) <= 40 or not target.title:
            continue
        cut = body[-1]
        for host in b.articles:
            if host is target or len(host.paragraphs) < 2:
                continue
            j = next(
                (j for j in range(1, len(host.paragraphs)) if _continues_across(cut.text, host.paragraphs[j].text, joins_words)),
                None,
            )
            if j is None or not _names_title_term(target.title, host.paragraphs[:j], host.paragraphs[j:], host.title):
                continue
            moved = host.paragraphs[j:]
            del host.paragraphs[j:]
            host.lines = (host.lines[0], max(no for p in host.paragraphs for no in p.lines))
            cut.text += moved[0].text
            cut.lines = cut.lines + moved[0].lines
            target.paragraphs.extend(moved[1:])
            lines = [no for p in moved for no in p.lines]
            b.warnings.append(
                f"lines {min(lines)}-{max(lines)} continue '{target.title}' (its text stopped mid-sentence at line "
                f"{cut.lines[0]}); moved there from '{host.title}'"
            )
            break


def _continues_across(end: str, start: str, joins_words: JoinsWords) -> bool:
    if not start or start[0] in "，。、；：！？,.;:!?（(“\"" or P.LEDE.match(start):
        return False
    return joins_words(end[-4:], start[:4])


def _names_title_term(title: str, before: list[Paragraph], block: list[Paragraph], host_title: str | None) -> bool:
    """The block names a two-character term of the title that the host story had not used."""
    earlier = (host_title or "") + "".join(p.text for p in before)
    moved = "".join(p.text for p in block)
    from healthdigest.words import stopwords  # a word list only: jieba stays unloaded

    generic = stopwords()  # 服务, 开展…: every story has them, they prove nothing
    terms = {t for i in range(len(title) - 1) if L.has_cjk_pair(t := title[i : i + 2]) and t not in generic}
    return any(t in moved and t not in earlier for t in terms)


def _ends_story(blocks: list[L.Block], j: int, start: int) -> bool:
    return j < start or blocks[j].kind == L.BYLINE or ends_terminal(blocks[j].text)


def _adopt_orphan_titles(b: Bulletin) -> None:
    """A story without a title and a lone title-like last paragraph: the page put it there."""
    untitled = [a for a in b.articles if a.title is None]
    if not untitled or not b.articles:
        return
    last = b.articles[-1]
    if last.paragraphs and L.is_title_like(last.paragraphs[-1].text, max_len=40) and len(last.paragraphs) > 1:
        orphan = last.paragraphs.pop()
        target = untitled[0]
        target.title = orphan.text
        b.line_roles.update((no, "title") for no in orphan.lines)
        b.warnings.append(
            f"line {orphan.lines[0]}: title '{orphan.text}' stands after its story's body; "
            "taken as the title of the untitled story"
        )


LAYOUT = Layout("newspaper", evidence, split)
