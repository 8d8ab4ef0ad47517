"""newsclaims-text: clean scraped plain-text and markdown news articles.

Registered under the entry-point name ``text``. Detection answers ``0.2`` for any plain
text (``trylast``), so a plugin that knows the outlet always wins; HTML is left to others.
Other plugins reuse the cleaner through :func:`clean_text`.
"""

from __future__ import annotations

from .cleaner import clean_text
from .hooks import newsclaims_boilerplate, newsclaims_detect, newsclaims_parse

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "clean_text",
    "newsclaims_boilerplate",
    "newsclaims_detect",
    "newsclaims_parse",
]
