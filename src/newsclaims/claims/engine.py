"""The claim engine over one article: sentences -> figures -> readings -> claims.

For every sentence it finds the figures (:mod:`.numbers`), reads what each one counts
(:mod:`.measures`), credits the sources (:mod:`.attribution`) and dates it (:mod:`.timex`).
Subjects and sources carry over from the sentence before when a clause has none; a
sentence that refers back to "this figure" dates and credits the figures before it.
Repeats of one figure become ``mentions`` of one claim. Sentences that credit a source
become ``statement`` claims.
"""

from __future__ import annotations

import calendar
import hashlib
from datetime import date, datetime

import attrs

from .. import _re as re
from ..knowledge import Knowledge
from ..models import Attribution, Claim, Location, Mention, Subject, TimeRef, Value
from . import lexicon as core_lexicon
from .attribution import attributions, merge_attributions
from .entities import Entities
from .lexicon import HEDGE_PATTERN
from .measures import (
    Lexicon,
    Phrase,
    Reading,
    breakdown_rest,
    is_people,
    lexicon_for,
    phrase_after,
    read_figure,
    running_total,
    were_people,
)
from .numbers import Quantity, find_quantities, unquoted
from .sentences import Sentence, contains_any, iter_sentences, tail
from .sources import credit_words
from .timex import TimeMention, find_times

_HEDGES = re.compile(rf"\b(?:{HEDGE_PATTERN})\b")  # on the lower-cased sentence
_ANAPHOR = re.compile(
    r"\b(?:this|that|these|those|the)\s+(?:latest\s+|new\s+|updated\s+)?(?:figure|figures|number"
    r"|numbers|tally|toll|estimate|estimates|information|data|count|assessment)\b",
    re.I,
)
# a sentence that goes on about the event of the sentence before ("They killed 23 soldiers")
_CONTINUES = re.compile(
    r"(?:They|It|He|She|The (?:attack|attackers|blast|bombing|bombers|explosion|assault|raid"
    r"|strike|gunmen|fighting|clashes|violence|fire|crash|collision|storm|quake|earthquake"
    r"|flood|floods))\b"
)
_LOCATION = re.compile(
    r"\b(?:in|near|outside|across|at)\s+((?:the\s+)?(?:[A-Z][\w'’-]+(?:['’]s)?\s+){0,3}"
    r"[A-Z][\w'’-]+(?:\s+(?:region|province|district|city|county|state|area|oblast|village"
    r"|town|governorate|front|prefecture|territory|neighbourhood|neighborhood|camp))?)"
)
# a name that modifies an event noun ("in the Gaza war", "in the Ukraine conflict") names the
# event, not where the figure is
_EVENT_NOUN_AFTER = re.compile(
    r"\s+(?:conflict|conflicts|war|wars|crisis|offensive|counteroffensive|invasion|campaign"
    r"|operation|operations|fighting|clashes|insurgency|uprising|revolution|occupation|siege"
    r"|attack|attacks|bombing|bombings|massacre|shooting|disaster|outbreak|epidemic|pandemic"
    r"|talks|negotiations|ceasefire|truce|deal|dispute|standoff|theatre|theater)\b"
)
_NOT_PLACES = frozenset(
    """
    January February March April May June July August September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday The A An
    """.split()
)
_DEFAULT_KNOWLEDGE = Knowledge(
    measure_terms=core_lexicon.MEASURE_TERMS, entities=core_lexicon.ENTITIES
)


@attrs.define
class _Draft:
    """A claim being built: mutable until the article is read."""

    sentence: Sentence
    measure: str
    value: Value
    subject: Subject | None
    attribution: tuple[Attribution, ...]
    time: TimeRef | None
    location: Location | None
    hedges: tuple[str, ...]
    flags: tuple[str, ...]
    mentions: list[Sentence] = attrs.field(factory=list)
    part: bool = False  # a breakdown of the figure before it ("including six women")


def _value(q: Quantity) -> Value:
    return Value(
        low=q.low,
        high=q.high,
        low_inclusive=q.low_inclusive,
        high_inclusive=q.high_inclusive,
        approximate=q.approximate,
        unit="percent" if q.percent else "persons",
        text=q.text,
    )


