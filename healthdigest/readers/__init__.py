"""Readers of laid-out originals: PDF, Word (.docx, .doc) and HTML.

Each reader turns a file's bytes into the same `Decoded` text the plain-text path gives (one
line per paragraph, or per visual line of a heading) plus layout hints by line number, so the
structure reader works the same on every kind (Markdown is read as text: its markup is
structure the markdown layout reads). The kind is told by content, not by the file's
name alone; the libraries a kind needs are imported only when a file of that kind is read.
"""

from __future__ import annotations

import re
from pathlib import PurePath

TEXT = "text"
PDF = "pdf"
DOCX = "docx"
DOC = "doc"
HTML = "html"

# Suffixes a directory walk picks up: every kind some reader handles.
SUFFIXES = (".txt", ".md", ".markdown", ".pdf", ".docx", ".doc", ".html", ".htm")

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Markup that only HTML opens with (after an optional BOM, XML declaration or comment).
_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", re.I | re.S)


def detect_kind(data: bytes, *, name: str = "") -> str:
    """The kind of a file from its first bytes (magic numbers, markup), then its extension."""
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-" or head.startswith(b"%PDF"):
        return PDF
    if head.startswith(b"PK\x03\x04"):
        return DOCX  # the reader says so if the zip holds no Word document
    if head.startswith(_OLE):
        return DOC  # likewise for an Excel or PowerPoint file
    if _HTML_START.match(head):
        return HTML
    suffix = PurePath(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml") and b"<" in head:
        return HTML
    # Markdown is text whose markup is its structure (front matter, # headings): the structure
    # reader's markdown layout reads it as written.
    return TEXT


def read_document(data: bytes, *, kind: str, name: str):
    """Decoded text and layout hints of one file of `kind`; InputError with a message if unreadable."""
    if kind == PDF:
        from healthdigest.readers.pdf import read_pdf as read
    elif kind == DOCX:
        from healthdigest.readers.docx import read_docx as read
    elif kind == DOC:
        from healthdigest.readers.doc import read_doc as read
    elif kind == HTML:
        from healthdigest.readers.html import read_html as read
    else:
        raise ValueError(f"no reader for {kind!r}")
    return read(data, name=name)


def attach_pages(bulletin, hints: dict) -> None:
    """Give articles, contents entries and dropped lines the PDF page their lines stand on.

    The structure reader works in line numbers; the hints know each line's page."""
    from dataclasses import replace

    if not any(h.page for h in hints.values()):
        return

    def page(line: int) -> int | None:
        hint = hints.get(line)
        return hint.page if hint is not None else None

    for article in bulletin.articles:
        if article.lines:
            first, last = page(article.lines[0]), page(article.lines[1])
            article.pdf_pages = (first, last) if first and last else None
    for entry in bulletin.contents:
        entry.pdf_page = page(entry.line)
    bulletin.dropped = [replace(d, pdf_page=page(d.line)) for d in bulletin.dropped]
