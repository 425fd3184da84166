"""Every JSON digest validates against the packaged schema; no key is ever absent."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from healthdigest.output import render_all
from healthdigest.render.jsonout import bulletin_dict

SCHEMA = json.loads(resources.files("healthdigest").joinpath("digest.schema.json").read_text(encoding="utf-8"))


def test_schema_itself_is_valid():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_seed_digest_validates(name, seed_digests):
    bulletin = next(b for n, b in seed_digests.items() if n.startswith(name))
    jsonschema.validate(json.loads(render_all([bulletin], "jsonl")), SCHEMA)


def test_json_array_holds_one_digest_per_bulletin(seed_digests):
    data = json.loads(render_all(list(seed_digests.values()), "json"))
    assert len(data) == len(seed_digests)
    for digest in data:
        jsonschema.validate(digest, SCHEMA)


def test_missing_values_are_null_not_absent(seed_digests):
    web = bulletin_dict(seed_digests["002_0207d4c4c942e4a6.txt"])
    assert web["bulletin"]["issue"] is None and "issue" in web["bulletin"]
    assert web["articles"][0]["section"] is None and "section" in web["articles"][0]


def test_summary_spans_point_at_the_sentences(seed_digests):
    for bulletin in seed_digests.values():
        for article in bulletin.articles:
            for s in article.summary:
                para = article.abstract if s.paragraph == -1 else article.paragraphs[s.paragraph].text
                assert para[s.offset : s.offset + len(s.text)] == s.text


@pytest.mark.parametrize(
    "name", ["plan_dotted_contents.txt", "markdown_front_matter.md", "newspaper_headline_groups.txt", "cms_three_posts.txt"]
)
def test_digests_of_other_layouts_validate(name, settings):
    from conftest import DATA
    from healthdigest.pipeline import digest_file

    bulletin = digest_file(DATA / "bulletins" / name, settings=settings)
    jsonschema.validate(json.loads(render_all([bulletin], "jsonl")), SCHEMA)


def test_every_layout_of_the_reader_is_one_the_schema_allows():
    from healthdigest.structure import LAYOUTS

    assert set(LAYOUTS) <= set(SCHEMA["properties"]["layout"]["enum"])
