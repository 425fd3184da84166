"""Web pages: the article text of an HTML file, without scripts, styles, menus and banners.

Each block element (paragraph, heading, list item, table cell) gives a line; h1–h6 give the
heading level. Blocks are kept apart by a blank line, as in the usual text extraction of a web
page (lines broken by <br> stay together); several <article> elements by two. The site's
footer is read last, for the structure reader to recognise and drop with its reason. The
page's own `<meta charset>` (GBK is common on Chinese government sites) decides the decoding.
"""

from __future__ import annotations

import codecs
import re

from healthdigest.errors import InputError
from healthdigest.model import LineHint
from healthdigest.readers.common import LineWriter

_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
# GB2312 and GBK are subsets of GB18030; pages that say one often use characters of the others.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs"}
_DROP = {
    "script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "form", "button",
    "select", "input", "textarea", "nav", "aside", "menu", "head", "canvas", "audio", "video",
}
# Sites mark their menus, footers, share bars and breadcrumbs with class or id names like these.
_CHROME = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menubar|breadcrumbs?|crumbs?|sidebar|share|"
    r"jiathis|bdshare|comments?|pager|pagination|toolbar|topbar|skip)(?:$|[-_\s\d])",
    re.I,
)
# A site's footer (links, copyright, the site's 主办单位 and 备案号) is kept, at the end of the
# text, where the structure reader tells it for what it is and drops it with its reason.
_FOOTER = re.compile(r"(?:^|[-_\s])(?:footer|foot|copyright|bottom)(?:$|[-_\s\d])", re.I)
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr",
    "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption", "center",
    "address", "hr", "body", "tbody", "thead", "tfoot", "caption", "html", "footer", "nav", "aside",
}
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_CENTRE_STYLE = re.compile(r"text-align\s*:\s*center", re.I)
_WS = re.compile(r"[ \t\r\n\f]+")
_TITLE_SPLIT = re.compile(r"\s+[-–—|_]\s+|[|｜_]")


# libxml2 stops at 256 levels of nesting and drops the rest of the page without a word; a page
# that never closes its <font> or <span> gets there in a few hundred paragraphs. huge_tree
# raises the limit to 2048 (the input size limit still bounds the text); a page deeper still
# is read again without its inline tags, which are what such pages leave open.
_MAX_DEPTH = 2048
_INLINE_TAGS = re.compile(r"</?(?:font|span|b|i|u|s|em|strong|small|big|sup|sub)\b[^>]*>", re.I)


def _parse(text: str, name: str):
    """The page's tree, and whether its inline tags had to be left out to read it whole."""
    import lxml.html  # late: only web pages pay for the parser

    for flattened in (False, True):
        parser = lxml.html.HTMLParser(huge_tree=True)
        root = lxml.html.document_fromstring(text, parser=parser)
        if not any("Excessive depth" in e.message for e in parser.error_log):
            return root, flattened
        text = _INLINE_TAGS.sub("", text)
    raise InputError(f"{name}: the web page's markup is nested over {_MAX_DEPTH} levels deep; save it as text first")


def read_html(data: bytes, *, name: str):
    """Text, one line per block, with heading levels and table cells in the hints."""
    text, encoding, notes = _decode(data, name)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a str that declares an encoding
    try:
        root, flattened = _parse(text, name)
    except InputError:
        raise
    except Exception as exc:  # lxml.etree.ParserError and kin on a page with no markup at all
        raise InputError(f"{name}: the web page cannot be parsed ({exc}); save it as text first") from None
    out = LineWriter()
    out.warnings.extend(notes)
    if flattened:
        out.warnings.append(f"{name}: the page nests its markup over {_MAX_DEPTH} levels deep (tags never closed); "
                            "read again without its inline tags (font, span, b…), so bold and sizes are not known")
    title = root.findtext(".//title") or ""
    chrome, footers = _strip(root)
    if chrome:
        sample = " ".join(" ".join(chrome).split())
        sample = sample if len(sample) <= 60 else sample[:60] + "…"
        out.warnings.append(
            f"{name}: the site's menus and banners left out ({len(chrome)} block(s), {sum(map(len, chrome))} characters: “{sample}”)"
        )
    body = root.find("body")
    if body is None:
        body = root
    articles = [a for a in body.iter("article") if not any(p.tag == "article" for p in a.iterancestors())]
    mains = [m for m in body.iter("main")]
    roots = articles or mains[:1] or [body]
    has_heading = any(el.tag in _HEADINGS for r in roots for el in r.iter())
    if not has_heading and title.strip():
        # Without a heading of its own, the page's <title> (less the site name after a
        # separator) is the best title there is.
        out.add(_TITLE_SPLIT.split(title.strip())[0], LineHint(level=1))
    for i, element in enumerate(roots):
        if i:
            out.blank(2)
        walker = _Walker(out)
        walker.walk(element, _Context())
        walker.flush()
    for footer in footers:
        out.blank(2)
        walker = _Walker(out)
        walker.walk(footer, _Context())
        walker.flush()
    return out.decoded(encoding, name=name, what="the web page")


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """The page's text: by its BOM, else its <meta charset>, else as any text file."""
    from healthdigest.reading import decode_plain

    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        decoded = decode_plain(data, name=name)
        return decoded.text, decoded.encoding, list(decoded.warnings)
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii").lower()
        codec = _SUPERSETS.get(declared, declared)
        try:
            codecs.lookup(codec)
            return data.decode(codec), f"{declared.upper()} (from <meta charset>)", []
        except LookupError:
            note = f"{name}: the page declares an unknown charset {declared!r}; decoding detected instead"
        except UnicodeDecodeError:
            note = f"{name}: the page declares {declared!r} but its bytes are not; decoding detected instead"
        decoded = decode_plain(data, name=name)
        return decoded.text, decoded.encoding, [note, *decoded.warnings]
    decoded = decode_plain(data, name=name)
    return decoded.text, decoded.encoding, list(decoded.warnings)


