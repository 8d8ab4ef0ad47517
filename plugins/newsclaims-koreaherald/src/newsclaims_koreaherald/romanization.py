"""One identity key for the romanization variants of a Korean name.

Korean names reach English text in several romanizations (Revised Romanization,
McCune-Reischauer, personal spellings): one surname is "Lee", "Yi" or "Rhee", one given
name "Byung-kee", "Byeong Gi" or "Pyong-ki". :func:`korean_person_key` maps them to one key:

* the surname through a table of variants (:data:`SURNAMES`);
* the given name through a general rule: hyphens, spaces and case are dropped, vowel
  spellings collapse (eo/o/u/eu/oo, after a w- glide too: weo/weu/wo/wu; ee/i/ui; ae/ai/e;
  glides y- and w- are kept), and
  plain/tense/aspirated consonant pairs collapse (k/g, t/d, p/b, ch/j, s/ss, r/l).

Different people keep different keys when their syllable skeletons or surnames differ.
A name whose surname is not Korean gives ``None``.

>>> korean_person_key("Kim Byung-kee") == korean_person_key("Kim Pyong-ki")
True
>>> korean_person_key("Kim Byung-kee") == korean_person_key("Kim Byung-chul")
False
>>> korean_person_key("John Smith") is None
True
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from newsclaims import _re as re

__all__ = ["SURNAMES", "given_name_skeleton", "korean_person_key", "split_korean_name"]

#: Canonical surname -> its spellings in English text (lower case).
SURNAMES: dict[str, tuple[str, ...]] = {
    "lee": ("lee", "yi", "rhee", "i", "ri", "rhie", "yee", "ree"),
    "kim": ("kim", "gim", "ghim", "kimm"),
    "park": ("park", "pak", "bak", "bahk", "parc"),
    "choi": ("choi", "choe", "chwe", "choy"),
    "jung": ("jung", "chung", "jeong", "cheong", "chong", "joung", "jeung"),
    "cho": ("cho", "jo", "joe", "chough"),
    "yoon": ("yoon", "yun", "youn"),
    "lim": ("lim", "im", "rim", "yim"),
    "kwon": ("kwon", "gwon", "kweon", "kwun"),
    "noh": ("noh", "roh", "rho", "no", "ro"),
    "seo": ("seo", "suh", "sur", "so"),
    "shin": ("shin", "sin", "synn", "shinn"),
    "yoo": ("yoo", "yu", "you"),
    "ryu": ("ryu", "ryoo", "rhyu", "lyu"),
    "jeon": ("jeon", "chun", "chon", "jun", "jon", "juhn"),
    "cheon": ("cheon",),
    "han": ("han", "hahn"),
    "oh": ("oh", "o"),
    "kang": ("kang", "gang"),
    "jang": ("jang", "chang"),
    "song": ("song",),
    "hong": ("hong",),
    "yang": ("yang",),
    "ahn": ("ahn", "an"),
    "ko": ("ko", "koh", "go"),
    "moon": ("moon", "mun"),
    "son": ("son", "sohn"),
    "bae": ("bae", "pae", "bai"),
    "baek": ("baek", "paek", "paik", "baik", "back", "pack"),
    "heo": ("heo", "hur", "huh", "hu"),
    "nam": ("nam",),
    "shim": ("shim", "sim"),
    "ha": ("ha",),
    "kwak": ("kwak", "gwak"),
    "sung": ("sung", "seong", "sohng"),
    "cha": ("cha",),
    "joo": ("joo", "ju", "chu"),
    "woo": ("woo", "wu"),
    "koo": ("koo", "gu", "ku"),
    "min": ("min",),
    "na": ("na", "ra"),
    "jin": ("jin", "chin"),
    "ji": ("ji", "chi"),
    "um": ("um", "uhm", "eom", "ohm"),
    "chae": ("chae", "chai"),
    "won": ("won",),
    "bang": ("bang", "pang"),
    "kong": ("kong", "gong"),
    "hyun": ("hyun", "hyeon", "hyon"),
    "ham": ("ham",),
    "byun": ("byun", "byeon", "pyon", "pyun"),
    "yeom": ("yeom", "yum", "yom"),
    "yeo": ("yeo", "yo", "yuh"),
    "hwang": ("hwang",),
    "maeng": ("maeng",),
    "tak": ("tak", "tahk"),
    "do": ("do", "doh", "toh"),
    "seok": ("seok", "suk", "sok"),
    "seon": ("seon", "sun"),
    "sul": ("sul", "seol", "sol"),
    "gil": ("gil", "kil"),
    "pyo": ("pyo",),
    "wi": ("wi", "wee"),
    "myung": ("myung", "myeong"),
    "ki": ("ki", "gi"),
    "ban": ("ban", "pan"),
    "ok": ("ok",),
    "yook": ("yook", "yuk", "ryuk"),
    "in": ("in",),
    "kyung": ("kyung", "gyeong"),
    "kook": ("kook", "guk", "kuk"),
    "ma": ("ma",),
}
_SURNAME_OF: dict[str, str] = {v: k for k, vs in SURNAMES.items() for v in vs}

#: Titles and honorifics that may precede a name.
_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "rep",
        "representative",
        "sen",
        "senator",
        "gen",
        "general",
        "lt",
        "col",
        "maj",
        "capt",
        "adm",
        "president",
        "vice",
        "minister",
        "prime",
        "premier",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "lawmaker",
        "ambassador",
        "judge",
        "justice",
        "mayor",
        "governor",
        "leader",
        "secretary",
        "director",
        "chief",
        "commissioner",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "former",
        "late",
        "acting",
        "deputy",
        "first",
        "lady",
        "sgt",
        "pvt",
        "cpl",
        "officer",
        "sir",
        "madam",
        "comrade",
        "marshal",
    ]
)

# Given-name spelling, longest first: (spelling, class). Vowel classes keep the glide
# (y-, w-) and collapse the rest; consonant classes collapse plain/tense/aspirated pairs.
# fmt: off
_UNITS: tuple[tuple[str, str], ...] = (
    # vowels with glides
    ("weo", "wO"), ("weu", "wO"), ("wae", "wE"), ("yae", "yE"), ("yeo", "yO"), ("yoo", "yO"),
    ("you", "yO"), ("yeu", "yO"), ("eui", "I"),
    ("wo", "wO"), ("wu", "wO"), ("uo", "wO"), ("wa", "wA"), ("oa", "wA"), ("we", "wE"),
    ("oe", "wE"), ("wi", "wI"), ("ya", "yA"), ("ye", "yE"), ("yo", "yO"), ("yu", "yO"),
    # plain vowels
    ("ae", "E"), ("ai", "E"), ("ay", "E"), ("ee", "I"), ("ui", "I"), ("eo", "O"),
    ("oo", "O"), ("ou", "O"), ("eu", "O"),
    ("a", "A"), ("e", "E"), ("i", "I"), ("o", "O"), ("u", "O"), ("y", "I"),
    # consonants
    ("ng", "N"), ("ck", "K"), ("tch", "J"), ("ch", "J"), ("jj", "J"), ("j", "J"),
    ("kk", "K"), ("gg", "K"), ("kh", "K"), ("gh", "K"), ("k", "K"), ("g", "K"), ("c", "K"),
    ("q", "K"), ("tt", "T"), ("th", "T"), ("dd", "T"), ("t", "T"), ("d", "T"),
    ("pp", "P"), ("ph", "P"), ("bb", "P"), ("p", "P"), ("b", "P"), ("f", "P"),
    ("ss", "S"), ("sh", "S"), ("s", "S"), ("h", "H"), ("mm", "M"), ("m", "M"),
    ("nn", "n"), ("n", "n"), ("ll", "L"), ("rr", "L"), ("l", "L"), ("r", "L"),
    ("w", "wO"),
)
# fmt: on
_UNIT_RX = re.compile("|".join(re.escape(s) for s, _ in _UNITS))
_UNIT_OF = dict(_UNITS)
_WH = re.compile(r"wh(?=[aeiou])")
#: letters a romanized Korean given name does not use
_FOREIGN = re.compile(r"[fqvxz]")
_VOWEL_CLASSES = frozenset(c for _, c in _UNITS if c[-1] in "AEIO")
#: consonants that may close a Korean syllable
_CODAS = frozenset({"n", "N", "M", "L", "K", "P", "T"})


def _korean_shaped(units: list[str]) -> bool:
    """Syllable structure: at most one onset and one coda consonant around each vowel."""
    run: list[str] = []
    start = True
    for u in [*units, "A"]:
        if u not in _VOWEL_CLASSES:
            run.append(u)
            continue
        if start and len(run) > 1:
            return False
        if not start and len(run) > 2:
            return False
        if not start and len(run) == 2 and run[0] not in _CODAS:
            return False
        run, start = [], False
    return True


def _ends_korean(units: list[str]) -> bool:
    return bool(units) and (units[-1] in _VOWEL_CLASSES or units[-1] in _CODAS)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def given_name_skeleton(given: str) -> str | None:
    """The normalized skeleton of a given name, or ``None`` if it is not Korean-shaped.

    >>> given_name_skeleton("Byung-kee") == given_name_skeleton("Pyong Gi")
    True
    """
    parts = [p for p in re.split(r"[\s\-‐‑–]+", _ascii(given).lower().replace("'", "")) if p]
    if not parts or any(not p.isalpha() for p in parts) or _FOREIGN.search("".join(parts)):
        return None
    per_part = [_units(p) for p in parts]
    counts = [sum(1 for u in units if u in _VOWEL_CLASSES) for units in per_part]
    # Korean given names have one to three syllables; written in parts, one per part
    if not 1 <= sum(counts) <= 3 or (len(parts) > 1 and any(c != 1 for c in counts)):
        return None
    if not all(_korean_shaped(units) and _ends_korean(units) for units in per_part):
        return None
    out: list[str] = []
    for u in (u for units in per_part for u in units):
        if out and out[-1] == u and u[-1] not in "AEIO":
            continue  # a consonant doubled across parts ("Jin-nam", "Jinam") reads as one
        out.append(u)
    return "".join(out)


def _units(part: str) -> list[str]:
    part = _WH.sub("hw", part)  # "wha" is an old spelling of "hwa"
    out: list[str] = []
    for m in _UNIT_RX.finditer(part):
        u = _UNIT_OF[m.group(0)]
        if out and out[-1] == u and u[-1] not in "AEIO":
            continue  # doubled consonants ("ck", "Jinnam") read as one
        if u[0] == "y" and out and out[-1] in ("S", "J"):
            u = u[1:]  # "sye", "jye": no y-glide after s/j in names ("Se", "Je")
        out.append(u)
    return out


def _tokens(name: str) -> list[str]:
    s = _ascii(name)
    s = re.sub(r"\([^)]*\)", " ", s)  # ages, party names, e-mails in parentheses
    s = re.sub(r"['’]s\b", "", s)
    tokens = [t.strip('.,;:"“”') for t in s.split()]
    tokens = [t for t in tokens if t]
    while tokens and tokens[0].lower().rstrip(".") in _TITLES:
        tokens.pop(0)
    while tokens and tokens[-1].lower().rstrip(".") in {"jr", "sr", "ii", "iii"}:
        tokens.pop()
    return tokens


def split_korean_name(name: str) -> tuple[str, str] | None:
    """Split ``name`` into (canonical surname, given name) or ``None`` if not Korean.

    Surname first ("Kim Byung-kee") is the usual order; given name first is accepted
    when the given name is hyphenated or spaced syllables ("Byung-kee Kim").
    """
    tokens = _tokens(name)
    if len(tokens) < 2 or len(tokens) > 4:
        return None
    first, last = tokens[0].lower(), tokens[-1].lower()
    if first in _SURNAME_OF:
        given = " ".join(tokens[1:])
        if given_name_skeleton(given) is not None:
            return _SURNAME_OF[first], given
    if last in _SURNAME_OF:
        given_parts = tokens[:-1]
        given = " ".join(given_parts)
        spaced = len(given_parts) > 1 or "-" in given
        if spaced and given_name_skeleton(given) is not None:
            return _SURNAME_OF[last], given
    return None


@lru_cache(maxsize=8192)
def korean_person_key(name: str) -> str | None:
    """A key shared by the romanization variants of one Korean name; ``None`` to pass."""
    if not name or len(name) > 80:
        return None
    split = split_korean_name(name)
    if split is None:
        return None
    surname, given = split
    skeleton = given_name_skeleton(given)
    if skeleton is None:
        return None
    return f"ko:{surname}:{skeleton}"
