"""The plugin host: discovery, isolation, switches and a typed facade over the hooks.

pluggy stops a hook call at the first raising implementation and loads entry points
without per-plugin isolation, so the host does both itself: it loads each entry point in
its own ``try``, validates it on registration, and calls hook implementations one plugin
at a time so that every error names its plugin and the other plugins keep working.

Switches (each also a CLI flag of ``newsclaims``):

=============================== ===============================================
``NEWSCLAIMS_PLUGINS``          allow-list: comma-separated plugin names to load
``NEWSCLAIMS_DISABLE_PLUGINS``  block-list: comma-separated plugin names to skip
``NEWSCLAIMS_STRICT=1``         fail fast on the first plugin error
``NEWSCLAIMS_TRACE=1``          trace every hook call on standard error
``NEWSCLAIMS_DISABLE_AUTOLOAD`` do not load entry-point plugins at all
=============================== ===============================================
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any, TextIO, get_args

import attrs
import pluggy

from . import _re as re
from . import hookspecs
from .entrypoints import entry_points
from .errors import NoParserError as NoParserError
from .errors import PluginError as PluginError
from .errors import UnknownPluginError
from .knowledge import BoilerplatePattern, Entity, Knowledge, MeasureTerm, Outlet, PartOfSpeech
from .models import Article, Document, EntityType, ParserInfo

ENTRY_POINT_GROUP = "newsclaims"
#: Name under which the built-in fallback plugin is registered; it cannot be disabled.
BUILTIN = "builtin"


def _names(value: str | None) -> frozenset[str] | None:
    if value is None or not value.strip():
        return None
    return frozenset(v.strip() for v in value.split(",") if v.strip())


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


@attrs.frozen
class Settings:
    """Which plugins load and how errors are handled.

    :param allow: when set, only these entry-point plugins load.
    :param block: these plugins never load.
    :param strict: raise on the first plugin error instead of recording it.
    :param trace: write every hook call to ``trace_to``.
    :param autoload: load plugins from the ``newsclaims`` entry-point group.
    """

    allow: frozenset[str] | None = None
    block: frozenset[str] = frozenset()
    strict: bool = False
    trace: bool = False
    autoload: bool = True

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the ``NEWSCLAIMS_*`` environment variables."""
        env = os.environ if environ is None else environ
        return cls(
            allow=_names(env.get("NEWSCLAIMS_PLUGINS")),
            block=_names(env.get("NEWSCLAIMS_DISABLE_PLUGINS")) or frozenset(),
            strict=_flag(env.get("NEWSCLAIMS_STRICT")),
            trace=_flag(env.get("NEWSCLAIMS_TRACE")),
            autoload=not _flag(env.get("NEWSCLAIMS_DISABLE_AUTOLOAD")),
        )

    def admits(self, name: str) -> bool:
        """Whether a plugin called ``name`` may load under these settings."""
        if name == BUILTIN:
            return True
        if name in self.block:
            return False
        return self.allow is None or name in self.allow


@attrs.frozen
class PluginRecord:
    """One plugin the host knows of, loaded or not."""

    name: str
    distribution: str | None = None
    version: str | None = None
    hooks: tuple[str, ...] = ()
    status: str = "loaded"  # loaded | degraded | disabled | error
    error: str | None = None


#: Statuses of a plugin whose hooks are called (``degraded``: a knowledge hook's
#: contribution was dropped, its other hooks work).
ACTIVE = frozenset({"loaded", "degraded"})


def _text(value: Any, *, empty: bool = False) -> bool:
    return isinstance(value, str) and (empty or bool(value.strip()))


def _words(values: Any) -> bool:
    return isinstance(values, tuple) and all(_text(v) for v in values)


def _check_term(item: MeasureTerm, measures: frozenset[str] = frozenset()) -> str | None:
    from .contract import PLUGIN_MEASURE, core_measures

    measures = measures or frozenset(core_measures())
    if not (_text(item.term) and _text(item.measure)):
        return "term and measure must be non-empty strings"
    if item.pos not in get_args(PartOfSpeech):
        return f"pos {item.pos!r} is not one of {', '.join(get_args(PartOfSpeech))}"
    if item.measure not in measures and not re.match(PLUGIN_MEASURE, item.measure):
        return (
            f"measure {item.measure!r} is neither a version-1 measure "
            f"({', '.join(core_measures())}) nor a plugin's own, written <plugin>:<measure>"
        )
    return None


def _check_entity(item: Entity) -> str | None:
    if not _text(item.name) or not (item.short is None or _text(item.short)):
        return "name must be a non-empty string and short a string or None"
    if not _words(item.aliases):
        return "aliases must be strings"
    if item.type not in get_args(EntityType):
        return f"type {item.type!r} is not one of {', '.join(get_args(EntityType))}"
    return None


