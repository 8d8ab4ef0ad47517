"""What a page says about where it comes from: the evidence source plugins detect with.

Every source plugin asks the same questions of a document: which URL does the page declare
for itself (``<link rel=canonical>``, ``og:url``), which site does it name
(``og:site_name``), which publisher and ``@type`` does its JSON-LD declare, and does a
credit line ("Original Source: ...", "(Yonhap)") say it is a copy of another outlet's
story? :func:`read_signals` answers them all in one pass and
:class:`~newsclaims.models.Document` exposes the answers as lazy properties, computed
once per document, so a plugin's detect hook is one line:

>>> from newsclaims.models import Document
>>> page = Document(
...     '<html><head><meta property="og:site_name" content="The Example Times">'
...     "</head><body><p>Two people died.</p></body></html>",
...     content_type="text/html",
... )
>>> page.site_name
'The Example Times'
>>> page.outlet_score(domains=("example.com",), names=("The Example Times",))
0.85

Nothing here raises on bad input: a page that does not parse has no signals.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from . import _re as re

__all__ = [
    "SCORE_CREDIT",
    "SCORE_PUBLISHER",
    "SCORE_SITE_NAME",
    "SCORE_URL",
    "Credit",
    "PageSignals",
    "find_credits",
    "host_of",
    "name_key",
    "on_domain",
    "outlet_score",
    "read_signals",
]

#: The page is on the outlet's domain, or declares a URL there (canonical link, og:url).
SCORE_URL = 1.0
#: The page's JSON-LD names the outlet as its publisher.
SCORE_PUBLISHER = 0.9
#: ``og:site_name`` (or ``application-name``) names the outlet.
SCORE_SITE_NAME = 0.85
#: A credit line names the outlet or links to it: another outlet's copy of its story.
SCORE_CREDIT = 0.8


@attrs.frozen
class Credit:
    """A line that credits a story to an outlet ("Source: The Example Times").

    :param text: the whole line as written (whitespace collapsed).
    :param name: who is credited, without any URL (``None`` when only a URL is given).
    :param url: the URL or domain the line gives, if any.
    """

    text: str
    name: str | None = None
    url: str | None = None


@attrs.frozen
class PageSignals:
    """Everything a document declares about its origin.

    :param canonical_url: the ``<link rel="canonical">`` URL.
    :param og_url: the ``og:url`` meta URL.
    :param declared_urls: every URL the page gives for itself, in that order: canonical
        link, ``og:url``, ``twitter:url``.
    :param site_names: ``og:site_name``, then ``application-name`` and ``twitter:site``
        (without its ``@``).
    :param jsonld_types: the ``@type`` of every JSON-LD object, ``schema:`` prefixes dropped.
    :param publishers: the names JSON-LD gives as ``publisher``, ``sourceOrganization`` or
        ``provider`` (``@id`` references resolved).
    :param credits: credit lines among the first and last lines of the text.
    """

    canonical_url: str | None = None
    og_url: str | None = None
    declared_urls: tuple[str, ...] = ()
    site_names: tuple[str, ...] = ()
    jsonld_types: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    credits: tuple[Credit, ...] = ()


# -- names and domains ------------------------------------------------------------------------

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
_THE = re.compile(r"^the\s+", re.I)
_NOT_WORD = re.compile(r"[^\w.]+")


def host_of(url: str | None) -> str | None:
    """The host of a URL (or a bare host), lower case, without ``www.`` or a port.

    >>> host_of("https://www.Example.com:8080/a?b=1")
    'example.com'
    """
    if not url:
        return None
    host = _SCHEME.sub("", url.strip()).split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    host = host.rsplit("@", 1)[-1].split(":", 1)[0].lower().removeprefix("www.")
    return host or None


def on_domain(url: str | None, domains: Iterable[str]) -> bool:
    """Whether ``url`` is on one of ``domains`` or a subdomain of one.

    >>> on_domain("https://m.example.com/x", ["example.com"])
    True
    >>> on_domain("https://example.com.evil.net/x", ["example.com"])
    False
    """
    host = host_of(url)
    if not host:
        return False
    for domain in domains:
        d = domain.lower().removeprefix("www.")
        if host == d or host.endswith("." + d):
            return True
    return False


def name_key(name: str) -> str:
    """A name for comparison: lower case, no leading "The", punctuation and spaces folded.

    >>> name_key("The  Korea-Herald") == name_key("korea herald")
    True
    """
    return " ".join(_NOT_WORD.sub(" ", _THE.sub("", name.strip().lower())).split())


# -- credit lines -----------------------------------------------------------------------------

_URLISH = r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s<>\"')\]]*)?"
_URL_RX = re.compile(_URLISH, re.I)
_COLON_LEAD = (
    r"(?:original(?:ly)?\s+)?(?:source|sources|credit|credits|via|courtesy(?:\s+of)?)"
    r"\s*[:\-–—]"
)
_PHRASE_LEAD = (
    r"(?:originally|first)\s+published\s+(?:by|in|on|at)"
    r"|republished\s+(?:with\s+permission\s+)?(?:from|by)"
    r"|courtesy\s+of"
    r"|read\s+(?:more|the\s+original(?:\s+(?:article|story))?|the\s+full\s+(?:article|story))"
    r"(?:\s+(?:at|on))?\s*:?"
    r"|this\s+(?:article|story)\s+(?:was\s+)?(?:first\s+|originally\s+)?"
    r"(?:appeared|published)\s+(?:in|on|by|at)"
)
_CREDIT_LINE = re.compile(
    rf"^[\[(]?\s*(?:{_COLON_LEAD}|(?:{_PHRASE_LEAD})\s)\s*(?P<who>[^\s].{{0,120}}?)"
    r"\s*[)\]]?\s*\.?$",
    re.I,
)
#: "(Yonhap)" alone on a line, or "The Example Times/Asia News Network"
_STANDALONE = re.compile(
    r"^[(\[]\s*(?P<who>[A-Z][\w.&' -]{1,60}?)\s*[)\]]\.?$"
    r"|^(?P<ann>[A-Z][\w.&' -]{1,60}?)\s*/\s*(?:asia\s+news\s+network|ann)\.?$",
    re.I,
)
#: a credit line is short; longer lines are sentences that mention a source
_MAX_CREDIT = 200


def _credit(line: str) -> Credit | None:
    if len(line) > _MAX_CREDIT:
        return None
    m = _CREDIT_LINE.match(line)
    who = m.group("who") if m else None
    if who is None:
        s = _STANDALONE.match(line)
        if s is None:
            return None
        who = s.group("who") or s.group("ann")
    url_match = _URL_RX.search(who)
    url = url_match.group(0).rstrip(".,;:") if url_match else None
    name = who
    if url_match is not None:
        name = (who[: url_match.start()] + who[url_match.end() :]).strip(" ()[]-–—:,.")
    name = " ".join(name.split()).strip(" .") or None
    return Credit(line, name, url)


def find_credits(lines: Sequence[str], *, head: int = 6, tail: int = 12) -> tuple[Credit, ...]:
    """Credit lines among the first ``head`` and the last ``tail`` of ``lines``, last first.

    >>> [c.name for c in find_credits(["Body.", "Original Source: The Example Times"])]
    ['The Example Times']
    >>> find_credits(["Source: https://www.example.com/a/1"])[0].url
    'https://www.example.com/a/1'
    >>> find_credits(["The minister told The Example Times that 12 were hurt."])
    ()
    """
    n = len(lines)
    window = sorted(set(range(min(head, n))) | set(range(max(0, n - tail), n)), reverse=True)
    found: list[Credit] = []
    for i in window:
        credit = _credit(" ".join(lines[i].split()))
        if credit is not None:
            found.append(credit)
    return tuple(found)


# -- HTML -------------------------------------------------------------------------------------

_FURNITURE = ("script", "style", "noscript", "template", "nav", "header", "aside", "menu")
_BLOCKS = frozenset(
    "address article blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5"
    " h6 hr li main ol p pre section table td th tr ul".split()
)


# an XML declaration, also a malformed one (no closing "?", a broken or missing encoding):
# lxml refuses a unicode string that declares an encoding, and the text is decoded already
_XML_DECL = re.compile(r"^[\s\ufeff]*<\?xml\b[^>]*>", re.IGNORECASE)


def _parse(text: str) -> Any:
    from lxml import etree  # type: ignore[import-untyped]
    from lxml import html as lxml_html

    try:
        return lxml_html.document_fromstring(_XML_DECL.sub("", text, count=1))
    except (etree.ParserError, ValueError):
        return None


def _meta(tree: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            found.setdefault(key, []).append(content)
    return found


def _canonical(tree: Any) -> str | None:
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rels and href:
            return str(href)
    return None


_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
_CONTROL = re.compile(r"[\x00-\x1f]")


def load_jsonld(text: str) -> Any:
    r"""The JSON of one ``ld+json`` script, or None when it does not parse.

    Comment and CDATA wrappers and a trailing semicolon are removed; raw control
    characters inside strings (the usual breakage) are read as spaces.

    >>> load_jsonld('<!-- {"@type": "NewsArticle",\n "headline": "a\tb"}; -->')["headline"]
    'a b'
    """
    text = _WRAPPERS.sub("", text.strip()).strip().rstrip(";")
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        return json.loads(_CONTROL.sub(" ", text))
    except ValueError:
        return None


def flatten_jsonld(value: Any) -> Iterator[dict[str, Any]]:
    """Every object of loaded JSON-LD, with lists and ``@graph`` arrays flattened.

    >>> [o["@type"] for o in flatten_jsonld({"@graph": [{"@type": "A"}, [{"@type": "B"}]]})]
    ['A', 'B']
    """
    if isinstance(value, list):
        for item in value:
            yield from flatten_jsonld(item)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if graph is not None:
            yield from flatten_jsonld(graph)
            rest = {k: v for k, v in value.items() if k not in ("@graph", "@context")}
            if "@type" in rest:
                yield rest
        else:
            yield value


def jsonld_in(tree: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object in the ``ld+json`` scripts of a parsed (lxml) page."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = load_jsonld(script.text or "")
        if data is not None:
            objects.extend(flatten_jsonld(data))
    return objects


def jsonld_types(obj: dict[str, Any]) -> tuple[str, ...]:
    """The ``@type`` names of a JSON-LD object without a ``schema:`` or URL prefix.

    >>> jsonld_types({"@type": ["schema:NewsArticle", "https://schema.org/Article"]})
    ('NewsArticle', 'Article')
    """
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return tuple(v.rsplit(":", 1)[-1].rsplit("/", 1)[-1] for v in values if isinstance(v, str))


def _names(value: Any, objects: list[dict[str, Any]]) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [n for item in value for n in _names(item, objects)]
    if not isinstance(value, dict):
        return []
    if "name" not in value and "@id" in value:  # a reference to another object of the page
        for obj in objects:
            if obj.get("@id") == value["@id"] and "name" in obj:
                value = obj
                break
    name = value.get("name")
    return [name.strip()] if isinstance(name, str) and name.strip() else []


def _body_lines(tree: Any) -> list[str]:
    body = tree.find("body")
    root = body if body is not None else tree
    for el in list(root.iter(*_FURNITURE)):
        el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    text = str(root.text_content())
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _html_signals(text: str) -> PageSignals:
    tree = _parse(text)
    if tree is None:
        return PageSignals()
    meta = _meta(tree)
    canonical = _canonical(tree)
    og_url = next(iter(meta.get("og:url", ())), None)
    declared = _unique([canonical or "", og_url or "", *meta.get("twitter:url", ())])
    site_names = _unique(
        [
            *meta.get("og:site_name", ()),
            *meta.get("application-name", ()),
            *(n.lstrip("@") for n in meta.get("twitter:site", ())),
        ]
    )
    objects = jsonld_in(tree)
    types = _unique(t for obj in objects for t in jsonld_types(obj))
    publishers = _unique(
        n
        for obj in objects
        for key in ("publisher", "sourceOrganization", "provider")
        if obj.get(key)
        for n in _names(obj[key], objects)
    )
    credits = find_credits(_body_lines(tree))  # last: it rewrites the (private) tree
    return PageSignals(canonical, og_url, declared, site_names, types, publishers, credits)


def read_signals(text: str, *, is_html: bool) -> PageSignals:
    """Read every origin signal of a document's ``text`` in one pass.

    >>> s = read_signals('<link rel="canonical" href="https://example.com/a">', is_html=True)
    >>> s.canonical_url, s.declared_urls
    ('https://example.com/a', ('https://example.com/a',))
    >>> read_signals("Body.\\n\\n(Yonhap)\\n", is_html=False).credits[0].name
    'Yonhap'
    """
    if not text or not text.strip():
        return PageSignals()
    if is_html:
        try:
            return _html_signals(text)
        except Exception:  # a page that lxml cannot read has no signals
            return PageSignals()
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return PageSignals(credits=find_credits(lines))


def outlet_score(
    signals: PageSignals,
    url: str | None,
    *,
    domains: Iterable[str] = (),
    names: Iterable[str] = (),
) -> float | None:
    """How sure the evidence is that a page belongs to the outlet of ``domains``/``names``.

    ``1.0`` when ``url`` or a URL the page declares is on one of ``domains``, ``0.9`` when
    JSON-LD names it as publisher, ``0.85`` for ``og:site_name``, ``0.8`` for a credit line
    that names it or links to it (a repost), ``None`` otherwise. Names compare without case,
    punctuation or a leading "The"; a domain also counts as a name.
    """
    domains = tuple(domains)
    keys = {name_key(n) for n in (*names, *domains)}
    if on_domain(url, domains) or any(on_domain(u, domains) for u in signals.declared_urls):
        return SCORE_URL
    if any(name_key(n) in keys for n in signals.publishers):
        return SCORE_PUBLISHER
    if any(name_key(n) in keys for n in signals.site_names):
        return SCORE_SITE_NAME
    for credit in signals.credits:
        if (credit.name and name_key(credit.name) in keys) or on_domain(credit.url, domains):
            return SCORE_CREDIT
    return None
