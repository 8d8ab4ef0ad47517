"""What a figure counts: the measure word around a number, the counted group, negation.

Readings, tried in order for each figure of a sentence:

1. a noun phrase after the number: a measure noun ("1,000 injuries", "4,000 reported
   injuries or fatalities"), a measure adjective ("5 dead", "1,000 wounded"), or a group of
   people followed by a measure verb in any voice ("11 soldiers were killed", "troops
   stationed in", "people who died", "30% of the troops had been casualties");
2. a measure verb right before the number ("killing 12 people", "dispatched an additional
   3,000 troops", "injured more than 260");
3. a measure noun before a linking or crossing verb ("the death toll rose to 15",
   "casualties among X have surpassed 4,000", "a toll of 30").
"""

from __future__ import annotations

from functools import lru_cache

import attrs

from .. import _re as re
from ..knowledge import Knowledge, MeasureTerm
from .lexicon import FORCE_NOUNS, PEOPLE_NOUNS
from .numbers import _WORD_NUM
from .sentences import last_word, tail

_STOP = frozenset(
    """
    were was are is have has had been be being will would could may might can did do
    does who which that in on at from to by for with as after before during when while
    and or but than since into over under near across amid against about around said
    says according remained remain remains stayed still also later
    """.split()
)
_AUX = (
    r"(?:have|has|had|were|was|are|is|been|being|be|reportedly|also|all|now|already|since"
    r"|believed\s+to|feared|thought\s+to|said\s+to|confirmed|reported|later|allegedly"
    r"|presumed|likely|may|might|could|would|will|to|got|get|either|both|subsequently"
    r"|initially|eventually|each|among\s+the|among|who|that|then|so\s+far|in\s+total"
    r"|officially|either|not|never|no\s+longer|n['’]t|mostly|mainly|largely|still|remain"
    r"|remained|remains|remaining|stayed|left|are\s+now|seriously|critically|badly|fatally"
    r"|severely|slightly|lightly|mortally|reported\s+to\s+be|said\s+to\s+be|feared\s+to\s+be"
    r"|listed\s+as|reported\s+as|registered\s+as|[a-z]{3,}ly)"
)
_NEGATION = re.compile(r"\b(?:not|never|no longer|n['’]t|none|no)\b", re.I)
_LINKING_END = re.compile(
    r"(?:\b(?:to|at|of|reached|reaching|hit|hitting|is|was|were|are|has|have|had|totals?"
    r"|totaled|totalled|totaling|totalling|numbered|numbering|stood\s+at|stands\s+at|stand\s+at"
    r"|as\s+high\s+as|now|put|puts|putting|placed|places|estimated\s+at)|:)\s*$",
    re.I,
)
# what may stand between a verb and its number: "killing the lives of", "sent an additional"
_VERB_OBJECT_LEAD = re.compile(
    r"\s(?:the\s+lives\s+of|a\s+total\s+of|an?|some|another|the|his|her|their|its|all"
    r"|an?\s+additional|additional|a\s+further|further|an?\s+extra|extra|at\s+least|only|just"
    r"|a\s+mere)\s+$",
    re.I,
)
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ans|ese|is|ians|ers|ish|ks|ns|ts|ds|es)$")


_TERM_WORD = re.compile(r"[A-Za-z'’]+")


@attrs.frozen
class TermMatch:
    """Where a lexicon term was found (the part of ``re.Match`` the engine uses)."""

    start_: int
    end_: int
    text: str

    def group(self, _index: int = 0) -> str:
        """The matched text."""
        return self.text

    def start(self) -> int:
        """Offset of the first character."""
        return self.start_

    def end(self) -> int:
        """Offset after the last character."""
        return self.end_