def _time_ref(t: TimeMention) -> TimeRef:
    return TimeRef(
        t.text,
        t.first.isoformat() if t.first else None,
        t.last.isoformat() if t.last else None,
    )


def _nearest_time(q: Quantity, times: list[TimeMention], used: set[int]) -> TimeMention | None:
    best: tuple[int, TimeMention] | None = None
    for t in times:
        if t.start in used:
            continue
        distance = t.start - q.end if t.start >= q.end else q.start - t.end + 5
        if best is None or distance < best[0]:
            best = (distance, t)
    return best[1] if best else None


def _location(sentence: str, q: Quantity) -> Location | None:
    for m in _LOCATION.finditer(sentence, q.end):
        place = m.group(1)
        first = place.removeprefix("the ").split()[0].rstrip("'’s")
        if first in _NOT_PLACES or m.start() - q.end > 120:
            continue
        if _EVENT_NOUN_AFTER.match(sentence, m.end()):
            continue  # "in the Kursk offensive": the event, not its place
        return Location(place)
    return None


def _literal_stems(pattern: str) -> tuple[str, ...]:
    """The literal start of each alternative of a simple word pattern, shortened before an
    optional letter ("rumou?rs?" -> "rumo"): every match contains one of them."""
    stems = []
    for alt in pattern.split("|"):
        lead = re.match(r"[a-z ]*", alt).group(0)  # type: ignore[union-attr]
        if alt[len(lead) : len(lead) + 1] == "?":
            lead = lead[:-1]
        stems.append(lead)
    return tuple(dict.fromkeys(stems))


def _shortest(stems: tuple[str, ...]) -> tuple[str, ...]:
    """``stems`` without those that contain another: a text has one of them exactly when it
    has one of ``stems``, with fewer substring tests."""
    return tuple(s for s in stems if not any(o != s and o in s for o in stems))


_HEDGE_STEMS = _shortest(_literal_stems(HEDGE_PATTERN))
_ANAPHOR_NOUNS = ("figure", "number", "tally", "toll", "estimate", "information", "data", "count",
                  "assessment")  # fmt: skip


def _hedges(sentence: str, low: str | None = None) -> tuple[str, ...]:
    found: list[str] = []
    if low is None:
        low = sentence.lower()
    if not contains_any(low, _HEDGE_STEMS):
        return ()  # substring tests first: the pattern is tried at every position
    for m in _HEDGES.finditer(low):
        word = m.group(0)
        if word not in found:
            found.append(word)
    return tuple(found)


_LOWER_RUN = re.compile(r"[a-z]+")


def _subject_words(text: str) -> set[str]:
    return {w for w in _LOWER_RUN.findall(text.lower()) if len(w) > 2}


def _compatible(a: Subject | None, b: Subject | None) -> bool:
    if a is None or b is None or a.carried or b.carried:
        return True
    return bool(_subject_words(a.text) & _subject_words(b.text))


def _same_sources(a: tuple[Attribution, ...], b: tuple[Attribution, ...]) -> bool:
    if not a or not b:
        return True
    return bool({x.key for x in a} & {y.key for y in b})


