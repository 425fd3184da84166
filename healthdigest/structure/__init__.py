"""Reading a document's structure: layout, metadata, 要点, 目录 and articles.

The work runs in stages, one module each: `documents` cuts a file that holds several documents
(a 文件汇编 of 公文, bulletins concatenated) into documents read one by one and put together;
`lines` gives every input line a kind and joins
hard-wrapped lines into blocks (`patterns` holds the genre's patterns, once each); `front`
reads the masthead, the printed 要点 and the 目录; the layout with the most evidence
(`layouts`, a registry with one module per layout) splits the body into articles; `finish`
closes each article and says what went missing. A laid-out original (PDF, Word, web page)
comes with layout hints by line (`model.LineHint`): lines keep them, so a heading the format
marks stands alone and can open an article (`layouts.headings`); plain text has none and is
read from its text alone. No word segmentation happens here: a test
that needs words is passed in by the caller (`joins_words`), so `segment` stays NLP-free.
"""

from __future__ import annotations

from healthdigest.model import Bulletin, Dropped, LineHint
from healthdigest.structure import lines as L
from healthdigest.structure.documents import cut_documents, merge_documents, page_breaks, read_front
from healthdigest.structure.finish import finish_article, warn_losses, warn_merged, warn_unfinished
from healthdigest.structure.front import read_contents, read_highlights, read_masthead
from healthdigest.structure.layouts import LAYOUTS, detect_layout
from healthdigest.structure.layouts.newsletter import split_by_contents
from healthdigest.structure.reader import JoinsWords, Reader

__all__ = ["LAYOUTS", "JoinsWords", "detect_layout", "read_structure"]


def read_structure(
    text: str,
    *,
    path: str = "<stdin>",
    encoding: str = "UTF-8",
    joins_words: JoinsWords | None = None,
    hints: dict[int, LineHint] | None = None,
) -> Bulletin:
    """Split decoded document text into metadata, 要点, contents and articles.

    `hints` (from a reader of a PDF, Word or web original: line number → how the line looked)
    are evidence where present: headings stand alone and can open articles; plain text has none."""
    tagged = L.tag_lines(text, hints)
    front, parts = cut_documents(tagged)
    if front or len(parts) > 1:
        # Running heads are a document's own: marked again in each document of the file.
        breaks = page_breaks(text)
        parts = [L.mark_running_heads(part, breaks) for part in parts]
    read = [read_front(front, path=path, encoding=encoding)] if front else []
    for part in parts:
        read.append(_read_document(part, path=path, encoding=encoding, joins_words=joins_words))
    return read[0] if len(read) == 1 else merge_documents(read, path=path, encoding=encoding)


def _read_document(
    tagged: list[L.Tagged], *, path: str, encoding: str, joins_words: JoinsWords | None
) -> Bulletin:
    """One document's lines read into a bulletin: the layout with the most evidence splits it."""
    layout = detect_layout(tagged)
    bulletin = Bulletin(path=path, encoding=encoding, layout=layout)
    blocks, pages = L.repair(tagged, L.wrap_width(tagged))
    bulletin.dropped.extend(Dropped(t.no, t.text, "running head" if t.kind == L.RUNNING else "page marker") for t in pages)
    bulletin.line_roles.update((t.no, "dropped") for t in pages)
    reader = Reader(blocks, bulletin, joins_words=joins_words)
    start, contents = 0, []
    if LAYOUTS[layout].front_matter:
        # Markdown says what it is in its front matter and a web page in its metadata lines, not
        # in a masthead; their layouts read them.
        start = read_masthead(reader, layout=layout) if layout not in ("markdown", "web") else 0
        start = read_highlights(reader, start)
        start, contents = read_contents(reader, start)
    bulletin.contents = contents
    if contents and not LAYOUTS[layout].reads_contents:
        split_by_contents(reader, start, contents)
    else:
        LAYOUTS[layout].split(reader, start)
    for i in range(len(blocks)):
        if i not in reader.used:
            reader.drop(i, "not placed in any article")
    bulletin.dropped.sort(key=lambda d: d.line)
    for art in bulletin.articles:
        finish_article(art)
    warn_unfinished(bulletin)
    warn_merged(bulletin)
    warn_losses(bulletin, {t.no: t.text for t in tagged})
    return bulletin