class Terms:
    """Multi-word terms of one part of speech, looked up by their first word.

    A dictionary lookup per word replaces a regex alternation of every term tried at
    every position; matching ignores case and the amount of white space between words.
    """

    def __init__(self, terms: list[str]) -> None:
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for term in set(terms):
            words = tuple(w.lower() for w in _TERM_WORD.findall(term))
            if words:
                by_first.setdefault(words[0], []).append(words)
        self._by_first = {k: sorted(v, key=len, reverse=True) for k, v in by_first.items()}
        #: the lower-cased words a term can start with
        self.firsts = frozenset(self._by_first)
        self._last = {words[-1] for v in by_first.values() for words in v}
        self._longest = max((len(w) for v in by_first.values() for w in v), default=1)

    def _at(self, words: list[re.Match[str]], i: int) -> int:
        """How many words of a term start at ``words[i]`` (0 when none)."""
        for term in self._by_first.get(words[i].group(0).lower(), ()):
            n = len(term)
            if i + n <= len(words) and all(
                words[i + j].group(0).lower() == term[j] for j in range(1, n)
            ):
                gaps_ok = all(
                    not words[i + j].string[words[i + j - 1].end() : words[i + j].start()].strip()
                    for j in range(1, n)
                )
                if gaps_ok:
                    return n
        return 0

    def match(self, text: str) -> TermMatch | None:
        """The longest term that starts ``text`` exactly (a whole-word match)."""
        first = _TERM_WORD.match(text)
        if first is None or first.group(0).lower() not in self._by_first:
            return None  # most words start no term: one lookup decides
        words = []
        for w in _TERM_WORD.finditer(text, 0, 120):
            words.append(w)
            if len(words) >= self._longest:
                break
        if (
            not words
            or words[0].start() != 0
            or text[words[0].end() : words[0].end() + 1] in ("-",)
        ):
            return None
        n = self._at(words, 0)
        if not n:
            return None
        end = words[n - 1].end()
        if end < len(text) and (text[end].isalnum() or text[end] in "-_"):
            return None
        return TermMatch(0, end, text[:end])

    def finditer(self, text: str) -> list[TermMatch]:
        """Every term in ``text``, left to right, not overlapping."""
        words = list(_TERM_WORD.finditer(text))
        out = []
        i = 0
        while i < len(words):
            n = self._at(words, i) if words[i].group(0).lower() in self._by_first else 0
            if n:
                s, e = words[i].start(), words[i + n - 1].end()
                if not (s and (text[s - 1].isalnum() or text[s - 1] in "-_")):
                    out.append(TermMatch(s, e, text[s:e]))
                    i += n
                    continue
            i += 1
        return out

    def ending(self, text: str) -> TermMatch | None:
        """The longest term that ends ``text`` (trailing white space allowed)."""
        words = list(_TERM_WORD.finditer(text, max(0, len(text) - 80)))
        if not words or text[words[-1].end() :].strip():
            return None
        if words[-1].group(0).lower() not in self._last:
            return None
        for n in range(min(self._longest, len(words)), 0, -1):
            i = len(words) - n
            if self._at(words, i) == n:
                s, e = words[i].start(), words[-1].end()
                if s and (text[s - 1].isalnum() or text[s - 1] in "-_"):
                    continue
                return TermMatch(s, e, text[s:e])
        return None


@attrs.frozen
class Lexicon:
    """Measure terms compiled for matching: nouns, verbs and adjectives by measure."""

    nouns: Terms
    verbs: Terms
    adjectives: Terms
    measure_of: dict[tuple[str, str], str]

    def measure(self, pos: str, term: str) -> str | None:
        """The measure that ``term`` (as matched) names as ``pos``."""
        return self.measure_of.get((pos, " ".join(term.lower().split())))


@lru_cache(maxsize=16)
def _compile(terms: tuple[MeasureTerm, ...]) -> Lexicon:
    by_pos: dict[str, list[str]] = {"noun": [], "verb": [], "adjective": []}
    measure_of: dict[tuple[str, str], str] = {}
    for t in terms:
        by_pos.setdefault(t.pos, []).append(t.term.lower())
        measure_of.setdefault((t.pos, " ".join(t.term.lower().split())), t.measure)
    return Lexicon(
        nouns=Terms(by_pos["noun"]),
        verbs=Terms(by_pos["verb"]),
        adjectives=Terms(by_pos["adjective"]),
        measure_of=measure_of,
    )


@lru_cache(maxsize=16)
def lexicon_for(knowledge: Knowledge) -> Lexicon:
    """The compiled lexicon of ``knowledge``'s measure terms (cached by the knowledge, whose
    hash is computed once)."""
    return _compile(knowledge.measure_terms)


@attrs.frozen
class Reading:
    """What a figure counts."""

    measure: str
    subject: str | None
    negated: bool = False
    agent: str | None = None


def is_people(word: str) -> bool:
    """Whether ``word`` names people: a people noun, a plural demonym, or a plural of a
    trade ("specialists", "technicians", "engineers")."""
    return (
        word.lower() in PEOPLE_NOUNS or bool(_DEMONYM.match(word)) or bool(_TRADES.fullmatch(word))
    )


_TRADES = re.compile(r"[a-z]{3,}(?:ists|ians|eers)")


@attrs.frozen
class Phrase:
    """The noun phrase after a number: modifiers, head word, and what kind of head."""

    modifiers: str
    head: str
    kind: str  # people | noun | adjective | none
    measure: str | None
    end: int  # offset in the text after the number where the phrase ends


# what a force does when it arrives or takes part, after the figure and its noun: "120 soldiers
# (from the 4th brigade) joined the search", "68 firefighters were due to arrive"
_ARRIVES = re.compile(
    r"(?:\s+(?:from|of|with)\s+[^,.;:()\"“”]{1,60}?(?:\s+\([A-Z][A-Za-z&.-]{1,9}\))?)?"
    r"\s+(?:also\s+|have\s+|had\s+|were\s+|are\s+)?"
    r"(?:joined|arrived|(?:would|will|were\s+to)\s+(?:arrive|join)"
    r"|(?:were\s+|are\s+)?(?:due|expected|set|scheduled)\s+to\s+(?:arrive|join)"
    r"|(?:been\s+)?(?:brought|drafted|called|flown|bussed|moved|rushed|drafted)\s+in"
    r"|carried\s+out|took\s+part|(?:been\s+)?involved|on\s+the\s+ground)\b"
)
_INVOLVING = re.compile(r"\b(?:involved|involving|involves|involve)\s+(?:[a-z]+\s+){0,2}$")
_OF_THE = re.compile(r"\s+of\s+(?:the|those|these)\s")
_OF_LEAD = re.compile(r"\s+of\s+(?:the|them|those|these|whom|its|their)\s+|\s+of\s+")
_PERCENT_LEAD = re.compile(r"\s*(?:per\s*cent|percent|%)")
_SPACE = re.compile(r"\s*")
_WORD_AT = re.compile(r"[A-Za-z][\w'’-]*|\d+-(?:year|month|week)-olds?\b")  # "a 10-year-old girl"
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'’-]*)")