def extract_claims(
    text: str,
    *,
    published: datetime | None = None,
    knowledge: Knowledge | None = None,
    report_id: str = "",
) -> tuple[Claim, ...]:
    """Return the quantity claims and attributed statements of ``text``.

    >>> claims = extract_claims("Police said at least 12 people were killed on Monday.")
    >>> c = claims[0]
    >>> c.measure, c.value.low, c.value.high, c.subject.text, c.attribution[0].name
    ('killed', 12.0, None, 'people', 'police')
    """
    knowledge = knowledge or _DEFAULT_KNOWLEDGE
    lex = lexicon_for(knowledge)
    entities = Entities(text, knowledge)
    drafts: list[_Draft] = []
    statements: list[tuple[Sentence, tuple[Attribution, ...]]] = []
    prev_sources: tuple[Attribution, ...] = ()
    quoted_by: tuple[Attribution, ...] = ()  # the speaker of the quotation going on, if any
    unclaimed: list[Sentence] = []  # sentences of a quotation whose speaker is not named yet
    hedges_at: dict[int, tuple[str, ...]] = {}
    prev_sentence: Sentence | None = None
    prev_drafts: list[_Draft] = []
    last_subject: Subject | None = None
    last_subject_sentence: Sentence | None = None
    last_group: str | None = None  # the group counted by the latest figure ("22 survivors")
    prev_had_figures = False
    quote_open = False  # a quotation of this paragraph is still open before the sentence
    event_date: TimeMention | None = None
    story_day: TimeMention | None = None  # the day of the figures told so far ("on Friday")
    prev_times_of: dict[int, list[TimeMention]] = {}  # the times of the sentence before, if read

    for sent in iter_sentences(text):
        s = sent.text
        if prev_sentence is not None and prev_sentence.paragraph != sent.paragraph:
            prev_sources = ()
            quote_open = False
        event_sentence = None if prev_had_figures else prev_sentence
        r = unquoted(s)  # the figures read through quotation marks ('killed "dozens"')
        quantities = find_quantities(r)
        low = s.lower()
        anaphor = _ANAPHOR.search(s) if prev_drafts and contains_any(low, _ANAPHOR_NOUNS) else None
        # sentences without a figure, a reference back to one, or a reporting word can give
        # neither a claim nor a statement: skip the costly analysis there (the scan for
        # reporting words is kept for the analysis)
        detail = anaphor is not None or any(not q.not_a_count for q in quantities)
        credits = None if detail else credit_words(low)
        if detail or credits:
            sources, reporting = attributions(s, sent.start, entities, knowledge, low, credits)
        else:
            sources, reporting = (), False
        if detail or (_DIGIT.search(s) and _ABSOLUTE_HINT.search(s)):
            times = find_times(s, published, low)
            # the times of this sentence, kept for the next one's figures (_event_day)
            times_of = {sent.start: times}
        else:
            times = []
            times_of = {}
        used_times: set[int] = set()

        # "this figure is based on an update from mid-March": dates and credits the figures before
        if anaphor and prev_drafts and not _starts_new_figure(s, anaphor.end()):
            for t in times:
                if t.start >= anaphor.start():
                    for d in prev_drafts:
                        if d.time is None:
                            d.time = _time_ref(t)
                    used_times.add(t.start)
                    break
            for d in prev_drafts:
                d.attribution = merge_attributions(d.attribution, sources)

        here: list[_Draft] = []
        counted_here: str | None = None  # a group this sentence counts without a claim
        hedges = _hedges(s, low) if quantities else ()
        if quantities:
            hedges_at[sent.start] = hedges  # read again if the sentence is a statement
        wholes: set[int] = set()  # figures of "12 of the 40 miners": the whole, not a count
        for i, q in enumerate(quantities):
            if q.not_a_count or (q.low is None and q.high is None) or q.start in wholes:
                continue
            phrase = phrase_after(r[q.end :], lex)
            reading = read_figure(r, q.start, q.end, lex, phrase)
            whole_q = _whole_after(r, q, quantities, i)
            if whole_q is not None and reading is None:
                # "Twelve of the 40 miners were killed": read the count after the whole
                phrase = phrase_after(r[whole_q.end :], lex)
                reading = read_figure(r, whole_q.start, whole_q.end, lex, phrase)
                if phrase.kind not in ("noun", "adjective") or phrase.measure is None:
                    wholes.add(whole_q.start)  # "of the 12 killed" is a claim of its own
            group = _counted_group(phrase)
            part = False  # a breakdown of the figure before ("including six women")
            if reading is None and here:
                reading = _part_of(r, q, here[-1], lex)
                part = reading is not None
            if (
                reading is None
                and prev_drafts
                and not here
                and prev_drafts[-1].sentence.paragraph == sent.paragraph
            ):
                # "Eight of them were children": part of the figure of the sentence before
                reading = _part_of(r, q, prev_drafts[-1], lex, across=True)
                part = reading is not None
            if reading is not None and not part and here:
                part = _PART_OF.search(tail(r[: q.start], 80)) is not None
            if reading is None or reading.negated:
                if group:
                    last_group = counted_here = group
                continue
            subject: Subject | None
            if reading.subject and reading.subject.lower() in _REFERRING and last_group:
                # "injured 40 others", "hundreds more": the group named before
                subject = Subject(last_group, None, carried=True)
            elif not reading.subject and last_group and _refers_back(r, q):
                # "nine of them in critical condition", "Of those, 19 died"
                subject = Subject(last_group, None, carried=True)
            elif (
                not reading.subject and counted_here and not here and _FINITE_AFTER.match(r, q.end)
            ):
                # "The clinic saw 100 patients, though 10 were dead on arrival": that group
                subject = Subject(counted_here, None, carried=True)
            elif reading.subject:
                subject = Subject(reading.subject, reading.agent)
            elif (noun := _measure_noun_after(r, q, phrase)) and not _specific(
                here[-1].subject if here else last_subject,
                here[-1].sentence if here else last_subject_sentence,
                sent,
            ):
                # "16 deaths were reported": what the text counts, not a bare "people"
                subject = Subject(noun)
            elif (whole := _whole(here)) is not None and whole.subject is not None:
                subject = attrs.evolve(whole.subject, carried=True)
            elif last_subject is not None:
                subject = attrs.evolve(last_subject, carried=True)
            elif not q.percent:
                # nobody named in the article yet ("the death toll rose to 23"): people
                subject = Subject("people", None, carried=True)
            else:
                subject = None
            if group:
                last_group = group
            when = (
                _nearest_time(q, times, used_times)
                or (
                    _event_day(event_sentence, published, memo=prev_times_of)
                    if _CONTINUES.match(s)
                    else None
                )
                or (
                    # "The blaze broke out on Tuesday ... Two people were killed, he said."
                    _event_day(event_sentence, published, ("weekday",), prev_times_of)
                    if event_sentence is not None and event_sentence.paragraph == sent.paragraph
                    else None
                )
                or event_date
                or story_day
            )
            if (
                when is not None
                and when.text[:6].lower() == "since "
                and (_WHEN_CLAUSE.search(s, when.end, q.start))
            ):
                # "since May 2021, when 12 people died": the figure is of that moment
                when = _moment(when, published) or when
            flags = ("increment",) if q.increment else ()
            here.append(
                _Draft(
                    sentence=sent,
                    measure=reading.measure,
                    value=_value(q),
                    subject=subject,
                    attribution=sources or prev_sources,
                    time=_time_ref(when) if when else None,
                    location=_location(s, q),
                    hedges=hedges,
                    flags=flags,
                    part=part,
                )
            )
            if subject is not None and not subject.carried and not part:
                # a breakdown ("including six women") is not the group the text goes on with
                last_subject = subject
                last_subject_sentence = sent
        has_quote = _has_quote(s)  # asked up to four times below: once
        if reporting and sources:
            if has_quote:
                # "We asked for help. Nobody came," she said: the sentences her quote opened with
                statements.extend((u, sources) for u in unclaimed if u.paragraph == sent.paragraph)
            unclaimed = []
            statements.append((sent, sources))
            quoted_by = sources if has_quote else ()
        elif not sources and quoted_by and _continues_quote(prev_sentence, sent, quote_open):
            # "I heard shots," said Jane Doe. "I got under my car.": the same speaker
            statements.append((sent, quoted_by))
        else:
            quoted_by = ()
            inside = bool(unclaimed) and unclaimed[-1].paragraph == sent.paragraph
            if not sources and _OPENING.match(s) and _leaves_quote_open(s):
                unclaimed = [sent]  # a quotation opens; its speaker may come at its end
            elif not sources and inside and not has_quote:
                unclaimed.append(sent)
            else:
                unclaimed = []
        drafts.extend(here)
        prev_had_figures = bool(here)
        # an event dated with its year ("on 21 July 1972", "in 1995 and 1996") dates the
        # figures that follow without a time of their own
        event_date = next((t for t in reversed(times) if _is_absolute(t)), event_date)
        story_day = next(
            (day for d in here if (day := _day_of(d, times)) is not None),
            story_day,
        )
        if here:
            prev_drafts = here
        elif not anaphor:
            prev_drafts = []
        # sources carry to the next sentence only ("The agency also noted ...")
        prev_sources = sources
        prev_sentence = sent
        prev_times_of = times_of
        if has_quote and _leaves_quote_open(s):
            quote_open = not quote_open  # a quotation opens or closes in this sentence

    statements.sort(key=lambda st: st[0].start)
    del entities  # its indexes are done with: free them before the claims are built
    merged = _merge(drafts)
    del drafts
    return _finish(merged, statements, report_id, hedges_at)


