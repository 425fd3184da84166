"""Properties that hold for any text: the split never raises and conserves every line."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from healthdigest.structure import read_structure
from healthdigest.textutil import normalize_line

# Lines built from the genre's own pieces, so the generator reaches the structural rules.
PIECES = st.sampled_from(
    [
        "【资讯前沿】", "·医院管理·", "目 录", "要点", "- 一条要点", "本期内容", "——本期视点——",
        "标题：某省推进医共体建设", "某省推进医共体建设..... 3", "▶某文章标题（来源：健康报）——第 7页",
        "【提要】提要文字。", "来源：健康报", "返回目录", "3 / 88", "- 4 -", "2024年第9期（总第296期）",
        "2024年3月5日", "本报讯（记者李某）近日，会议召开。", "□特约记者 张某", "^① 注释内容。",
        "首页 > 新闻 > 正文", "【作者:admin 发布日期:2024-03-27】", "发布时间：2024-01-18 来源：某网",
        "（中国中医药报）", "正文第一句话，说明情况，没有结束", "句子结束。", "一是加强监管。二是优化服务。",
        "", " ", "**加粗**文字", "2024 年 3 月", "版权所有：某单位",
    ]
)
LINES = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=40)


def nonblank(text: str) -> set[int]:
    return {i for i, line in enumerate(re.split(r"\r\n|\r|\n", text), 1) if normalize_line(line)}


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_split_never_raises_and_accounts_for_every_line(lines):
    text = "\n".join(lines)
    bulletin = read_structure(text)
    assert set(bulletin.line_roles) == nonblank(text)
    assert {d.line for d in bulletin.dropped} == {n for n, r in bulletin.line_roles.items() if r == "dropped"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text_is_split_without_error(text):
    bulletin = read_structure(text)
    assert set(bulletin.line_roles) == nonblank(text)


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_repairing_repaired_text_changes_nothing(lines):
    from healthdigest.structure.lines import repair_text

    once = repair_text("\n".join(lines))
    assert repair_text(once) == once


@settings(max_examples=60, deadline=None)
@given(LINES)
def test_whole_digest_never_raises_and_validates(lines):
    import json
    from importlib import resources

    import jsonschema

    from healthdigest.config import Settings
    from healthdigest.errors import InputError
    from healthdigest.output import render_all
    from healthdigest.pipeline import digest_bytes

    schema = json.loads(resources.files("healthdigest").joinpath("digest.schema.json").read_text(encoding="utf-8"))
    try:
        bulletin = digest_bytes("\n".join(lines).encode(), name="x.txt", settings=Settings())
    except InputError:
        return  # empty or whitespace-only: refused with a message, as documented
    jsonschema.validate(json.loads(render_all([bulletin], "jsonl")), schema)
    for article in bulletin.articles:
        assert all(s.shown for s in article.summary)
