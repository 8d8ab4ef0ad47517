"""newsclaims on a dask cluster: a bag of reports, a dataframe of claims.

The same code as ``newsclaims extract`` runs on every worker: inputs are expanded on the
client into units of work (a group of files, or one WARC file), each unit is one partition,
and each worker process builds its plugin host once and reuses it. Needs the optional extra
``newsclaims[dask]``.

:func:`lines` is the JSONL of ``newsclaims extract``, byte for byte: each record is
serialised on the worker that parsed it, so what the scheduler and the client move is one
short string per input, not a report ``dict`` to unpickle and encode again (issue 14).
Write it from the workers, one file per partition in input order
(``bag.to_textfiles("out/*.jsonl", last_endline=True)``), or into one file through the
client (:func:`write_jsonl`).

>>> from newsclaims.dask import reports, claims            # doctest: +SKIP
>>> bag = reports(["crawl/", "cc-news.warc.gz"], glob=["*.html"])  # doctest: +SKIP
>>> frame = claims(bag)                                    # doctest: +SKIP
>>> frame.groupby("measure").size().compute()              # doctest: +SKIP
>>> write_jsonl(lines(["crawl/"]), "crawl.jsonl")           # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from .batch.inputs import Item, expand, files, is_warc
from .batch.output import CLAIM_COLUMNS, COLUMN_TYPES, claim_rows
from .batch.work import Job, host_factory, preload, process, record_for
from .host import PluginHost, Settings
from .writers import RecordWriter

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

__all__ = ["Unit", "claims", "claims_frame", "lines", "reports", "units", "write_jsonl"]

_HINT = "newsclaims.dask needs dask: pip install 'newsclaims[dask]'"
#: Plain files per partition: tasks of 0.1-1 s, and a last round that leaves few cores idle.
FILES_PER_PARTITION = 32

# one host per worker process and host recipe (tasks arrive with fresh copies of the job)
_hosts: dict[str, PluginHost] = {}


@attrs.frozen
class Unit:
    """One task's worth of inputs: a group of plain files, or one WARC file."""

    paths: tuple[str, ...]
    warc: bool = False


def units(
    paths: Iterable[str], glob: Sequence[str] = (), files_per_unit: int = FILES_PER_PARTITION
) -> list[Unit]:
    """Split the files that ``paths`` name (directories expanded) into units of work.

    Each WARC file is a unit of its own; consecutive plain files are grouped
    ``files_per_unit`` at a time. Order is that of ``newsclaims extract``.
    """
    found: list[Unit] = []
    group: list[str] = []
    for path in files(paths, glob):
        if is_warc(path):
            if group:
                found.append(Unit(tuple(group)))
                group = []
            found.append(Unit((path,), warc=True))
            continue
        group.append(path)
        if len(group) >= files_per_unit:
            found.append(Unit(tuple(group)))
            group = []
    if group:
        found.append(Unit(tuple(group)))
    return found


