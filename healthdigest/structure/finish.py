"""The finishing stage: each article's closing source and lede byline, and the warnings a
reader owes the user when text went missing or stories may have merged."""

from __future__ import annotations

import re

from healthdigest.model import Article, Bulletin
from healthdigest.structure import patterns as P
from healthdigest.structure.reader import ISSUE_NOTE, source_tail
from healthdigest.textutil import ends_terminal

# Share of the document's characters that may end outside every article before the user is
# told: page marks, navigation and colophons are a few per cent of a real document.
LOSS_WARNING = 0.05
# Reasons a line is left out by design, not for want of a place: page marks and running heads,
# a 公文's appended forms (appendix) and colophon, and a web page's chrome (its navigation, menus,
# buttons, disclaimers and the links it lists under the article) — none of it is article text.
DELIBERATE = {
    "page marker", "running head", "appendix", "colophon",
    "site navigation", "site menu", "navigation", "site footer", "repeated site footer", "repeated title",
    "page title (the headline with the site's name)", "page furniture (button)", "image placeholder",
    "site disclaimer", "related links", "page credits", "end of story mark", "promulgation above the law",
    "forwarded document's head",
}  # fmt: skip

# A 简报's circulation mark (内部资料) and the issue's own 编者按; a page's staff credits, the account
# or column name over its headline and the rules between a CMS export's posts.
DELIBERATE |= {"circulation mark", ISSUE_NOTE, "editor credit", "page furniture (account or column name)", "separator rule"}


def finish_article(art: Article) -> None:
    """Source from a trailing （…） line, byline from a 本报讯 lede; a body ends with text."""
    body = art.body_paragraphs
    if body and (end := P.NEWS_END_MARK.search(body[-1].text)) and end.start() > 0:
        body[-1].text = body[-1].text[: end.start()]  # an agency's (完) closes the story, it is not text
    if art.byline is None and art.paragraphs and (m := P.LEDE.match(art.paragraphs[0].text)):
        art.byline = re.sub(r"(?<=\S)(?=(?:特约)?通讯员)", " ", m.group(1).strip())
    if body:
        last = body[-1]
        m = source_tail(last.text)
        # （人民网报道）, （规划处供稿）: the words after the name say what it did, not who.
        credit = P.CREDIT_VERB.sub("", P.SOURCE_PREFIX.sub("", m.group(1)).strip()) or None if m else None
        if m and art.source is not None and credit and credit != art.source:
            # A second credit (来源：a paper, and （规划处 王某 供稿） at the end): who supplied
            # the copy is the byline, or the fuller form of it; a credit that is neither stays
            # in the text, never lost.
            credit = re.sub(r"\s+", " ", credit)
            if art.byline is None or art.byline.replace(" ", "") in credit.replace(" ", ""):
                art.byline = credit
            else:
                m = None
        if m:
            if art.source is None:
                art.source = credit
            last.text = last.text[: m.start()].rstrip()
            if not last.text:
                art.paragraphs.remove(last)


def warn_unfinished(b: Bulletin) -> None:
    """An article whose text stops mid-sentence: its continuation may stand elsewhere."""
    for k, art in enumerate(b.articles):
        body = art.body_paragraphs
        if body and not ends_terminal(body[-1].text) and len(body[-1].text) > 40:
            b.warnings.append(
                f"article {k + 1} ({art.title or 'untitled'}) ends mid-sentence at line "
                f"{body[-1].lines[-1]}; its continuation may stand elsewhere in the file"
            )


def warn_merged(b: Bulletin) -> None:
    """Marks that end or open a story inside an article: a title was evidently missed there."""
    for k, art in enumerate(b.articles):
        body = art.paragraphs
        for j, p in enumerate(body):
            if j + 1 < len(body) and p.kind == "text" and source_tail(p.text) is not None and len(body[j + 1].text) >= 40:
                mark = "a closing （source）"
            elif j > 0 and p.kind == "text" and P.LEDE.match(p.text):
                mark = "a news lede (本报讯/…电)"
            else:
                continue
            b.warnings.append(
                f"article {k + 1} ({art.title or 'untitled'}) may hold two stories: {mark} at line {p.lines[0]} "
                "with more text after it; a title was probably missed there"
            )
            break


def warn_losses(b: Bulletin, line_text: dict[int, str]) -> None:
    """Say so when no article was found, or when more than a small share of the text was dropped."""
    if not b.articles:
        b.warnings.append("no article found: the whole text was left out (see `dropped`)")
        return
    total = sum(len(t) for t in line_text.values())
    dropped = sum(len(line_text.get(d.line, "")) for d in b.dropped if d.reason not in DELIBERATE)
    if total and dropped / total > LOSS_WARNING:
        b.warnings.append(
            f"{dropped / total:.0%} of the text ({len({d.line for d in b.dropped})} lines) is outside every "
            "article; see `dropped` for each line and why"
        )