_CODE = {"script", "style", "noscript", "template", "svg", "object", "embed", "canvas", "audio", "video"}


def _strip(root) -> tuple[list[str], list]:
    """Remove what is not the page's text: scripts, styles, menus, banners, comments. Returns
    the text of the removed menus and banners, to be reported (code is not text), and the
    site's footers, taken out of the flow to be read after the page's text."""
    from lxml import etree

    doomed = []
    going: set = set()
    chrome: list[str] = []
    footers: list = []
    for el in root.iter():
        if not isinstance(el.tag, str):  # comments and processing instructions (<?php ?>)
            doomed.append(el)
            continue
        if going.intersection(el.iterancestors()):
            continue  # inside an element already going (lxml keeps one proxy per live element)
        tag = el.tag.lower()
        if tag == "head":
            continue
        in_article = any(a.tag in ("article", "main") for a in el.iterancestors())
        if not in_article and (tag == "footer" or _FOOTER.search(" ".join(filter(None, (el.get("class"), el.get("id")))))):
            doomed.append(el)  # an article's own <footer> (its source, its author) stays in place
            going.add(el)
            footers.append(el)
            continue
        if (
            tag in _DROP
            or (tag == "header" and not in_article)  # a site banner; an article's own <header> holds its title
            or _CHROME.search(" ".join(filter(None, (el.get("class"), el.get("id")))))
        ):
            doomed.append(el)
            going.add(el)
            if tag not in _CODE:
                text = " ".join(t for t in el.itertext() if isinstance(t, str)).strip()
                if text:
                    chrome.append(" ".join(text.split()))
    for el in doomed:
        parent = el.getparent()
        if parent is None:
            continue
        # Keep the text that follows the removed element.
        if el.tail:
            prev = el.getprevious()
            if prev is not None:
                prev.tail = (prev.tail or "") + el.tail
            else:
                parent.text = (parent.text or "") + el.tail
        parent.remove(el)
        el.tail = None
    etree.strip_tags(root, etree.Comment)
    return chrome, footers


_LAYOUT_INSIDE = {"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section"}


def _data_cell(el) -> bool:
    """A table cell holding a datum, not a page laid out with tables (old sites put whole
    articles in <td>s): short text and no paragraphs, lists or tables of its own."""
    if not isinstance(el.tag, str) or el.tag.lower() not in ("td", "th"):
        return False
    if any(isinstance(d.tag, str) and d.tag.lower() in _LAYOUT_INSIDE for d in el.iterdescendants()):
        return False
    return len("".join(el.itertext()).strip()) <= 200


class _Context:
    __slots__ = ("level", "cell", "centred", "bold", "pre")

    def __init__(self, level=None, cell=False, centred=False, bold=False, pre=False):
        self.level, self.cell, self.centred, self.bold, self.pre = level, cell, centred, bold, pre


class _Walker:
    """Walks the element tree, gathering inline text into lines that block elements end."""

    def __init__(self, out: LineWriter) -> None:
        self.out = out
        self.parts: list[str] = []
        self.bold_chars = 0
        self.ctx = _Context()
        self.item = False  # the line being gathered is a list item
        self.last_was_item = False

    def text(self, s: str | None, ctx: _Context) -> None:
        if not s:
            return
        s = s if ctx.pre else _WS.sub(" ", s)
        if not self.parts or not "".join(self.parts).strip():
            self.ctx = ctx  # the line takes the hints of the block its text starts in
        self.parts.append(s)
        if ctx.bold:
            self.bold_chars += len(s.strip())

    def flush(self) -> None:
        line = "".join(self.parts)
        if line.strip():
            ctx = self.ctx
            bold = self.bold_chars * 2 > len(line.replace("\n", "").strip())
            hint = LineHint(bold=bold, centred=ctx.centred, level=ctx.level, cell=ctx.cell)
            if not (self.item and self.last_was_item):
                self.out.blank()  # blocks apart; the items of a list together
            self.out.add(line, hint)
            self.last_was_item = self.item
        self.parts, self.bold_chars, self.item = [], 0, False

    def walk(self, el, ctx: _Context) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "br":
            self.parts.append("\n")
            return
        block = tag in _BLOCK
        if block:
            self.flush()
            centred = ctx.centred or tag == "center" or (el.get("align") or "").lower() == "center" or bool(
                _CENTRE_STYLE.search(el.get("style") or "")
            )
            ctx = _Context(
                _HEADINGS.get(tag, ctx.level), ctx.cell or _data_cell(el), centred, ctx.bold, ctx.pre or tag == "pre"
            )
        elif tag in ("b", "strong") or "font-weight:bold" in (el.get("style") or "").replace(" ", "").lower():
            ctx = _Context(ctx.level, ctx.cell, ctx.centred, True, ctx.pre)
        if tag == "li":
            # A list item reads as one, as in a text extraction: "- 条目", or "3. 条目" in a numbered list.
            parent = el.getparent()
            numbered = parent is not None and isinstance(parent.tag, str) and parent.tag.lower() == "ol"
            position = sum(1 for sib in el.itersiblings(preceding=True) if isinstance(sib.tag, str) and sib.tag.lower() == "li")
            self.text(f"{position + 1}. " if numbered else "- ", ctx)
            self.item = True
        self.text(el.text, ctx)
        for child in el:
            self.walk(child, ctx)
            if tag in _BLOCK and child.tag in _BLOCK:
                self.flush()  # text after a block child starts a line of its own
            self.text(child.tail, ctx)  # a child's tail belongs to this element
        if block:
            self.flush()
