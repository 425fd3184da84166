"""Reading a document's structure: layout, metadata, 要点, 目录 and articles.

The work runs in stages, one module each: `lines` gives every input line a kind and joins
hard-wrapped lines into blocks (`patterns` holds the genre's patterns, once each); `front`
reads the masthead, the printed 要点 and the 目录; the layout with the most evidence
(`layouts`, a registry with one module per layout) splits the body into articles; `finish`
closes each article and says what went missing. No word segmentation happens here: a test
that needs words is passed in by the caller (`joins_words`), so `segment` stays NLP-free.
"""

from __future__ import annotations

from healthdigest.model import Bulletin, Dropped
from healthdigest.structure import lines as L
from healthdigest.structure.finish import finish_article, warn_losses, warn_merged, warn_unfinished
from healthdigest.structure.front import read_contents, read_highlights, read_masthead
from healthdigest.structure.layouts import LAYOUTS, detect_layout
from healthdigest.structure.layouts.newsletter import split_by_contents
from healthdigest.structure.reader import JoinsWords, Reader

__all__ = ["LAYOUTS", "JoinsWords", "detect_layout", "read_structure"]


def read_structure(
    text: str, *, path: str = "<stdin>", encoding: str = "UTF-8", joins_words: JoinsWords | None = None
) -> Bulletin:
    """Split decoded document text into metadata, 要点, contents and articles."""
    tagged = L.tag_lines(text)
    layout = detect_layout(tagged)
    bulletin = Bulletin(path=path, encoding=encoding, layout=layout)
    blocks, pages = L.repair(tagged, L.wrap_width(tagged))
    bulletin.dropped.extend(Dropped(t.no, t.text, "running head" if t.kind == L.RUNNING else "page marker") for t in pages)
    bulletin.line_roles.update((t.no, "dropped") for t in pages)
    reader = Reader(blocks, bulletin, joins_words=joins_words)
    # Markdown says what it is in its front matter and a web page in its metadata lines, not in
    # a masthead; their layouts read them.
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