def phrase_after(after: str, lex: Lexicon) -> Phrase:
    """The noun phrase that follows a number (offsets relative to ``after``)."""
    pos = 0
    m = _OF_LEAD.match(after) or _PERCENT_LEAD.match(after)
    if m:
        pos = m.end()
    modifiers: list[str] = []
    for _ in range(6):
        at = _SPACE.match(after, pos).end()  # type: ignore[union-attr]
        rest = after[at:]
        first_word = _TERM_WORD.match(rest)
        first = first_word.group(0).lower() if first_word else ""
        noun = lex.nouns.match(rest) if first in lex.nouns.firsts else None
        if noun and (noun.group(0)[:1].islower() or not modifiers):
            term = noun.group(0)
            return Phrase(
                " ".join(modifiers), term, "noun", lex.measure("noun", term), at + len(term)
            )
        adj = lex.adjectives.match(rest) if first in lex.adjectives.firsts else None
        if adj and all(m.islower() for m in modifiers):
            # "5 dead", "12 confirmed dead", "20 more injured"
            term = adj.group(0)
            measure = lex.measure("adjective", term)
            return Phrase(" ".join(modifiers), term, "adjective", measure, at + len(term))
        w = _WORD_AT.match(rest)
        if not w or (not modifiers and first in lex.verbs.firsts and lex.verbs.match(rest)):
            break  # "Scores died": no noun phrase, a verb follows
        word = w.group(0)
        if word.lower() in _STOP:
            break
        if word.lower() == "more" and _more_before_noun(after, at + len(word), lex):
            # "12 more dealers", "14 more rifles": the noun after "more" heads the phrase
            pos = at + len(word)
            continue
        if word.lower() in _CASE_NOUNS and _verb_after(after[at + len(word) :], lex) in _DIED:
            # "two more cases died", "4 suspected cases, all of whom died": patients who died
            return Phrase(" ".join(modifiers), word, "people", None, at + len(word))
        if is_people(word):
            end = at + len(word)
            # "Sudanese soldiers", "police officers", "crew members": the last noun heads
            for _ in range(2):
                nxt = _NEXT_WORD.match(after, end)
                if not nxt or not is_people(nxt.group(1)):
                    break
                word += nxt.group(0)
                end = nxt.end()
            return Phrase(" ".join(modifiers), word, "people", None, end)
        modifiers.append(word)
        pos = at + len(word)
    return Phrase(" ".join(modifiers), "", "none", None, pos)


# the sick counted as cases of a disease: people only when they die ("two more cases died")
_CASE_NOUNS = frozenset({"cases", "case"})
_DIED = frozenset(
    ("verb", v, False) for v in ("died", "have died", "had died", "has died", "die", "perished")
)


# "8 suspected cases of the fever, including 6 deaths": the deaths are of those cases
# "the caseload of the fever is 1,200, of whom 40 have died": the deaths are of that caseload
_CASES_INCLUDING = re.compile(
    r"(?<![\w'’])((?:[a-z-]+\s+(?:(?:and|or)\s+)?){0,3}(?:cases|caseload))\b[^.;:]{0,60}?,?\s+"
    r"(?:including|among\s+them|of\s+which|of\s+whom)\s+$",
    re.I,
)


def _cases_before(before: str) -> str | None:
    """The cases a death count is part of ("11 cases, including 7 deaths" -> "cases")."""
    if "case" not in before[-120:]:
        return None
    m = _CASES_INCLUDING.search(before, max(0, len(before) - 120))
    # "suspected and confirmed cases": the group from its first adjective
    return _CONJ_LEAD.sub("", m.group(1)) if m else None


_CONJ_LEAD = re.compile(r"^(?:(?:and|or|of|the|a|an)\s+)+", re.I)


# "expects 400 members of the National Guard to help": a force on its way is deployed
_EXPECTS_BEFORE = re.compile(
    r"\b(?:expects?|expected|expecting)\s+(?:an?\s+additional\s+|another\s+|some\s+|about\s+"
    r"|around\s+|up\s+to\s+|at\s+least\s+|more\s+than\s+)?$"
)
_TO_HELP = re.compile(
    r"[^.;:\d]{0,80}?\bto\s+(?:help|assist|aid|support|join|reinforce|bolster|arrive|take\s+part)\b"
)
# "members of the West Virginia National Guard", "members of the army": a force
_FORCE_OF = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Z][\w'’.-]*\s+|state\s+|national\s+){0,5}"
    r"(?:Guard|Army|Police|Forces|Navy|Marines|Reserves?|Gendarmerie|military|army|police"
    r"|forces|guard|reserves?)\b"
)


