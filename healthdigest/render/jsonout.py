"""The JSON digest: the contract with scripts (see docs/digest-format.md and the schema)."""

from __future__ import annotations

import functools

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


# The cache's record of a digest: every field of the model, so that a digest read back renders
# exactly as the one first made (the format above leaves out paragraph line numbers and where
# each input line went). Plain JSON, read back field by field with each field's type checked:
# a record that does not fit the model raises ValueError and is never served.


def model_record(b: Bulletin) -> dict:
    """The whole Bulletin as JSON-ready data (dataclasses as objects, tuples as lists)."""
    from dataclasses import asdict

    record = asdict(b)
    record["line_roles"] = [[k, v] for k, v in b.line_roles.items()]
    return record


def bulletin_from_record(record: dict) -> Bulletin:
    """The Bulletin of a model_record; ValueError if the record does not fit the model."""
    try:
        return _build(Bulletin, record)
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"not a digest record: {exc}") from None


@functools.cache
def _schema(cls) -> tuple[dict, frozenset]:
    """A model class's field types and names, read once: resolving the annotations (strings,
    under `from __future__ import annotations`) compiles each one, and a cached digest holds
    hundreds of objects (reading 100 cached digests took 1.2 s, nearly all of it here)."""
    import dataclasses
    import typing

    from healthdigest import model

    return typing.get_type_hints(cls, vars(model)), frozenset(f.name for f in dataclasses.fields(cls))


def _build(cls, data):
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__}: not an object")
    hints, fields = _schema(cls)
    if set(data) != fields:
        raise ValueError(f"{cls.__name__}: fields {sorted(set(data) ^ fields)} do not match")
    return cls(**{name: _value(hints[name], data[name]) for name in fields})


@functools.cache
def _shape(hint) -> tuple[str, object, bool]:
    """What a field's type asks of a stored value, worked out once per type (a cached digest
    holds a quarter of a million values): (kind, what it holds, whether None is allowed)."""
    import dataclasses
    import types
    import typing

    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return (*_shape(inner)[:2], type(None) in args)
    if dataclasses.is_dataclass(hint):
        return "model", hint, False
    if origin is list:
        return "list", args[0], False
    if origin is tuple:
        return ("tuple of any length", args[0], False) if len(args) == 2 and args[1] is Ellipsis else ("tuple", args, False)
    if origin is dict:
        return "dict", args, False
    if hint is float:
        return "float", float, False
    return "plain", hint, False


def _value(hint, value):
    kind, of, optional = _shape(hint)
    if value is None and optional:
        return None
    if kind == "model":
        return _build(of, value)
    if kind == "list":
        _expect(value, list)
        return [_value(of, v) for v in value]
    if kind == "tuple of any length":
        _expect(value, list)
        return tuple(_value(of, v) for v in value)
    if kind == "tuple":
        _expect(value, list)
        if len(value) != len(of):
            raise ValueError("tuple of the wrong length")
        return tuple(_value(a, v) for a, v in zip(of, value, strict=True))
    if kind == "dict":  # line_roles, stored as pairs (JSON keys are strings only)
        _expect(value, list)
        return {_value(of[0], k): _value(of[1], v) for k, v in value}
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("not a number")
        return float(value)
    _expect(value, of)
    return value


def _expect(value, kind) -> None:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"{value!r:.40} is not {kind.__name__}")
