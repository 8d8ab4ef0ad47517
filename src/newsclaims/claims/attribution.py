"""Who says it: sources in a sentence, and entity resolution inside one article.

Patterns: "according to X", "X said/told/reported/estimated/... (that)", "..., X said",
"said X", "as reported by X", "X's figures", "an X update", "the X-run health ministry",
"citing X", quotes with a speaker, and "X told <outlet>" (the outlet relays: a conduit).
Resolution: acronyms defined in parentheses, entities and aliases from plugins, definite
descriptions ("the intelligence agency") to the entity named before, surnames to the full
name, and person keys from plugins so romanization variants are one person.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import attrs

from ..knowledge import Entity, Knowledge
from ..models import Attribution
from .lexicon import ORG_WORDS, PEOPLE_NOUNS, REPORTING_VERBS, SOURCE_NOUNS, TITLES
from .sentences import contains_any, tail
from .wordlists import alternation, whole_words

# capital and small letters of the Latin alphabets news names are written in ("Andrés", "Castaño")
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿā-ž"
_CAP = rf"(?:[{_UP}][\w'’.&-]*|[{_UP}]{{2,}})"
_LINK = r"(?:of|the|for|and|de|al|bin|el|on|du|van|von|der)"
_NAME_SEQ = rf"{_CAP}(?:\s+(?:{_LINK}\s+)*{_CAP})*"
_TITLE_RX = alternation(TITLES)
_VERB_RX = re.compile(
    r"\b(" + "|".join(sorted(REPORTING_VERBS - {"according"}, key=len, reverse=True)) + r")\b"
)
_ADVERBS = re.compile(
    r"(?:\s+(?:also|has|have|had|later|further|previously|reportedly|earlier|recently|then"
    r"|again|now|separately|has\s+also|had\s+also|was|were|is|been|publicly|officially"
    r"|repeatedly|initially|first|on\s+\w+day|in\s+a\s+statement|on\s+\w+))+$",
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
_DEFINITE = re.compile(r"^(?:the|this|that|these|those)\s+", re.I)
_NAME_WORD = rf"[{_UP}][{_LOW}'’]+(?:-[A-Za-z][{_LOW}]+)?"
_PERSON_NAME = rf"(?:{_NAME_WORD}\s){{1,3}}{_NAME_WORD}"
# people named as speakers: "..., Maria Lopez, said", "Maria Lopez told", "said Ann Lee"
# (two patterns: one alternation would try the look-behinds at every position)
_SPEAKER_APPOSED = re.compile(
    rf",\s+(?P<name>{_PERSON_NAME}),\s+(?:[a-z]|{_VERB_RX.pattern[3:-3]})"
)
# a name that opens a sentence (or follows "said") right before "said", "told" ...: the
# verbs are found first, then the name is looked for in the words just before each
_SPEECH_VERBS = ("said", "says", "told", "added")
_SPEAKER_BEFORE = re.compile(
    rf"(?=[{_UP}])(?:(?<=[.!?”\"]\s)|(?<![\s\S])|(?<=\bsaid\s))(?P<name>{_PERSON_NAME})$"
)


def _speakers(text: str) -> Iterator[re.Match[str]]:
    """People named as speakers: "..., Maria Lopez, said", "Maria Lopez told", "said Ann Lee"."""
    yield from _SPEAKER_APPOSED.finditer(text)
    for end in _speech_verb_starts(text):
        found = _SPEAKER_BEFORE.search(text, max(0, end - 100), end)
        if found:
            yield found


def _speech_verb_starts(text: str) -> list[int]:
    """Where the white space before each "said", "says", "told", "added" begins (found with
    ``str.find``: a regex tried at every position of a whole article is far slower)."""
    starts = set()
    for verb in _SPEECH_VERBS:
        i = text.find(verb)
        while i != -1:
            j = i
            while j > 0 and text[j - 1].isspace():
                j -= 1
            if j < i:
                starts.add(j)
            i = text.find(verb, i + 1)
    return sorted(starts)


_NOT_NAMES = frozenset(
    "The A An In On At But And This That It He She They We January February March April May "
    "June July August September October November December Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday North South East West New United".split()
)
_PAREN_ACRONYM = re.compile(r"\s\(([A-Z][A-Za-z&.]{1,9})\)")


def _paren_acronyms(text: str) -> Iterator[re.Match[str]]:
    """Every " (ACRONYM)" of ``text``, found from each "(" (``str.find`` is much cheaper than a
    pattern tried at every position)."""
    i = text.find("(", 1)
    while i != -1:
        m = _PAREN_ACRONYM.match(text, i - 1)
        if m:
            yield m
        i = text.find("(", i + 1)


_NAME_BEFORE = re.compile(rf"({_NAME_SEQ})$")
# a title and the name after it; the "not after a letter" test is done by _titled, so the
# pattern starts with the titles themselves and the scan skips ahead in C
_TITLED = re.compile(
    rf"(?:{_TITLE_RX})(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)??)?"
    rf"\s+((?:[{_UP}][{_LOW}'’]+(?:-[A-Za-z]+)?\s?){{1,4}})"
)  # "Rep. Jane Doe", "Superintendent of Police Sakshi Verma"
_WORD_CHAR = re.compile(r"\w")
_CAPITAL = re.compile(f"[{_UP}]")


def _titled(text: str) -> Iterator[re.Match[str]]:
    """Every title and name in ``text`` ("Rep. Jane Doe") that does not start inside a word."""
    pos = 0
    while (m := _TITLED.search(text, pos)) is not None:
        start = m.start()
        if start and _WORD_CHAR.match(text, start - 1):
            pos = start + 1  # inside a word: look again from the next character
            continue
        yield m
        pos = m.end()


_ANY_ORG = frozenset({"agency", "organization", "organisation", "group", "body"})
_AGENCY_SYNONYMS = {
    "agency": ("agency", "service", "bureau", "office", "directorate", "intelligence"),
    "service": ("service", "agency"),
    "ministry": ("ministry", "department"),
    "department": ("department", "ministry"),
    "military": ("army", "military", "forces", "command", "staff", "defense", "defence"),
    "army": ("army", "forces", "military"),
    "party": ("party",),
    "group": ("group", "organization", "organisation", "front", "movement", "brigade"),
    "organization": ("organization", "organisation", "group"),
    "office": ("office",),
    "mission": ("mission",),
    "committee": ("committee",),
    "observatory": ("observatory",),
    "government": ("government",),
    "police": ("police",),
}


def _position(mention: tuple[int, Known]) -> int:
    return mention[0]


@attrs.define(eq=False)
class Known:
    """An entity of this article: full name, short form, type, key, where first named.

    Each is one entity: two are the same only if they are the same object."""

    name: str
    short: str | None
    type: str
    key: str
    words: frozenset[str]
    aliases: frozenset[str] = frozenset()
    canonical: bool = False  # named by a plugin: keep that name


@attrs.frozen
class SourceMention:
    """A source found in a sentence: the surface text, where, and how it was found."""

    text: str
    start: int
    how: str  # according | subject | postposed | by | possessive | attributive | run | told


@attrs.frozen
class _EntityIndex:
    """The plugin entities of one :class:`Knowledge`, indexed for scanning and lookup.

    Surfaces are grouped by their first word, so a scan looks up each capitalised word of
    the text instead of running one huge alternation over it.
    """

    by_first: dict[str, tuple[tuple[str, Entity], ...]]
    by_plain: dict[str, Entity]

    def find(self, text: str) -> Iterator[tuple[int, Entity]]:
        """Every mention of a known entity in ``text``: ``(offset, entity)``."""
        for m in _WORD.finditer(text):
            candidates = self.by_first.get(m.group(0))
            if not candidates:
                continue
            start = m.start()
            for surface, ent in candidates:
                end = start + len(surface)
                if text.startswith(surface, start) and not _WORDISH.match(text, end):
                    yield start, ent
                    break


_WORD = re.compile(rf"(?<![\w-])[{_UP}][\w'’.&]*")  # entity names start with a capital
_WORDISH = re.compile(r"[\w-]")


@lru_cache(maxsize=8)
def _entity_index(knowledge: Knowledge) -> _EntityIndex:
    grouped: dict[str, list[tuple[str, Entity]]] = {}
    by_plain: dict[str, Entity] = {}
    for ent in knowledge.entities:
        for surface in ent.names():
            if len(surface) >= 2:
                # "the Met": the capitalised word carries the lookup, "the" is optional
                bare = _DEFINITE.sub("", surface)
                first = _WORD.match(bare)
                if first:
                    grouped.setdefault(first.group(0), []).append((bare, ent))
                by_plain.setdefault(_DEFINITE.sub("", surface).lower(), ent)
    by_first = {
        k: tuple(sorted(v, key=lambda sv: len(sv[0]), reverse=True)) for k, v in grouped.items()
    }
    return _EntityIndex(by_first, by_plain)


class Entities:
    """The entities of one article, in order of first mention, for resolution."""

    def __init__(self, text: str, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.known: list[Known] = []
        self._mentions: list[tuple[int, Known]] = []
        self._by_key: dict[str, Known] = {}
        self._by_short: dict[str, list[Known]] = {}
        self._order: dict[int, int] = {}  # id of each entity -> when it was first named
        self._scan(text)

    # -- building ------------------------------------------------------------------------

    def _add(
        self,
        name: str,
        short: str | None,
        type_: str,
        pos: int,
        aliases: Iterable[str] = (),
        canonical: bool = False,
    ) -> Known:
        key = self.knowledge.person_key(name) if type_ == "person" else name.lower()
        # the entity named first that has this key or this short form
        found = (self._by_key.get(key), *self._by_short.get(short or "", ()))
        same: list[Known] = [k for k in found if k is not None]
        if same:
            k = min(same, key=lambda k: self._order[id(k)])
            if len(name.split()) > len(k.name.split()) and not k.canonical:
                k.name = name
            if short and not k.short:
                k.short = short
                self._by_short.setdefault(short, []).append(k)
            self._mention(pos, k)
            return k
        words = frozenset(w.lower() for w in re.findall(r"\w+", name))
        plain = frozenset(_DEFINITE.sub("", a).lower() for a in aliases)
        k = Known(name, short, type_, key, words, plain, bool(aliases) or canonical)
        self._order[id(k)] = len(self.known)
        self.known.append(k)
        self._by_key[key] = k
        if short:
            self._by_short.setdefault(short, []).append(k)
        self._mention(pos, k)
        return k

    def _scan(self, text: str) -> None:
        # entities the plugins know: every name, short form and alias found in the text
        for pos, ent in _entity_index(self.knowledge).find(text):
            self._add(ent.name, ent.short, ent.type, pos, ent.aliases, True)
        # acronyms defined in the article: "National Intelligence Service (NIS)"
        for paren in _paren_acronyms(text):
            head = text[max(0, paren.start() - 160) : paren.start()]
            m = _NAME_BEFORE.search(head)
            if m is None:
                continue
            name, short = _trim_name(m.group(1)), paren.group(1)
            if _acronym_fits(name, short):
                self._add(name, short, "organization", paren.start() - len(head) + m.start())
                for later in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text):
                    self._add(name, short, "organization", later.start())
        # people introduced by a title: "Rep. Jane Doe", "Gen. Kim Byung-kee"
        for m in _titled(text):
            if set(m.group(1).lower().split()) & ORG_WORDS:
                continue  # "Lady Pohamba Private Hospital", "General Electric Company": a name
            self._add(m.group(1).strip(), None, "person", m.start(1))
        speakers = sorted(_speakers(text), key=lambda m: m.start("name"))
        for m in speakers:
            name = m.group("name")
            words = name.lower().split()
            if not (set(words) & ORG_WORDS) and not (set(name.split()) & _NOT_NAMES):
                self._add(name, None, "person", m.start("name"))

    # -- resolving -----------------------------------------------------------------------

    def before(self, pos: int) -> list[Known]:
        """Entities mentioned before ``pos``, the most recent first."""
        return list(self._recent(pos))

    def _recent(self, pos: int) -> Iterator[Known]:
        """Entities mentioned before ``pos``, the most recent first, each once."""
        seen: set[int] = set()
        for i in range(bisect.bisect_right(self._mentions, pos, key=_position) - 1, -1, -1):
            k = self._mentions[i][1]
            if id(k) not in seen:
                seen.add(id(k))
                yield k

    def resolve(
        self, surface: str, pos: int, role: str = "source", speaker: bool = False
    ) -> Attribution | None:
        """Resolve a source's surface text at ``pos`` to an :class:`Attribution`.

        ``speaker``: the text is the subject of a reporting verb ("Israel said"), so an
        unknown single name is taken as a source (an organisation, country or person).
        """
        raw = surface.strip(" ,.;:\"'“”‘’")
        # "South Korea's spy agency" describes an entity as "the spy agency" does
        definite = bool(_DEFINITE.match(raw) or _OWNER_LEAD.match(raw))
        text = _DEFINITE.sub("", raw)
        text = _POSSESSIVE_END.sub("", text).strip()
        untitled = _TITLE_LEAD.sub("", text)
        if untitled != text and all(w[:1].isupper() for w in untitled.split()):
            text = untitled  # "Gen. Kim Byung-kee", not "Chief Minister's office"
        if not text:
            return None
        lower = text.lower()
        if lower in ("he", "she"):
            person = next((k for k in self._recent(pos) if k.type == "person"), None)
            return self._credit(person, raw, role, pos) if person else None
        if lower == "it":
            org = next((k for k in self._recent(pos) if k.type not in ("person", "other")), None)
            return self._credit(org, raw, role, pos) if org else None
        for k in self.known:
            if text in (k.name, k.short) or lower == k.name.lower() or lower in k.aliases:
                return self._credit(k, raw, role, pos)
        for k in self.known:
            if k.type == "person" and " " in k.name and text.endswith(" " + k.name):
                return self._credit(k, raw, role, pos)  # "Mandi Superintendent of Police Jane Doe"
        ent = _entity_index(self.knowledge).by_plain.get(lower)
        if ent is not None:
            k = self._add(ent.name, ent.short, ent.type, pos, ent.aliases, True)
            return self._credit(k, raw, role, pos)
        words = lower.split()
        head = words[-1] if words else ""
        if definite or (text.islower() and head in _AGENCY_SYNONYMS):
            # a definite description: the entity named before whose name fits
            fits = _AGENCY_SYNONYMS.get(head, (head,))
            orgs = [k for k in self.before(pos) if k.type != "person"]
            for k in orgs:
                if (k.words & set(fits)) or (
                    head not in ORG_WORDS and set(words[:-1]) & k.words
                ):  # "the health ministry" is not the World Health Organization
                    return self._credit(k, raw, role, pos)
            if definite and head in _ANY_ORG and orgs:
                return self._credit(orgs[0], raw, role, pos)  # "the agency": the last organisation
        if len(words) == 1 and lower in SOURCE_NOUNS:
            text = lower  # "Police said": a common noun capitalised by the sentence start
        if text[:1].isupper() and len(words) == 1 and lower not in SOURCE_NOUNS:
            # a surname: the person named before
            for k in self.before(pos) + self.known:
                if k.type == "person" and lower in k.words:
                    return self._credit(k, raw, role, pos)
            if not text.isupper() and (text in _NOT_NAMES or not speaker):
                return None  # a lone capitalised word is a source only as a speaker
        if text[:1].islower() and head not in SOURCE_NOUNS:
            return None
        type_ = _type_of(text)
        k = self._add(text, text if text.isupper() and len(text) <= 8 else None, type_, pos)
        return self._credit(k, raw, role, pos)

    def _mention(self, pos: int, k: Known) -> None:
        # kept in order of position; mentions at one position in the order they were made
        bisect.insort_right(self._mentions, (pos, k), key=_position)

    def _credit(self, k: Known, raw: str, role: str, pos: int) -> Attribution:
        """Credit ``k`` at ``pos``: the mention makes it the latest entity for pronouns ("the
        authority said. It said ..." refers to the authority, not an agency named before)."""
        self._mention(pos, k)
        return self._attr(k, raw, role)

    def _attr(self, k: Known, raw: str, role: str) -> Attribution:
        return Attribution(name=k.name, short=k.short, type=k.type, role=role, text=raw, key=k.key)


_POSSESSIVE_END = re.compile(r"['’]s$")
_OWNER_LEAD = re.compile(rf"^(?:[{_UP}][\w-]*\s+)*[{_UP}][\w-]*['’]s?\s+[a-z]")
_TITLE_LEAD = re.compile(rf"^(?:{_TITLE_RX})\s+")


def _trim_name(name: str) -> str:
    name = re.sub(r"^(?:The|According to|As|And|But|In|On|At|By|For)\s+", "", name)
    return re.sub(rf"\s+{_LINK}$", "", name).strip()


def _acronym_fits(name: str, short: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", name) if w[0].isupper())
    letters = re.sub(r"[^A-Z]", "", short)
    return bool(letters) and (initials.startswith(letters[:2]) or letters[0] == initials[:1])


_DETERMINER = re.compile(r"^(?:a|an|the|his|her|its|their|our)\s+", re.I)


def _type_of(text: str) -> str:
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & ORG_WORDS or text.isupper():
        return "organization"
    bare = _DETERMINER.sub("", text)
    if bare[:1].islower():
        head = bare.split()[-1]
        # "a priest", "the spokeswoman": one person, whom "he"/"she" can refer to later
        return "person" if head in PEOPLE_NOUNS and not head.endswith("s") else "other"
    caps = [w for w in text.split() if w[:1].isupper()]
    return "person" if 2 <= len(caps) <= 4 else "organization"


_ACRONYM_END = re.compile(r"\s*\([A-Z][A-Za-z&.]{1,9}\)$")
_PRONOUN_END = re.compile(r"(?<![\w-])([Hh]e|[Ss]he|[Ii]t)$")
# "(?=[{_UP}])": a name can only start at a capital, so other positions fail at once;
# a name starts after a non-word or, in glued scraped text ("chargesProsecutors"), right
# after a lower-case letter
_NAME_END = re.compile(
    rf"(?:(?<![\w-])|(?<=[a-z]))(?=[{_UP}])((?:(?:{_TITLE_RX})\s+)?{_NAME_SEQ})$"
)
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
    separately was were is been publicly officially repeatedly initially first statement""".split()
)


def _may_end_with_adverb(text: str) -> bool:
    """A cheap test before _ADVERBS, which is tried from every position of ``text``."""
    words = text[-60:].lower().split()
    return bool(words) and (words[-1] in _ADVERB_ENDS or (len(words) > 1 and words[-2] == "on"))


_LINK_WORDS = frozenset(_LINK[3:-1].split("|"))
_LOWER_END = re.compile(r"(?<![a-z])[a-z]+$")


def _name_start_bound(text: str, window: int) -> int:
    """The earliest offset where a name that ends ``text`` can start: names are made of
    words with a capital letter and linking words ("of", "the"), so the scan back stops at the
    first other word. _NAME_END, tried from every position, then runs over just those words."""
    floor = max(0, len(text) - window)
    end = len(text)
    for word in reversed(text[floor:].split()):
        if not (_CAPITAL.search(word) or word.lower() in _LINK_WORDS):
            break
        end = text.rfind(word, floor, end)
    return max(floor, end - 1)


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


_NOT_SPEAKERS = frozenset({"others", "more", "people", "persons", "victims", "hostages"})


def _speaker_noun(word: str) -> bool:
    """A common noun that can head a speaker: a source ("police") or people ("a priest")."""
    return word in SOURCE_NOUNS or (word in PEOPLE_NOUNS and word not in _NOT_SPEAKERS)


def _np_backward(prefix: str, retry: bool = False) -> str | None:
    """The noun phrase that ends ``prefix``: the subject of a following reporting verb."""
    p = tail(prefix.rstrip(), 200)
    if _may_end_with_adverb(p):
        p = _ADVERBS.sub("", p)
    p = _ACRONYM_END.sub("", p)  # "Full Name (ACRONYM) said"
    p = _APPOSITIVE.sub("", p + (" " if p.endswith(",") else "")).rstrip()
    # "Jane Doe, 33, a vendor at the market, said": an age before the aside removed (the
    # comma that closed the age opened the aside)
    if p[-1:].isdigit():
        p = _AGE_ASIDE.sub("", p)
    p = p.rstrip(",").rstrip()  # "The UN mission in Congo, MONUSCO, said": the appositive name
    pronoun = _PRONOUN_END.search(p, max(0, len(p) - 4))
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
        m = _COMMON_NP_END.search(p, max(0, len(p) - 80))
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


_LOWER_PHRASE = re.compile(r"\s*((?:the\s+|a\s+|an\s+)?)((?:[a-z][\w-]*\s+){0,2}[a-z]+)\b")
_PHRASE_BREAK = frozenset("in at on of from for with by near to and or who which that".split())
_NAME_AFTER_WORDS = re.compile(
    rf"\s*(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*(?:['’]s?)?\s+){{1,3}}"
    rf"((?:(?:{_TITLE_RX})\s+)?{_NAME_SEQ})"
)
_OWNER_OF_DATA = re.compile(
    rf"\s*((?:the\s+)?[a-z][\w-]*)['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_DATA_ALT})\b"
)


def _np_forward(rest: str) -> str | None:
    """The noun phrase that starts ``rest``: "according to <NP>", "reported by <NP>"."""
    m = re.match(
        rf"\s*((?:the\s+|a\s+|an\s+)?(?:(?:{_TITLE_RX})\s+)?{_NAME_SEQ}(?:\s+\([A-Z][A-Za-z&.]+\))?)",
        rest,
    )
    if m:
        np = re.sub(r"\s+\([A-Z][A-Za-z&.]+\)$", "", m.group(1))
        return re.sub(rf"\s+{_LINK}$", "", np)
    # "civil surgeon Dr Jane Doe", "the country's Truth Commission": a name after a job or owner
    m = _NAME_AFTER_WORDS.match(rest)
    if m:
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
    inner = re.match(r"\s+(?:from|by|of)\s+(.*)", rest[end:])
    if words[head] in _DATA_NOUNS.split("|") and inner:
        return _np_forward(inner.group(1)) or np
    return np


_VERBS = REPORTING_VERBS - {"according"}
_REPORTING_WORD = whole_words(_VERBS)
_CREDIT_WORD = whole_words(REPORTING_VERBS | {"according", "citing"})


def may_report(sentence: str) -> bool:
    """Whether ``sentence`` has a word that can credit a source (a cheap set test)."""
    return _CREDIT_WORD.search(sentence.lower()) is not None


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
_POSSESSIVE = re.compile(rf"((?:the\s+)?{_NAME_SEQ})['’]s?\s+(?:[a-z]+\s+)?(?:{_DATA_ALT})\b")
_ATTRIBUTIVE = re.compile(rf"\b(?:an?|the)\s+([A-Z]{{2,8}})\s+(?:{_DATA_ALT})\b")
_RUN_BY = re.compile(r"\b(?:the\s+)?([A-Z][\w-]+-(?:run|led|controlled)\s+[a-z]+(?:\s+[a-z]+)?)")
_PUT_TOLL = re.compile(
    r"\b(?:put|puts|putting|placed|places)\s+the\s+(?:[\w-]+\s+){0,3}"
    r"(?:toll|number|figure|count|tally)\b"
)


_POSTPOSED = re.compile(rf"\s+((?:(?:{_TITLE_RX})\s+)?{_NAME_SEQ})")
_QUOTE_END = re.compile(r"[,”\"]\s*$")
# what follows an inverted speaker ("..., said Jane Doe, a nurse."), not a clause's subject
# ("Police, however, said Jane Doe was arrested")
_AFTER_SPEAKER = re.compile(r"\s*(?:[,.;:)]|$|(?:who|of|from|in|at|on|to|told)\b)")
_TOLD = re.compile(rf"\s+((?:the\s+)?{_NAME_SEQ})")


_ISSUED = re.compile(
    r"\b(?:issued|issues|released|releases|put\s+out|puts\s+out|published|posted|sent out)\s+"
    r"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}(?:statement|communiqu[ée]|press\s+release)\b"
)
_BE_BEFORE = re.compile(r"\b(?:is|was|were|are|been|being|be)\s+(?:[a-z]+ly\s+)?$", re.I)


def find_sources(sentence: str) -> list[SourceMention]:
    """Every source credited in ``sentence``, in order of appearance."""
    found: list[SourceMention] = []
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
    for m in _REPORTING_WORD.finditer(sentence):
        verb = m.group(0)
        if verb.endswith(("ed", "id", "ld")) and _BE_BEFORE.search(
            sentence, max(0, m.start() - 32), m.start()
        ):
            continue  # "X is accused of", "losses were estimated at": X said nothing
        # the speaker after the verb: "..., said Jane Doe", "..., declared John Roe, a ..."
        after = _POSTPOSED.match(sentence, m.end())
        if (
            after
            and verb not in ("told", "tells", "tell")  # "Jane Doe, a nurse, told Reuters"
            and _QUOTE_END.search(sentence, max(0, m.start() - 40), m.start())
            and _AFTER_SPEAKER.match(sentence, after.end())
        ):
            found.append(SourceMention(after.group(1), m.end() + 1, "postposed"))
            continue
        np = _np_backward(sentence[: m.start()])
        if np:
            found.append(SourceMention(np, m.start() - len(np) - 1, "subject"))
        elif after and _QUOTE_END.search(sentence, max(0, m.start() - 40), m.start()):
            found.append(SourceMention(after.group(1), m.end() + 1, "postposed"))
        if verb in ("told", "tells", "tell"):
            told = _TOLD.match(sentence, m.end())
            if told:
                found.append(SourceMention(told.group(1), m.end() + 1, "told"))
    found.sort(key=lambda s: s.start)
    return found


def attributions(
    sentence: str, offset: int, entities: Entities, knowledge: Knowledge
) -> tuple[tuple[Attribution, ...], bool]:
    """Resolved sources of a sentence, innermost first, and whether it reports speech.

    When a sentence names both where a figure comes from ("according to", "X's figures",
    "an X update") and who relays it ("Y said"), Y is a ``conduit``; an outlet that was
    told something ("told Reuters") is a conduit too.
    """
    mentions = find_sources(sentence)
    inner_hows = {"according", "by", "possessive", "attributive", "run"}
    has_inner = any(m.how in inner_hows for m in mentions)
    out: list[Attribution] = []
    reporting = False
    for sm in mentions:
        role = "source"
        if sm.how == "told":
            if knowledge.outlet_named(sm.text.removeprefix("the ")) is None:
                continue  # "told reporters": nobody to credit
            role = "conduit"
        elif sm.how in ("subject", "postposed") and has_inner:
            role = "conduit"
        speaker = sm.how in ("subject", "postposed")
        att = entities.resolve(sm.text, offset + max(sm.start, 0), role, speaker)
        if att is None:
            continue
        reporting = reporting or sm.how in ("subject", "postposed", "according")
        if all(a.key != att.key for a in out):
            out.append(att)
    out.sort(key=lambda a: 0 if a.role == "source" else 1)
    return tuple(out), reporting


def merge_attributions(
    first: Iterable[Attribution], second: Iterable[Attribution]
) -> tuple[Attribution, ...]:
    """Union of two attribution lists by entity key, sources before conduits."""
    out: list[Attribution] = []
    for a in (*first, *second):
        if all(b.key != a.key for b in out):
            out.append(a)
    out.sort(key=lambda a: 0 if a.role == "source" else 1)
    return tuple(out)