def _check_pattern(item: BoilerplatePattern) -> str | None:
    if not _text(item.pattern) or not _text(item.reason):
        return "pattern and reason must be non-empty strings"
    try:
        re.compile(item.pattern, re.IGNORECASE)
    except re.error as exc:
        return f"pattern {item.pattern!r} does not compile: {exc}"
    return None


def _check_outlet(item: Outlet) -> str | None:
    if not _text(item.name) or not _words(item.domains):
        return "name must be a non-empty string and domains strings"
    return None


#: The list-valued knowledge hooks: the class of their entries, and how to check one.
KNOWLEDGE_HOOKS: dict[str, tuple[type, Callable[[Any], str | None]]] = {
    "newsclaims_measure_terms": (MeasureTerm, _check_term),
    "newsclaims_entities": (Entity, _check_entity),
    "newsclaims_boilerplate": (BoilerplatePattern, _check_pattern),
    "newsclaims_outlets": (Outlet, _check_outlet),
}


def check_contribution(hook_name: str, result: Any) -> tuple[Any, ...]:
    """The entries a knowledge hook returned, checked; raises ``TypeError`` or ``ValueError``.

    ``result`` must be an iterable (not a string or a mapping) of the hook's entry class
    (:data:`KNOWLEDGE_HOOKS`), each entry's fields of the right types.
    """
    cls, check = KNOWLEDGE_HOOKS[hook_name]
    if isinstance(result, str | bytes | Mapping) or not isinstance(result, Iterable):
        raise TypeError(f"returned {type(result).__name__}, not an iterable of {cls.__name__}")
    items = tuple(result)  # a generator that raises half way fails here, as a whole
    if hook_name == "newsclaims_measure_terms":
        from .contract import core_measures

        measures = frozenset(core_measures())
        check = lambda term: _check_term(term, measures)  # noqa: E731
    for index, item in enumerate(items):
        if not isinstance(item, cls):
            raise TypeError(
                f"entry {index} is {type(item).__name__} ({item!r:.60}), not {cls.__name__}"
            )
        problem = check(item)
        if problem:
            raise ValueError(f"entry {index} ({item!r:.80}): {problem}")
    return items


@attrs.frozen
class Detection:
    """A plugin's answer to ``newsclaims_detect``."""

    plugin: str
    score: float


