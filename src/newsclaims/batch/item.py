"""What flows through a batch: an :class:`Item` in (one input), an :class:`Outcome` out.

These are plain data with no behaviour, so that every batch module can use them and none
needs another to know them: the inputs make items, the workers turn items into outcomes,
the sinks write outcomes.
"""

from __future__ import annotations

from typing import Any

import attrs

#: Error type of an item whose problem was found while expanding the inputs.
INPUT_ERROR = "InputError"


@attrs.frozen
class Item:
    """One unit of work: a file to read, or bytes already read (a WARC record, stdin).

    :param name: the input's unique, stable name (a path, ``file.warc.gz#1234`` for the WARC
        record at that byte offset, ``<stdin>``); it becomes the report's ``input``. A path
        that is not UTF-8 is named with its bytes escaped
        (:func:`newsclaims.inputs.writable_name`), so the name can always be written.
    :param path: the file a worker reads, when ``data`` is ``None`` (the real path).
    :param data: the payload, when it was read while expanding (WARC records, stdin).
    :param url: the URL the payload was fetched from (WARC-Target-URI).
    :param published: a fallback publication date (HTTP Last-Modified, WARC-Date), which
        the article's own date wins over.
    :param published_from: where ``published`` came from (``warc-date``,
        ``last-modified``; see :data:`newsclaims.models.PublishedFrom`).
    :param charset: the charset the server declared for ``data``.
    :param content_type: ``text/html`` when known to be a page.
    :param size: bytes of the inputs this item accounts for (for progress and MB/s).
    :param error: ``(type, message)`` when the input could not be read at all.
    """

    name: str
    path: str | None = None
    data: bytes | None = attrs.field(default=None, repr=False)
    url: str | None = None
    published: str | None = None
    charset: str | None = None
    content_type: str | None = None
    size: int = 0
    error: tuple[str, str] | None = None
    published_from: str = "warc-date"  # a newsclaims.models.PublishedFrom (no import here)


@attrs.frozen
class Outcome:
    """The result of one item, ready to write.

    :param name: the item's name (the record's ``input``).
    :param line: the record as JSON text, without a final newline.
    :param error: ``"<type>: <message>"`` when the item failed, else ``None``.
    :param claims: the number of claims in the report.
    :param size: bytes of input the item accounted for.
    :param rows: the claim rows (see :data:`~newsclaims.batch.output.CLAIM_COLUMNS`)
        when the job asked for them.
    """

    name: str
    line: str
    error: str | None = None
    claims: int = 0
    size: int = 0
    rows: tuple[dict[str, Any], ...] = ()
