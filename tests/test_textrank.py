"""textrank4zh 0.3 runs on networkx 3 without scipy, through our patch."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from healthdigest.rank import pagerank, pagerank_graph
from healthdigest.textrank_compat import textrank4zh

TEXT = (
    "国家卫生健康委召开新闻发布会，介绍紧密型县域医共体建设进展。"
    "县域医共体统筹县域卫生资源，加强县乡村医疗服务协同联动。"
    "各地推进医共体建设，提升基层医疗卫生服务能力。"
    "群众在基层就能获得更多更高水平的医疗卫生服务。"
)


def test_keyword_extraction_runs():
    tr = textrank4zh().TextRank4Keyword()
    tr.analyze(text=TEXT, lower=True, window=2)
    words = [item.word for item in tr.get_keywords(5, word_min_len=2)]
    assert len(words) == 5 and all(len(w) >= 2 for w in words)


def test_sentence_extraction_runs():
    tr = textrank4zh().TextRank4Sentence()
    tr.analyze(text=TEXT, lower=True)
    picked = [item.sentence for item in tr.get_key_sentences(num=2)]
    assert len(picked) == 2 and all(s in TEXT for s in picked)


def test_no_scipy_needed():
    textrank4zh()
    assert "scipy" not in sys.modules


def test_pagerank_matches_networkx_on_a_small_graph():
    nx = pytest.importorskip("networkx")
    m = np.array([[0, 1, 1, 0], [1, 0, 2, 0], [1, 2, 0, 1], [0, 0, 1, 0]], dtype=float)
    ours = pagerank(m)
    graph = nx.Graph()
    for i in range(4):
        for j in range(4):
            if m[i, j]:
                graph.add_edge(i, j, weight=m[i, j])
    theirs = nx.pagerank(graph, alpha=0.85) if "scipy" in sys.modules else nx.algorithms.link_analysis.pagerank_alg._pagerank_python(graph, alpha=0.85)
    assert np.allclose(ours, [theirs[i] for i in range(4)], atol=1e-4)


def test_sparse_and_dense_pagerank_agree():
    m = np.array([[0, 1, 1, 0, 0], [1, 0, 2, 0, 0], [1, 2, 0, 1, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0]], dtype=float)
    names = "abcde"
    graph = {names[i]: {names[j]: m[i, j] for j in range(5) if m[i, j]} for i in range(5)}
    sparse = pagerank_graph(graph)
    assert np.allclose(pagerank(m), [sparse[c] for c in names], atol=1e-6)