def _is_force(phrase: Phrase, after: str) -> bool:
    """Whether the people of ``phrase`` are a force ("troops", "members of the army")."""
    head = phrase.head.lower().rsplit(" ", 1)[-1]
    if head in FORCE_NOUNS:
        return True
    return head in ("members", "personnel") and _FORCE_OF.match(after, phrase.end) is not None


def _more_before_noun(after: str, pos: int, lex: Lexicon) -> bool:
    """Whether "more" at ``pos`` of ``after`` stands before a noun of its own ("12 more
    dealers", "14 more rifles"), not alone as the group ("12 more were killed")."""
    nxt = _NEXT_WORD.match(after, pos)
    if not nxt:
        return False
    word = nxt.group(1)
    low = word.lower()
    return (
        word.islower()
        and low not in _STOP
        and low not in ("than", "and", "or", "people")
        and low not in lex.verbs.firsts
        and low not in lex.adjectives.firsts
        and low not in lex.nouns.firsts
        and not low.endswith("ly")
    )


def _verb_after(text: str, lex: Lexicon) -> tuple[str, str, bool] | None:
    """A measure verb/adjective/noun after a group: ``(pos, term, negated)``.

    A parenthetical between the group and its verb is skipped: "1,200 firefighters, backed
    by 14 aircraft, had been deployed".
    """
    found = _verb_right_after(text, lex)
    if found is None:
        aside = _ALL_OF_WHOM.match(text) or _ASIDE.match(text) or _GROUP_PP.match(text)
        if aside:
            found = _verb_right_after(text[aside.end() :], lex)
    if found is None:
        found = _coordinated_verb(text, lex)
    return found


# "4 suspected cases, all of whom died", "two climbers, both of whom were injured": the whole
_ALL_OF_WHOM = re.compile(r"\s*,\s*(?:all|both|each)\s+of\s+(?:whom|them)\b")
# "5 travellers from the port developed a fever and died": the group's second verb, after a
# first clause of its own with no figure, comma or clause end (a digit inside a word is no
# figure: "from Block B12", an escaped accent of a page read as text)
_FIRST_CLAUSE = re.compile(
    r"(?:\s+(?:from|of|in|at|on|near|with)\s+(?:[^\d,;:.()\"“”]|(?<=\w)\d){1,40}?)?"
    r"\s+(?P<verb>[a-z]{3,}(?:ed|ew|ell|ame|ook|ot|ught))\s+(?P<clause>[^\d,;:.()\"“”]{0,90})"
)
_AND_THEN = re.compile(
    r"\s(?:and|then)\s+(?:later\s+|subsequently\s+|eventually\s+|soon\s+)?(?=[a-z])"
)


def _coordinated_verb(text: str, lex: Lexicon) -> tuple[str, str, bool] | None:
    """The measure verb of a group's second clause ("developed a fever and died"), when the
    verb takes no object of its own (the group did not kill or injure somebody else)."""
    if " and " not in text[:160] and " then " not in text[:160]:
        return None
    m = _FIRST_CLAUSE.match(text)
    if m is None or _NEGATION.search(text, 0, m.end()):
        return None
    if lex.verbs.match(m.group("verb")) is not None:
        return None  # the first verb is a measure itself ("were killed and ..."): read elsewhere
    # "developed symptoms and signs of the fever and died": each "and" of the clause is tried
    for conj in _AND_THEN.finditer(text, m.start("clause") - 1, m.end()):
        rest = text[conj.end() :]
        hit = lex.verbs.match(rest)
        if hit is None:
            continue
        if lex.measure("verb", hit.group(0)) not in ("killed", "wounded"):
            return None
        if _OBJECT_AFTER.match(rest, hit.end()):
            return None
        return "verb", hit.group(0), False
    return None


# a verb's object after it: a figure, a determiner or a people noun ("and killed 30", "and
# injured the driver", "and wounded shoppers")
_OBJECT_AFTER = re.compile(
    r"\s+(?:\d|an?\s|the\s|his\s|her\s|their\s|its\s|at\s+least|more\s+than|dozens|hundreds"
    r"|scores|several|many|[a-z]+s\b(?<!\bas))",
    re.I,
)


_ASIDE = re.compile(r"\s*,[^,;.]{1,80},")
# where the group comes from, before its verb: "three engineers from the district council were
# arrested", "180 residents of nearby buildings had been evacuated"
_GROUP_PP = re.compile(
    r"\s+(?:from|of|in|at|on|near)\s+(?:(?!(?:were|was|are|is|had|have|has)\b)[\w'’-]+\s+){1,5}?"
    r"(?=(?:were|was|are|is|had|have|has)\b)"
)
_AUX_RUN = re.compile(rf"\s*,?\s*(?:(?:{_AUX})\s+)*", re.I)
_BE = re.compile(r"\b(?:been|were|was|are|is|among)\b")


def _verb_right_after(text: str, lex: Lexicon) -> tuple[str, str, bool] | None:
    aux = _AUX_RUN.match(text).group(0)  # type: ignore[union-attr]  # matches the empty string
    rest = text[len(aux) :]
    negated = bool(_NEGATION.search(aux))
    for pos, rx in (("verb", lex.verbs), ("adjective", lex.adjectives), ("noun", lex.nouns)):
        hit = rx.match(rest)
        if hit:
            if pos == "noun" and not _BE.search(aux):
                continue  # "5 people casualties" is not a reading
            return pos, hit.group(0), negated
    return None


