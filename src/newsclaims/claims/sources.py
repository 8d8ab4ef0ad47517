"""Where a sentence credits a source: the patterns, and the noun phrase of the source.

Patterns: "according to X", "X said/told/reported/estimated/... (that)", "..., X said",
"said X", "as reported by X", "X's figures", "an X update", "the X-run health ministry",
"citing X", "X issued a statement", and "X told <outlet>" (the outlet relays: a conduit).
The phrase before a reporting verb is read back over asides, adverbs, places and titles;
the phrase after "according to" is read forward. Resolution is :mod:`.entities`' job.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from .. import _re as re
from .lexicon import (
    JOB_NOUNS,
    ORG_WORDS,
    PEOPLE_NOUNS,
    PERSON_SUFFIXES,
    REPORTING_VERBS,
    SOURCE_NOUNS,
)
from .names import CAPITAL, LINK, LINK_WORDS, NAME_SEQ, TITLE_RX, UP
from .sentences import contains_any, tail
from .wordlists import alternation, whole_words

_ADVERBS = re.compile(
    r"(?:\s+(?:also|has|have|had|later|further|previously|reportedly|earlier|recently|then"
    r"|again|now|separately|has\s+also|had\s+also|was|were|is|been|publicly|officially"
    r"|repeatedly|initially|first|on\s+\w+day|in\s+a\s+statement|on\s+\w+|are|am"
    r"|yesterday|today|tonight|(?:(?:earlier|later)\s+)?(?:this|last|that|next)\s+"
    r"(?:week|month|year|morning|afternoon|evening|weekend)))+$",
    re.I,
)


# what may stand between a speaker and the verb, set off by commas: "Ana Ruiz, the region's
# health secretary, said", "Jane Doe, 58, said", "Ana Ruiz, Peru's health minister, said"
_APPOSITIVE = re.compile(
    r",\s+(?:(?:the|a|an|who|which|whose|its|his|her|[a-z][\w'’-]*)\b[^,]*"
    r"|\d{1,3}|[A-Z][\w.&-]*['’]s?\s[^,]*),\s*$"
)


_DATA_NOUNS = (
    r"update|updates|report|reports|estimate|estimates|figures|figure|data|assessment|tally"
    r"|statement|survey|count|numbers|briefing|count|analysis|records"
)


_DATA_ALT = alternation(_DATA_NOUNS.split("|"))


@attrs.frozen
class SourceMention:
    """A source found in a sentence: the surface text, where, and how it was found."""

    text: str
    start: int
    how: str  # according | subject | postposed | by | possessive | attributive | run | told


# "Full Name (ACRONYM)", "Full Name (ACRONYM) (TICKER.X)": the brackets after a name
_ACRONYM_END = re.compile(r"(?:\s*\([A-Z0-9][A-Za-z0-9&.]{1,9}\))+$")


# "the Ministry of Health (MoH) of Ruritania": the body named before its acronym, whose
# country follows
_ACRONYM_OF = re.compile(
    rf"(?:(?<![\w-])|(?<=[a-z]))(?=[{UP}])({NAME_SEQ})\s*\([A-Z][A-Za-z&.]{{1,9}}\)"
    rf"\s+(?:of|in)\s+(?:the\s+)?{NAME_SEQ}$"
)


# an aside that names a post after a capitalised owner, set off by commas: "Jane Doe, Lima
# city council deputy secretary general, said", "Ana Ruiz, Red Cross field officer, said"
_CAPITAL_POST_ASIDE = re.compile(
    rf",\s+[{UP}][\w.&'’-]*(?:\s+(?!and\b|or\b)[\w.&'’-]+){{0,7}}?"
    rf"\s+(?:{alternation(JOB_NOUNS)}|[a-z]{{3,}}{PERSON_SUFFIXES}),\s*$"
)


_PRONOUN_END = re.compile(r"(?<![\w-])([Hh]e|[Ss]he|[Ii]t)$")


# "(?=[{UP}])": a name can only start at a capital, so other positions fail at once;
# a name starts after a non-word or, in glued scraped text ("chargesProsecutors"), right
# after a lower-case letter
_NAME_END = re.compile(rf"(?:(?<![\w-])|(?<=[a-z]))(?=[{UP}])((?:(?:{TITLE_RX})\s+)?{NAME_SEQ})$")


_COMMON_NP_END = re.compile(
    r"(?<![\w-])(?=[A-Za-z])((?:(?:[Tt]he|[Aa]n?|local|state|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er"
    r"|[Oo]ur)\s+)?(?:(?!(?i:and|or|but|of|in|on|at|to|with|by|for|that|after|before|since|when"
    r"|while|as|though|although|because|if|until|unless|during|from|about|than|so|then|also"
    r"|initially|however|meanwhile|yet|still|now|later|earlier|instead|even|only|just)\s)"
    r"[A-Za-z][\w'’-]*\s+){0,3}([a-z]+))$"
)


_AFFILIATION = re.compile(r"\s+of\s+the\s+|\s+from\s+the\s+")


_THE_LEAD = re.compile(r"^(?:The|the)\s+")


# a capitalised word that opens the sentence, not the name: "But Gelner said"
_LEADING_WORD = re.compile(
    r"^(?:But|And|Or|So|Yet|Then|Also|However|Meanwhile|When|While|As|If|Though|Although"
    r"|Because|After|Before|Since|Still|Now|Later|Earlier|Instead|Even|Only|Just)\s+(?=\S)"
)


# the last word of every _ADVERBS alternative ("on Monday" ends with any word after "on")
_ADVERB_ENDS = frozenset(
    """also has have had later further previously reportedly earlier recently then again now
    separately was were is been publicly officially repeatedly initially first statement
    are am yesterday today tonight week month year morning afternoon evening weekend""".split()
)


def _may_end_with_adverb(text: str) -> bool:
    """A cheap test before _ADVERBS, which is tried from every position of ``text``."""
    words = text[-60:].rsplit(None, 2)  # the last two words are all the test looks at
    return bool(words) and (
        words[-1].lower() in _ADVERB_ENDS or (len(words) > 1 and words[-2].lower() == "on")
    )


def _strip_acronyms(text: str) -> str:
    """``text`` without the bracketed acronyms that end it (_ACRONYM_END), tested first for a
    closing bracket at its end: the pattern is tried from every position of ``text``."""
    return _ACRONYM_END.sub("", text) if ")" in text[-2:] else text


_LOWER_END = re.compile(r"(?<![a-z])[a-z]+$")


def _name_start_bound(text: str, window: int) -> int:
    """The earliest offset where a name that ends ``text`` can start: names are made of
    words with a capital letter and linking words ("of", "the"), so the scan back stops at the
    first other word. _NAME_END, tried from every position, then runs over just those words."""
    floor = max(0, len(text) - window)
    end = len(text)
    for word in reversed(text[floor:].split()):
        if not (CAPITAL.search(word) or word.lower() in LINK_WORDS):
            break
        end = text.rfind(word, floor, end)
    return max(floor, end - 1)


# a name that is all of its clause: "Jane Doe", "..., Dr Jane Doe" (not "At Ward No. 4")
_CLAUSE_NAME = re.compile(rf"(?:^|[,;:]\s*)(?:(?:{TITLE_RX})\s+)?{NAME_SEQ}$")
_INNER_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z&.]{1,9}\)(?=\s+[a-z]+$)")
_PARTICLE_END = re.compile(r"\s((?:al|el|ul|ad|an|ar|as|ash|at|az|bin|ibn|ben)-[A-Z][\w'’-]*)$")


_NAMED_ASIDE = re.compile(rf",\s+(?:the\s+)?({NAME_SEQ}),$")
_AGE_ASIDE = re.compile(r",\s*\d{1,3}$")


_PREPOSITIONS = frozenset("at in from of with for on near".split())


_LY_ADVERB_END = re.compile(r"\s[a-z]{3,}ly$")


_PLACE_OF = re.compile(
    r"\b(?:district|province|region|city|town|village|county|state|area|capital|municipality"
    r"|island|prefecture|governorate|department)\s+of\s+(?:the\s+)?$"
)


_TRAILING_PP = re.compile(
    r"\s+(?:at|in|from|of|with|for|on|near)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
    r"(?:[\w'’-]+\s+){0,3}[\w'’-]+$"
)


_WHO_CLAUSE = re.compile(
    r"\s+who\s+(?:asked|spoke|requested|declined|did|was|is|were|are|had|has|have|would"
    r"|could|works|worked|lives|lived)\b[^,;.\"“”]{0,70}$"
)


_NOT_SPEAKERS = frozenset({"others", "more", "people", "persons", "victims", "hostages"})


def _speaker_noun(word: str) -> bool:
    """A common noun that can head a speaker: a source ("police"), people ("a priest") or
    one person's post ("a local minister", "a company executive")."""
    return (
        word in SOURCE_NOUNS
        or word in JOB_NOUNS
        or (word in PEOPLE_NOUNS and word not in _NOT_SPEAKERS)
    )


