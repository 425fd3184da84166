"""What the reader sees: 要点 that are facts, the printed 要点 and 【提要】, every keyword asked for."""

from __future__ import annotations

import io
from dataclasses import replace

from rich.console import Console

from healthdigest.highlights import MAX_CHARS
from healthdigest.pipeline import digest_file
from healthdigest.render.markdown import render_bulletin as markdown
from healthdigest.render.terminal import render_bulletin as rich_view
from healthdigest.summary import item_mark
from conftest import SEEDS


def rich_text(bulletin) -> str:
    console = Console(record=True, width=100, file=io.StringIO(), highlight=False)
    rich_view(console, bulletin)
    return console.export_text()


def test_highlights_are_short_facts_never_list_lines(seed_digests):
    for name, bulletin in seed_digests.items():
        for h in bulletin.highlights:
            assert item_mark(h.text) is None, (name, h.text)  # no 一是… padding
            assert not h.text.endswith(("：", ":")), (name, h.text)
            assert len(h.text) <= MAX_CHARS + 1, (name, h.text)
        assert len({h.text for h in bulletin.highlights}) == len(bulletin.highlights), name


def test_highlights_are_not_just_the_titles_reordered(seed_digests):
    written = 0
    for bulletin in seed_digests.values():
        titles = {a.title for a in bulletin.articles}
        written += sum(h.text not in titles for h in bulletin.highlights)
    assert written >= 5  # lines written from the articles' facts where a title is no fact


def test_printed_highlights_and_abstracts_are_shown_in_rich_and_markdown(seed_digests):
    newsletter = seed_digests["000_6b9dbb8f10a053fd.txt"]
    assert newsletter.declared_highlights
    compiled = seed_digests["003_95dcd98fb450c0bd.txt"]
    abstract = next(a.abstract for a in compiled.articles if a.abstract)
    for view in (markdown, rich_text):
        text = view(newsletter).replace("\n", "")
        for line in newsletter.declared_highlights:
            assert line[:20] in text
        assert "【提要】" + abstract[:15] in view(compiled).replace("\n", "").replace(" ", "")


def test_markdown_of_a_bulletin_without_masthead_is_not_headed_by_its_file_name(seed_digests):
    text = markdown(seed_digests["003_95dcd98fb450c0bd.txt"])
    first = text.splitlines()[0]
    assert first.startswith("# ") and ".txt" not in first and "003_" not in first


def test_keyword_count_applies_to_every_format(settings):
    twelve = digest_file(SEEDS / "004_54a18ce137eb29fa.txt", settings=replace(settings, keywords=12))
    article = max(twelve.articles, key=lambda a: len(a.keywords))
    assert len(article.keywords) > 8
    line = next(x for x in markdown(twelve).splitlines() if x.startswith("关键词：") and article.keywords[0].word in x)
    assert len(line.removeprefix("关键词：").split("、")) == len(article.keywords)


def test_measures_show_their_levels_in_markdown(seed_digests):
    text = markdown(seed_digests["001_fab50692d8e738b0.txt"])
    assert "\n  - 推进分级诊疗" in text  # a list inside an item is indented under it
