"""The seeds' structure against the gold read off by hand (tests/gold, copied from shared/gold)."""

from __future__ import annotations

import pytest

from conftest import gold_files, load_gold
from healthdigest.textutil import fold

GOLDS = {p.name: load_gold(p) for p in gold_files()}


def _pairs(name, seed_digests):
    gold = GOLDS[name]
    bulletin = seed_digests[gold["file"]]
    assert len(bulletin.articles) == len(gold["articles"]), [a.title for a in bulletin.articles]
    return gold, list(zip(gold["articles"], bulletin.articles, strict=True))


@pytest.mark.parametrize("name", GOLDS)
def test_layout_is_recognised(name, seed_digests):
    assert seed_digests[GOLDS[name]["file"]].layout == GOLDS[name]["layout"]


@pytest.mark.parametrize("name", GOLDS)
def test_titles_match_gold_in_order(name, seed_digests):
    _, pairs = _pairs(name, seed_digests)
    for want, got in pairs:
        assert fold(got.title or "") == fold(want["title"])


@pytest.mark.parametrize("name", GOLDS)
def test_sections_and_sources_match_gold(name, seed_digests):
    _, pairs = _pairs(name, seed_digests)
    for want, got in pairs:
        if "section" in want:
            assert fold(got.section or "") == fold(want["section"] or ""), want["title"]
        if "source" in want:
            assert fold(got.source or "") == fold(want["source"] or ""), want["title"]
        if "page" in want:
            assert got.page == want["page"], want["title"]


@pytest.mark.parametrize("name", GOLDS)
def test_bodies_start_and_end_where_gold_says(name, seed_digests):
    _, pairs = _pairs(name, seed_digests)
    for want, got in pairs:
        if want.get("stretch"):
            continue
        body = fold(got.text)
        assert body.startswith(fold(want["first"])[:12]), (want["title"], got.text[:40])
        assert body.endswith(fold(want["last"])[-12:]), (want["title"], got.text[-40:])


@pytest.mark.parametrize("name", GOLDS)
def test_metadata_matches_gold(name, seed_digests):
    gold = GOLDS[name]
    meta = seed_digests[gold["file"]].metadata
    for key in ("title", "issue", "number", "total_number", "date", "author"):
        if key in gold["bulletin"]:
            want = gold["bulletin"][key]
            got = getattr(meta, key)
            assert (fold(str(got)) if got is not None else None) == (fold(str(want)) if want is not None else None), key
    if "publisher" in gold["bulletin"]:
        assert meta.publisher == gold["bulletin"]["publisher"]


@pytest.mark.parametrize("name", [n for n, g in GOLDS.items() if g.get("declared_highlights")])
def test_printed_highlights_are_read(name, seed_digests):
    gold = GOLDS[name]
    got = seed_digests[gold["file"]].declared_highlights
    assert [fold(x) for x in got] == [fold(x) for x in gold["declared_highlights"]]


def test_footnotes_belong_to_their_article_not_its_body(seed_digests):
    gold, pairs = _pairs("001_fab50692d8e738b0.yaml", seed_digests)
    for want, got in pairs:
        assert len(got.footnotes) == want.get("footnotes", 0), want["title"]
        for note in got.footnotes:
            assert fold(note)[:12] not in fold(got.text)


def test_web_article_keeps_subheadings_inside_one_article(seed_digests):
    gold, pairs = _pairs("002_0207d4c4c942e4a6.yaml", seed_digests)
    (want, got), = pairs
    assert [fold(s) for s in got.subheadings] == [fold(s) for s in want["subheadings"]]


def test_compilation_abstracts_come_from_the_contents(seed_digests):
    _, pairs = _pairs("003_95dcd98fb450c0bd.yaml", seed_digests)
    for want, got in pairs:
        assert fold(got.abstract or "") == fold(want["abstract"]), want["title"]


def test_newspaper_bylines_come_from_ledes_and_byline_lines(seed_digests):
    _, pairs = _pairs("004_54a18ce137eb29fa.yaml", seed_digests)
    for want, got in pairs:
        assert fold(got.byline or "") == fold(want["byline"]), want["title"]


def test_misplaced_newspaper_title_is_adopted_with_a_warning(seed_digests):
    bulletin = seed_digests["004_54a18ce137eb29fa.txt"]
    assert any("stands after its story" in w for w in bulletin.warnings)


def test_misplaced_newspaper_tail_is_moved_back_to_its_story(seed_digests):
    """The gold's stretch case: 于都's tail stood inside the 太原 story; both now end as gold says."""
    _, pairs = _pairs("004_54a18ce137eb29fa.yaml", seed_digests)
    for want, got in pairs:
        if want.get("stretch"):
            assert fold(got.text).endswith(fold(want["last"])[-12:]), want["title"]
            assert fold(got.text).startswith(fold(want["first"])[:12]), want["title"]
