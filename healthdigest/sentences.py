"""Chinese sentence splitting: whole sentences, quotes and brackets kept together."""

from __future__ import annotations

import re

from healthdigest.model import Article, Sentence
from healthdigest.structure.patterns import LEDE

_ENDS = "。！？!?"
_CLOSERS = "”’」』）)】》\"'"
_OPENERS = {"“": "”", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "【": "】"}
# A quote longer than this is a quoted passage, not a phrase: sentences inside it may end.
_LONG_QUOTE = 160
_FOOTNOTE_REF = re.compile(r"\^[①-⑳\d]+")
_EDITOR_NOTE = re.compile(r"^【编者按】")
_TRAILING_REFS = re.compile(r"(?:\s*\^[①-⑳\d]+)+\s*$")


def split_sentences(text: str, *, semicolons: bool = False) -> list[tuple[int, str]]:
    """Split a paragraph into (offset, sentence) pairs; punctuation is kept as printed.

    With `semicolons`, a ； ends a sentence too: the members of a ；-series are each a
    statement of their own (患者甲，…；患者乙，…), and one of them is the unit a one-line
    summary can carry. An ellipsis (……) ends a sentence only where a full stop or the
    paragraph follows: 葡萄、桃子……当前，果品上市 is one sentence whose examples lead it.
    """
    ends = _ENDS + "；;" if semicolons else _ENDS
    out: list[tuple[int, str]] = []
    stack: list[str] = []
    start = 0
    opened_at = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENERS:
            if not stack:
                opened_at = i
            stack.append(_OPENERS[ch])
        elif stack and ch == stack[-1]:
            stack.pop()
        elif ch in ends:
            j = i + 1
            if stack and i - opened_at < _LONG_QUOTE:
                # Inside a quote a full stop ends the sentence only when the quote closes
                # right after it: “……。” is one sentence, “……。……”的要求 is not yet.
                k = j
                while k < n and text[k] in ends:
                    k += 1
                depth = list(stack)
                while k < n and depth and text[k] == depth[-1]:
                    depth.pop()
                    k += 1
                if depth:
                    i += 1
                    continue
            while j < n and (text[j] in ends or text[j] == "…"):
                j += 1
            while j < n and text[j] in _CLOSERS:
                if stack and text[j] == stack[-1]:
                    stack.pop()
                j += 1
            piece = text[start:j]
            if piece.strip():
                out.append((start, piece))
            start = j
            stack = [] if i - opened_at >= _LONG_QUOTE else stack
            i = j
            continue
        i += 1
    if text[start:].strip():
        out.append((start, text[start:]))
    return [(off + len(s) - len(s.lstrip()), s.strip()) for off, s in out]


def clean_sentence(text: str) -> str:
    """A sentence as shown in a summary: without the lede's byline or footnote marks."""
    text = _FOOTNOTE_REF.sub("", text)
    text = LEDE.sub("", text, count=1)
    return _EDITOR_NOTE.sub("", text).strip()


def shown_span(text: str) -> tuple[int, int]:
    """Start and end, in a sentence, of the part a summary shows (see clean_sentence)."""
    start = 0
    lede = LEDE.match(text)
    if lede:
        start = lede.end()
    start += len(text[start:]) - len(text[start:].lstrip())
    note = _EDITOR_NOTE.match(text[start:])
    if note:
        start += note.end()
        start += len(text[start:]) - len(text[start:].lstrip())
    tail = _TRAILING_REFS.search(text, start)
    end = tail.start() if tail else len(text.rstrip())
    return start, max(end, start)


def _sentence(piece: str, p_index: int, offset: int, index: int, lines: tuple[int, ...]) -> Sentence:
    start, end = shown_span(piece)
    return Sentence(piece, p_index, offset, index, clean_sentence(piece), (offset + start, end - start), lines)


def article_sentences(article: Article, *, semicolons: bool = False) -> list[Sentence]:
    """The body sentences of an article, with paragraph index and offset; no subheadings.

    A file that is only an abstract (摘要：… and nothing else) has no body: its abstract is
    then the text to summarise, with paragraph index -1.
    """
    out: list[Sentence] = []
    for p_index, para in enumerate(article.paragraphs):
        if para.kind != "text":
            continue
        for offset, piece in split_sentences(para.text, semicolons=semicolons):
            out.append(_sentence(piece, p_index, offset, len(out), para.lines))
    if not out and article.abstract:
        for offset, piece in split_sentences(article.abstract, semicolons=semicolons):
            out.append(_sentence(piece, -1, offset, len(out), ()))
    return out