# words that refer back to a group counted before ("40 others", "hundreds more", "of them")
_REFERRING = frozenset({"others", "more", "them", "those", "whom", "these"})
_REFERS_AFTER = re.compile(r"\s+(?:of|among)\s+(?:them|whom|those|these)\b", re.I)
_REFERS_BEFORE = re.compile(r"\b(?:[Oo]f|[Aa]mong)\s+(?:them|those|these|whom)\s*,?\s*$")
_GENERIC_GROUPS = frozenset({"people", "persons", "individuals"})
_FINITE_AFTER = re.compile(r"\s+(?:were|was|had|have|are)\s")  # "10 were ...": a clause's subject


def _whole(here: list[_Draft]) -> _Draft | None:
    """The latest claim of the sentence that is not a breakdown of another: the group the
    sentence goes on with ("12 killed, including four children, and 60 injured": people)."""
    return next((d for d in reversed(here) if not d.part), here[-1] if here else None)


def _counted_group(phrase: Phrase) -> str | None:
    """The group of people a figure counts, claim or not ("22 survivors were rescued"), from
    the noun phrase after it."""
    if phrase.kind != "people" or phrase.head.lower() in _REFERRING:
        return None
    return f"{phrase.modifiers} {phrase.head}".strip()


_OF_THE_NUMBER = re.compile(r"\s+of\s+(?:the|those|these)\s+")


