"""Lexicon entries that plugins contribute through knowledge hooks, and their merged view.

:class:`Knowledge` is what the claim engine and the text cleaners read: the built-in
lexicons plus everything every loaded plugin added, gathered once per plugin host.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Literal

import attrs

from . import _re as re

PartOfSpeech = Literal["verb", "noun", "adjective"]


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class MeasureTerm:
    """A word or phrase that names a measure.

    :param term: the word as it appears, lower case (``"slain"``, ``"death toll"``).
    :param measure: the measure it names (``killed``, ``wounded``, ...).
    :param pos: ``verb`` (participles and finite forms: "were killed", "killing"),
        ``noun`` ("fatalities", "death toll") or ``adjective`` ("dead", "missing").
    """

    term: str
    measure: str
    pos: PartOfSpeech = "noun"


@attrs.frozen
class Entity:
    """A known organisation or person with its short form and aliases."""

    name: str
    short: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    type: str = "organization"

    def names(self) -> tuple[str, ...]:
        """Every way the entity may be written: name, short form, aliases."""
        out = [self.name, *self.aliases]
        if self.short:
            out.append(self.short)
        return tuple(out)


@attrs.frozen
class Outlet:
    """A news outlet and the domains it publishes under."""

    name: str
    domains: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)


@attrs.frozen
class BoilerplatePattern:
    """A regular expression for a whole line of boilerplate, and the reason to record."""

    pattern: str
    reason: str = "boilerplate"

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled, case-insensitive pattern."""
        return re.compile(self.pattern, re.IGNORECASE)


def domain_of(url_or_host: str | None) -> str | None:
    """Return the host of a URL (or a bare host) without ``www.``, lower case."""
    if not url_or_host:
        return None
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url_or_host.strip(), flags=re.I)
    host = host.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].lower()
    host = host.removeprefix("www.")
    return host or None


@attrs.frozen(cache_hash=True)
class Knowledge:
    """The merged lexicons of the built-ins and every loaded plugin."""

    measure_terms: tuple[MeasureTerm, ...] = ()
    entities: tuple[Entity, ...] = ()
    boilerplate: tuple[BoilerplatePattern, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    person_key_hook: Callable[[str], str | None] | None = attrs.field(default=None, eq=False)

    def outlet_for(self, url_or_host: str | None) -> Outlet | None:
        """Return the outlet that publishes under the domain of ``url_or_host``."""
        host = domain_of(url_or_host)
        if not host:
            return None
        for outlet in self.outlets:
            for d in outlet.domains:
                d = d.lower().removeprefix("www.")
                if host == d or host.endswith("." + d):
                    return outlet
        return None

    def outlet_named(self, name: str) -> Outlet | None:
        """Return the outlet whose name matches ``name`` (ignoring case and "The")."""
        return self._outlets_by_name.get(_outlet_name_key(name))

    @cached_property
    def _outlets_by_name(self) -> dict[str, Outlet]:
        """Outlets by their normalised name; the first outlet of a name wins."""
        index: dict[str, Outlet] = {}
        for outlet in self.outlets:
            index.setdefault(_outlet_name_key(outlet.name), outlet)
        return index

    def person_key(self, name: str) -> str:
        """A stable key for a person's name: a plugin's answer, else a normalised form."""
        if self.person_key_hook is not None:
            key = self.person_key_hook(name)
            if key:
                return key
        return _NOT_LETTERS.sub(" ", name.lower()).strip()


_NOT_LETTERS = re.compile(r"[^a-z]+")
_THE = re.compile(r"^the\s+")


def _outlet_name_key(name: str) -> str:
    return _THE.sub("", name.strip().lower())
