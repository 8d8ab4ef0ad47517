"""Copies: reports whose body text is the same article (a repost, a wire copy, a re-crawl).

Each body is cut into word 5-gram shingles; a MinHash signature of the shingles goes into a
MinHash LSH index (``datasketch``, the ``stories`` extra), which proposes candidate pairs without
comparing every pair. A candidate is a copy when the exact shingle Jaccard similarity of the two
bodies is at least :data:`THRESHOLD`, or when nearly all of the shorter body is in the longer one
(:data:`CONTAINMENT`: the same article inside more boilerplate). Reports are taken in
publication order, so the canonical report of a copy set is its earliest.
"""

from __future__ import annotations

import itertools
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
#: A MinHash estimate below this: no copy without an exact check (it is far below
#: :data:`THRESHOLD`; the bodies are exactly compared only when the lengths differ a lot).
SURE_NOT = 0.4
#: A MinHash estimate at or above this is a copy without an exact check.
SURE = 0.85
#: Fewer shingles than this: too short to call a copy.
MIN_SHINGLES = 8


def _require() -> Any:
    try:
        import datasketch
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("copies need datasketch: pip install 'newsclaims[stories]'") from exc
    return datasketch


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The word *size*-grams of *text*, case folded, punctuation ignored."""
    words = WORD.findall(text.casefold())
    if len(words) < size:
        return set()
    joined = " ".join(words)
    ends = list(itertools.accumulate(map(len, words)))
    last = len(words) - size + 1
    return {
        joined[(ends[i - 1] + i if i else 0) : ends[i + size - 1] + i + size - 1]
        for i in range(last)
    }


def hash32(shingle: str) -> int:
    """A 32-bit hash of a shingle, the same in every process and on every machine.

    (Python's ``hash`` of a ``str`` is salted per process, ``PYTHONHASHSEED``: signatures made
    by two dask workers could not be compared.) The CRC-32 of the UTF-8 bytes (``zlib``, in C):
    the MinHash's random affine permutations do the mixing, the hash only has to tell shingles
    apart, and a cryptographic digest (BLAKE2b, SHA-1) cost 3x as much per shingle.
    """
    return zlib.crc32(shingle.encode("utf-8"))


_PERMS: Any = None


def signature(grams: Iterable[str]) -> MinHash:
    """The MinHash signature of a set of shingles (one shared set of permutations)."""
    global _PERMS
    datasketch = _require()
    if _PERMS is None:
        _PERMS = datasketch.MinHash(
            num_perm=PERMUTATIONS, hashfunc=hash32, scheme=SCHEME
        ).permutations
    sig = datasketch.MinHash(
        num_perm=PERMUTATIONS, hashfunc=hash32, permutations=_PERMS, scheme=SCHEME
    )
    sig.update_batch(list(grams))
    return sig


def is_copy(a: set[str], b: set[str]) -> bool:
    """Whether two shingle sets are the same article (see the module docstring)."""
    if len(a) < MIN_SHINGLES or len(b) < MIN_SHINGLES:
        return False
    inter = len(a & b)
    jaccard = inter / (len(a) + len(b) - inter)
    if jaccard >= THRESHOLD:
        return True
    return jaccard >= CONTAINED_JACCARD and inter / min(len(a), len(b)) >= CONTAINMENT


def _contained(grams: set[str], other: str) -> bool:
    """Whether a much shorter or longer body could hold the other (checked exactly then)."""
    size = max(1, len(WORD.findall(other)) - SHINGLE + 1)
    ratio = min(size, len(grams)) / max(size, len(grams))
    return ratio <= CONTAINED_JACCARD * 2


def same_article(grams: set[str], hashvalues: Any, earlier: str, earlier_hashvalues: Any) -> bool:
    """Whether a later body (its shingles and signature) is a copy of an *earlier* body."""
    estimate = float((earlier_hashvalues == hashvalues).mean())
    if estimate < SURE_NOT and not _contained(grams, earlier):
        return False
    return estimate >= SURE or is_copy(grams, shingles(earlier))


def bands(hashvalues: Any) -> list[tuple[int, bytes]]:
    """The LSH bands of a signature: two bodies are candidates when they share one (as in the
    ``MinHashLSH`` index of :func:`copy_sets`, with its parameters)."""
    global _BANDS
    if _BANDS is None:
        lsh = _require().MinHashLSH(threshold=LSH_THRESHOLD, num_perm=PERMUTATIONS)
        _BANDS = list(lsh.hashranges)
    return [(n, hashvalues[start:end].tobytes()) for n, (start, end) in enumerate(_BANDS)]


_BANDS: list[tuple[int, int]] | None = None


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

    sigs: dict[int, Any] = {}
    for index in order:
        grams = shingles(texts[index])
        if len(grams) < MIN_SHINGLES:
            continue
        sig = signature(grams)
        sigs[index] = sig.hashvalues
        for other in lsh.query(sig):
            if find(other) == find(index):
                continue
            if same_article(grams, sig.hashvalues, texts[other], sigs[other]):
                a, b = sorted((find(other), find(index)), key=rank.__getitem__)
                parent[b] = a
        lsh.insert(index, sig, check_duplication=False)
    return [find(i) for i in range(len(texts))]