_AMONG = re.compile(r"\b(?:among|of)\s+(?:the\s+)?")
_GROUP_WORD = re.compile(r"[\w'’-]+")


def _among(text: str) -> str | None:
    """The group in "among X" / "of X" near the start of ``text`` ("among the Afghan troops")."""
    m = _AMONG.search(text, 0, 120)
    if not m:
        return None
    words = _GROUP_WORD.findall(text, m.end(), m.end() + 80)[:5]
    for i, word in enumerate(words):
        if is_people(word):
            return " ".join(words[: i + 1])
        if word.lower() in _STOP:
            break
    return None


_GROUP_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]*\s+){0,2}[\w'’-]+)")
_NEGATED_VERB = re.compile(r"\b(?:not|never|n['’]t|no)\s+(?:\w+\s+)?$")
_CROSSING = re.compile(r"(?:exceed|surpass|top|pass|cross)", re.I)
_FIGURE = re.compile(r"\d(?![\d,.]*-[a-z])")  # a number, not a compound ("13-storey")
_CLAUSE_END = re.compile(r"[.;]\s")
_TWO_WORDS_END = re.compile(r"((?:[A-Za-z][\w'’-]*\s+){1,2})$")
_ARTICLE_LEAD = re.compile(r"^(?:the|a|an|its|their)\s+", re.I)


# "saved at least 30 lives", "spared 200 people": the figure counts who lived
_SAVED_BEFORE = re.compile(
    r"\b(?:sav(?:e|es|ed|ing)|spar(?:e|es|ed|ing))\s+(?:the\s+lives\s+of\s+)?$", re.I
)
# "a case fatality rate of 64%", "(case fatality ratio: 59%)": a rate, not a count of people
_RATE_BEFORE = re.compile(
    r"\b(?:rates?|ratios?|CFR)\b\)?[^.;:%\d]{0,40}?(?::|\bof|\bis|\bwas|\bwere|\bat|\bto)\s*$"
)


def read_figure(
    sentence: str, start: int, end: int, lex: Lexicon, phrase: Phrase | None = None
) -> Reading | None:
    """Read what the figure at ``sentence[start:end]`` counts, or ``None``.

    ``phrase``: the noun phrase after the figure, when the caller has read it already."""
    after = sentence[end:]
    before = tail(sentence[:start], 200)
    near_before = before[-40:]
    if ("sav" in near_before or "spar" in near_before) and _SAVED_BEFORE.search(near_before):
        return None
    percent = sentence[start:end].endswith(("%", "percent", "per cent")) or _PERCENT_LEAD.match(
        after
    )
    if percent and _RATE_BEFORE.search(near_before):
        return None
    if phrase is None:
        phrase = phrase_after(after, lex)

    # 1. noun phrase after the number ("119 prisoners died": a group with a verb of its own)
    if phrase.kind == "noun" and phrase.head.lower() in PEOPLE_NOUNS:
        found = _verb_right_after(after[phrase.end :], lex)
        measure = lex.measure(found[0], found[1]) if found and found[0] == "verb" else None
        if found and measure and measure != phrase.measure:
            return Reading(measure, phrase.head, found[2] or _negated_before(before))
    if phrase.kind == "noun" and phrase.head.lower() == "wounds" and phrase.modifiers:
        return None  # "four gunshot wounds", "12 stab wounds": wounds on one body, not people
    if phrase.kind in ("noun", "adjective") and phrase.measure:
        if _OF_THE.match(after):
            # "17 of the wounded", "31 of the dead were children": part of a group
            people = were_people(after, phrase.end)
            return Reading(phrase.measure, people or phrase.head, _negated_before(before))
        subject = phrase.modifiers if _people_words(phrase.modifiers) else None
        group = _GROUP_AFTER.match(after, phrase.end)
        if group and is_people(group.group(1).split()[-1]):
            subject = group.group(1)  # "22 injured passengers"
        elif phrase.head.lower() in PEOPLE_NOUNS and phrase.kind == "noun":
            subject = f"{phrase.modifiers} {phrase.head}".strip()  # "350 evacuees"
        elif phrase.kind == "noun" and is_people(phrase.head.split()[0]):
            subject = phrase.head.split()[0]  # "12 people killed"
        subject = subject or _among(after[phrase.end :]) or _cases_before(before)
        return Reading(phrase.measure, subject, _negated_before(before))
    if phrase.kind == "people" or (phrase.kind == "none" and not phrase.modifiers):
        # "11 soldiers were killed", "496 had been killed", and coordinated groups:
        # "eight women, a girl and four men injured"
        subject = f"{phrase.modifiers} {phrase.head}".strip() or _cases_before(before)
        rest = after[phrase.end :]
        beyond = _skip_coordination(rest, lex)
        found = _verb_after(beyond, lex)
        if found and beyond is not rest and _object_of_verb(before, lex):
            found = None  # "arrested 12 people and 40 officers were deployed": the object
        if found and (phrase.kind == "people" or _participle(found[0], found[1])):
            pos, term, negated = found
            measure = lex.measure(pos, term)
            if measure and pos == "verb" and _has_object(beyond, term):
                return None  # "12 gunmen killed 30 people": the group did it, it is not counted
            if measure:
                return Reading(measure, subject, negated or _negated_before(before))
        split = _split_verb(before, subject or "", after[phrase.end :], lex)
        if split:
            return Reading(split[0], split[1], _negated_before(before))
        among = (
            _AMONG_THE_GROUP.search(before, max(0, len(before) - 50))
            if "mong " in before[-50:]
            else None
        )
        measure = _group_measure(among.group(1), lex) if among else None
        if among and measure:  # "Among those detained were two opposition lawmakers"
            return Reading(measure, subject, _negated_before(before))
        if phrase.kind == "people":
            measure = _of_the_whole(after[phrase.end :], lex)
            if measure:
                return Reading(measure, subject, _negated_before(before))
            included = (
                _INCLUDED_BEFORE.search(before, max(0, len(before) - 40))
                if "clude" in before[-20:] or " were " in before[-8:] or " are " in before[-6:]
                else None
            )
            measure = _group_measure(included.group(1), lex) if included else None
            if measure:  # "the dead included 11 children"
                return Reading(measure, subject, _negated_before(before))
        lead = (
            _OF_THE_GROUP.search(before, max(0, len(before) - 60))
            if before.rstrip().endswith(",")
            else None
        )
        measure = _group_measure(lead.group(1), lex) if lead else None
        if lead and measure and phrase.kind == "none":
            # "Of the 130 injured, 77 were women or children": part of the group named first
            people = were_people(after)
            return Reading(measure, people or lead.group(1), _negated_before(before))

    # "120 soldiers from the 4th brigade joined the search", "the search involved 900
    # officers": a force that arrives or takes part is deployed
    if (
        phrase.kind == "people"
        and _is_force(phrase, after)
        and (
            _ARRIVES.match(after, phrase.end)
            or _INVOLVING.search(before, max(0, len(before) - 30))
            or (_EXPECTS_BEFORE.search(near_before) and _TO_HELP.match(after, phrase.end))
        )
    ):
        subject = f"{phrase.modifiers} {phrase.head}".strip()
        return Reading("deployed", subject, _negated_before(before))

    # 2. a measure verb right before the number
    near = tail(before, 64)
    det = _VERB_OBJECT_LEAD.search(near)
    m = lex.verbs.ending(near[: det.start()] if det else near)
    if m and phrase.kind in ("people", "none", "noun"):
        measure = lex.measure("verb", m.group(0))
        if measure and (phrase.kind == "people" or measure != "deployed"):
            if phrase.kind == "noun" and phrase.measure is None:
                return None
            if phrase.kind == "none" and _counts_things(phrase.modifiers):
                return None  # "seized eight rifles", "executed 74 warrants": not people
            subject = (
                f"{phrase.modifiers} {phrase.head}".strip() if phrase.kind == "people" else None
            )
            agent = _agent(before[: len(before) - len(near) + m.start()])
            negated = bool(_NEGATED_VERB.search(near, 0, m.start()))
            return Reading(measure, subject, negated, agent)

    # 3. a measure noun before a linking or crossing verb
    crossing = bool(_CROSSING.match(sentence, start))
    if phrase.kind in ("none", "people") and (crossing or _LINKING_END.search(tail(before, 40))):
        best = None
        for nm in lex.nouns.finditer(before):
            mid = before[nm.end() :]
            if len(mid) > 160 or _FIGURE.search(mid) or _CLAUSE_END.search(mid):
                continue
            best = nm
        if best is not None:
            measure = lex.measure("noun", best.group(0))
            if measure:
                mid = before[best.end() :]
                lead = _TWO_WORDS_END.search(before, 0, best.start())
                modifier = lead.group(1).strip() if lead else ""
                modifier = _ARTICLE_LEAD.sub("", modifier)
                modifier = (
                    modifier
                    if _people_words(modifier)
                    and modifier.lower() not in ("the", "a", "an")
                    and modifier.split()[-1].lower() not in _FUNCTION_WORDS  # "Sunday the"
                    and not best.group(0).endswith(" of")  # "the deployment of 600 officers"
                    else ""
                )
                subject = (
                    _among(mid)
                    or modifier
                    or (
                        f"{phrase.modifiers} {phrase.head}".strip()
                        if phrase.kind == "people"
                        else None
                    )
                )
                return Reading(measure, subject, bool(_NEGATION.search(mid)))
    return None


# "Of the 130 injured, 77 were ...", "Of the wounded, seven were taken to hospital"
_OF_THE_GROUP = re.compile(r"\b[Oo]f\s+(?:the|these|those)\s+(?:[\d,]+\s+)?([a-z]+)\s*,\s*$")


def were_people(text: str, pos: int = 0) -> str | None:
    """The people in "were women or children" / "were men" at ``pos`` of ``text``: "77 were
    women or children", "four were women and two were men" (the group ends before "and")."""
    were = _WERE_PEOPLE.match(text, pos)
    if not were:
        return None
    group = were.group(1)
    if is_people(group.split()[-1]):
        return group
    first = group.split()[0]
    return first if is_people(first) else None


# "the dead included 11 children", "Those detained include two lawmakers"
_INCLUDED_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]hose)\s+([a-z]+)\s+(?:included|include|includes|were|are)\s+$"
)