def _np_backward(prefix: str, retry: bool = False) -> str | None:
    """The noun phrase that ends ``prefix``: the subject of a following reporting verb."""
    p = tail(prefix.rstrip(), 200)
    if " who " in p[-90:]:
        # "a doctor who asked not to be named said": the relative clause is no speaker
        bare = _WHO_CLAUSE.sub("", p)
        if bare != p:
            # "Jane Doe, a mother of two who lives nearby, told": the aside before it too
            trimmed = _APPOSITIVE.sub("", bare + ",")
            p = trimmed if trimmed != bare + "," and _CLAUSE_NAME.search(trimmed) else bare
    if "(" in p[-40:]:
        p = _INNER_ACRONYM.sub("", p)  # "the Baltic Patrol (BP) mission said"
    particle = _PARTICLE_END.search(p, max(0, len(p) - 30)) if "-" in p[-30:] else None
    if particle:
        # "Brigadier Karim al-Sayed said": a name that ends with a particle and a hyphen
        m = _NAME_END.search(p[: particle.start()], _name_start_bound(p[: particle.start()], 120))
        if m:
            return _LEADING_WORD.sub("", _THE_LEAD.sub("", m.group(1))) + " " + particle.group(1)
    if _may_end_with_adverb(p):
        p = _ADVERBS.sub("", p)
    if ")" in p[-60:]:
        body = _ACRONYM_OF.search(p, max(0, len(p) - 120))
        if body:
            return _THE_LEAD.sub("", body.group(1))
    p = _strip_acronyms(p)  # "Full Name (ACRONYM) said"
    if p.endswith(","):
        aside = _CAPITAL_POST_ASIDE.search(p, max(0, len(p) - 120))
        if aside:
            p = _strip_acronyms(p[: aside.start()])
    named = _NAMED_ASIDE.search(p, max(0, len(p) - 120)) if p.endswith(",") else None
    if named and _LOWER_END.search(p, max(0, named.start() - 30), named.start()):
        # "a local civil society group, the Mirebalais Citizens' Collective, said": the name
        return named.group(1)
    p = p.rstrip()
    if p.endswith(","):  # an aside set off by commas ends with one
        p = _APPOSITIVE.sub("", p + " ").rstrip()
    # "Jane Doe, 33, a vendor at the market, said": an age before the aside removed (the
    # comma that closed the age opened the aside)
    if p[-1:].isdigit():
        p = _AGE_ASIDE.sub("", p)
    p = p.rstrip(",").rstrip()  # "The UN mission in Congo, MONUSCO, said": the appositive name
    p = _strip_acronyms(p)  # "Full Name (ACRONYM), the ..., said"
    pronoun = _PRONOUN_END.search(p, max(0, len(p) - 4)) if p.endswith(("e", "t", "\n")) else None
    if pronoun:
        return pronoun.group(1)
    m = _NAME_END.search(p, _name_start_bound(p, 120))
    place = (
        _PLACE_OF.search(p, max(0, m.start() - 40), m.start())
        if m and " of " in p[max(0, m.start() - 9) : m.start()]
        else None
    )
    if place:  # "Police in the district of Mangochi said": the place is not the speaker
        return _np_backward(p[: place.start()], retry)
    if m and _PLACE_PREP.search(p, 0, m.start()):
        # "Doctors at the city hospital in Arequipa said": the place is not the speaker
        return _np_backward(p[: _PLACE_PREP.search(p, 0, m.start()).start()])  # type: ignore[union-attr]
    if m:
        np = m.group(1)
        # "Jane Doe of the Example Party": the person, affiliated with the party;
        # "Ministry of the Interior" stays whole
        parts = _AFFILIATION.split(np)
        if parts[0].split()[-1].lower() not in ORG_WORDS:
            np = parts[0]
        np = _LEADING_WORD.sub("", _THE_LEAD.sub("", np))
        return np if np else None
    last = _LOWER_END.search(p, max(0, len(p) - 40))
    if last is not None and _speaker_noun(last.group(0)):
        m = _COMMON_NP_END.search(p, _common_np_start(p))
        if m and _speaker_noun(m.group(2)):
            return m.group(1)
    pp = (
        _TRAILING_PP.search(p, max(0, len(p) - 60))
        if not retry and not _PREPOSITIONS.isdisjoint(p[-60:].split()[-5:-1])
        else None
    )
    if pp:
        # "A priest at the temple said", "an official in the regional governorate told AFP"
        found = _np_backward(p[: pp.start()], retry=True)
        if found:
            return found
    adverb = (
        _LY_ADVERB_END.search(p, max(0, len(p) - 40)) if not retry and p.endswith("ly") else None
    )
    if adverb:
        # "the party energetically denied": an adverb of manner before the verb
        return _np_backward(p[: adverb.start()], retry=True)
    return None


