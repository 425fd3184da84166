"""Small text helpers shared by the stages: normalising a line, widths, folding for matching."""

from __future__ import annotations

import re
import unicodedata

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Punctuation after which a paragraph can end. A line ending otherwise was cut by a wrap or a
# page break (or it is a heading).
TERMINAL = "。！？!?；;…”’」』）)】:："
SENTENCE_END = "。！？!?；;…"

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_STRAY_BOLD = re.compile(r"\*\*")
# A space between a CJK character (or full-width punctuation) and a digit/Latin run is a
# typesetting artefact of PDF extraction ("2024 年", "近 130 亿元"); spaces between two CJK
# characters are kept, as they may be deliberate ("改善就医感受 提升患者体验").
_FW_PUNCT = "，。、；：？！“”‘’（）《》【】—…·"
_SPACE_CJK_ASCII = re.compile(rf"(?<=[{CJK}{_FW_PUNCT}])[ \t\u00a0\u3000]+(?=[0-9A-Za-z%‰~])")
_SPACE_ASCII_CJK = re.compile(rf"(?<=[0-9A-Za-z%‰~.])[ \t\u00a0\u3000]+(?=[{CJK}{_FW_PUNCT}])")
_SPACE_PUNCT = re.compile(rf"(?<=[{_FW_PUNCT}])[ \t\u00a0\u3000]+|[ \t\u00a0\u3000]+(?=[{_FW_PUNCT}])")
_FOLD_DROP = re.compile(r"[\s\W_]+", re.UNICODE)


def normalize_line(text: str) -> str:
    """Trim, drop **bold** markup and the spaces PDF extraction puts around digits and punctuation."""
    # A form feed is a page break, not text; en/em/thin/zero-width spaces fill Word paragraphs
    # that look empty.
    text = text.strip(" \t\r\n\f\u00a0\u3000\ufeff\u2002\u2003\u2009\u200b")
    if "**" in text:
        text = _STRAY_BOLD.sub("", _BOLD.sub(r"\1", text))
    text = _SPACE_CJK_ASCII.sub("", text)
    text = _SPACE_ASCII_CJK.sub("", text)
    return _SPACE_PUNCT.sub("", text)


# Unicode's East Asian Wide and Fullwidth blocks (unicodedata.east_asian_width "W" or "F").
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Columns a line takes when printed: CJK and full-width characters count two."""
    return len(text) + len(_WIDE.findall(text))


def fold(text: str) -> str:
    """Fold for comparison: NFKC (full-width to half-width), lower case, no spaces or punctuation."""
    return _FOLD_DROP.sub("", unicodedata.normalize("NFKC", text or "").lower())


def ends_terminal(text: str) -> bool:
    return bool(text) and text[-1] in TERMINAL


def has_cjk(text: str) -> bool:
    return re.search(f"[{CJK}]", text) is not None