_WERE_PEOPLE = re.compile(
    r"\s+(?:were|are|was)\s+(?:members\s+of\s+(?:the\s+)?)?((?:[a-z]+\s+(?:or|and)\s+)?[a-z]+)\b"
)  # "77 were women or children", "11 of the injured were members of the police"
_AMONG_THE_GROUP = re.compile(
    r"\b[Aa]mong\s+(?:the|those)\s+(?:[\d,]+\s+)?([a-z]+)\s+(?:were|was|are|is)\s+$"
)
# "seven women (of the 12 arrested)", "12 civilians, of the 30 killed,"
_OF_THE_WHOLE = re.compile(r"\s*[(,]\s*(?:of|among)\s+(?:the|those)\s+(?:[\d,]+\s+)?([a-z]+)\b")
_LAST_VERB = re.compile(r"([a-z]+)\s+$")
_NEXT_WORDS_LOWER = re.compile(r"\s+([a-z]+)\b(?:\s+([a-z]+)\b)?")


_OBJECT = re.compile(
    rf"\s+(?:(?:at\s+least|more\s+than|nearly|almost|about|around|some|an\s+estimated|as\s+many"
    rf"\s+as|up\s+to|another|a\s+further|the|their|his|her|its|a|an)\s+)?"
    rf"(?:\d|(?:{_WORD_NUM}|dozens|hundreds|scores|thousands|tens)\b|([a-z]+)\b)",
    re.I,
)