def _common_np_start(text: str) -> int:
    """Where _COMMON_NP_END, tried from every position, need start looking: its phrase has at
    most five words (a determiner, three words, the head), each within one of the last five
    white-space separated words of ``text``, and starts in the last 80 characters."""
    parts = text.rsplit(None, 5)
    floor = max(0, len(text) - 80)
    return max(floor, len(parts[0])) if len(parts) == 6 else floor


_LOWER_WORDS = re.compile(r"(?:\s+[a-z][\w-]*){1,3}")


_LOWER_PHRASE = re.compile(r"\s*((?:the\s+|a\s+|an\s+)?)((?:[a-z][\w-]*\s+){0,2}[a-z]+)\b")


_PHRASE_BREAK = frozenset("in at on of from for with by near to and or who which that".split())


_NAME_AFTER_WORDS = re.compile(
    rf"\s*(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*(?:['’]s?)?\s+){{1,3}}"
    rf"((?:(?:{TITLE_RX})\s+)?{NAME_SEQ})"
)
# "the deputy refugee relief commissioner, Abu Saleh Obaidullah": a job, a comma, the name
_JOB_THEN_NAME = re.compile(
    rf"\s*(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*(?:['’]s?)?\s+){{0,6}}"
    rf"[a-z]+{PERSON_SUFFIXES},\s+"  # one person's job ("commissioner")
    rf"((?:(?:{TITLE_RX})\s+)?{NAME_SEQ})(?=\s*(?:[,.;]|$))"  # the name closes the phrase
)


