"""错敏词 (issue 18, item 6): a 10,000-character text checked against a 20,000-word
list, beside reading the text once (its NFKC fold, which every check does first).

    python tests/benchmarks/bench_sensitive.py [--words 20000] [--chars 10000]

No database: the matcher is what each check runs (sensitivewords.matching).
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sensitivewords.matching import WordMatcher, fold

COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
)


def timed(fn, *args, rounds):
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn(*args)
        samples.append(time.perf_counter() - start)
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--chars", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()

    rng = random.Random(2026)
    words = set()
    while len(words) < args.words:
        words.add("".join(rng.choices(COMMON, k=rng.randint(2, 4))))
    listed = [(word, "block" if i % 4 else "warn") for i, word in enumerate(sorted(words))]
    text = "".join(rng.choices(COMMON + "，。、；：ＡＢＣ１２３abc ", k=args.chars))

    start = time.perf_counter()
    matcher = WordMatcher(listed)
    built = time.perf_counter() - start
    found = matcher.find(text)
    check = timed(matcher.find, text, rounds=args.rounds)
    anchor = timed(fold, text, rounds=args.rounds)
    one, five, _ = os.getloadavg()
    print(f"list of {len(listed)} words built in {built * 1000:.0f} ms")
    print(
        f"check of {len(text)} characters: median {check[0] * 1000:.2f} ms, "
        f"p95 {check[1] * 1000:.2f} ms ({len(found.blocking)} blocking, "
        f"{len(found.warning)} warning words found)"
    )
    print(
        f"  anchor, folding the text once: median {anchor[0] * 1000:.2f} ms; "
        f"ratio {check[0] / anchor[0]:.1f}x (load {one:.1f}/{five:.1f}, {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
