"""Properties of the PDF reader on generated pages: it never fails on a readable PDF, and every
word placed on a page reaches the text or a warning (nothing is lost silently)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from healthdigest.reading import decode_bytes

sys.path.insert(0, str(Path(__file__).parent))
from pdfmaker import make_pdf, text  # noqa: E402

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=12)


@st.composite
def page(draw):
    """Lines of words at random places and sizes, each on a baseline of its own."""
    items, y = [], 780.0
    for _ in range(draw(st.integers(1, 25))):
        size = draw(st.sampled_from([8, 10, 10, 10, 12, 16]))
        y -= size * draw(st.floats(1.1, 3.0))
        if y < 5:
            break
        words = draw(st.lists(WORD, min_size=1, max_size=8))
        x = draw(st.floats(0, 500))
        items.append(text(round(x, 1), round(y, 1), " ".join(words), size=size, bold=draw(st.booleans())))
    return items


@settings(max_examples=60, deadline=None)
@given(st.lists(page(), min_size=1, max_size=3))
def test_every_word_on_a_page_reaches_the_text_or_a_warning(pages):
    decoded = decode_bytes(make_pdf(pages), name="gen.pdf")
    seen = re.sub(r"\s", "", decoded.text + "".join(decoded.warnings))
    for items in pages:
        for _, _, _, words, _, _ in items:
            for word in words.split():
                assert word in seen or word.lstrip("0") in seen  # a page number may be printed as - N -
    lines = decoded.text.split("\n")
    assert all(1 <= n <= len(lines) and lines[n - 1] for n in decoded.hints)
    assert all(h.page is not None and 1 <= h.page <= len(pages) for h in decoded.hints.values())