_OWNER_OF_DATA = re.compile(
    rf"\s*((?:the\s+)?[a-z][\w-]*)['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_DATA_ALT})\b"
)


def _opens_with_source_noun(rest: str) -> bool:
    """Whether ``rest`` opens with a common-noun source ("federal prosecutors, ...")."""
    m = _LOWER_PHRASE.match(rest)
    return m is not None and any(w in SOURCE_NOUNS for w in m.group(2).split())


_NAME_AHEAD = re.compile(
    rf"\s*((?:the\s+|a\s+|an\s+)?(?:(?:{TITLE_RX})\s+)?{NAME_SEQ}(?:\s+\([A-Z][A-Za-z&.]+\))?)"
)
_ACRONYM_AT_END = re.compile(r"\s+\([A-Z][A-Za-z&.]+\)$")
_LINK_AT_END = re.compile(rf"\s+{LINK}$")
_FROM_BY_OF = re.compile(r"\s+(?:from|by|of)\s+(.*)")


def _np_forward(rest: str) -> str | None:
    """The noun phrase that starts ``rest``: "according to <NP>", "reported by <NP>"."""
    m = _NAME_AHEAD.match(rest)
    if m:
        np = _ACRONYM_AT_END.sub("", m.group(1))
        np = _LINK_AT_END.sub("", np)
        if np == m.group(1):
            # "the Bangladeshi government", "the Afghan health ministry": a name that
            # modifies a common-noun source
            lower_run = _LOWER_WORDS.match(rest, m.end())
            if lower_run:
                ws = lower_run.group(0).split()
                cut = next((i for i, w in enumerate(ws) if w in _PHRASE_BREAK), len(ws))
                head = next((i for i in range(cut - 1, -1, -1) if ws[i] in SOURCE_NOUNS), None)
                if head is not None:
                    return np + " " + " ".join(ws[: head + 1])
        return np
    # "civil surgeon Dr Jane Doe", "the country's Truth Commission": a name after a job or owner
    m = _NAME_AFTER_WORDS.match(rest)
    if m:
        return m.group(1)
    m = _JOB_THEN_NAME.match(rest)
    if m and not _opens_with_source_noun(rest):
        return m.group(1)
    # "the institute's latest update": the owner of the data is the source
    m = _OWNER_OF_DATA.match(rest)
    if m:
        return m.group(1)
    m = _LOWER_PHRASE.match(rest)
    if not m:
        return None
    words = m.group(2).split()
    # the phrase ends at its last source noun before a word like "in" ("police in the city")
    cut = next((i for i, w in enumerate(words) if w in _PHRASE_BREAK), len(words))
    head = next((i for i in range(cut - 1, -1, -1) if words[i] in SOURCE_NOUNS), None)
    if head is None:
        return None
    np = m.group(1) + " ".join(words[: head + 1])
    end = rest.find(words[head], m.start(2)) + len(words[head])
    inner = _FROM_BY_OF.match(rest[end:])
    if words[head] in _DATA_NOUN_SET:
        if inner:
            return _np_forward(inner.group(1)) or np
        if m.group(1).strip() in ("a", "an"):
            return None  # "according to a statement posted online": nobody named
    return np


