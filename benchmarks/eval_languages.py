"""False alarms in news of other languages than English: what the matcher finds in prose of
words that name no one.

    .venv/bin/python benchmarks/eval_languages.py [--paragraphs 1000] [--seed 5] [--languages ru uk ...]

There is no news here in most of the languages the matcher reads, so the prose is made of words
as often as text uses them (wordfreq's lists, the 20,000 commonest words of each language drawn
by their frequency) in sentences of 8 to 14 words, the first capitalised, three to a paragraph,
screened against the bundled OFAC SDN list. Every hit is a false alarm, but a name the word list
holds (Путин, Qaeda). A sentence's first word is the hard case: capitalised whatever it is, it
looks like a name (Этим, "by this", as ETIM; Entrar as ENTRAR LLC). Chinese, Japanese, Korean,
Arabic, Persian, Urdu and Hebrew have benchmarks of their own (eval_cjk.py, eval_abjad.py).
"""

from __future__ import annotations

import argparse
import random

from _bundled import bundled_index, report_hits
from wordfreq import get_frequency_dict

from monitor.matching import TextMatcher

LANGUAGES = ["ru", "uk", "el", "tr", "de", "fr", "es", "it", "pl", "id", "vi", "hi", "bn"]


def paragraphs(lang: str, count: int, rng: random.Random) -> list[str]:
    freq = get_frequency_dict(lang, "small")
    words = sorted(freq, key=freq.__getitem__, reverse=True)[:20_000]
    weights = [freq[w] for w in words]
    out = []
    for _ in range(count):
        sentences = []
        for _ in range(3):
            chosen = rng.choices(words, weights, k=rng.randint(8, 14))
            chosen[0] = chosen[0][:1].upper() + chosen[0][1:]
            sentences.append(" ".join(chosen) + ".")
        out.append(" ".join(sentences))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--paragraphs", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--languages", nargs="+", default=LANGUAGES)
    args = parser.parse_args()
    matcher = TextMatcher(bundled_index())
    total = 0
    for lang in args.languages:
        texts = paragraphs(lang, args.paragraphs, random.Random(args.seed))
        total += report_hits(matcher, f"{lang}  {len(texts)} paragraphs", texts, shown=5)
    print(f"all  {total} hits in {len(args.languages) * args.paragraphs} paragraphs")


if __name__ == "__main__":
    main()
