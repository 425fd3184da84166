"""The JSON digest: the contract with scripts (see docs/digest-format.md and the schema)."""

from __future__ import annotations

from healthdigest import __version__
from healthdigest.model import Article, Bulletin

FORMAT_VERSION = 1


def article_dict(index: int, a: Article) -> dict:
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
        "summary_spans": [{"paragraph": s.paragraph, "offset": s.offset, "length": len(s.text)} for s in a.summary],
        "measures": list(a.measures),
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
        "articles": [article_dict(i, a) for i, a in enumerate(b.articles)],
        "dropped": [{"line": d.line, "pdf_page": d.pdf_page, "text": d.text, "reason": d.reason} for d in b.dropped],
        "warnings": list(b.warnings),
    }