_VERBS = REPORTING_VERBS - {"according"}
_DATA_NOUN_SET = frozenset(_DATA_NOUNS.split("|"))


# a verb of speech that is no report here: "called for calm", "noted for its wine", "called
# on residents", "pointed to", "the fire claimed nine lives"; "call" and "point" report only as
# "called the plan a failure", "called it "a disgrace"", "pointed out that"
_NOT_A_REPORT = re.compile(r"\s+for\b|\s+(?:the\s+|\w+\s+|\w+\s+more\s+)?(?:lives|life)\b")
_CALLED_AS = re.compile(
    r"\s+(?:it|this|that|them|him|her|(?:the|this|that|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"[\w-]+)\s+(?:an?\s|the\s|[\"“‘'])"
)
_POINTED_OUT = re.compile(r"\s+out\b")


# a document that says something: "a statement denying ...", "a letter describing ...": the
# -ing form is the document's, whose author the sentence names elsewhere ("X issued a ...")
_DOCUMENTS = frozenset(
    _DATA_NOUNS.split("|") + "letter message post video tweet note release communique".split()
)


_REPORTING_WORD = whole_words(_VERBS)


_CREDITS = REPORTING_VERBS | {"according", "citing"}
_CREDIT_WORD = whole_words(_CREDITS)
# a byte table that turns every ASCII character that is neither a word character nor a
# hyphen into a space: what is left of an ASCII text between spaces are the runs that
# whole_words matches whole (bytes.translate is one table lookup per character, in C)
_NOT_IN_WORDS = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) in "_-") else 32 for c in range(256)
)
_CREDIT_BYTES = frozenset(w.encode() for w in _CREDITS)


def may_report(sentence: str) -> bool:
    """Whether ``sentence`` has a word that can credit a source (a cheap set test)."""
    return bool(credit_words(sentence.lower()))


def credit_words(low: str) -> list[re.Match[str]]:
    """Every word of the lower-cased sentence ``low`` that can credit a source: the scan of
    :func:`may_report`, kept whole so that :func:`find_sources` need not scan again."""
    # a credit word the pattern finds is a run of ASCII letters between characters that are
    # no word characters: the table keeps its bytes and turns those around it (ASCII, or
    # bytes of a character beyond ASCII) into spaces, so it is one of the words split out
    # (the pattern, tried at every position, is then run only where one of those stands)
    words = _CREDIT_BYTES.intersection(
        low.encode("utf-8", "surrogatepass").translate(_NOT_IN_WORDS).split()
    )
    found: dict[int, re.Match[str]] = {}
    for w in words:
        word = w.decode()
        i = low.find(word)
        while i != -1:
            if i not in found and (m := _CREDIT_WORD.match(low, i)) is not None:
                found[i] = m
            i = low.find(word, i + 1)
    return [found[i] for i in sorted(found)]


def _reporting_words(
    sentence: str, low: str, credits: list[re.Match[str]] | None
) -> Iterable[re.Match[str]]:
    """The reporting verbs of ``sentence`` (``_REPORTING_WORD.finditer``), taken from the
    credit words of its lower-cased form when those were found already: in ASCII text lower
    case keeps every offset and every word boundary, so a verb of the sentence is a credit
    word of the lower-cased one whose letters were lower case already."""
    if not sentence.isascii():
        return _REPORTING_WORD.finditer(sentence)
    if credits is None:
        credits = credit_words(low)
    return [
        m for m in credits if m.group(0) in _VERBS and sentence.startswith(m.group(0), m.start())
    ]


