"""Settings apply to their own digest only: the user's words, stopwords and aliases never leak
into a later digest with other settings in the same process, whichever comes first."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# A bulletin of our own: a term jieba splits (医防融合小屋), a word that ranks as a keyword by
# default (测血压), and nothing else unusual. Twenty keywords an article, so that the words
# under test are shown whatever small changes the keyword ranking goes through.
TEXT = "医防融合小屋进社区\n\n" + "".join(
    [
        "各地建设医防融合小屋，推动医防融合小屋服务居民健康。",
        "医防融合小屋由家庭医生团队值守，提供慢病随访和健康教育。",
        "居民在医防融合小屋就能测血压、测血糖，慢病患者按月复诊。",
        "今年将新建医防融合小屋二百个，覆盖全部乡镇卫生院。",
    ]
)
TERM, COMMON, CANONICAL = "医防融合小屋", "测血压", "量血压"
KEYWORDS = 20
CUSTOM = {"words": {"words": [TERM]}, "stopwords": {"stopwords": [COMMON]}, "aliases": {"aliases": {COMMON: CANONICAL}}}

# Run in a fresh interpreter, so that the order of digests is the one under test and not
# whatever earlier tests left behind.
SCRIPT = """
import json, sys
import healthdigest as hd
text, custom, order = json.loads(sys.argv[1])
out = {}
for kind, options in custom.items():
    runs = {"default": hd.Settings(keywords=%d), "custom": hd.Settings(keywords=%d, **options)}
    for which in order:
        out.setdefault(kind, {})[which] = hd.render_digest(hd.digest_text(text, settings=runs[which]), "jsonl")
print(json.dumps(out))
"""


def _fresh_process(order: list[str]) -> dict:
    arg = json.dumps([TEXT, CUSTOM, order], ensure_ascii=False)
    script = SCRIPT % (KEYWORDS, KEYWORDS)
    done = subprocess.run([sys.executable, "-c", script, arg], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _keywords(jsonl: str) -> list[str]:
    return [k["word"] for k in json.loads(jsonl)["articles"][0]["keywords"]]


@pytest.fixture(scope="module")
def both_orders():
    return _fresh_process(["custom", "default"]), _fresh_process(["default", "custom"])


@pytest.mark.parametrize("kind", sorted(CUSTOM))
def test_a_default_digest_is_the_same_before_and_after_a_custom_one(both_orders, kind):
    custom_first, default_first = both_orders
    assert custom_first[kind]["default"] == default_first[kind]["default"]


@pytest.mark.parametrize("kind", sorted(CUSTOM))
def test_a_custom_digest_is_the_same_before_and_after_a_default_one(both_orders, kind):
    custom_first, default_first = both_orders
    assert custom_first[kind]["custom"] == default_first[kind]["custom"]


def test_each_setting_changes_its_own_digest_in_both_orders(both_orders):
    for run in both_orders:
        words, stops, aliases = run["words"], run["stopwords"], run["aliases"]
        # The default segmenter splits the term (see the last test), so the digests differ.
        assert TERM in _keywords(words["custom"]) and words["custom"] != words["default"]
        assert COMMON not in _keywords(stops["custom"]) and COMMON in _keywords(stops["default"])
        assert CANONICAL in _keywords(aliases["custom"]) and COMMON not in _keywords(aliases["custom"])
        assert COMMON in _keywords(aliases["default"]) and CANONICAL not in _keywords(aliases["default"])


def test_user_words_never_enter_jiebas_own_dictionary():
    import jieba

    import healthdigest as hd

    word = "医防融合小屋乙"  # a word no other test uses
    hd.digest_text(TEXT.replace(TERM, word), settings=hd.Settings(words=(word,)))
    assert word not in jieba.dt.FREQ
    assert jieba.lcut(word) != [word]


def test_the_default_settings_cut_with_jiebas_own_tokenizer_and_others_share_one_per_word_list():
    import jieba

    from healthdigest.words import tokenizer

    assert tokenizer(()) is jieba.dt  # the default path makes no copy of the dictionary
    own = tokenizer((TERM,))
    assert own is not jieba.dt and tokenizer((TERM,)) is own
    assert own.lcut(TERM) == [TERM]