def _whole_after(sentence: str, q: Quantity, quantities: list[Quantity], i: int) -> Quantity | None:
    """The figure of the whole in "12 of the 40 miners", "17 of the 68 had been held": the
    count is the first figure, the second says out of how many."""
    if i + 1 >= len(quantities) or q.percent:
        return None
    of = _OF_THE_NUMBER.match(sentence, q.end)
    nxt = quantities[i + 1]
    if of is None or nxt.start != of.end() or nxt.not_a_count or nxt.percent:
        return None
    return nxt


def _refers_back(sentence: str, q: Quantity) -> bool:
    """Whether the figure counts part of a group named before: "nine of them", "of whom 13",
    "Of those, 19 died"."""
    return bool(
        _REFERS_AFTER.match(sentence, q.end)
        or _REFERS_BEFORE.search(sentence, max(0, q.start - 30), q.start)
    )


def _measure_noun_after(sentence: str, q: Quantity, phrase: Phrase) -> str | None:
    """The measure noun the figure counts, when it counts one: "16 deaths", "two fatalities"
    (``phrase``: the noun phrase after the figure)."""
    if phrase.kind != "noun" or phrase.measure is None or " " in phrase.head:
        return None
    if phrase.head.lower() in _PARTICIPLES and not _THE_BEFORE.search(sentence, 0, q.start):
        return None  # "hundreds injured": a participle; "the 134 injured": a group
    return f"{phrase.modifiers} {phrase.head}".strip()


_PARTICIPLES = frozenset({"injured", "wounded", "dead", "killed", "missing", "displaced"})
_THE_BEFORE = re.compile(r"\b(?:the|those|these)\s+$", re.I)


def _specific(subject: Subject | None, where: Sentence | None, sent: Sentence) -> bool:
    """Whether a subject says more than "people" and was named in this paragraph: one worth
    carrying to a bare measure noun ("hundreds of arrests" paragraphs after "two men")."""
    return (
        subject is not None
        and subject.text.lower() not in _GENERIC_GROUPS
        and where is not None
        and where.paragraph == sent.paragraph
    )


_QUOTE_MARKS = ('"', "“", "”")
_OPENING = re.compile(r"[\"“‘']")


def _has_quote(sentence: str) -> bool:
    return contains_any(sentence, _QUOTE_MARKS)