_PLACE_PREP = re.compile(r"\s(?:in|at|near|outside|inside|across|from)\s+$")


_ACCORDING = re.compile(r"\baccording to\b", re.I)


_BY = re.compile(
    r"\b(?:reported|announced|confirmed|stated|estimated|released|provided|compiled|cited)"
    r"\s+by\b|\bciting\b|\b(?:figures|data|reports?|estimates?|updates?|statements?)"
    r"\s+(?:from|by)\b"
)


_DATA_WORD = re.compile(rf"\b(?:{_DATA_ALT})\b")


# substrings every data noun contains: a test much cheaper than the pattern
_DATA_STEMS = ("updat", "report", "estimat", "figure", "data", "assessment", "tally", "statement",
               "survey", "count", "number", "briefing", "analysis", "record")  # fmt: skip


_POSSESSIVE = re.compile(rf"((?:the\s+)?{NAME_SEQ})['’]s?\s+(?:[a-z]+\s+)?(?:{_DATA_ALT})\b")


_ATTRIBUTIVE = re.compile(rf"\b(?:an?|the)\s+([A-Z]{{2,8}})\s+(?:{_DATA_ALT})\b")


_RUN_BY = re.compile(r"\b(?:the\s+)?([A-Z][\w-]+-(?:run|led|controlled)\s+[a-z]+(?:\s+[a-z]+)?)")


_PUT_TOLL = re.compile(
    r"\b(?:put|puts|putting|placed|places)\s+the\s+(?:[\w-]+\s+){0,3}"
    r"(?:toll|number|figure|count|tally)\b"
)


_POSTPOSED = re.compile(rf"\s+((?:(?:{TITLE_RX})\s+)?{NAME_SEQ})")


_QUOTE_END = re.compile(r"[,”\"]\s*$")


# an inverted speaker named after a job: "..., said the camp's doctor, Jane Doe" or "...,"
# said the agency's head of logistics in Chad, Dr. Jane Doe."
_POSTPOSED_JOB = re.compile(
    rf"\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’.-]+\s+){{0,8}}?[\w'’-]+,\s+"
    rf"((?:(?:{TITLE_RX})\s+)?{NAME_SEQ})(?=\s*(?:[,.;]|$))"
)


# an inverted speaker named after a post with no comma: '..., said witness Jane Doe, who ...',
# '..., said Valdora fire brigade press officer Jane Doe'
_POSTPOSED_POST = re.compile(
    rf"\s+(?:the\s+|a\s+|an\s+)?((?:[\w'’.-]+\s+){{0,5}}?([a-z][\w-]+))\s+"
    rf"((?:(?:{TITLE_RX})\s+)?{NAME_SEQ})"
)


# a speaker who speaks for an organisation: "a spokesperson for the Red Cross", "the chief
# surgeon at Mercy Hospital": the organisation is the source, the speaker its conduit
_JOB_FOR = re.compile(
    r"(?<![\w-])((?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z][\w-]*\s+){0,2}([A-Za-z][a-z]+))"
    r"\s+(?:for|at|of|with)\s+(?:the\s+)?$"
)


_NAME_THEN_JOB = re.compile(rf"((?:(?:{TITLE_RX})\s+)?{NAME_SEQ}),\s+$")


# a coordinated speaker: "The FBI and federal prosecutors said": the first of the two
_COORDINATED = re.compile(r"\s+and\s+$")


# what follows an inverted speaker ("..., said Jane Doe, a nurse."), not a clause's subject
# ("Police, however, said Jane Doe was arrested")
_AFTER_SPEAKER = re.compile(r"\s*(?:[,.;:)]|$|(?:who|of|from|in|at|on|to|told)\b)")


_TOLD = re.compile(rf"\s+((?:the\s+)?{NAME_SEQ})")


_ISSUED = re.compile(
    r"\b(?:issued|issues|released|releases|put\s+out|puts\s+out|published|posted|sent out)\s+"
    r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}(?:statement|communiqu[ée]|press\s+release)\b"
)


# what may open a sentence before its subject: "On Tuesday, ", "Later, "
_LEAD_IN = re.compile(r"^(?:(?:On|By|In|Late|Early|Later|Earlier)\b[^,]{0,30},\s+)?")


