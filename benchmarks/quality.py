"""Summary quality on the seeds: ROUGE-1/2/L against the printed 【提要】 abstracts.

Run by hand:  .venv/bin/python benchmarks/quality.py [--sentences 3]
Compares healthdigest's default engine with lead-3, textrank4zh's TextRank4Sentence used as
its users use it (on the article text), and sumy's LexRank when sumy is installed. Articles
come from healthdigest's own split; references are the abstracts the 目录 prints (never an
input to any method: they are read from the contents, the methods see only the body).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rouge import rouge_l, rouge_n  # noqa: E402

from healthdigest import words as W  # noqa: E402
from healthdigest.config import Settings, load_settings  # noqa: E402
from healthdigest.pipeline import vocabulary  # noqa: E402
from healthdigest.reading import read_file  # noqa: E402
from healthdigest.sentences import article_sentences  # noqa: E402
from healthdigest.structure import read_structure  # noqa: E402
from healthdigest.summary import Candidate, summarize  # noqa: E402
from healthdigest.textrank_compat import textrank4zh  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def articles_with_abstracts():
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        bulletin = read_structure(read_file(path).text, path=str(path))
        for article in bulletin.articles:
            if article.abstract:
                yield article


def method_healthdigest(article, n, vocab, engine="hybrid"):
    """healthdigest's default digest: its engine and its default length bound."""
    cands = [Candidate(s, W.cut(s.shown)) for s in article_sentences(article)]
    chosen = summarize(cands, engine=engine, max_sentences=n, max_chars=Settings().max_chars, vocab=vocab)
    return "".join(s.shown for s in chosen)


def method_lead(article, n, vocab):
    return "".join(s.text for s in article_sentences(article)[:n])


def method_textrank4zh(article, n, vocab):
    tr = textrank4zh().TextRank4Sentence()
    tr.analyze(text=article.text, lower=True, source="all_filters")
    picked = sorted(tr.get_key_sentences(num=n), key=lambda item: item.index)
    return "".join(item.sentence for item in picked)


def method_sumy(article, n, vocab):
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer

    parser = PlaintextParser.from_string(article.text, Tokenizer("chinese"))
    return "".join(str(s) for s in LexRankSummarizer()(parser.document, n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=3)
    args = ap.parse_args()
    load_settings(None)
    vocab = vocabulary()
    arts = list(articles_with_abstracts())
    methods = {
        "healthdigest (hybrid)": method_healthdigest,
        "lead-3": method_lead,
        "textrank4zh": method_textrank4zh,
    }
    try:
        import sumy  # noqa: F401

        methods["sumy LexRank"] = method_sumy
    except ImportError:
        print("(sumy not installed: pip install sumy to add LexRank)", file=sys.stderr)
    print(f"{len(arts)} articles with a printed abstract; {args.sentences} sentences each\n")
    print(f"{'method':24s} {'ROUGE-1':>8s} {'ROUGE-2':>8s} {'ROUGE-L':>8s} {'seconds':>8s}")
    for name, fn in methods.items():
        t = time.perf_counter()
        preds = [fn(a, args.sentences, vocab) for a in arts]
        dt = time.perf_counter() - t
        r1 = sum(rouge_n(p, a.abstract, 1) for p, a in zip(preds, arts, strict=True)) / len(arts)
        r2 = sum(rouge_n(p, a.abstract, 2) for p, a in zip(preds, arts, strict=True)) / len(arts)
        rl = sum(rouge_l(p, a.abstract) for p, a in zip(preds, arts, strict=True)) / len(arts)
        print(f"{name:24s} {r1:8.3f} {r2:8.3f} {rl:8.3f} {dt:8.2f}")


if __name__ == "__main__":
    main()
