"""The two hashes of a report: ``id`` (which input) and ``content_hash`` (which article).

``id`` identifies an output row: it is derived from the input's identity (its name — a path,
``<stdin>``, ``file.warc.gz#offset`` — and its URL) together with its content, so two inputs
never share an id, even when they hold the same page or are both empty, and one input keeps
its id from run to run while its content does not change. ``content_hash`` is the SHA-256 of
the clean body (``report.text``): equal for every copy of one article, whatever page or file
held it, and what a consumer groups on to find copies.

>>> from newsclaims.models import Document
>>> a = Document("Same page.", origin="a.txt")
>>> b = Document("Same page.", origin="b.txt")
>>> input_id(a) != input_id(b)
True
>>> input_id(a) == input_id(Document("Same page.", origin="a.txt"))
True
>>> content_hash("Same page.") == content_hash("Same page.")
True
"""

from __future__ import annotations

import hashlib

from .models import Document, content_hash

__all__ = ["content_hash", "input_id"]

_SEP = b"\x1f"  # unit separator: no field of the identity can end with it by accident


def input_id(document: Document) -> str:
    """The report id of ``document``: 16 hex digits of a SHA-256 over the input's name, its
    URL and its decoded content (a document without a name or URL is identified by its
    content alone)."""
    digest = hashlib.sha256()
    for part in (document.origin or "", document.url or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(_SEP)
    digest.update(document.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]
