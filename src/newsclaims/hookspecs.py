"""Hook specifications: the whole contract between newsclaims and its plugins.

A plugin is a module or object with functions named after these hooks and marked with
:data:`newsclaims.hookimpl`, published under the entry-point group ``newsclaims``::

    [project.entry-points.newsclaims]
    myoutlet = "newsclaims_myoutlet"

Two families of hooks exist:

* **source hooks** (``newsclaims_detect``, ``newsclaims_parse``): the host asks every
  plugin how well it fits a document and lets the best fit parse it. Generic plugins mark
  their implementations ``trylast=True`` and answer with low scores, so a plugin that knows
  the outlet always wins.
* **knowledge hooks** (``newsclaims_*_terms``, ``newsclaims_entities``, ...): plugins add
  lexicon entries to the claim engine. The host calls each of them once per plugin set.

The host calls every implementation itself and names the plugin in any error, so one
broken plugin never stops the others. Specs only ever grow by new hooks or new arguments.
"""

from __future__ import annotations

from collections.abc import Iterable

import pluggy

from .knowledge import BoilerplatePattern, Entity, Knowledge, MeasureTerm, Outlet
from .models import Article, Document

hookspec = pluggy.HookspecMarker("newsclaims")


@hookspec
def newsclaims_detect(document: Document, knowledge: Knowledge) -> float | None:
    """Say how well this plugin fits ``document``.

    :param document: the decoded input, with its URL and content type.
    :param knowledge: the merged lexicons of all loaded plugins (outlets and their
        domains, boilerplate patterns, ...); take it only if you need it.
    :return: a score in ``[0, 1]``: ``1.0`` for a certain match (the outlet's own domain or
        canonical link), about ``0.8`` for strong evidence (``og:site_name``, JSON-LD
        publisher, a credit line naming the outlet), ``0.05``-``0.2`` for a generic plugin
        that can parse anything of that content type, ``None`` or ``0`` for no fit.

    The plugin with the highest score parses the document; ties go to the plugin called
    first (non-``trylast`` before ``trylast``). ``newsclaims extract --plugin NAME``
    skips detection.

    .. versionadded:: 0.1
    """


@hookspec
def newsclaims_parse(document: Document, knowledge: Knowledge) -> Article | None:
    """Parse ``document`` into an :class:`~newsclaims.models.Article`.

    Called only for the plugin that won detection (or was forced). Return clean body
    text (paragraphs separated by a blank line), metadata and every removed block with
    its reason. Return ``None`` to decline; the next best plugin is then asked.

    :param document: the decoded input.
    :param knowledge: the merged lexicons of all loaded plugins: boilerplate patterns
        for cleaners, outlets to name the outlet of a URL or credit line.
    :raises Exception: any exception is reported with the plugin's name, and the next
        best plugin parses the document instead (unless strict mode is on).

    .. versionadded:: 0.1
    """


@hookspec
def newsclaims_measure_terms() -> Iterable[MeasureTerm]:  # type: ignore[empty-body]
    """Add words that name a measure (``"slain"`` -> ``killed``).

    :return: :class:`~newsclaims.knowledge.MeasureTerm` entries. A measure outside
        CLAIMS.md's table is allowed when written ``<plugin>:<measure>``
        (``myplugin:vaccinated``), so that it validates against the schema, which lists the
        version-1 measures; scorers may ignore it. The host drops a contribution with any
        other measure, with a warning naming the plugin.

    .. versionadded:: 0.1
    """


@hookspec
def newsclaims_entities() -> Iterable[Entity]:  # type: ignore[empty-body]
    """Add known entities and their aliases (``NIS`` = ``National Intelligence Service``).

    :return: :class:`~newsclaims.knowledge.Entity` entries; the claim engine resolves
        attributions to the entity's full name and short form.

    .. versionadded:: 0.1
    """


@hookspec(firstresult=True)
def newsclaims_person_key(name: str) -> str | None:
    """Return a stable identity key for a person's name, or ``None`` to pass.

    Used to merge spelling and romanization variants of one person across outlets
    (``"Kim Jong-un"``, ``"Kim Jong Un"``). The first non-``None`` answer wins.

    :param name: a person's name as an article writes it.
    :return: the key (any string; equal keys mean one person), or ``None`` for names the
        plugin does not know how to key.

    .. versionadded:: 0.1
    """


@hookspec
def newsclaims_boilerplate() -> Iterable[BoilerplatePattern]:  # type: ignore[empty-body]
    """Add boilerplate lines the text cleaner removes (``"Most Commented"``).

    :return: :class:`~newsclaims.knowledge.BoilerplatePattern` entries (a regular
        expression matched against a whole line, and the reason recorded in ``removed``).

    .. versionadded:: 0.1
    """


@hookspec
def newsclaims_outlets() -> Iterable[Outlet]:  # type: ignore[empty-body]
    """Name outlets and their domains, so credit lines and URLs map to outlet names.

    :return: :class:`~newsclaims.knowledge.Outlet` entries
        (``Outlet("The Korea Herald", ("koreaherald.com",))``).

    .. versionadded:: 0.1
    """
