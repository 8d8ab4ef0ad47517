"""Batch processing: many inputs in, one record per input out, in a deterministic order.

The flow is the same whatever the scale (one machine with ``--jobs``, or a dask cluster):

* :mod:`~newsclaims.batch.inputs` expands paths, directories, lists of paths and WARC
  files (:mod:`~newsclaims.batch.warc`) into a lazy stream of :class:`Item`, each with a
  unique, stable name;
* :mod:`~newsclaims.batch.work` turns one item into a report or error record;
* :mod:`~newsclaims.batch.runner` runs that over worker processes with bounded work in
  flight and yields outcomes in input order;
* :mod:`~newsclaims.batch.output` writes JSONL, CSV (one row per claim) or Parquet;
  :mod:`~newsclaims.batch.resume` reads back what an earlier run already wrote;
* :mod:`~newsclaims.batch.progress` draws the progress bar and the summary line.
"""

from __future__ import annotations

from .inputs import Item, expand
from .output import CLAIM_COLUMNS, claim_rows
from .runner import run
from .work import Job, Outcome, process, record_for

__all__ = [
    "CLAIM_COLUMNS",
    "Item",
    "Job",
    "Outcome",
    "claim_rows",
    "expand",
    "process",
    "record_for",
    "run",
]