def _leaves_quote_open(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _continues_quote(prev: Sentence | None, sent: Sentence, quote_open: bool) -> bool:
    """Whether ``sent`` goes on quoting the speaker of ``prev``: in the same paragraph, it opens
    a quotation, or one opened before it is still open (``quote_open``)."""
    if prev is None or prev.paragraph != sent.paragraph:
        return False
    return quote_open or _OPENING.match(sent.text) is not None


_PART_OF = re.compile(
    r"(?:\bincluding|\bamong them|\bof whom|\bof them|\bmost of them|\bmostly|\bas well as)"
    r"(?:(?:\s+[\w'’-]+){1,4}?\s*(?:,\s*(?:and\s+)?|\s+and\s+))?\s*$",
    re.I,
)


# a group listed right after another: "arrested 12 people, seven women and five men",
# "killed 12 soldiers and three civilians"
_LISTED_AFTER = re.compile(r"([A-Za-z]+)(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|whom)\s")
_COORDINATED_END = re.compile(r"(?:,|\band)\s*$")


def _part_of(
    sentence: str, q: Quantity, whole: _Draft, lex: Lexicon, across: bool = False
) -> Reading | None:
    """A breakdown of the figure before: "12 people were killed, including five children",
    "496 had been killed, 258 of them civilians", "arrested 12 people, seven women and five
    men", "four were women and two were men"; ``across`` a sentence only "N of them were
    <people>"."""
    if across:
        if not _OF_THEM_AFTER.match(sentence, q.end):
            return None
        of = _OF_THEM_AFTER.match(sentence, q.end)
        people = were_people(sentence, of.end() - 1) if of else None
        return Reading(whole.measure, people) if people else None
    near = tail(sentence[: q.start], 80)
    if _COORDINATED_END.search(near):
        people = were_people(sentence, q.end)
        if people:  # "41 were men, seven were women and 20 were teenagers"
            return Reading(whole.measure, people)
    listed = _LISTED_AFTER.search(near)
    if running_total(near) and not q.percent:
        return Reading(whole.measure, None)  # "..., bringing the total to 77"
    if _COORDINATED_END.search(near) and breakdown_rest(sentence[q.end :], True):
        return Reading(whole.measure, None)  # "16 deaths in the north and six in the south"
    if not (
        _PART_OF.search(near)
        or _OF_THEM_AFTER.match(sentence, q.end)
        or (listed is not None and is_people(listed.group(1)))
    ):
        return None
    phrase = phrase_after(sentence[q.end :], lex)
    if phrase.kind != "people":
        # "four of them critically", "including three in Leeds": the whole's group
        if not q.percent and breakdown_rest(sentence[q.end :], True):
            return Reading(whole.measure, None)
        return None
    return Reading(whole.measure, f"{phrase.modifiers} {phrase.head}".strip())


_DIGIT = re.compile(r"\d")  # found far faster than a year, so tested first
# "\b(?:1[89]|20)\d\d\b", with the word boundary before the year tested after its first digit
# ("(?<!\w.)": no word character before it), so the scan skips ahead to a 1 or a 2 in C
_ABSOLUTE_HINT = re.compile(r"(?:1(?<!\w.)[89]|2(?<!\w.)0)\d\d\b")


_WHEN_CLAUSE = re.compile(r",?\s+when\b")
_DAY_KINDS = frozenset({"daydate", "weekday", "relative"})


def _moment(since: TimeMention, published: datetime | None) -> TimeMention | None:
    """The time a "since ..." expression starts from, as a time of its own: its day, month or
    year ("since 4 May 2021" -> 4 May, "since May 2021" -> May, "since 2021" -> 2021)."""
    first = since.first
    if first is None:
        return None
    inner = since.text[6:]
    if since.kind == "daydate":
        last = first
    elif _MONTH_WORD.search(inner):
        last = date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])
    else:
        last = date(first.year, 12, 31)
    return TimeMention(since.start + 6, since.end, inner, since.kind, first, last)


_MONTH_WORD = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b", re.I
)


def _day_of(d: _Draft, times: list[TimeMention]) -> TimeMention | None:
    """The time of a claim when it is one day of this sentence ("on Friday", "yesterday")."""
    tr = d.time
    if tr is None or tr.start is None or tr.start != tr.end:
        return None
    return next(
        (t for t in times if t.text == tr.text and t.kind in _DAY_KINDS and not _is_absolute(t)),
        None,
    )


def _is_absolute(t: TimeMention) -> bool:
    """A time that names its year: "21 July 1972", "in 1995 and 1996", "by the end of 1972"."""
    if t.first is None or t.text.lower().startswith("since"):
        return False
    return t.kind in ("year", "yearend") or (
        t.kind in ("daydate", "month", "part") and bool(_ABSOLUTE_HINT.search(t.text))
    )


