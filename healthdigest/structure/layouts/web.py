"""Web pages: breadcrumbs, a title with a 发布时间/来源 line near it, site menus and footers;
one article or several."""

from __future__ import annotations

from healthdigest.structure import lines as L
from healthdigest.structure.layouts import Layout
from healthdigest.structure.layouts.plain import split_single
from healthdigest.structure.reader import Reader, place, read_webmeta
from healthdigest.textutil import fold


def evidence(tagged: list[L.Tagged]) -> float:
    return 1.0 if any(t.kind in (L.CRUMB, L.WEBMETA) for t in tagged) else 0.0


def split(r: Reader, start: int) -> None:
    """Web text: one article, or several, each opened by a title with a metadata line near it."""
    blocks = r.blocks
    n = len(blocks)
    for i in range(start, n):
        if blocks[i].kind == L.CRUMB:
            r.drop(i, "site navigation")
        elif blocks[i].kind in (L.NAV, L.EDITOR, L.FOOTER):
            r.drop(i, blocks[i].kind)
    titles = []
    for i in range(start, n):
        if i in r.used or blocks[i].kind != L.TEXT or not L.is_title_like(blocks[i].text, max_len=60):
            continue
        near = [j for j in range(i + 1, min(n, i + 4)) if j not in r.used]
        if near and blocks[near[0]].kind == L.WEBMETA:
            titles.append(i)
    if not titles:
        split_single(r, start)
        return
    # Site header lines before the first title are navigation (or the title printed twice).
    for i in range(start, titles[0]):
        if i in r.used:
            continue
        if blocks[i].text == blocks[titles[0]].text:
            r.drop(i, "repeated title")
        elif len(blocks[i].text) <= 20:
            r.drop(i, "site navigation")
    _drop_repeated(r, start, keep=set(titles))
    current = None
    seen_titles = set()
    for i in range(start, n):
        if i in r.used:
            continue
        b = blocks[i]
        if i in titles:
            if fold(b.text) in seen_titles and current is not None and current.title == b.text and not current.paragraphs:
                r.drop(i, "repeated title")
                continue
            seen_titles.add(fold(b.text))
            current = r.open_article(i)
        elif b.kind == L.TEXT and current is not None and b.text == current.title and not current.paragraphs:
            r.drop(i, "repeated title")
        elif b.kind == L.WEBMETA:
            read_webmeta(r, i, current)
        else:
            place(r, i, current)
    first = r.bulletin.articles[0] if r.bulletin.articles else None
    if len(r.bulletin.articles) == 1 and first and r.bulletin.metadata.title is None:
        r.bulletin.metadata.title = first.title


def _drop_repeated(r: Reader, start: int, *, keep: set[int]) -> None:
    """Lines a site prints under every article (footers, disclaimers)."""
    counts: dict[str, int] = {}
    for i in range(start, len(r.blocks)):
        if i not in r.used and r.blocks[i].kind == L.TEXT:
            counts[r.blocks[i].text] = counts.get(r.blocks[i].text, 0) + 1
    for i in range(start, len(r.blocks)):
        b = r.blocks[i]
        if i not in r.used and i not in keep and b.kind == L.TEXT and counts[b.text] >= 2 and len(b.text) <= 80:
            r.drop(i, "repeated site footer")


LAYOUT = Layout("web", evidence, split)
