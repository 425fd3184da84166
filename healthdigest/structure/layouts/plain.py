"""Plain text: one article, whose title is the first short line if the text opens with one."""

from __future__ import annotations

from healthdigest.model import Article
from healthdigest.structure import lines as L
from healthdigest.structure import patterns as P
from healthdigest.structure.layouts import Layout
from healthdigest.structure.reader import Reader, place, read_webmeta


def evidence(tagged: list[L.Tagged]) -> float:
    return 0.1  # the fallback: any text can be read as one article


def split_single(r: Reader, start: int) -> None:
    """One article: its title is the first short line, if the text opens with one."""
    article = Article(title=None)
    for i, b in r.unplaced(start):
        if b.kind == L.CRUMB:
            r.drop(i, "site navigation")
        elif article.title is None and not article.paragraphs and b.kind == L.TEXT and L.is_title_like(b.text, max_len=60):
            article.title = b.text
            article.lines = (b.lines[0], b.lines[-1])
            r.take(i, "title")
        elif article.title and not article.paragraphs and b.kind == L.TEXT and P.TITLE_NOTE.match(b.text):
            # （2024—2026年） / （试行） under the title is part of it.
            article.title += b.text
            article.lines = (article.lines[0], b.lines[-1])
            r.take(i, "title")
        elif b.kind == L.WEBMETA:
            read_webmeta(r, i, article)
        else:
            place(r, i, article)
    if article.title or article.paragraphs:
        r.bulletin.articles.append(article)
        if r.bulletin.metadata.title is None and r.bulletin.layout == "web":
            r.bulletin.metadata.title = article.title


LAYOUT = Layout("plain", evidence, split_single)
