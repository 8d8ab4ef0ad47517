"""Copies: reports whose body text is the same article, found with shingles + MinHash/LSH.

A small exact MinHash (blake2b-seeded) with LSH banding: candidates share a band, then the
estimated Jaccard similarity decides. No all-pairs comparison.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence

WORD = re.compile(r"\w+", re.UNICODE)
PERMUTATIONS = 64
BANDS = 16
SHINGLE = 5
THRESHOLD = 0.5
_MASK = (1 << 64) - 1
_SEEDS = [
    int.from_bytes(hashlib.blake2b(str(i).encode(), digest_size=8).digest(), "big") | 1
    for i in range(PERMUTATIONS)
]


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    """Hashes of the word *size*-grams of *text* (case and punctuation ignored)."""
    words = WORD.findall(text.lower())
    if len(words) < size:
        words = words + [""] * (size - len(words))
    return {
        int.from_bytes(
            hashlib.blake2b(" ".join(words[i : i + size]).encode(), digest_size=8).digest(), "big"
        )
        for i in range(len(words) - size + 1)
    }


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of *text*."""
    grams = shingles(text)
    return tuple(min(((g * seed) ^ (seed >> 7)) & _MASK for g in grams) for seed in _SEEDS)


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)


def copy_sets(texts: Sequence[str], threshold: float = THRESHOLD) -> list[int]:
    """For each text, the index of its canonical copy (itself when it is no copy)."""
    sigs = [signature(t) for t in texts]
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for i, sig in enumerate(sigs):
        for b in range(BANDS):
            buckets[(b, sig[b * rows : (b + 1) * rows])].append(i)
    for members in buckets.values():
        for j in members[1:]:
            i = members[0]
            if find(i) != find(j) and similarity(sigs[i], sigs[j]) >= threshold:
                a, b2 = sorted((find(i), find(j)))
                parent[b2] = a
    return [find(i) for i in range(len(texts))]
