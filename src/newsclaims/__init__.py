"""newsclaims: normalized, attributed, quantitative claims from news articles.

>>> import newsclaims
>>> report = newsclaims.parse("Police said at least 12 people were killed.\\n", plugin="builtin")
>>> report.claims[0].measure, report.claims[0].value.low
('killed', 12.0)
"""

from __future__ import annotations

import pluggy

#: The marker plugin authors decorate their hook implementations with.
hookimpl = pluggy.HookimplMarker("newsclaims")

from .models import (  # noqa: E402
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
from .pipeline import parse, parse_many  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Attribution",
    "Claim",
    "Document",
    "Failure",
    "Location",
    "Mention",
    "ParserInfo",
    "Removed",
    "Report",
    "Source",
    "Subject",
    "TimeRef",
    "Value",
    "__version__",
    "hookimpl",
    "parse",
    "parse_many",
]