def _event_day(
    sentence: Sentence | None,
    published: datetime | None,
    kinds: tuple[str, ...] = ("daydate", "weekday"),
    memo: dict[int, list[TimeMention]] | None = None,
) -> TimeMention | None:
    """The day of a dated event in ``sentence`` ("On 1 March 2019, gunmen attacked ..."): it
    dates the figures of the next sentence when that one has no time of its own.

    ``memo``: the times of sentences by start, read once (every figure of a sentence asks
    about the sentence before); what is read here is added to it."""
    if sentence is None:
        return None
    times = memo.get(sentence.start) if memo is not None else None
    if times is None:
        times = find_times(sentence.text, published)
        if memo is not None:
            memo[sentence.start] = times
    for t in times:
        if t.kind in kinds and t.first is not None:
            return t
    return None


def _starts_new_figure(sentence: str, after: int) -> bool:
    """Whether a sentence that says "the figure" also gives a figure of its own first."""
    return any(q.start < after for q in find_quantities(sentence[:after]))


def _value_key(v: Value) -> tuple[object, ...]:
    """What makes two values the same figure: everything but the words that gave it."""
    return (v.low, v.high, v.low_inclusive, v.high_inclusive, v.approximate, v.unit)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One claim per figure: same measure and value, compatible subject and sources.

    Drafts are grouped by measure and value first, so each is compared only with the claims
    of its own figure (not with every claim of the article).
    """
    merged: list[_Draft] = []
    by_figure: dict[tuple[object, ...], list[_Draft]] = {}
    seen: dict[int, set[Sentence]] = {}  # the sentences of each claim's mentions
    for d in drafts:
        group = by_figure.setdefault((d.measure, *_value_key(d.value)), [])
        for m in group:
            if _compatible(m.subject, d.subject) and _same_sources(m.attribution, d.attribution):
                m.attribution = merge_attributions(m.attribution, d.attribution)
                if m.subject is None or (m.subject.carried and d.subject and not d.subject.carried):
                    m.subject = d.subject
                m.time = m.time or d.time
                m.location = m.location or d.location
                if d.hedges:
                    m.hedges = tuple(dict.fromkeys((*m.hedges, *d.hedges)))
                if d.flags:
                    m.flags = tuple(dict.fromkeys((*m.flags, *d.flags)))
                mentioned = seen.setdefault(id(m), set())
                if d.sentence != m.sentence and d.sentence not in mentioned:
                    mentioned.add(d.sentence)
                    m.mentions.append(d.sentence)
                break
        else:
            group.append(d)
            merged.append(d)
    return merged


def _claim_id(report_id: str, *parts: object) -> str:
    basis = "|".join([report_id, *(str(p) for p in parts)])
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def _finish(
    drafts: list[_Draft],
    statements: list[tuple[Sentence, tuple[Attribution, ...]]],
    report_id: str,
    hedges_at: dict[int, tuple[str, ...]],
) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    # each draft and statement is dropped once its claim is built, so that a long text's
    # drafts and claims are not all held at once
    drafts.reverse()
    while drafts:
        d = drafts.pop()
        v = d.value
        claims.append(
            Claim(
                id=_claim_id(
                    report_id,
                    d.measure,
                    v.low,
                    v.high,
                    v.low_inclusive,
                    v.high_inclusive,
                    v.approximate,
                    v.unit,
                    d.subject.text if d.subject else "",
                    d.sentence.start,
                ),
                kind="quantity",
                quote=d.sentence.text,
                span=(d.sentence.start, d.sentence.end),
                measure=d.measure,
                value=v,
                subject=d.subject,
                attribution=d.attribution,
                time=d.time,
                location=d.location,
                hedges=d.hedges,
                flags=d.flags,
                mentions=tuple(Mention(m.text, (m.start, m.end)) for m in d.mentions),
            )
        )
    statements.reverse()
    while statements:
        sent, sources = statements.pop()
        claims.append(
            Claim(
                id=_claim_id(report_id, "statement", sent.start, sent.end),
                kind="statement",
                quote=sent.text,
                span=(sent.start, sent.end),
                attribution=sources,
                hedges=hedges_at[sent.start] if sent.start in hedges_at else _hedges(sent.text),
            )
        )
    return tuple(claims)
