"""The tool's own 要点: one short line per strong article, ranked for the whole bulletin."""

from __future__ import annotations

import math
import re

from healthdigest.model import Article, Highlight, Keyword

MAX_CHARS = 40


def short_line(article: Article) -> str | None:
    """A one-line statement of the article: its title when short, else its lead sentence cut."""
    if article.title and len(article.title) <= MAX_CHARS:
        return article.title
    text = article.summary[0].shown if article.summary else article.title
    if not text:
        return None
    if len(text) <= MAX_CHARS:
        return text
    # Cut at the last clause break that keeps the line short; a whole clause reads better.
    cuts = [m.end() for m in re.finditer(r"[，、；：,]", text[: MAX_CHARS + 1])]
    return text[: cuts[-1] - 1] if cuts and cuts[-1] > 12 else text[:MAX_CHARS] + "…"


def article_strength(article: Article, bulletin_keywords: list[Keyword]) -> float:
    """How much of what the bulletin is about this article carries, and how much it says."""
    mine = {k.word for k in article.keywords}
    shared = sum(k.weight for k in bulletin_keywords if k.word in mine or any(k.word in w for w in mine))
    return shared + 0.2 * math.log1p(len(article.text) / 200)


def rank_highlights(articles: list[Article], bulletin_keywords: list[Keyword], *, count: int) -> list[Highlight]:
    """Up to `count` highlights, strongest first, no two from one article while others remain."""
    scored = sorted(
        ((article_strength(a, bulletin_keywords), k) for k, a in enumerate(articles)),
        key=lambda sk: (-sk[0], sk[1]),
    )
    out: list[Highlight] = []
    for score, k in scored:
        line = short_line(articles[k])
        if line:
            out.append(Highlight(line, k, round(score, 4)))
        if len(out) == count:
            return out
    # Fewer articles than highlights (a single web article): more lines from the strongest.
    for score, k in scored:
        for sentence in articles[k].summary[1:]:
            text = sentence.shown
            if len(out) == count:
                return out
            if len(text) <= 2 * MAX_CHARS:
                out.append(Highlight(text, k, round(score, 4)))
    return out