def _has_object(text: str, term: str) -> bool:
    """Whether the verb ``term`` in ``text`` takes a figure or a group of people as its object
    ("killed 30 people", "had wounded worshippers"): the group before it is the agent."""
    at = text.lower().find(term.lower())
    if at < 0:
        return False
    m = _OBJECT.match(text, at + len(term))
    if m is None:
        return False
    word = m.group(1)
    return word is None or (word.lower() in PEOPLE_NOUNS and word.lower() not in ("more", "others"))


def _object_of_verb(before: str, lex: Lexicon) -> bool:
    """Whether a measure verb stands right before the figure ("killing 12 people")."""
    near = tail(before, 64)
    det = _VERB_OBJECT_LEAD.search(near)
    return lex.verbs.ending(near[: det.start()] if det else near) is not None


def _group_measure(word: str, lex: Lexicon) -> str | None:
    """The measure a group word names: "injured", "wounded", "dead", "detained"."""
    return lex.measure("adjective", word) or lex.measure("noun", word) or lex.measure("verb", word)


def _of_the_whole(text: str, lex: Lexicon) -> str | None:
    """A part named with its whole after it: "seven women (of the 12 arrested)"."""
    m = _OF_THE_WHOLE.match(text)
    return _group_measure(m.group(1), lex) if m else None


def _split_verb(before: str, group: str, rest: str, lex: Lexicon) -> tuple[str, str | None] | None:
    """A verb whose object stands inside it: "had taken at least five soldiers prisoner"
    reads as the term "taken prisoner". Returns the measure and the group without the word
    that ends the verb ("soldiers prisoner" -> "soldiers")."""
    verb = _LAST_VERB.search(before, max(0, len(before) - 30))
    if not verb or lex.measure("verb", verb.group(1)):
        return None  # "killed 23 soldiers and injured ...": the verb is a measure by itself
    words = group.split()
    if len(words) > 1:  # "prisoner" was read as part of the group
        measure = lex.measure("verb", f"{verb.group(1)} {words[-1].lower()}")
        if measure:
            return measure, " ".join(words[:-1])
    after = _NEXT_WORDS_LOWER.match(rest)
    if not after or after.group(1) in ("and", "or", "but"):
        return None  # "shot dead 20 people and injured 42": two verbs, not one split verb
    for term in (after.group(1), f"{after.group(1)} {after.group(2) or ''}".strip()):
        measure = lex.measure("verb", f"{verb.group(1)} {term}")
        if measure:  # "took five soldiers prisoner", "forced 50,000 to flee"
            return measure, group or None
    return None


_COORD = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")
_LEAD = re.compile(r"(?:an?|another|\d[\d,]*|[a-z]+-?[a-z]*)\s+", re.I)


def _skip_coordination(text: str, lex: Lexicon) -> str:
    """Skip coordinated groups after a group: ", a 10-year-old girl and four men"."""
    rest = text
    for _ in range(4):
        m = _COORD.match(rest)
        if not m:
            break
        tail = rest[m.end() :]
        lead = _LEAD.match(tail)
        group = " " + tail[lead.end() :] if lead else " " + tail
        phrase = phrase_after(group, lex)
        if phrase.kind != "people" and lead:
            group = " " + tail  # "officers and soldiers had been deployed": no lead word
            phrase = phrase_after(group, lex)
        if phrase.kind != "people":
            break
        rest = group[phrase.end :]
    return rest


_IRREGULAR = frozenset("hurt slain sent fled held shot dead died lost taken seized".split())