_RAISING = frozenset({"believed", "said", "reported", "feared", "estimated", "alleged", "thought"})


_UNNAMED_DOCUMENT = re.compile(rf"an?\s+(?:[a-z]+\s+)?(?:{_DATA_ALT})$")
_BE_BEFORE = re.compile(r"\b(?:is|was|were|are|been|being|be)\s+(?:[a-z]+ly\s+)?$", re.I)


_BE_FORMS = ("is", "was", "were", "are", "been", "being", "be")


def _may_follow_be(sentence: str, at: int) -> bool:
    """A cheap test before _BE_BEFORE, which is tried from every position of its window: the
    word before ``at`` is a form of "be" or an adverb in -ly (then a form of "be" before it)."""
    words = sentence[max(0, at - 32) : at].rsplit(None, 1)
    if not words or not sentence[at - 1 : at].isspace():
        return False
    last = words[-1].lower()
    # the pattern ignores case, and "ſ" or "ı" match "s" or "i" there: those go to it
    return not last.isascii() or last.endswith(_BE_FORMS) or last.endswith("ly")


_JOB_WORD = re.compile(rf"[a-z]{{3,}}{PERSON_SUFFIXES}")


def _is_job(word: str) -> bool:
    """Whether ``word`` names one person's post ("spokesperson", "physician", "director")."""
    return word in JOB_NOUNS or _JOB_WORD.fullmatch(word) is not None


_JOB_LINKS = (" for ", " at ", " of ", " with ")


def _speaker_context(sentence: str, np: str, start: int) -> list[SourceMention]:
    """Sources that stand with the speaker ``np`` found before ``start``: the job that speaks
    for a named organisation ("a spokesperson for the Red Cross said": the Red Cross, with the
    spokesperson as its conduit) and the first of two coordinated speakers ("The FBI and
    federal prosecutors said")."""
    out: list[SourceMention] = []
    begin = sentence.rfind(np, 0, start + len(np) + 2)
    if begin < 0:
        return out
    near = sentence[max(0, begin - 12) : begin + 1]
    if not (" and " in near or contains_any(near, _JOB_LINKS)):
        return out  # substring tests first: neither pattern can match
    before = sentence[:begin]
    job = _JOB_FOR.search(before, max(0, begin - 90)) if np[:1].isupper() else None
    if job and _is_job(job.group(2).lower()):
        out.append(SourceMention(np, begin, "for"))
        named = _NAME_THEN_JOB.search(before, max(0, job.start(1) - 60), job.start(1))
        if named:  # "Dr Jane Doe, the medical director for X, said": the person speaks
            out.append(SourceMention(named.group(1), named.start(1), "subject"))
        else:
            out.append(SourceMention(job.group(1), job.start(1), "subject"))
    joined = _COORDINATED.search(before, max(0, begin - 6))
    if joined:
        first = _np_backward(before[: joined.start()], retry=True)
        if first and first.lower() not in ("he", "she", "it"):
            out.append(SourceMention(first, joined.start() - len(first), "subject"))
    return out


def _word_before(sentence: str, at: int) -> str:
    """The lower-cased word that ends ``sentence[:at]`` (empty when none)."""
    words = sentence[max(0, at - 40) : at].split()
    return words[-1].lower() if words else ""


