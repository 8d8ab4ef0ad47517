"""newsclaims-text: clean scraped plain-text and markdown news articles.

Registered under the entry-point name ``text``. Detection answers ``0.2`` for any plain
text (``trylast``), so a plugin that knows the outlet always wins; HTML is left to others.
Other plugins reuse the cleaner through :func:`clean_text`, imported at its first use
(loading the plugin does not import the cleaner: issue 14, start-up).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .hooks import newsclaims_boilerplate, newsclaims_detect, newsclaims_parse

if TYPE_CHECKING:
    from .cleaner import clean_text

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "clean_text",
    "newsclaims_boilerplate",
    "newsclaims_detect",
    "newsclaims_parse",
]


def __getattr__(name: str) -> Any:
    if name == "clean_text":
        from .cleaner import clean_text

        return clean_text
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
