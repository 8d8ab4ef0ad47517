"""Is this a Korea Herald page, or a repost of one? And how sure are we?

Evidence, strongest first:

============================== ======= ==========================================
evidence                        score   example
============================== ======= ==========================================
the document's URL              1.0     ``https://www.koreaherald.com/article/...``
``<link rel=canonical>``/og:url 1.0     a saved page that points home
JSON-LD publisher               0.9     ``"publisher": {"name": "The Korea Herald"}``
``og:site_name``                0.85    ``<meta property="og:site_name" ...>``
a credit line (repost)          0.8     ``Original Source: www.koreaherald.com``
a reporter e-mail (repost)      0.7     ``name@heraldcorp.com`` closing plain text
============================== ======= ==========================================

Documents that never mention the paper are turned away by a substring test before
anything is parsed, so detection costs almost nothing on other outlets' pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from newsclaims import _re as re
from newsclaims.knowledge import domain_of
from newsclaims.models import Document

from .credit import Credit, find_credit, lines_of
from .upstream import parse_tree

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped]

__all__ = [
    "OUTLET_NAME",
    "SITE_DOMAIN",
    "Evidence",
    "examine",
    "is_herald_name",
    "is_herald_url",
]

#: The outlet this plugin knows.
OUTLET_NAME = "The Korea Herald"
#: Its domain.
SITE_DOMAIN = "koreaherald.com"

SCORE_URL = 1.0
SCORE_PUBLISHER = 0.9
SCORE_SITE_NAME = 0.85
SCORE_CREDIT = 0.8
SCORE_EMAIL = 0.7

_MENTION = re.compile(r"korea\s*herald|heraldcorp\.com", re.IGNORECASE)
_HERALD_NAME = re.compile(r"^(?:the\s+)?korea\s*herald(?:\.com)?$|^koreaherald\.com$", re.I)
_REPORTER_EMAIL = re.compile(r"[\w.+-]+@heraldcorp\.com\b", re.IGNORECASE)


@attrs.frozen
class Evidence:
    """Why a document was recognised.

    :param score: the detection score.
    :param kind: ``url``, ``canonical``, ``publisher``, ``site-name``, ``credit`` or ``email``.
    :param credit: the credit line of a repost.
    :param tree: the parsed page (HTML only), reused by the parser.
    """

    score: float
    kind: str
    credit: Credit | None = None
    tree: Any = attrs.field(default=None, eq=False, repr=False)

    @property
    def is_repost(self) -> bool:
        """Whether the document is another outlet's copy of a Korea Herald story."""
        return self.kind in ("credit", "email")


def is_herald_url(url: str | None) -> bool:
    """Whether ``url`` (or a bare host) is on koreaherald.com or one of its subdomains."""
    host = domain_of(url)
    return bool(host) and (host == SITE_DOMAIN or str(host).endswith("." + SITE_DOMAIN))


def is_herald_name(name: str | None) -> bool:
    """Whether ``name`` names the paper ("The Korea Herald", "Korea Herald", ...)."""
    return bool(name) and bool(_HERALD_NAME.match(" ".join(str(name).split())))


#: page furniture where a link to the paper is navigation, not a credit
_FURNITURE = ("nav", "header", "aside", "menu")


def _body_lines(tree: HtmlElement) -> list[str]:
    # lxml's etree with it: imported for a page that mentions the paper, not when the
    # plugin loads (issue 14, start-up)
    from .blocks import SKIP_TAGS, block_lines

    body = tree.find("body")
    return block_lines(body if body is not None else tree, skip=(*SKIP_TAGS, *_FURNITURE))


def _examine_html(document: Document) -> Evidence | None:
    # the page's own declarations come from the core's detection helpers (read once per
    # document); only a repost's credit line needs this plugin's own reading of the body
    if any(is_herald_url(u) for u in document.declared_urls):
        return Evidence(SCORE_URL, "canonical")
    if any(is_herald_name(n) for n in document.publishers):
        return Evidence(SCORE_PUBLISHER, "publisher")
    if any(is_herald_name(n) for n in document.site_names):
        return Evidence(SCORE_SITE_NAME, "site-name")
    tree = parse_tree(document.text)
    if tree is None:
        return None
    credit = find_credit(_body_lines(tree))
    if credit is not None:
        return Evidence(SCORE_CREDIT, "credit", credit, tree=tree)
    return None


def _examine_text(document: Document) -> Evidence | None:
    lines = lines_of(document.text)
    credit = find_credit(lines)
    if credit is not None:
        return Evidence(SCORE_CREDIT, "credit", credit)
    tail = lines[-6:]
    if any(_REPORTER_EMAIL.search(line) and len(line) < 200 for line in tail):
        return Evidence(SCORE_EMAIL, "email")
    return None


def examine(document: Document) -> Evidence | None:
    """Weigh the evidence that ``document`` is (a repost of) a Korea Herald article."""
    if is_herald_url(document.url):
        return Evidence(SCORE_URL, "url")  # the parser parses the page itself
    text = document.text
    if not text or "herald" not in text.lower():  # a plain substring test is 20x faster
        return None
    if not _MENTION.search(text):
        return None
    if document.is_html:
        return _examine_html(document)
    return _examine_text(document)
