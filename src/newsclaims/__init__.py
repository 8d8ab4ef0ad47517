"""newsclaims: normalized, attributed, quantitative claims from news articles.

>>> import newsclaims
>>> text = "Police said at least 12 people were killed.\\n"
>>> report = newsclaims.parse_text(text, plugin="builtin")
>>> report.claims[0].measure, report.claims[0].value.low
('killed', 12.0)
"""

from __future__ import annotations

# attrs' generated methods kept between processes, before any class of the package is
# made (issue 14: start-up)
from . import _attrscode  # noqa: F401
from .errors import (
    BinaryInputError,
    DateError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NewsclaimsError,
    NoParserError,
    PluginError,
    UnknownPluginError,
)
from .markers import hookimpl
from .models import (
    SCHEMA_VERSION,
    Article,
    Attribution,
    Claim,
    Document,
    Failure,
    Location,
    Mention,
    ParserInfo,
    Removed,
    Report,
    Source,
    Subject,
    TimeRef,
    Value,
)
from .pipeline import parse, parse_bytes, parse_document, parse_html, parse_many, parse_text

# the function newsclaims.stories (its package stays importable as newsclaims.stories.*)
from .stories import stories
from .version import __version__

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Attribution",
    "BinaryInputError",
    "Claim",
    "DateError",
    "Document",
    "EmptyInputError",
    "Failure",
    "InputError",
    "InputTooLargeError",
    "Location",
    "Mention",
    "NewsclaimsError",
    "NoParserError",
    "ParserInfo",
    "PluginError",
    "Removed",
    "Report",
    "Source",
    "Subject",
    "TimeRef",
    "UnknownPluginError",
    "Value",
    "__version__",
    "hookimpl",
    "parse",
    "parse_bytes",
    "parse_document",
    "parse_html",
    "parse_many",
    "parse_text",
    "stories",
]