class PluginHost:
    """Loads plugins and calls their hooks one plugin at a time.

    >>> from newsclaims.host import PluginHost, Settings
    >>> host = PluginHost(settings=Settings(autoload=False))
    >>> [r.name for r in host.records]
    ['builtin']
    """

    def __init__(
        self,
        plugins: Iterable[object | tuple[str, object]] = (),
        *,
        settings: Settings | None = None,
        trace_to: TextIO | None = None,
    ) -> None:
        self.settings = settings if settings is not None else Settings.from_env()
        self._trace_to = trace_to
        self.pm = pluggy.PluginManager("newsclaims")
        self.pm.add_hookspecs(hookspecs)
        self._records: dict[str, PluginRecord] = {}
        self.errors: list[PluginError] = []
        #: knowledge hooks whose contribution was dropped, as warnings for every report
        self.knowledge_warnings: tuple[str, ...] = ()
        self._bad_person_keys: set[str] = set()
        if self.settings.trace:
            self.pm.trace.root.setwriter(self._write_trace)
            self.pm.enable_tracing()
        from . import builtin
        from .version import __version__

        self.register(builtin, name=BUILTIN, distribution="newsclaims", version=__version__)
        for item in plugins:
            name, obj = item if isinstance(item, tuple) else (None, item)
            self.register(obj, name=name)
        if self.settings.autoload:
            self.load_entrypoints()
        self._check_names()
        # gathered now, so that a broken knowledge hook is reported (or, strict, raised)
        # before any document, and ``records`` shows it
        self.knowledge  # noqa: B018

    def _check_names(self) -> None:
        """Raise :class:`~newsclaims.UnknownPluginError` for a switch naming no plugin.

        A typo in ``--plugins`` would load nothing but the built-in parser, one in
        ``--disable-plugins`` would disable nothing: both are errors, listing what exists.
        """
        allow, block = self.settings.allow or frozenset(), self.settings.block
        if not allow and not block:
            return
        known = set(self._records) | {ep.name for ep in entry_points(ENTRY_POINT_GROUP)}
        for names, switch in (
            (allow, "--plugins / NEWSCLAIMS_PLUGINS"),
            (block, "--disable-plugins / NEWSCLAIMS_DISABLE_PLUGINS"),
        ):
            unknown = names - known
            if unknown:
                raise UnknownPluginError(unknown, known, switch)

    # -- loading --------------------------------------------------------------------------

    def _write_trace(self, text: str) -> None:
        (self._trace_to or sys.stderr).write(text)

    def _fail(self, err: PluginError, sink: list[PluginError] | None = None) -> None:
        if self.settings.strict:
            raise err
        (self.errors if sink is None else sink).append(err)

    def register(
        self,
        plugin: object,
        *,
        name: str | None = None,
        distribution: str | None = None,
        version: str | None = None,
    ) -> str | None:
        """Register and validate ``plugin``; record (or, in strict mode, raise) a failure."""
        name = name or getattr(plugin, "__name__", None) or type(plugin).__name__
        if not self.settings.admits(name):
            self._records[name] = PluginRecord(name, distribution, version, status="disabled")
            return None
        version = version or getattr(plugin, "__version__", None)
        try:
            self.pm.register(plugin, name=name)
        except Exception as exc:
            self._records[name] = PluginRecord(
                name, distribution, version, status="error", error=f"{type(exc).__name__}: {exc}"
            )
            self._fail(PluginError(name, "registration", exc))
            return None
        try:
            self.pm.check_pending()
        except pluggy.PluginValidationError as exc:
            self.pm.unregister(plugin)
            self._records[name] = PluginRecord(
                name, distribution, version, status="error", error=f"{type(exc).__name__}: {exc}"
            )
            self._fail(PluginError(name, "validation", exc))
            return None
        hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
        self._records[name] = PluginRecord(name, distribution, version, hooks)
        self.__dict__.pop("knowledge", None)
        return name

    def load_entrypoints(self) -> None:
        """Load every plugin of the ``newsclaims`` entry-point group, each on its own."""
        for ep in sorted(entry_points(ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist, version = ep.dist_name, ep.dist_version
            if ep.name in self._records and self._records[ep.name].status in ACTIVE:
                continue
            if not self.settings.admits(ep.name):
                self._records[ep.name] = PluginRecord(ep.name, dist, version, status="disabled")
                continue
            try:
                plugin = ep.load()
            except Exception as exc:
                self._records[ep.name] = PluginRecord(
                    ep.name, dist, version, status="error", error=f"{type(exc).__name__}: {exc}"
                )
                self._fail(PluginError(ep.name, "import", exc))
                continue
            self.register(plugin, name=ep.name, distribution=dist, version=version)

    @property
    def records(self) -> list[PluginRecord]:
        """Every plugin the host has seen, sorted by name."""
        return [self._records[k] for k in sorted(self._records)]

    def loaded(self) -> list[str]:
        """Names of the plugins that loaded."""
        return [r.name for r in self.records if r.status in ACTIVE]

    def inventory(self) -> list[dict[str, Any]]:
        """JSON-ready list of plugins: name, distribution, version, hooks, status, error.

        ``status`` is ``loaded``, ``degraded`` (a knowledge hook failed or returned entries
        that are not valid: that contribution is dropped, ``error`` says which and why),
        ``disabled`` or ``error`` (the plugin could not load).
        """
        return [attrs.asdict(r) for r in self.records]

    # -- calling --------------------------------------------------------------------------

    def _impls(self, hook_name: str, plugin: str | None = None) -> list[Any]:
        impls = list(reversed(getattr(self.pm.hook, hook_name).get_hookimpls()))
        if plugin is not None:
            impls = [i for i in impls if i.plugin_name == plugin]
        return impls

    def call_each(
        self,
        hook_name: str,
        plugin: str | None = None,
        errors: list[PluginError] | None = None,
        **kwargs: Any,
    ) -> Iterator[tuple[str, Any]]:
        """Call every implementation of ``hook_name`` in pluggy's order, one at a time.

        Yields ``(plugin_name, result)`` for each implementation that did not return
        ``None``. An implementation that raises is recorded as a :class:`PluginError` in
        ``errors`` (default: :attr:`errors`), or raised in strict mode, and the others
        still run.
        """
        for impl in self._impls(hook_name, plugin):
            args = {k: kwargs[k] for k in impl.argnames}
            t0 = time.perf_counter()
            try:
                result = impl.function(**args)
            except Exception as exc:
                if self.settings.trace:
                    self._write_trace(
                        f"newsclaims: {hook_name} [{impl.plugin_name}] raised {exc!r}\n"
                    )
                self._fail(PluginError(impl.plugin_name, hook_name, exc), errors)
                continue
            if self.settings.trace:
                ms = (time.perf_counter() - t0) * 1000
                shown = repr(result)
                shown = shown if len(shown) < 80 else shown[:77] + "..."
                self._write_trace(
                    f"newsclaims: {hook_name} [{impl.plugin_name}] -> {shown} ({ms:.1f} ms)\n"
                )
            if result is not None:
                yield impl.plugin_name, result

    def detect(
        self, document: Document, errors: list[PluginError] | None = None
    ) -> list[Detection]:
        """Ask every plugin how well it fits ``document``; best first, ties in call order."""
        found: list[Detection] = []
        for name, score in self.call_each(
            "newsclaims_detect", errors=errors, document=document, knowledge=self.knowledge
        ):
            try:
                value = float(score)
            except (TypeError, ValueError):
                err = PluginError(name, "newsclaims_detect", f"score {score!r} is not a number")
                self._fail(err, errors)
                continue
            if value > 0:
                found.append(Detection(name, min(value, 1.0)))
        order = {d.plugin: i for i, d in enumerate(found)}
        return sorted(found, key=lambda d: (-d.score, order[d.plugin]))

    def parse(
        self, document: Document, plugin: str | None = None
    ) -> tuple[Article, ParserInfo, tuple[str, ...]]:
        """Parse ``document`` with ``plugin`` or with the best-fitting plugin.

        Returns the article, which plugin parsed it, and warnings (plugins that failed
        before another one succeeded). Raises :class:`NoParserError` when none could.
        """
        if plugin is not None:
            if plugin not in self.loaded():
                raise NoParserError(
                    f"plugin {plugin!r} is not loaded (loaded: {', '.join(self.loaded())})"
                )
            candidates = [plugin]
        failures: list[PluginError] = []
        if plugin is None:
            candidates = [d.plugin for d in self.detect(document, failures)]
            candidates += [p for p in (BUILTIN,) if p not in candidates]
        for name in candidates:
            results = list(
                self.call_each(
                    "newsclaims_parse",
                    plugin=name,
                    errors=failures,
                    document=document,
                    knowledge=self.knowledge,
                )
            )
            if results:
                article = results[0][1]
                if not isinstance(article, Article):
                    got = type(article).__name__
                    err = PluginError(name, "newsclaims_parse", f"returned {got}, not Article")
                    self._fail(err, failures)
                    continue
                warnings = (*self.knowledge_warnings, *(str(f) for f in failures))
                return article, ParserInfo(name, self._records[name].version), warnings
        detail = "; ".join(str(f) for f in failures) or "no plugin accepted the document"
        raise NoParserError(detail, tuple(failures))

    def _degrade(self, err: PluginError) -> None:
        """Record a knowledge hook's failure: the plugin stays, its contribution does not."""
        record = self._records.get(err.plugin)
        if record is not None:
            detail = f"{err.phase}: {err.error}"
            if isinstance(err.error, BaseException):
                detail = f"{err.phase}: {type(err.error).__name__}: {err.error}"
            known = (record.error or "").split("; ")
            error = detail if not record.error else "; ".join(dict.fromkeys([*known, detail]))
            self._records[err.plugin] = attrs.evolve(record, status="degraded", error=error)
        self._fail(err)

    @cached_property
    def knowledge(self) -> Knowledge:
        """The lexicons all loaded plugins contribute, gathered once.

        What each knowledge hook returns is checked (:func:`check_contribution`): a hook
        that raises or returns anything else has its whole contribution dropped, the
        plugin is marked ``degraded`` in :attr:`records`, and the error, naming the
        plugin, goes to :attr:`errors` and to the warnings of every report (strict mode
        raises it instead).
        """
        gathered: dict[str, list[Any]] = {hook: [] for hook in KNOWLEDGE_HOOKS}
        dropped: list[PluginError] = []
        for hook, sink in gathered.items():
            failures: list[PluginError] = []
            for name, result in self.call_each(hook, errors=failures):
                try:
                    sink.extend(check_contribution(hook, result))
                except Exception as exc:
                    failures.append(PluginError(name, hook, exc))
            for err in failures:
                dropped.append(err)
                self._degrade(err)
        self.knowledge_warnings = tuple(f"{err}; its contribution was dropped" for err in dropped)
        return Knowledge(
            measure_terms=tuple(gathered["newsclaims_measure_terms"]),
            entities=tuple(gathered["newsclaims_entities"]),
            boilerplate=tuple(gathered["newsclaims_boilerplate"]),
            outlets=tuple(gathered["newsclaims_outlets"]),
            person_key_hook=self._person_key,
        )

    def _person_key(self, name: str) -> str | None:
        """The first plugin's key for ``name``; a plugin whose answer is not a string (or
        that raises) is named once and asked no more."""
        for impl in self._impls("newsclaims_person_key"):
            plugin = impl.plugin_name
            if plugin in self._bad_person_keys:
                continue
            try:
                key = impl.function(name=name)
                if key is not None and not isinstance(key, str):
                    raise TypeError(f"returned {type(key).__name__}, not str or None")
            except Exception as exc:
                self._bad_person_keys.add(plugin)
                self._degrade(PluginError(plugin, "newsclaims_person_key", exc))
                continue
            if key:
                return key
        return None