def find_sources(
    sentence: str, low: str | None = None, credits: list[re.Match[str]] | None = None
) -> list[SourceMention]:
    """Every source credited in ``sentence``, in order of appearance.

    ``low``: ``sentence.lower()``, and ``credits``: :func:`credit_words` of it, when the
    caller has them already."""
    found: list[SourceMention] = []
    if low is None:
        low = sentence.lower()
    # each pattern runs only when a cheap substring test says it can match
    if "according" in low:
        for m in _ACCORDING.finditer(sentence):
            np = _np_forward(sentence[m.end() :])
            if np:
                found.append(SourceMention(np, m.end(), "according"))
    if " by " in low or "citing" in low or " from " in low:
        for m in _BY.finditer(sentence):
            np = _np_forward(sentence[m.end() :])
            if np:
                found.append(SourceMention(np, m.end(), "by"))
    if contains_any(low, _DATA_STEMS) and _DATA_WORD.search(sentence):
        if "'" in sentence or "’" in sentence:
            for m in _POSSESSIVE.finditer(sentence):
                found.append(SourceMention(m.group(1), m.start(1), "possessive"))
        for m in _ATTRIBUTIVE.finditer(sentence):
            found.append(SourceMention(m.group(1), m.start(1), "attributive"))
    if "-run" in low or "-led" in low or "-controlled" in low:
        for m in _RUN_BY.finditer(sentence):
            found.append(SourceMention(m.group(1), m.start(1), "run"))
    if "statement" in low or "release" in low or "communiqu" in low:
        for m in _ISSUED.finditer(sentence):
            np = _np_backward(sentence[: m.start()])
            if np:  # "The ministry issued a statement denying ...": the ministry speaks
                found.append(SourceMention(np, m.start() - len(np) - 1, "subject"))
    if "put" in low or "place" in low:
        for m in _PUT_TOLL.finditer(sentence):
            np = _np_backward(sentence[: m.start()])
            if np:
                found.append(SourceMention(np, m.start() - len(np) - 1, "subject"))
    if ", saying " in sentence:
        # "The ministry gave a higher figure, saying 29 people ...": the sentence's subject
        np = _np_forward(_LEAD_IN.sub("", sentence, count=1))
        if np and sentence.find(np) < sentence.find(", saying "):
            found.append(SourceMention(np, sentence.find(np), "subject"))
    for m in _reporting_words(sentence, low, credits):
        verb = m.group(0)
        if (
            verb.endswith(("ed", "id", "ld"))
            and _may_follow_be(sentence, m.start())
            and _BE_BEFORE.search(sentence, max(0, m.start() - 32), m.start())
        ):
            continue  # "X is accused of", "losses were estimated at": X said nothing
        if verb in _RAISING and sentence.startswith(" to ", m.end()):
            continue  # "a suspect believed to have ...", "soldiers said to be": nobody speaks
        if verb.startswith("call"):
            if (
                not _CALLED_AS.match(sentence, m.end())
                or sentence[m.start() - 1 : m.start()] == "-"
            ):
                continue  # "a town called Ard", "called on residents", "so-called"
        elif verb.startswith("point"):
            if not _POINTED_OUT.match(sentence, m.end()):
                continue  # "pointed to the river", "points in the match"
        elif _NOT_A_REPORT.match(sentence, m.end()):
            continue
        if verb.endswith("ing") and _word_before(sentence, m.start()) in _DOCUMENTS:
            continue  # "issued a statement denying": the statement's author speaks
        # the speaker after the verb: "..., said Jane Doe", "..., declared John Roe, a ..."
        after = _POSTPOSED.match(sentence, m.end())
        if after and (after.group(1).endswith(("'s", "’s", "'", "’"))):
            after = None  # "said UNHCR's field officer, Jane Doe": the owner of a job
        # after a quotation or a comma: the speaker may follow the verb
        quoted = _QUOTE_END.search(sentence, max(0, m.start() - 40), m.start()) is not None
        told = verb in ("told", "tells", "tell")  # "Jane Doe, a nurse, told Reuters"
        if after and not told and quoted and _AFTER_SPEAKER.match(sentence, after.end()):
            found.append(SourceMention(after.group(1), m.end() + 1, "postposed"))
            continue
        post = _POSTPOSED_POST.match(sentence, m.end()) if not told and quoted else None
        if (
            post
            and (_speaker_noun(post.group(2)) or _is_job(post.group(2)))
            and _AFTER_SPEAKER.match(sentence, post.end())
        ):
            found.append(SourceMention(post.group(3), post.start(3), "postposed"))
            continue
        job = _POSTPOSED_JOB.match(sentence, m.end()) if quoted and not (after or told) else None
        if job:
            found.append(SourceMention(job.group(1), job.start(1), "postposed"))
            continue
        np = _np_backward(sentence[: m.start()])
        if np and verb.endswith("ed") and _UNNAMED_DOCUMENT.match(np):
            continue  # "according to a statement posted online": a participle, no speaker
        if np:
            start = m.start() - len(np) - 1
            context = _speaker_context(sentence, np, start)
            if not any(c.how == "for" for c in context):
                found.append(SourceMention(np, start, "subject"))
            found.extend(context)
        elif after and quoted:
            found.append(SourceMention(after.group(1), m.end() + 1, "postposed"))
        if told:
            outlet = _TOLD.match(sentence, m.end())
            if outlet:
                found.append(SourceMention(outlet.group(1), m.end() + 1, "told"))
    found.sort(key=lambda s: s.start)
    return found