def _module(name: str) -> Any:
    """Import an optional dependency (untyped: dask's API is not annotated)."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        raise ImportError(_HINT) from exc


def _host(job: Job) -> PluginHost:
    """This worker process's host for ``job``, built at its first task.

    The language model is loaded with it, as ``extract``'s parent does before it forks its
    workers: once per process, as part of its start rather than inside the first
    document that is not plainly English (every process of a crawl meets one soon).
    """
    key = repr(job.host_factory)
    host = _hosts.get(key)
    if host is None:
        host = _hosts[key] = job.host_factory()
        preload()
    return host


def _items(unit: Unit) -> Iterator[Item]:
    return expand(unit.paths)


def unit_records(unit: Unit, job: Job) -> list[dict[str, Any]]:
    """The JSON record (report or error) of every input of ``unit``, in order."""
    host = _host(job)
    return [record_for(item, job, host) for item in _items(unit)]


def unit_lines(unit: Unit, job: Job) -> list[str]:
    """The JSONL line (without its newline) of every input of ``unit``, in order."""
    host = _host(job)
    return [process(item, job, host).line for item in _items(unit)]


def _bag(
    make: Callable[[Unit, Job], list[Any]],
    paths: Iterable[str],
    glob: Sequence[str],
    plugin: str | None,
    url: str | None,
    published: str | None,
    settings: Settings | None,
    make_host: Callable[[], PluginHost] | None,
    files_per_partition: int,
) -> dask.bag.Bag:
    db = _module("dask.bag")
    factory = make_host or host_factory(settings if settings is not None else Settings.from_env())
    job = Job(host_factory=factory, plugin=plugin, url=url, published=published)
    work = units(paths, glob, files_per_partition)
    if not work:
        empty: dask.bag.Bag = db.from_sequence([], npartitions=1)
        return empty
    bag: dask.bag.Bag = db.from_sequence(work, npartitions=len(work)).map(make, job)
    flat: dask.bag.Bag = db.Bag.flatten(bag)
    return flat


def reports(
    paths: Iterable[str],
    *,
    glob: Sequence[str] = (),
    plugin: str | None = None,
    url: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    make_host: Callable[[], PluginHost] | None = None,
    files_per_partition: int = FILES_PER_PARTITION,
) -> dask.bag.Bag:
    """A dask bag of report ``dict`` (and error records) for every input ``paths`` name.

    :param glob: file-name patterns for directories, as ``--glob``.
    :param plugin: parse with this plugin, skip detection.
    :param settings: plugin settings for the workers (default: this process's environment).
    :param make_host: a picklable function building each worker's host (overrides
        ``settings``).
    :param files_per_partition: plain files per partition; each WARC file is one.
    """
    return _bag(
        unit_records, paths, glob, plugin, url, published, settings, make_host, files_per_partition
    )


def lines(
    paths: Iterable[str],
    *,
    glob: Sequence[str] = (),
    plugin: str | None = None,
    url: str | None = None,
    published: str | None = None,
    settings: Settings | None = None,
    make_host: Callable[[], PluginHost] | None = None,
    files_per_partition: int = FILES_PER_PARTITION,
) -> dask.bag.Bag:
    """A dask bag of JSON text, one record (report or error) per input, in input order.

    The lines of ``newsclaims extract``'s JSONL output without their newline (the options
    as for :func:`reports`): ``"\\n".join`` of them, plus a final newline, is that output.
    """
    return _bag(
        unit_lines, paths, glob, plugin, url, published, settings, make_host, files_per_partition
    )


def write_jsonl(bag: dask.bag.Bag, path: str) -> int:
    """Compute a bag of :func:`lines` and write them to ``path`` as ``extract -o`` does.

    The same bytes as ``newsclaims extract -o path`` (each record whole; a full disk cuts
    the file back to its last whole record and raises
    :class:`~newsclaims.writers.OutputError`). The lines are gathered on the client first:
    for output larger than its memory, write from the workers with ``bag.to_textfiles``.
    Returns the number of records written.
    """
    source: Any = bag
    writer = RecordWriter.open(path, buffer_bytes=1 << 16)
    try:
        for line in source.compute():
            writer.write(line + "\n")
    finally:
        writer.close()
    return writer.records


def _meta() -> Any:
    """An empty claim frame with the columns' dtypes."""
    pd = _module("pandas")
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in COLUMN_TYPES.items()})


def _frame(records: Iterable[dict[str, Any]]) -> Any:
    """The claim rows of one partition of reports as a pandas frame."""
    pd = _module("pandas")
    rows = [row for record in records for row in claim_rows(record)]
    frame = pd.DataFrame.from_records(rows, columns=list(CLAIM_COLUMNS))
    return frame.astype(_meta().dtypes.to_dict())


def claims(bag: dask.bag.Bag) -> dask.dataframe.DataFrame:
    """A dask dataframe of claims, one row per claim, from a bag of report ``dict``.

    The columns are those of ``newsclaims extract --format csv``
    (:data:`~newsclaims.batch.output.CLAIM_COLUMNS`); error records give no rows.
    """
    dd = _module("dask.dataframe")
    delayed = _module("dask").delayed
    source: Any = bag
    parts = [delayed(_frame)(part) for part in source.to_delayed()]
    frame: dask.dataframe.DataFrame = dd.from_delayed(parts, meta=_meta(), verify_meta=False)
    return frame


def claims_frame(paths: Iterable[str], **options: Any) -> dask.dataframe.DataFrame:
    """:func:`claims` of :func:`reports` (``options`` as for :func:`reports`)."""
    return claims(reports(paths, **options))
