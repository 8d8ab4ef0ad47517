"""Who says it: the sources of a sentence, resolved to the article's entities.

:func:`attributions` joins :mod:`.sources` (what a sentence credits) and :mod:`.entities`
(what those words refer to) and orders sources before conduits.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import _re as re
from ..knowledge import Knowledge
from ..models import Attribution
from .entities import Entities
from .sources import credit_words, find_sources, may_report

__all__ = ["Entities", "attributions", "credit_words", "may_report", "merge_attributions"]


# how a sentence names where a figure comes from, not who relays it
_INNER_HOWS = frozenset({"according", "by", "possessive", "attributive", "run", "for"})


def attributions(
    sentence: str,
    offset: int,
    entities: Entities,
    knowledge: Knowledge,
    low: str | None = None,
    credits: list[re.Match[str]] | None = None,
) -> tuple[tuple[Attribution, ...], bool]:
    """Resolved sources of a sentence, innermost first, and whether it reports speech.

    When a sentence names both where a figure comes from ("according to", "X's figures",
    "an X update") and who relays it ("Y said"), Y is a ``conduit``; an outlet that was
    told something ("told Reuters") is a conduit too.
    """
    mentions = find_sources(sentence, low, credits)
    has_inner = any(m.how in _INNER_HOWS for m in mentions)
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
