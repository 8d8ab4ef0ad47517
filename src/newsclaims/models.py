"""Value objects that flow through newsclaims: document -> article -> report -> claims.

Every model is an ``attrs`` frozen class; collections are tuples so that equality and
hashing are real. Build variants with :func:`attrs.evolve`. JSON in and out lives in
:mod:`newsclaims.serialize`, not here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, get_args

import attrs

if TYPE_CHECKING:
    from .detection import Credit, PageSignals

#: Version of the JSON contract written by :mod:`newsclaims.serialize`.
SCHEMA_VERSION = "1.2"

ClaimKind = Literal["quantity", "statement"]
EntityType = Literal["organization", "person", "media", "government", "other"]
Role = Literal["source", "conduit"]
#: Flags the claim engine sets on a claim (``increment``: "an additional 3,000").
ClaimFlag = Literal["increment"]
CLAIM_FLAGS: tuple[str, ...] = get_args(ClaimFlag)

#: Where a publication date came from, strongest first: ``given`` by the caller (the API's
#: ``published=``, the CLI's ``--published``), the ``article``'s own metadata (what its
#: plugin read from the page or text), or a fallback of the input: the HTTP
#: ``last-modified`` header of a fetched page, else the ``warc-date`` (crawl time) of a WARC
#: record. A given date wins over the article's; the article's over a fallback.
PublishedFrom = Literal["given", "article", "last-modified", "warc-date"]
PUBLISHED_FROM: tuple[str, ...] = get_args(PublishedFrom)
#: The :data:`PublishedFrom` values that only stand in for a missing article date.
FALLBACK_PUBLISHED_FROM: tuple[str, ...] = ("last-modified", "warc-date")


def content_hash(text: str) -> str:
    """``sha256:`` and the 64 hex digits of the SHA-256 of ``text`` (a report's body): the
    ``content_hash`` of a report, equal for every copy of one article."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value) if value is not None else ()


def _span(value: Any) -> tuple[int, int]:
    if type(value) is tuple and len(value) == 2 and type(value[0]) is type(value[1]) is int:
        return value  # already what the field holds: no copy (a long text has many spans)
    start, end = value
    return (int(start), int(end))


def _mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    # a plain dict copy; plugins put namespaced data here ({"koreaherald": {...}})
    return dict(value or {})


@attrs.frozen
class Document:
    """One input as it arrived, decoded to text.

    :param text: the decoded content (HTML or plain text).
    :param url: where the document came from, if known.
    :param content_type: ``text/html`` or ``text/plain`` (sniffed when not declared).
    :param published: a publication date that came with the input: declared by the caller
        (CLI ``--published``), or a fallback such as a WARC record's WARC-Date; plugins
        prefer the article's own date and fall back to this one.
    :param published_from: where ``published`` came from (:data:`PublishedFrom`):
        ``given`` (the default) wins over the article's own date in the report;
        ``warc-date`` or ``last-modified`` only stands in when the article has none.
    :param origin: a human-readable name of the input (a path, ``<stdin>``, a WARC record).
    :param raw: the original bytes when the input was bytes, else ``None``.
    :param encoding: the encoding used to decode ``raw``.
    :param warnings: notes from reading the input (for example replaced undecodable bytes).
    """

    text: str
    url: str | None = None
    content_type: str = "text/plain"
    published: datetime | None = None
    origin: str | None = None
    raw: bytes | None = attrs.field(default=None, repr=False, eq=False)
    encoding: str | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    published_from: PublishedFrom = "given"

    @property
    def is_html(self) -> bool:
        """True when the document is an HTML page."""
        return "html" in self.content_type

    # -- what the page says about its origin (newsclaims.detection), read once, lazily ------

    @cached_property
    def signals(self) -> PageSignals:
        """Every origin signal of the page, read on first use and then kept."""
        from .detection import read_signals

        return read_signals(self.text, is_html=self.is_html)

    @property
    def canonical_url(self) -> str | None:
        """The ``<link rel="canonical">`` URL of an HTML page."""
        return self.signals.canonical_url

    @property
    def og_url(self) -> str | None:
        """The ``og:url`` of an HTML page."""
        return self.signals.og_url

    @property
    def declared_urls(self) -> tuple[str, ...]:
        """Every URL the page gives for itself: canonical link, ``og:url``, ``twitter:url``."""
        return self.signals.declared_urls

    @property
    def site_name(self) -> str | None:
        """The site the page names (``og:site_name``, else ``application-name``)."""
        return self.signals.site_names[0] if self.signals.site_names else None

    @property
    def site_names(self) -> tuple[str, ...]:
        """``og:site_name``, ``application-name`` and ``twitter:site``, in that order."""
        return self.signals.site_names

    @property
    def jsonld_types(self) -> tuple[str, ...]:
        """The ``@type`` of every JSON-LD object of the page (``NewsArticle``, ...)."""
        return self.signals.jsonld_types

    @property
    def publishers(self) -> tuple[str, ...]:
        """The publisher names the page's JSON-LD declares."""
        return self.signals.publishers

    @property
    def credit_lines(self) -> tuple[Credit, ...]:
        """Credit lines ("Source: The Example Times", "(Yonhap)") near the start or end."""
        return self.signals.credits

    def outlet_score(
        self, *, domains: Iterable[str] = (), names: Iterable[str] = ()
    ) -> float | None:
        """A detection score for the outlet of ``domains`` and ``names`` (see
        :func:`newsclaims.detection.outlet_score`): 1.0 URL, 0.9 publisher, 0.85 site name,
        0.8 credit line, ``None`` without evidence."""
        from .detection import outlet_score

        return outlet_score(self.signals, self.url, domains=domains, names=names)


@attrs.frozen
class Removed:
    """A block taken out of the article body, and why.

    :param text: the removed text as it appeared.
    :param reason: a short machine-readable reason (``comment-form``, ``widget``,
        ``counter``, ``identifier``, ``credit-line``, ``byline``, ``title``, ...).
    """

    text: str
    reason: str


@attrs.frozen
class Source:
    """Where an article was published and, for a repost, where it first appeared."""

    outlet: str | None = None
    domain: str | None = None
    url: str | None = None
    original_outlet: str | None = None
    original_url: str | None = None


@attrs.frozen
class ParserInfo:
    """Which plugin parsed a report."""

    name: str
    version: str | None = None


@attrs.frozen
class Article:
    """What a source plugin returns from ``newsclaims_parse``: clean text and metadata.

    ``text`` keeps paragraphs separated by blank lines; the claim engine reads it and
    claim spans point into it. ``warnings`` are the parser's notes on text it could not
    read (a page cut at a size limit, nesting too deep); they go to the report's warnings.
    """

    text: str
    title: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    published: datetime | None = None
    language: str | None = None
    source: Source = attrs.field(factory=Source)
    removed: tuple[Removed, ...] = attrs.field(default=(), converter=_tuple)
    extra: Mapping[str, Any] = attrs.field(factory=dict, converter=_mapping, eq=False)
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Value:
    """A stated number as bounds (CLAIMS.md's table).

    ``low``/``high`` are ``None`` when the text leaves that side open.
    """

    low: float | None
    high: float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    unit: str = "persons"
    text: str = ""

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low bound {self.low} is above high bound {self.high}")


@attrs.frozen
class Subject:
    """Who is counted: ``text`` as the article names them, plus what was read off it."""

    text: str
    affiliation: str | None = None
    carried: bool = False


@attrs.frozen
class Attribution:
    """One source credited for a claim.

    :param name: the fullest name the article gives.
    :param short: an acronym or short form, when there is one.
    :param type: ``organization``, ``person``, ...
    :param role: ``source`` (where the figure comes from) or ``conduit`` (who relayed it).
    :param text: how the article referred to it at this place ("the intelligence agency").
    :param key: a stable identity across outlets (romanization variants share it).
    """

    name: str
    short: str | None = None
    type: str = "organization"
    role: str = "source"
    text: str | None = None
    key: str | None = None


@attrs.frozen
class TimeRef:
    """When a figure holds or was issued: the words, and ISO dates when resolvable."""

    text: str
    start: str | None = None
    end: str | None = None


@attrs.frozen
class Location:
    """Where the counted event happened, as stated."""

    text: str


@attrs.frozen
class Mention:
    """Another place in ``report.text`` where the same claim is stated."""

    quote: str
    span: tuple[int, int] = attrs.field(converter=_span)


@attrs.frozen
class Claim:
    """One quantity or attributed statement read from the report text.

    ``span`` is ``[start, end)`` into ``Report.text`` so that
    ``report.text[start:end] == quote``.
    """

    id: str
    kind: str
    quote: str
    span: tuple[int, int] = attrs.field(converter=_span)
    measure: str | None = None
    value: Value | None = None
    subject: Subject | None = None
    attribution: tuple[Attribution, ...] = attrs.field(default=(), converter=_tuple)
    time: TimeRef | None = None
    location: Location | None = None
    hedges: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    flags: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_tuple)


@attrs.frozen
class Report:
    """One parsed article with its claims: the unit of the JSON contract.

    ``id`` identifies the row (one input: its name, URL and content, see
    :mod:`newsclaims.identity`); ``content_hash`` is the SHA-256 of ``text``, shared by
    every copy of one article. ``published_from`` says where ``published`` came from
    (:data:`PublishedFrom`; ``None`` when there is no date).
    """

    id: str
    text: str
    title: str | None = None
    authors: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    published: str | None = None
    language: str | None = None
    source: Source = attrs.field(factory=Source)
    removed: tuple[Removed, ...] = attrs.field(default=(), converter=_tuple)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_tuple)
    parser: ParserInfo = attrs.field(factory=lambda: ParserInfo("unknown"))
    input: str | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    schema_version: str = SCHEMA_VERSION
    content_hash: str = attrs.field(
        default=attrs.Factory(lambda self: content_hash(self.text), takes_self=True)
    )
    published_from: PublishedFrom | None = None


@attrs.frozen
class Failure:
    """An input that gave no report: which input, what went wrong, and which plugin."""

    input: str
    error: str
    message: str
    plugin: str | None = None
