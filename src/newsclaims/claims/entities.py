"""Who is who in one article: the entities it names, and what a source's words refer to.

Entities come from the plugins (names, short forms, aliases), from acronyms defined in
parentheses, from titles ("Gen. Kim Byung-kee") and from named speakers ("..., Maria Lopez,
said"). :meth:`Entities.resolve` maps a source's words to one of them: definite descriptions
("the intelligence agency") to the entity named before whose name fits, surnames to the full
name, "he/she/it" to the entity mentioned or credited last, and person keys from plugins so
romanisation variants are one person.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import lru_cache

import attrs

from .. import _re as re
from ..knowledge import Entity, Knowledge
from ..models import Attribution
from .lexicon import JOB_NOUNS, ORG_WORDS, PEOPLE_NOUNS, REPORTING_VERBS, SOURCE_NOUNS
from .names import DEFINITE, LINK, LOW, NAME_SEQ, PERSON_NAME, TITLE_RX, UP

# longest first; words of one length in their own order, so that the pattern is the same in
# every process (a set's order changes with the hash seed) and its compiled form is kept
_VERB_RX = re.compile(
    r"\b(" + "|".join(sorted(REPORTING_VERBS - {"according"}, key=lambda w: (-len(w), w))) + r")\b"
)


# people named as speakers: "..., Maria Lopez, said", "Maria Lopez told", "said Ann Lee"
# (two patterns: one alternation would try the look-behinds at every position)
_SPEAKER_APPOSED = re.compile(rf",\s+(?P<name>{PERSON_NAME}),\s+(?:[a-z]|{_VERB_RX.pattern[3:-3]})")


# a name that opens a sentence (or follows "said") right before "said", "told" ...: the
# verbs are found first, then the name is looked for in the words just before each
_SPEECH_VERBS = ("said", "says", "told", "added")


_SPEAKER_BEFORE = re.compile(
    rf"(?=[{UP}])(?:(?<=[.!?”\"]\s)|(?<![\s\S])|(?<=\bsaid\s))(?P<name>{PERSON_NAME})$"
)


# a person introduced with an age: "Maria Lopez, 45, who ...", "Passenger Ann Lee, 67, of ..."
_AGED = re.compile(rf"(?=[{UP}])(?<![\w'’-])(?P<name>{PERSON_NAME}),\s+\d{{1,3}},")


def _speakers(text: str) -> Iterator[re.Match[str]]:
    """People named as speakers: "..., Maria Lopez, said", "Maria Lopez told", "said Ann Lee",
    and people introduced with their age, who are quoted next ("Maria Lopez, 45, ...")."""
    yield from _SPEAKER_APPOSED.finditer(text)
    if ", " in text:
        for age in _AGE_COMMA.finditer(text):
            found = _AGED.search(text, max(0, age.start() - 60), age.end())
            while found is not None and found.end() < age.end():
                found = _AGED.search(text, found.start() + 1, age.end())
            if found is not None:
                yield found
    for end in _speech_verb_starts(text):
        found = _SPEAKER_BEFORE.search(text, max(0, end - 100), end)
        if found:
            yield found


_AGE_COMMA = re.compile(r", \d{1,3},")


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


_NAME_BEFORE = re.compile(rf"({NAME_SEQ})$")


# a title and the name after it; the "not after a letter" test is done by _titled, so the
# pattern starts with the titles themselves and the scan skips ahead in C
_TITLED = re.compile(
    rf"(?:{TITLE_RX})(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)??)?"
    rf"\s+((?:[{UP}][{LOW}'’]+(?:-[A-Za-z]+)?\s?){{1,4}})"
)  # "Rep. Jane Doe", "Superintendent of Police Sakshi Verma"


_WORD_CHAR = re.compile(r"\w")


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


_DOCUMENTS = frozenset("statement report communique communiqué release update bulletin".split())
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
    "force": ("police", "force", "guard", "constabulary", "gendarmerie", "service"),
}


_GROUPS = ("person", "other", "org")


def _group(k: Known) -> str:
    return k.type if k.type in ("person", "other") else "org"


def _first(item: tuple[tuple[int, int], Known]) -> tuple[int, int]:
    return item[0]


class _Marks:
    """Mentions ``(position, order) -> entity`` sorted by key, for "the last one before".

    Mentions made while the article is scanned are appended and sorted once
    (:meth:`freeze`); later ones, made as sentences are read in order, go to a second list
    where they are inserted near its end, so neither list is shifted at every insert.
    """

    __slots__ = ("_frozen", "_items", "_keys", "_later_items", "_later_keys")

    def __init__(self) -> None:
        self._keys: list[tuple[int, int]] = []
        self._items: list[Known] = []
        self._later_keys: list[tuple[int, int]] = []
        self._later_items: list[Known] = []
        self._frozen = False

    def add(self, key: tuple[int, int], k: Known) -> None:
        if not self._frozen:
            self._keys.append(key)
            self._items.append(k)
            return
        i = bisect.bisect_right(self._later_keys, key)
        self._later_keys.insert(i, key)
        self._later_items.insert(i, k)

    def freeze(self) -> None:
        if not self._frozen:
            order = sorted(range(len(self._keys)), key=self._keys.__getitem__)
            self._keys = [self._keys[i] for i in order]
            self._items = [self._items[i] for i in order]
            self._frozen = True

    def last_item(self, pos: int) -> tuple[tuple[int, int], Known] | None:
        """The mention with the greatest key at or before position ``pos``."""
        bound = (pos, _NEVER)
        best: tuple[tuple[int, int], Known] | None = None
        for keys, items in ((self._keys, self._items), (self._later_keys, self._later_items)):
            i = bisect.bisect_right(keys, bound) - 1
            if i >= 0 and (best is None or keys[i] > best[0]):
                best = (keys[i], items[i])
        return best

    def last(self, pos: int) -> tuple[int, int] | None:
        found = self.last_item(pos)
        return found[0] if found else None


_NEVER = 1 << 62  # an order greater than every mention's


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


# entity names start with a capital (not after a word character or a hyphen); the capital
# comes first, its look-behind after it, so a scan skips ahead to capitals in C instead of
# trying the look-behind at every position of the article
_WORD = re.compile(rf"[{UP}](?<![\w-][{UP}])[\w'’.&]*")


_WORDISH = re.compile(r"[\w-]")


@lru_cache(maxsize=8)
def _entity_index(knowledge: Knowledge) -> _EntityIndex:
    grouped: dict[str, list[tuple[str, Entity]]] = {}
    by_plain: dict[str, Entity] = {}
    for ent in knowledge.entities:
        for surface in ent.names():
            if len(surface) >= 2:
                # "the Met": the capitalised word carries the lookup, "the" is optional
                bare = DEFINITE.sub("", surface)
                first = _WORD.match(bare)
                if first:
                    grouped.setdefault(first.group(0), []).append((bare, ent))
                by_plain.setdefault(DEFINITE.sub("", surface).lower(), ent)
    by_first = {
        k: tuple(sorted(v, key=lambda sv: len(sv[0]), reverse=True)) for k, v in grouped.items()
    }
    return _EntityIndex(by_first, by_plain)


class Entities:
    """The entities of one article, in order of first mention, for resolution."""

    def __init__(self, text: str, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self._text = text
        self.known: list[Known] = []
        # mentions, in order of (position, when made): the entity's own, and each group's
        # ("person", "other", the organisations), so "the entity mentioned last" is a bisect
        self._seq = 0
        self._marks: dict[int, _Marks] = {}
        self._groups: dict[str, _Marks] = {g: _Marks() for g in _GROUPS}
        self._by_word: dict[str, list[Known]] = {}
        self._scanned = False
        # entities by name, lower-case name and alias; a renamed entity stays under its old
        # name too, so what is found there is checked again
        self._by_name: dict[str, list[Known]] = {}
        self._by_lower: dict[str, list[Known]] = {}
        self._by_alias: dict[str, list[Known]] = {}
        self._by_key: dict[str, Known] = {}
        self._by_short: dict[str, list[Known]] = {}
        self._order: dict[int, int] = {}  # id of each entity -> when it was first named
        self._attrs: dict[tuple[str | None, ...], Attribution] = {}  # see _attr
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
                self._index_name(k)
            if short and not k.short:
                k.short = short
                self._by_short.setdefault(short, []).append(k)
            self._mention(pos, k)
            return k
        words = frozenset(w.lower() for w in _WORD_RUN.findall(name))
        plain = frozenset(DEFINITE.sub("", a).lower() for a in aliases)
        k = Known(name, short, type_, key, words, plain, bool(aliases) or canonical)
        self._order[id(k)] = len(self.known)
        self.known.append(k)
        self._marks[id(k)] = marks = _Marks()
        if self._scanned:
            marks.freeze()
        for w in words:
            self._by_word.setdefault(w, []).append(k)
        self._index_name(k)
        for alias in plain:
            self._by_alias.setdefault(alias, []).append(k)
        self._by_key[key] = k
        if short:
            self._by_short.setdefault(short, []).append(k)
        self._mention(pos, k)
        return k

    def _index_name(self, k: Known) -> None:
        self._by_name.setdefault(k.name, []).append(k)
        self._by_lower.setdefault(k.name.lower(), []).append(k)

    def _first_named(self, candidates: Iterable[Known]) -> Known | None:
        """The one of ``candidates`` named first in the article."""
        return min(candidates, key=lambda k: self._order[id(k)], default=None)

    def _named(self, text: str, lower: str) -> Known | None:
        """The first entity that ``text`` names: its name, short form or an alias."""
        found = (
            *self._by_name.get(text, ()),
            *self._by_short.get(text, ()),
            *self._by_lower.get(lower, ()),
            *self._by_alias.get(lower, ()),
        )
        return self._first_named(
            k
            for k in found
            if text in (k.name, k.short) or lower == k.name.lower() or lower in k.aliases
        )

    def _person_ending(self, text: str) -> Known | None:
        """The first person whose full name ends ``text`` after a space."""
        found: list[Known] = []
        i = text.find(" ")
        while i != -1:
            found.extend(self._by_name.get(text[i + 1 :], ()))
            i = text.find(" ", i + 1)
        return self._first_named(
            k for k in found if k.type == "person" and " " in k.name and text.endswith(" " + k.name)
        )

    def _scan(self, text: str) -> None:
        # entities the plugins know: every name, short form and alias found in the text
        for pos, ent in _entity_index(self.knowledge).find(text):
            self._add(ent.name, ent.short, ent.type, pos, ent.aliases, True)
        # acronyms defined in the article: "National Intelligence Service (NIS)"
        uses: dict[str, list[int]] = {}  # where each acronym is used
        uses_done: set[tuple[str, int]] = set()
        for paren in _paren_acronyms(text):
            head = text[max(0, paren.start() - 160) : paren.start()]
            m = _NAME_BEFORE.search(head)
            if m is None:
                continue
            name, short = _trim_name(m.group(1)), paren.group(1)
            if _acronym_fits(name, short):
                k = self._add(name, short, "organization", paren.start() - len(head) + m.start())
                if (short, id(k)) in uses_done:
                    continue  # defined again: its uses are mentions of it already
                uses_done.add((short, id(k)))
                if short not in uses:
                    uses[short] = _word_uses(text, short)
                for later in uses[short]:
                    self._add(name, short, "organization", later)
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
        for marks in (*self._marks.values(), *self._groups.values()):
            marks.freeze()  # the scan's mentions are sorted once; later ones are inserted
        self._scanned = True

    # -- resolving -----------------------------------------------------------------------

    def before(self, pos: int) -> list[Known]:
        """Entities mentioned before ``pos``, the most recent first."""
        found = [(key, k) for k in self.known if (key := self._last(k, pos)) is not None]
        found.sort(key=_first, reverse=True)
        return [k for _key, k in found]

    def _last(self, k: Known, pos: int) -> tuple[int, int] | None:
        """When ``k`` was last mentioned at or before ``pos``: ``(position, order)``."""
        return self._marks[id(k)].last(pos)

    def _latest(self, pos: int, groups: tuple[str, ...]) -> Known | None:
        """The entity of one of ``groups`` mentioned last at or before ``pos``."""
        best: tuple[tuple[int, int], Known] | None = None
        for g in groups:
            found = self._groups[g].last_item(pos)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best[1] if best else None

    def _latest_of(self, candidates: Iterable[Known], pos: int) -> Known | None:
        """The one of ``candidates`` mentioned last at or before ``pos``."""
        best: tuple[tuple[int, int], Known] | None = None
        for k in candidates:
            key = self._last(k, pos)
            if key is not None and (best is None or key > best[0]):
                best = (key, k)
        return best[1] if best else None

    def _with_words(self, words: Iterable[str]) -> list[Known]:
        """The entities whose name has one of ``words``, in order of first mention."""
        found: dict[int, Known] = {}
        for w in words:
            for k in self._by_word.get(w, ()):
                found.setdefault(id(k), k)
        return sorted(found.values(), key=lambda k: self._order[id(k)])

    def resolve(
        self, surface: str, pos: int, role: str = "source", speaker: bool = False
    ) -> Attribution | None:
        """Resolve a source's surface text at ``pos`` to an :class:`Attribution`.

        ``speaker``: the text is the subject of a reporting verb ("Israel said"), so an
        unknown single name is taken as a source (an organisation, country or person).
        """
        raw = surface.strip(" ,.;:\"'“”‘’")
        # "South Korea's spy agency" describes an entity as "the spy agency" does
        definite = bool(DEFINITE.match(raw) or _OWNER_LEAD.match(raw))
        text = DEFINITE.sub("", raw)
        text = _POSSESSIVE_END.sub("", text).strip()
        untitled = _TITLE_LEAD.sub("", text)
        if untitled != text and all(w[:1].isupper() for w in untitled.split()):
            text = untitled  # "Gen. Kim Byung-kee", not "Chief Minister's office"
        if not text:
            return None
        lower = text.lower()
        if lower in ("he", "she"):
            person = self._latest(pos, ("person",))
            person = self._named_since(person, pos, _PROSE_PERSON, "person") or person
            return self._credit(person, raw, role, pos) if person else None
        if lower == "it":
            org = self._latest(pos, ("org",))
            org = self._named_since(org, pos, _PROSE_ORG, "organization") or org
            return self._credit(org, raw, role, pos) if org else None
        k_named = self._named(text, lower)
        if k_named is not None:
            return self._credit(k_named, raw, role, pos)
        k_named = self._person_ending(text)
        if k_named is not None:
            # "Mandi Superintendent of Police Jane Doe"
            return self._credit(k_named, raw, role, pos)
        ent = _entity_index(self.knowledge).by_plain.get(lower)
        if ent is not None:
            k = self._add(ent.name, ent.short, ent.type, pos, ent.aliases, True)
            return self._credit(k, raw, role, pos)
        words = lower.split()
        head = words[-1] if words else ""
        if definite and head in _DOCUMENTS and len(words) <= 2:
            # "the statement said": the organisation that issued it, named or credited last
            org = self._latest(pos, ("org",))
            if org is not None:
                return self._credit(org, raw, role, pos)
        if definite or (text.islower() and head in _AGENCY_SYNONYMS):
            # a definite description: the entity named before whose name fits
            fits = _AGENCY_SYNONYMS.get(head, (head,))
            # "the health ministry" is not the World Health Organization
            shared = (*fits, *words[:-1]) if head not in ORG_WORDS else fits
            named = (k for k in self._with_words(shared) if k.type != "person")
            k_fit = self._latest_of(named, pos)
            if k_fit is not None:
                return self._credit(k_fit, raw, role, pos)
            if definite and head in ORG_WORDS:
                # "The Coastal Flood Authority issued ... The authority said": named in prose
                k_prose = self._named_since(None, pos, _PROSE_ORG, "organization", fits)
                if k_prose is not None:
                    return self._credit(k_prose, raw, role, pos)
            last_org = self._latest(pos, ("other", "org"))
            if definite and head in _ANY_ORG:
                # "the agency": the last one, or one named in the prose since
                last_org = self._named_since(last_org, pos, _PROSE_ORG, "organization") or last_org
                if last_org is not None:
                    return self._credit(last_org, raw, role, pos)
        if len(words) == 1 and lower in SOURCE_NOUNS:
            text = lower  # "Police said": a common noun capitalised by the sentence start
        if text[:1].isupper() and len(words) == 1 and lower not in SOURCE_NOUNS:
            # a surname: the person named before
            people = [k for k in self._with_words((lower,)) if k.type == "person"]
            if people:
                k_named = self._latest_of(people, pos) or people[0]
                return self._credit(k_named, raw, role, pos)
            if not text.isupper() and (text in _NOT_NAMES or not speaker):
                return None  # a lone capitalised word is a source only as a speaker
            if not text.isupper() and _common_word(self._text, text):
                return None  # "Intelligence also suggests": a noun capitalised by the sentence
        if (
            text[:1].islower()
            and head not in SOURCE_NOUNS
            and not (speaker and head in PEOPLE_NOUNS and head not in _NOT_SPEAKERS)
            and not (speaker and head in JOB_NOUNS)
        ):
            return None  # "local volunteers said": people can speak, "others" cannot
        type_ = _type_of(text)
        k = self._add(text, text if text.isupper() and len(text) <= 8 else None, type_, pos)
        return self._credit(k, raw, role, pos)

    def _named_since(
        self,
        known: Known | None,
        pos: int,
        pattern: re.Pattern[str],
        type_: str,
        fits: Iterable[str] = (),
    ) -> Known | None:
        """An organisation or person named in the prose before ``pos`` (in the sentences just
        before, not as a speaker: "The Coastal Flood Authority issued a report. It said ...",
        "Jane Doe, the mayor, visited ... She said ...") after ``known`` was last mentioned.
        ``fits``: words one of which the name must have ("the authority")."""
        start = max(0, pos - _PROSE_WINDOW)
        if known is not None:
            last = self._last(known, pos)
            if last is not None:
                start = max(start, last[0] + 1)
        if pos - start < 8:
            return None
        window = self._text[start:pos]
        wanted = frozenset(fits)
        found: tuple[int, str] | None = None
        for m in pattern.finditer(window):
            name, at = m.group("name"), m.start("name")
            cut = max(name.rfind(". "), name.rfind(".\n"))
            if cut >= 0:  # "Monday. The Ministry of Water": the name starts a sentence
                rest = DEFINITE.sub("", name[cut + 2 :].lstrip())
                at += len(name) - len(rest)
                name = rest
            words = name.split()
            lowered = {w.lower() for w in words}
            if type_ == "person":
                if lowered & ORG_WORDS or set(words) & _NOT_NAMES:
                    continue
            elif (
                len(words) < 2
                or words[0] in _NOT_NAMES
                or not lowered & ORG_WORDS
                or (wanted and not lowered & wanted)
            ):
                continue
            found = (start + at, name)
        if found is None:
            return None
        return self._add(found[1], None, type_, found[0])

    def _mention(self, pos: int, k: Known) -> None:
        # kept in order of position; mentions at one position in the order they were made
        key = (pos, self._seq)
        self._seq += 1
        self._marks[id(k)].add(key, k)
        self._groups[_group(k)].add(key, k)

    def _credit(self, k: Known, raw: str, role: str, pos: int) -> Attribution:
        """Credit ``k`` at ``pos``: the mention makes it the latest entity for pronouns ("the
        authority said. It said ..." refers to the authority, not an agency named before)."""
        self._mention(pos, k)
        return self._attr(k, raw, role)

    def _attr(self, k: Known, raw: str, role: str) -> Attribution:
        # one object per distinct credit: an article credits the same source in the same
        # words many times, and every claim holds its attributions to the end of the run
        sig = (k.name, k.short, k.type, role, raw, k.key)
        att = self._attrs.get(sig)
        if att is None:
            att = Attribution(
                name=k.name, short=k.short, type=k.type, role=role, text=raw, key=k.key
            )
            self._attrs[sig] = att
        return att


# how far back a pronoun or "the authority" looks for a name told in the prose
_PROSE_WINDOW = 600
# an organisation named in prose: capitalised words, one an organisation word ("The Coastal
# Flood Authority", "the Ministry of Water"); the leading article is left out
_PROSE_ORG = re.compile(rf"(?<![\w'’-])(?:[Tt]he\s+)?(?P<name>{NAME_SEQ})")
# a person named in prose with a description after the name: "Jane Doe, the district's
# mayor," / "Jane Doe, a nurse at ..."
_PROSE_PERSON = re.compile(
    rf"(?<![\w'’-])(?P<name>{PERSON_NAME}),\s+(?:the|a|an|[{UP}][\w'’-]*['’]s)\s+[a-z]"
)


_NOT_SPEAKERS = frozenset({"others", "more", "people", "persons", "victims", "hostages"})


_POSSESSIVE_END = re.compile(r"['’]s$")


_OWNER_LEAD = re.compile(rf"^(?:[{UP}][\w-]*\s+)*[{UP}][\w-]*['’]s?\s+[a-z]")


_TITLE_LEAD = re.compile(rf"^(?:{TITLE_RX})\s+")


def _word_uses(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text`` as a whole word (not inside a word or after a
    hyphen), left to right without overlaps (``str.find``: a pattern with look-arounds tried
    at every position of the article is far slower)."""
    out = []
    i = text.find(word)
    while i != -1:
        end = i + len(word)
        if (i == 0 or not _WORDISH.match(text, i - 1)) and not _WORDISH.match(text, end):
            out.append(i)
            i = text.find(word, end)
        else:
            i = text.find(word, i + 1)
    return out


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“”‘’(\n]\s*|\n)$")
_CAPITALISED_BEFORE = re.compile(rf"([{UP}][\w'’-]*)\s+$")
_CAPITALISED_AFTER = re.compile(rf"\s+(?:{LINK}\s+)*[{UP}]")
# capitalised words that open a sentence before a name ("But Okafor said")
_OPENERS = _NOT_NAMES | frozenset(
    "But And Or So Yet Then Also However Meanwhile When While As If Though Although Because "
    "After Before Since Still Now Later Earlier Instead Even Only Just".split()
)


def _inside_name(before: str, after: str) -> bool:
    """Whether a word with ``before`` and ``after`` around it stands between two words of a
    longer name ("National Intelligence Service"); first and last words of names are names
    themselves ("Airbus Helicopters", "Jane Abdel-Rahim")."""
    lead = _CAPITALISED_BEFORE.search(before)
    return bool(lead and lead.group(1) not in _OPENERS) and bool(_CAPITALISED_AFTER.match(after))


def _common_word(text: str, word: str) -> bool:
    """Whether the capitalised ``word`` is a common noun in ``text``, not a name: the article
    also writes it in lower case, or writes it capitalised only where a sentence opens or
    inside a longer name ("Intelligence" of "the National Intelligence Service")."""
    lower = word.lower()
    if lower != word and _word_uses(text, lower):
        return True
    inside_name = False
    for i in _word_uses(text, word):
        before = text[max(0, i - 40) : i]
        after = text[i + len(word) : i + len(word) + 20]
        if _inside_name(before, after):
            inside_name = True
        elif not _SENTENCE_OPENING.search(before):
            return False  # standing alone inside a sentence: a name
    return inside_name


_WORD_RUN = re.compile(r"\w+")
_NAME_OPENER = re.compile(r"^(?:The|According to|As|And|But|In|On|At|By|For)\s+")
_LINK_END = re.compile(rf"\s+{LINK}$")
_INITIAL_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_NOT_CAPITAL = re.compile(r"[^A-Z]")
_LOWER_RUN = re.compile(r"[a-z]+")


def _trim_name(name: str) -> str:
    name = _NAME_OPENER.sub("", name)
    return _LINK_END.sub("", name).strip()


def _acronym_fits(name: str, short: str) -> bool:
    initials = "".join(w[0] for w in _INITIAL_WORD.findall(name) if w[0].isupper())
    letters = _NOT_CAPITAL.sub("", short)
    return bool(letters) and (initials.startswith(letters[:2]) or letters[0] == initials[:1])


_DETERMINER = re.compile(r"^(?:a|an|the|his|her|its|their|our)\s+", re.I)


def _type_of(text: str) -> str:
    words = set(_LOWER_RUN.findall(text.lower()))
    if words & ORG_WORDS or text.isupper():
        return "organization"
    bare = _DETERMINER.sub("", text)
    if bare[:1].islower():
        head = bare.split()[-1]
        # "a priest", "the spokeswoman": one person, whom "he"/"she" can refer to later
        one = (head in PEOPLE_NOUNS and not head.endswith("s")) or head in JOB_NOUNS
        return "person" if one else "other"
    caps = [w for w in text.split() if w[:1].isupper()]
    return "person" if 2 <= len(caps) <= 4 else "organization"
