"""Whole-line boilerplate of scraped text: widgets, comment forms, counters, prompts.

:data:`PATTERNS` are this plugin's additions to the core list (``newsclaims_boilerplate``);
:class:`LineMatcher` applies the merged list to one line at a time and refuses to drop a
line that reads as a sentence of the article.

>>> m = LineMatcher(PATTERNS)
>>> m.reason("Most CommentedTroops Sent North Again")
'widget'
>>> m.reason("Related") , m.reason("4 min read")
('widget', 'reading-time')
>>> m.reason("Related talks between the two governments resumed on Monday after a pause.")
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from newsclaims import _re as re
from newsclaims.claims.lexicon import WIDGET_HEADERS
from newsclaims.knowledge import BoilerplatePattern, Knowledge

#: widget headers beyond the core's :data:`~newsclaims.claims.lexicon.WIDGET_HEADERS`
_MORE_WIDGET_HEADERS = (
    r"most watched|popular news|trending stories|related(?: content| coverage)?"
    r"|you (?:may|might) like|you might also like|recommended (?:stories|reading)|more news"
    r"|latest articles|see also|also read|read also|also see|further reading"
    r"|more on this(?: story| topic)?|what to read next|up next|more like this|don'?t miss"
    r"|must read|in other news"
)
_WIDGET_HEADERS = f"{WIDGET_HEADERS}|{_MORE_WIDGET_HEADERS}"

_COUNT = r"\d[\d,.]*\s*[km]?"
_COUNTED = r"(?:views?|comments?|reads?|shares?|likes?|repl(?:y|ies)|responses?|reactions?|hits)"
#: a counter alone: ``2,481 Views``, ``Views: 2,481``, ``Comments (0)``, ``(3) Comments``
COUNTER = (
    rf"(?:{_COUNT}|no)\s*{_COUNTED}|{_COUNTED}\s*(?::\s*)?{_COUNT}"
    rf"|{_COUNTED}\s*[(\[]\s*{_COUNT}\s*[)\]]|[(\[]\s*{_COUNT}\s*[)\]]\s*{_COUNTED}"
)
_COUNTER_RX = re.compile(COUNTER, re.IGNORECASE)


def is_counter(text: str) -> bool:
    """True when ``text`` is only a count of views, comments, reads, shares or likes."""
    return bool(_COUNTER_RX.fullmatch(text.strip()))


#: Lines this plugin removes in addition to the core ones.
PATTERNS: tuple[BoilerplatePattern, ...] = (
    # a widget header run into the first headline it lists: "Most CommentedSome Headline"
    BoilerplatePattern(rf"(?:{_WIDGET_HEADERS})(?-i:[A-Z0-9\"“‘']).{{0,200}}", "widget"),
    BoilerplatePattern(rf"(?:{_WIDGET_HEADERS})\s*[:>»]?", "widget"),
    BoilerplatePattern(r"more (?:from|on|about) [\w .,'&-]{1,40}:?", "widget"),
    BoilerplatePattern(
        r"(?:\d+\s*(?:-\s*)?min(?:ute)?s?\.? read|reading time:?\s*\d+\s*min(?:ute)?s?"
        r"|listen to (?:this )?(?:article|story)(?:\s*[\d:]+\s*(?:min(?:ute)?s?)?)?)",
        "reading-time",
    ),
    BoilerplatePattern(
        r"(?:click|tap) to (?:share|email|print|tweet|post)\b.{0,80}|share (?:this|on|via)\b.{0,40}"
        r"|like this:?|like loading\.*|loading\.*|print(?: this)?(?: article| page| story)?"
        r"|(?:email|e-mail) (?:this|a friend)(?: article| story)?",
        "share",
    ),
    # a bar of share buttons: "Share: Facebook | X | Copy link", "[f] Share  [X] Tweet"
    BoilerplatePattern(
        r"(?:[\W_]*(?:share|tweet|post|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp"
        r"|telegram|reddit|pinterest|messenger|copy\s+link|f|in)\b[\W_]*){2,12}",
        "share",
    ),
    BoilerplatePattern(
        r"(?:posted|filed) (?:in|under)\s*:?\s.{1,120}|tags?\s*:\s*.{1,200}"
        r"|categor(?:y|ies)\s*:\s*.{1,200}|topics?\s*:\s*.{1,120}",
        "taxonomy",
    ),
    BoilerplatePattern(
        r"(?:previous|next|older|newer) (?:article|post|story|entry)\s*[:»>]?.{0,150}"
        r"|continue reading.{0,80}|back to top|(?:home|news)\s*[>»›/]\s*.{1,150}"
        r"|(?:about|follow|more from) the author",
        "navigation",
    ),
    # a link to another story set in the text: "Read also: Five killed as bus overturns"
    BoilerplatePattern(
        r"(?:(?:read|see)\s+also|also\s+read|read\s+next|don'?t\s+miss|must\s+read"
        r"|related(?:\s+(?:story|article|link))?)\s*[:»›>|-]\s*.{1,200}",
        "related-link",
    ),
    # a breadcrumb trail: "Nile Daily » Egypt » Local News"
    BoilerplatePattern(r"[^.!?»›\n]{1,40}(?:\s*[»›]\s*[^.!?»›\n]{1,40}){1,5}", "navigation"),
    BoilerplatePattern(r"enditem|\(?end\)?|-?\s*ends\s*-?", "wire-marker"),
    BoilerplatePattern(r"\d+\s+comments?\s+on\s+.{1,200}", "comment-form"),
    BoilerplatePattern(COUNTER, "counter"),
)

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
#: reasons whose patterns may only be trusted on lines that are not sentences
_ALWAYS = frozenset({"comment-form", "identifier", "separator"})


def looks_like_prose(text: str) -> bool:
    """True when ``text`` reads as a sentence of an article (long, ends like a sentence)."""
    words = len(text.split(None, 25))  # at most 26: the words past 25 are never counted
    return words >= 25 or (words >= 10 and bool(_SENTENCE_END.search(text)))


#: a pattern that may refer to its own groups by number or name: never merged with others
_SELF_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _compiles(p: BoilerplatePattern) -> bool:
    try:
        p.regex  # noqa: B018 - compiled and cached on the pattern
    except re.error:
        return False
    return True


def _mergeable(p: BoilerplatePattern) -> bool:
    """True when ``p`` means the same inside an alternation of other patterns.

    Not so when it refers to its own groups or does not compile inside a group (a global
    inline flag such as ``(?s)``).
    """
    if _SELF_REFERENCE.search(p.pattern):
        return False
    try:
        re.compile(f"(?:{p.pattern})", re.IGNORECASE)
    except re.error:
        return False
    return True


def _alternation(patterns: list[BoilerplatePattern]) -> re.Pattern[str] | None:
    """The patterns as one case-blind alternation, or ``None`` when it does not compile."""
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.I)
    except re.error:
        return None


class LineMatcher:
    """Match whole lines against boilerplate patterns, keeping lines that are prose.

    A line is first tried against one regex, the alternation of the patterns: most lines
    match none, and only those that do are tried pattern by pattern, in order.
    """

    def __init__(self, patterns: Iterable[BoilerplatePattern]) -> None:
        """Compile ``patterns`` once (duplicates are dropped, order kept)."""
        seen: dict[tuple[str, str], BoilerplatePattern] = {}
        for p in patterns:
            seen.setdefault((p.pattern, p.reason), p)
        self.patterns = tuple(seen.values())
        self._any: re.Pattern[str] | None = None
        self._rest = self.patterns  # the patterns the combined regex does not stand for
        if not all(_compiles(p) for p in self.patterns):
            return
        # the alternation of every pattern that does not refer to its own groups, compiled
        # once: when it compiles, each of them compiles inside a group too, so testing each
        # alone first (_mergeable: one more compile per pattern, a slow first parse) is
        # needed only when it does not
        merged = [p for p in self.patterns if not _SELF_REFERENCE.search(p.pattern)]
        combined = _alternation(merged)
        if combined is None:
            merged = [p for p in merged if _mergeable(p)]
            combined = _alternation(merged)
        if not merged or combined is None:  # one group name in two patterns: none combined
            return
        self._any = combined
        ids = {id(p) for p in merged}
        self._rest = tuple(p for p in self.patterns if id(p) not in ids)

    def reason(self, line: str) -> str | None:
        """The reason ``line`` is boilerplate, or ``None`` when it is not (or in doubt)."""
        text = line.strip()
        if not text or len(text) > 400:
            return None
        if (
            self._any is not None
            and not self._any.fullmatch(text)
            and not any(p.regex.fullmatch(text) for p in self._rest)
        ):
            return None
        prose = looks_like_prose(text)
        for pattern in self.patterns:
            if pattern.regex.fullmatch(text) and (not prose or pattern.reason in _ALWAYS):
                return pattern.reason
        return None


@functools.lru_cache(maxsize=16)
def _cached_matcher(knowledge: Knowledge) -> LineMatcher:
    return LineMatcher((*knowledge.boilerplate, *PATTERNS))


def matcher_for(knowledge: Knowledge) -> LineMatcher:
    """The matcher of ``knowledge.boilerplate`` and :data:`PATTERNS`, built once per knowledge.

    (``Knowledge`` is frozen and caches its hash, so the lookup is cheap.)
    """
    try:
        return _cached_matcher(knowledge)
    except TypeError:  # an unhashable knowledge: build the matcher for this call
        return LineMatcher((*knowledge.boilerplate, *PATTERNS))
