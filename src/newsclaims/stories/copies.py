"""Copies: reports whose body text is the same article (a repost, a wire copy, a re-crawl).

Each body is cut into word 5-gram shingles; a MinHash signature of the shingles goes into a
MinHash LSH index (``datasketch``, the ``stories`` extra), which proposes candidate pairs without
comparing every pair. A candidate is a copy when the exact shingle Jaccard similarity of the two
bodies is at least :data:`THRESHOLD`, or when nearly all of the shorter body is in the longer one
(:data:`CONTAINMENT`: the same article inside more boilerplate). Reports are taken in
publication order, so the canonical report of a copy set is its earliest.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from datasketch import MinHash

WORD = re.compile(r"\w+", re.UNICODE)
#: Words per shingle.
SHINGLE = 5
#: MinHash permutations (64 keeps the index small; candidates are verified exactly).
PERMUTATIONS = 64
#: The LSH index's target similarity (below the decision threshold, so copies are not missed).
LSH_THRESHOLD = 0.45
#: Exact Jaccard similarity of the shingle sets at or above which two bodies are copies.
THRESHOLD = 0.6
#: Share of the shorter body's shingles found in the longer one that also makes a copy.
CONTAINMENT = 0.95
#: With :data:`CONTAINMENT`, the least Jaccard similarity (the longer body is not a digest).
CONTAINED_JACCARD = 0.3
#: datasketch's permutation scheme (32-bit hashes, 32-bit signatures).
SCHEME = "affine32"
#: Fewer shingles than this: too short to call a copy.
MIN_SHINGLES = 8


def _require() -> Any:
    try:
        import datasketch
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("copies need datasketch: pip install 'newsclaims[stories]'") from exc
    return datasketch


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The word *size*-grams of *text*, case folded, punctuation ignored."""
    words = WORD.findall(text.casefold())
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def _hash32(data: bytes) -> int:
    return zlib.crc32(data)


_PERMS: Any = None


def signature(grams: Iterable[bytes]) -> MinHash:
    """The MinHash signature of a set of shingles (one shared set of permutations)."""
    global _PERMS
    datasketch = _require()
    if _PERMS is None:
        _PERMS = datasketch.MinHash(
            num_perm=PERMUTATIONS, hashfunc=_hash32, scheme=SCHEME
        ).permutations
    sig = datasketch.MinHash(
        num_perm=PERMUTATIONS, hashfunc=_hash32, permutations=_PERMS, scheme=SCHEME
    )
    sig.update_batch(list(grams))
    return sig


def is_copy(a: set[bytes], b: set[bytes]) -> bool:
    """Whether two shingle sets are the same article (see the module docstring)."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return False
    inter = len(a & b)
    jaccard = inter / (len(a) + len(b) - inter)
    if jaccard >= THRESHOLD:
        return True
    return jaccard >= CONTAINED_JACCARD and inter / min(len(a), len(b)) >= CONTAINMENT


def copy_sets(texts: Sequence[str], order: Sequence[int] | None = None) -> list[int]:
    """For each text, the index of its copy set's canonical text (itself when it is no copy).

    *order* lists the indexes earliest first (default: as given); the canonical report of a set
    is the first of it in that order. Copies chain: a re-crawl of a re-crawl is in the same set.
    """
    datasketch = _require()
    order = list(range(len(texts))) if order is None else list(order)
    rank = {index: position for position, index in enumerate(order)}
    lsh = datasketch.MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for index in order:
        grams = shingles(texts[index])
        if len(grams) < MIN_SHINGLES:
            continue
        sig = signature(grams)
        for other in lsh.query(sig):
            if find(other) != find(index) and is_copy(grams, shingles(texts[other])):
                a, b = sorted((find(other), find(index)), key=rank.__getitem__)
                parent[b] = a
        lsh.insert(index, sig, check_duplication=False)
    return [find(i) for i in range(len(texts))]
