"""The JSON digest: the contract with scripts (see docs/digest-format.md and the schema)."""

from __future__ import annotations

from healthdigest import __version__
from healthdigest.model import Article, Bulletin, Measure, Sentence

FORMAT_VERSION = 2  # 2: measures are objects with level and lines; spans have lines


def _line_range(lines) -> dict | None:
    return {"first": min(lines), "last": max(lines)} if lines else None


def span_dict(s: Sentence, a: Article, roles: dict[int, str]) -> dict:
    """Where a summary sentence stands: `text`'s paragraph, offset and length, input lines."""
    lines = s.lines
    if s.paragraph == -1 and a.lines:  # the abstract: the lines the reader filed as abstract
        lines = tuple(n for n in range(a.lines[0], a.lines[1] + 1) if roles.get(n) == "abstract")
    return {"paragraph": s.paragraph, "offset": s.span[0], "length": s.span[1], "lines": _line_range(lines)}


def measure_dict(m: Measure) -> dict:
    return {"text": m.text, "level": m.level, "marker": m.marker, "paragraph": m.paragraph, "lines": _line_range(m.lines)}


def article_dict(index: int, a: Article, roles: dict[int, str] | None = None) -> dict:
    return {
        "index": index,
        "title": a.title,
        "section": a.section,
        "source": a.source,
        "byline": a.byline,
        "page": a.page,
        "abstract": a.abstract,
        "subheadings": a.subheadings,
        "footnotes": list(a.footnotes),
        "declared_keywords": list(a.declared_keywords),
        "lines": {"first": a.lines[0], "last": a.lines[1]} if a.lines else None,
        "pdf_pages": {"first": a.pdf_pages[0], "last": a.pdf_pages[1]} if a.pdf_pages else None,
        "text": a.text,
        "keywords": [{"word": k.word, "weight": k.weight} for k in a.keywords],
        "summary": [s.shown for s in a.summary],
        "summary_spans": [span_dict(s, a, roles or {}) for s in a.summary],
        "measures": [measure_dict(m) for m in a.measures],
    }


def bulletin_dict(b: Bulletin) -> dict:
    m = b.metadata
    return {
        "format_version": FORMAT_VERSION,
        "generator": f"healthdigest {__version__}",
        "path": b.path,
        "encoding": b.encoding,
        "layout": b.layout,
        "bulletin": {
            "title": m.title,
            "issue": m.issue,
            "number": m.number,
            "total_number": m.total_number,
            "date": m.date,
            "publisher": list(m.publisher),
            "author": m.author,
        },
        "declared_highlights": list(b.declared_highlights),
        "highlights": [{"text": h.text, "article": h.article, "score": h.score} for h in b.highlights],
        "keywords": [{"word": k.word, "weight": k.weight} for k in b.keywords],
        "contents": [
            {"title": c.title, "section": c.section, "page": c.page, "source": c.source, "abstract": c.abstract, "line": c.line,
             "pdf_page": c.pdf_page}
            for c in b.contents
        ],
        "articles": [article_dict(i, a, b.line_roles) for i, a in enumerate(b.articles)],
        "dropped": [{"line": d.line, "pdf_page": d.pdf_page, "text": d.text, "reason": d.reason} for d in b.dropped],
        "warnings": list(b.warnings),
    }