def _participle(pos: str, term: str) -> bool:
    """Whether a verb after a bare number reads as a clause ("496 had been killed", "Scores
    died"), not as a noun modifier ("27 arrest warrants")."""
    t = term.lower()
    return pos != "verb" or " " in t or t.endswith(("ed", "en")) or t in _IRREGULAR


def _people_words(text: str) -> bool:
    words = text.split()
    return bool(words) and any(w[:1].isupper() or w.lower() in PEOPLE_NOUNS for w in words)


_NEGATION_END = re.compile(r"\b(?:no|none\s+of\s+the|not)\s*$", re.I)
_AGENT_END = re.compile(r"((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)\s+(?:has\s+|have\s+|had\s+)?$")
_PERFECT = frozenset({"has", "have", "had"})
_CAPITAL = re.compile("[A-Z]")


_FUNCTION_WORDS = frozenset("the a an its their his her of on in at to by for and or".split())


def _counts_things(modifiers: str) -> bool:
    """Whether the words after a figure end with a plural noun that is not people."""
    last = modifiers.rsplit(None, 1)[-1] if modifiers else ""
    return last.islower() and last.endswith("s") and len(last) > 3 and not is_people(last)


def _negated_before(before: str) -> bool:
    # the pattern is tried from every position: test the last word first
    return last_word(before) in ("no", "not", "the") and bool(_NEGATION_END.search(before))


def _agent(before: str) -> str | None:
    """The named actor right before a verb: "Police have arrested 12" -> "Police"."""
    if not before[-1:].isspace():
        return None  # the pattern ends with white space
    last = before.rsplit(None, 1)[-1] if before.strip() else ""
    if last not in _PERFECT and not _CAPITAL.search(last):
        return None  # nor with a capitalised word or "has"/"have"/"had"
    m = _AGENT_END.search(before)
    return m.group(1) if m else None


# A breakdown whose part is told by its place, origin or condition, not by a group of its own:
# "injured 30, four of them critically", "61 treated, 14 of them for burns", "26 treated, three
# of whom were flown out", "detained 70, including three in Leeds", "2,000 officers, including
# 600 from the riot unit", "16 deaths in the north and six in the south".
_OF_THEM_REST = re.compile(r"\s+of\s+(?:them|whom)\s+([a-z]+)\b")
_REST_WORDS = frozenset("for in with from at on".split())
_AUX_REST = frozenset("were was had have are".split())
_VERB_REST = re.compile(r"\s+(?:(?:since|later|now|also|already|been|being|all|both)\s+)*([a-z]+)")
_UNDONE = frozenset(
    "released freed discharged rescued found acquitted cleared reunited returned".split()
)
_PLACE_REST = re.compile(
    r"\s+(?:in|from|at)\s+(?:the\s+)?(?:(?P<cap>[A-Z][a-z'’-]+)|(?:[a-z-]+\s+){0,2}(?:unit|units|"
    r"family|families|force|forces|village|villages|town|towns|city|district|region|province|area))\b"
)
_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday".split()
)
_NOT_A_PART = frozenset({"fatally", "mostly", "only", "merely"})


def breakdown_rest(after: str, listed: bool) -> bool:
    """Whether the words ``after`` a figure make it a part of the figure before, counted by
    its place, origin or condition ("four of them critically", "three in Leeds"). ``listed``:
    the figure follows "including" or a coordination ("and six in ..."), which a place or an
    origin needs; "of them" / "of whom" needs nothing before it.

    >>> breakdown_rest(" of them critically", False), breakdown_rest(" in Leeds", True)
    (True, True)
    >>> breakdown_rest(" of them fatally", False), breakdown_rest(" in March", True)
    (False, False)
    """
    m = _OF_THEM_REST.match(after)
    if m is not None:
        word = m.group(1)
        if word in _AUX_REST:
            # "19 of them had since been released": a verb that undoes the count
            verb = _VERB_REST.match(after, m.end())
            return verb is None or verb.group(1) not in _UNDONE
        return word in _REST_WORDS or (word.endswith("ly") and word not in _NOT_A_PART)
    if not listed:
        return False
    m = _PLACE_REST.match(after)
    if m is None:
        return False
    cap = m.group("cap")
    return cap is None or cap.lower() not in _CALENDAR_WORDS


# "bringing the total to 77", "raising the number to 45", "taking the tally to more than 30":
# a running total of the figure told before, counted by a word that names no measure
_TOTAL_BEFORE = re.compile(
    r"\b(?:bringing|raising|taking|pushing|lifting|brought|raised|took|pushed|lifted)\s+"
    r"(?:the|its|their|this|that)\s+(?:overall\s+|total\s+)?(?:total|tally|number|count|figure)"
    r"(?:\s+so\s+far)?\s+to\s+(?:[a-z]+\s+){0,2}$",
    re.I,
)


def running_total(before: str) -> bool:
    """Whether the words ``before`` a figure say it is the new total of the figure told just
    before ("a further nine were held, bringing the total to 77").

    >>> running_total("nine more were held, bringing the total to "), running_total("a total of ")
    (True, False)
    """
    return _TOTAL_BEFORE.search(before) is not None
