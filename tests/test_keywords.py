"""Keywords an editor would keep: no generic words, numbers or single characters in the top 5."""

from __future__ import annotations

import pytest

from conftest import ROOT

GENERIC = set((ROOT / "tests" / "generic_words.txt").read_text(encoding="utf-8").split())


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_top_five_keywords_of_every_seed_article_are_specific(name, seed_digests):
    bulletin = next(b for n, b in seed_digests.items() if n.startswith(name))
    for article in bulletin.articles:
        top = [k.word for k in article.keywords[:5]]
        assert len(top) == 5, article.title
        for word in top:
            assert word not in GENERIC, (article.title, word)
            assert len(word) >= 2 and not any(ch.isdigit() for ch in word), (article.title, word)


def test_domain_terms_stay_whole_and_aliases_fold(settings):
    from healthdigest.pipeline import digest_bytes

    text = (
        "国家卫健委推进紧密型县域医共体建设\n\n"
        "国家卫健委表示，紧密型县域医共体建设要与分级诊疗、家庭医生签约服务和集采结余留用衔接。"
        "国家卫生健康委将指导各地推进紧密型县域医共体建设，完善家庭医生签约服务，落实分级诊疗。"
    )
    words = [k.word for k in digest_bytes(text.encode(), name="x.txt", settings=settings).articles[0].keywords]
    assert "紧密型县域医共体" in words and "家庭医生签约服务" in words and "分级诊疗" in words
    assert "国家卫生健康委员会" in words and "国家卫健委" not in words


def test_user_words_and_stopwords_from_config_apply(tmp_path):
    from healthdigest.config import load_settings
    from healthdigest.pipeline import digest_bytes

    cfg = tmp_path / "c.yaml"
    cfg.write_text("keywords:\n  words: [三明医改模式]\n  stopwords: [医保]\n", encoding="utf-8")
    settings = load_settings(cfg)
    text = "三明医改模式推广\n\n各地学习三明医改模式，推进医保、医疗、医药协同发展。三明医改模式以医保支付改革为抓手。三明医改模式成效明显。"
    words = [k.word for k in digest_bytes(text.encode(), name="y.txt", settings=settings).articles[0].keywords]
    assert "三明医改模式" in words and "医保" not in words
