"""Turn one :class:`~newsclaims.batch.inputs.Item` into a report or an error record.

This is the code every worker runs, in process, in a pool or on a dask cluster. A worker
builds its plugin host once (``Job.host_factory``) and reuses it for every item.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, cast

import attrs

from ..host import PluginError, PluginHost, Settings
from ..inputs import DEFAULT_MAX_INPUT_BYTES, document_from
from ..models import FALLBACK_PUBLISHED_FROM, Document, Failure, PublishedFrom, Report
from ..pipeline import failure_for, parse_document
from ..serialize import ContractError, failure_to_dict, record_to_json, report_to_dict
from .item import Item, Outcome
from .output import table_rows

__all__ = [
    "Job",
    "Outcome",
    "document_for",
    "failure_outcome",
    "host_factory",
    "parse_item",
    "preload",
    "process",
    "record_for",
]


def preload() -> None:
    """Load now what a worker's first document would load (the language model, numpy).

    Called in the parent before it forks its workers, so that they share one copy and no
    worker pays it (0.3-1 s) inside its first document's time limit, nor a fresh worker
    that replaces one. Never raises: a worker that needs it then loads it itself.
    """
    from .. import language

    with contextlib.suppress(Exception):
        language.available()


def host_factory(settings: Settings | None = None) -> Callable[[], PluginHost]:
    """A picklable function that builds a :class:`PluginHost` with ``settings``."""
    return partial(PluginHost, settings=settings)


@attrs.frozen
class Job:
    """What a worker needs besides the items (picklable, sent once to each worker).

    :param host_factory: builds the worker's plugin host.
    :param plugin: parse with this plugin, skip detection.
    :param url: URL of plain file inputs (``--url``); WARC records carry their own.
    :param published: the publication date the caller gave (``--published``): it wins
        over the article's own date, which wins over a record's fallback (WARC-Date).
    :param indent: JSON indentation of the record text (``None``: one line).
    :param rows: also compute the claim rows (CSV and Parquet output).
    :param max_input_bytes: the largest input read, after decompression (``--max-input-bytes``;
        ``None``: no limit); a larger one is an ``InputTooLargeError`` record.
    """

    host_factory: Callable[[], PluginHost] = attrs.field(factory=host_factory)
    plugin: str | None = None
    url: str | None = None
    published: str | None = None
    indent: int | None = None
    rows: bool = False
    max_input_bytes: int | None = DEFAULT_MAX_INPUT_BYTES


def document_for(item: Item, job: Job) -> Document:
    """The :class:`Document` of ``item``; raises :class:`~newsclaims.inputs.InputError`."""
    published = job.published or item.published
    if item.data is None:
        if item.path is None:
            raise ValueError(f"item {item.name!r} has neither a path nor data")
        document = document_from(
            Path(item.path),
            url=job.url,
            published=published,
            origin=item.name,
            max_input_bytes=job.max_input_bytes,
        )
    else:
        document = document_from(
            item.data,
            url=item.url,
            published=published,
            content_type=item.content_type,
            origin=item.name,
            charset=item.charset,  # a declared HTTP charset is tried first
            max_input_bytes=job.max_input_bytes,
        )
    if not job.published and item.published:  # a fallback: the article's own date wins
        found = item.published_from
        origin = found if found in FALLBACK_PUBLISHED_FROM else "warc-date"
        document = attrs.evolve(document, published_from=cast(PublishedFrom, origin))
    return document


def parse_item(item: Item, job: Job, host: PluginHost) -> Report | Failure:
    """Parse ``item``: a report, or a failure naming the input (strict mode raises)."""
    if item.error is not None:
        return Failure(input=item.name, error=item.error[0], message=item.error[1])
    try:
        return parse_document(document_for(item, job), plugin=job.plugin, host=host)
    except PluginError:
        raise  # only in strict mode: fail fast as asked
    except Exception as exc:
        return failure_for(item.name, exc)


def record_for(item: Item, job: Job, host: PluginHost) -> dict[str, Any]:
    """The JSON record of ``item``: a report ``dict``, or an error record ``dict``."""
    result = parse_item(item, job, host)
    if isinstance(result, Report):
        try:
            return report_to_dict(result)
        except ContractError as exc:  # a number JSON cannot hold: an error record
            return failure_to_dict(failure_for(item.name, exc))
    return failure_to_dict(result)


def failure_outcome(item: Item, job: Job, error: str, message: str) -> Outcome:
    """The outcome of ``item`` when it gave no report: an error record of type ``error``."""
    return _failure(
        item, job, failure_to_dict(Failure(input=item.name, error=error, message=message))
    )


def _failure(item: Item, job: Job, record: dict[str, Any]) -> Outcome:
    return Outcome(
        name=item.name,
        line=record_to_json(record, indent=job.indent),
        error=f"{record['error']}: {record['message']}",
        size=item.size,
        rows=tuple(table_rows(record)) if job.rows else (),
    )


def process(item: Item, job: Job, host: PluginHost) -> Outcome:
    """Parse ``item`` and serialise its record; never raises except in strict mode."""
    record = record_for(item, job, host)
    line = record_to_json(record, indent=job.indent)
    rows = tuple(table_rows(record)) if job.rows else ()
    if "id" not in record:  # error records never have an id
        return _failure(item, job, record)
    return Outcome(
        name=item.name, line=line, claims=len(record["claims"]), size=item.size, rows=rows
    )
