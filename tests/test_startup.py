"""What the start-up and structure speed-ups must not change: each 公文 mark is still read
with the quick test that skips lines holding none, and a digest does not import what only
other commands use."""

import subprocess
import sys

import pytest

from healthdigest.structure import patterns as P
from healthdigest.structure.lines import official_marks


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("特 急", (("特急",), None, None)),
        ("加急", (("加急",), None, None)),
        ("平 急", (("平急",), None, None)),
        ("特 提", (("特提",), None, None)),
        ("急件", (("急件",), None, None)),
        ("机 密★1年", (("机密★1年",), None, None)),
        ("内部资料", (("内部资料",), None, None)),
        ("不予公开", (("不予公开",), None, None)),
        ("公开方式：依申请公开", (("公开方式：依申请公开",), None, None)),
        ("湘卫医发[2023]17号", ((), "湘卫医发[2023]17号", None)),
        ("签发人：李  明", ((), None, "李  明")),
        ("|主动公开 | 某卫函〔2024〕第5号|", (("主动公开",), "某卫函〔2024〕第5号", None)),
    ],
)
def test_each_kind_of_official_mark_passes_the_quick_test(line, expected):
    assert not P.OFFICIAL_MARK_CHARS.isdisjoint(line)
    assert official_marks(line) == expected


def test_a_line_without_mark_characters_is_no_official_mark():
    assert official_marks("各区卫生健康局：") is None
    assert official_marks("123456") == (("份号",), None, None)  # the 份号 needs none of them


def test_a_digest_imports_neither_the_briefing_nor_fuzzy_matching():
    code = (
        "import sys; from healthdigest.api import digest_text; "
        "digest_text('健康简报\\n\\n某市推进家庭医生签约服务\\n\\n某市今年新增签约居民一万人。\\n'); "
        "print(sorted(m for m in ('healthdigest.brief', 'rapidfuzz') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
