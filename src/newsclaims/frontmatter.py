"""Front matter above an article, read as metadata (shared by the text and html plugins).

Three shapes are recognised at the very top of a file:

* a YAML block between ``---`` lines, as static-site generators, clipping tools and
  reposting blogs write it, read with PyYAML's ``safe_load``;
* a TOML block between ``+++`` lines (Hugo), read with :mod:`tomllib`;
* a header of two or more ``Key: value`` lines with well-known keys (``Title:``,
  ``Author:``, ``Date:``, ``URL:`` ...), as scrapers dump them.

A block that does not parse is kept as body text and a warning says why; nothing raises.

:func:`read_front_matter` then gives the fields a role by their key's words, not by a
list of sites: the key's last word says what it is (``title``, ``date``, ``url``,
``author`` ...); words before it either say nothing (``post_``, ``page_``, ``blog_``) or
say that the value belongs to the original of a repost (``original_``, ``source_``,
``canonical_``). Any other word makes the key about something else (``figure_author``,
``img_url``) and it is ignored.

>>> fm = split_front_matter("---\\npost_title: Flood kills 3\\nauthors: [A B, C D]\\n---\\nBody.")
>>> meta = read_front_matter(fm)
>>> meta.title, meta.authors, fm.body
('Flood kills 3', ('A B', 'C D'), 'Body.')
"""

from __future__ import annotations

import html
import tomllib
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs

from . import _re as re
from .dates import iso, parse_date
from .models import Article, Removed

__all__ = [
    "HEADER_KEYS",
    "FrontMatter",
    "FrontMatterMeta",
    "read_front_matter",
    "split_front_matter",
    "with_front_matter",
]

FieldValue = str | datetime | tuple[str, ...]

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_PAIR = re.compile(r"^([A-Za-z][\w -]{0,40}?)\s*[:=]\s*(.*)$")
#: keys a scraper's plain (unfenced) header may use (lower case, words by spaces)
HEADER_KEYS = frozenset(
    {
        "title",
        "headline",
        "author",
        "authors",
        "byline",
        "by",
        "date",
        "published",
        "published at",
        "published on",
        "publish date",
        "updated",
        "url",
        "link",
        "source",
        "source url",
        "original source",
        "original url",
        "canonical url",
        "publisher",
        "site",
        "outlet",
    }
)
_MAX_LINES = 200

# -- roles of keys: the last word(s) say what a field is ---------------------------------
_ROLES: dict[str, str] = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "publish date": "published",
    "publication date": "published",
    "published at": "published",
    "published on": "published",
    "date published": "published",
    "pub date": "published",
    "created": "published",
    "created at": "published",
    "updated": "updated",
    "modified": "updated",
    "last modified": "updated",
    "lastmod": "updated",
    "date modified": "updated",
    "updated at": "updated",
    "url": "url",
    "link": "url",
    "permalink": "url",
    "author": "authors",
    "authors": "authors",
    "byline": "authors",
    "by": "authors",
    "creator": "authors",
    "creators": "authors",
    "writer": "authors",
    "writers": "authors",
    "publisher": "outlet",
    "outlet": "outlet",
    "site": "outlet",
    "site name": "outlet",
    "source name": "outlet",
    "publication": "outlet",
    "source": "source",
    "lang": "language",
    "language": "language",
    "locale": "language",
}
#: words before a role word that add nothing ("post_title", "page_date", "blog_url")
_NEUTRAL = frozenset({"post", "page", "article", "blog", "story", "entry", "item", "meta", "doc"})
#: words before a role word that make the field the original's ("original_link")
_ORIGINAL = frozenset({"original", "orig", "source", "canonical"})
#: query keys a redirecting link carries its target in (``news?url=https://...``)
_REDIRECT_KEYS = ("url", "u", "q", "target", "dest")
#: a domain standing in for an outlet's name ("gulfnews.com")
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_KEY = re.compile(r"^[A-Za-z@$_][\w@$.\-]*$")
_TITLE_SEP = re.compile(r"\s+[–—|-]\s+")
_MAX_OUTLET_WORDS = 5


@attrs.frozen
class FrontMatter:
    """The metadata block at the top of a text, and the text after it.

    :param fields: keys in lower case with words split by spaces (``post_date`` is
        ``post date``) to a string, a ``datetime`` or a tuple of strings.
    :param raw: the block as it appeared (empty when there was none).
    :param body: the rest of the text (the whole text when the block did not parse).
    :param warnings: why a block that looked like front matter was not read.
    """

    fields: Mapping[str, FieldValue]
    raw: str
    body: str
    warnings: tuple[str, ...] = ()

    def get(self, *keys: str) -> str | None:
        """The first non-empty string value among ``keys`` (a list gives its first item)."""
        for key in keys:
            value = self.fields.get(key)
            if isinstance(value, tuple):
                value = value[0] if value else None
            if isinstance(value, datetime):
                value = iso(value)
            if value:
                return value
        return None

    def get_all(self, *keys: str) -> tuple[str, ...]:
        """Every value of the first of ``keys`` that is present, as a tuple."""
        for key in keys:
            value = self.fields.get(key)
            if isinstance(value, datetime):
                return (iso(value) or "",)
            if value:
                return value if isinstance(value, tuple) else (value,)
        return ()


@attrs.frozen
class FrontMatterMeta:
    """What the front matter says about the article, by role.

    Authors are the values as written (a plugin cleans them with its own name rules);
    a title keeps its words but loses a trailing `` – Outlet`` that names the outlet.

    :param url: the address of this copy (``url``, ``permalink``).
    :param original_url: the original's address, for a repost (``original_link``); a
        redirecting link gives its target.
    :param outlet: the publisher the front matter names.
    :param original_outlet: the original's publisher (``original_source``, or the
        outlet named at the end of the title).
    """

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    url: str | None = None
    original_url: str | None = None
    outlet: str | None = None
    original_outlet: str | None = None
    language: str | None = None

    @property
    def empty(self) -> bool:
        """True when the front matter gave nothing."""
        return self == FrontMatterMeta()


# -- splitting -----------------------------------------------------------------------------


def _scalar(value: Any) -> FieldValue | None:
    """A YAML/TOML value as a string, a datetime or a tuple of strings; ``None`` to skip."""
    if value is None or isinstance(value, bool):
        return None  # ``published: true`` is a flag, not a date
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        text = " ".join(html.unescape(value).split())
        return text or None
    if isinstance(value, list | tuple):
        items: list[str] = []
        for item in value:
            if isinstance(item, Mapping):  # [{name: Jane Doe, url: ...}]
                item = item.get("name") or item.get("title")
            one = _scalar(item)
            if isinstance(one, str):
                items.append(one)
            elif isinstance(one, datetime):
                items.append(one.isoformat())
        return tuple(items) or None
    if isinstance(value, Mapping):
        name = value.get("name")
        return _scalar(name) if name is not None else None
    return None


def _norm_key(key: object) -> str:
    return " ".join(re.sub(r"[_\-.]+", " ", str(key)).split()).lower()


def _flatten(data: Mapping[Any, Any]) -> dict[str, FieldValue]:
    """Top-level fields, then those of nested mappings that the top level does not have."""
    fields: dict[str, FieldValue] = {}
    nested: list[Mapping[Any, Any]] = []
    for key, value in data.items():
        if isinstance(value, Mapping) and "name" not in value:
            nested.append(value)
            continue
        scalar = _scalar(value)
        if scalar is not None:
            fields[_norm_key(key)] = scalar
    for inner in nested:
        for key, value in _flatten(inner).items():
            fields.setdefault(key, value)
    return fields


def _load(block: str, fence: str) -> tuple[dict[str, FieldValue] | None, str | None]:
    """Parse a fenced block: ``(fields, None)``, or ``(None, why)`` when it is no mapping."""
    try:
        if fence == "+++":
            data: Any = tomllib.loads(block)
        else:
            import yaml

            data = yaml.safe_load(block)
    except Exception as exc:  # any parser error: the block stays body text
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return None, f"front matter not read: {first}"
    if not isinstance(data, Mapping) or not data:
        return None, None
    # prose between two rules can parse as a mapping ("Police said: 3 died"): keys of
    # front matter are identifiers, or a few words of which one names a known field
    keys = [str(k) for k in data]
    if not all(_KEY.match(k) for k in keys) and not (
        all(len(k.split()) <= 4 for k in keys) and any(_role(_norm_key(k)) for k in keys)
    ):
        return None, None
    return _flatten(data), None


def _fence_end(lines: list[str]) -> int | None:
    closers = _FENCES.get(lines[0].strip())
    if not closers:
        return None
    for i in range(1, min(len(lines), _MAX_LINES)):
        if lines[i].strip() in closers:
            return i if i > 1 else None
    return None


def _plain_header(lines: list[str]) -> int:
    count = 0
    for line in lines[:12]:
        pair = _PAIR.match(line.strip())
        if not pair or _norm_key(pair.group(1)) not in HEADER_KEYS:
            break
        count += 1
    return count if count >= 2 else 0


def _plain_fields(lines: list[str]) -> dict[str, FieldValue]:
    fields: dict[str, FieldValue] = {}
    for line in lines:
        pair = _PAIR.match(line.strip())
        if pair:
            value = _scalar(pair.group(2).strip().strip("\"'"))
            if value is not None:
                fields.setdefault(_norm_key(pair.group(1)), value)
    return fields


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` into its front matter (if any) and the article after it.

    A fenced block that does not parse, or parses to something other than a mapping
    (a horizontal rule above prose), is not front matter: the text is returned whole,
    with a warning when the block did not parse.

    >>> split_front_matter("---\\ntitle: [unclosed\\n---\\nBody.").warnings[0][:22]
    'front matter not read:'
    """
    stripped = text.lstrip("\ufeff\r\n\t ")
    lines = stripped.split("\n")
    if not lines or not lines[0].strip():
        return FrontMatter({}, "", text)
    end = _fence_end(lines)
    if end is not None:
        fields, why = _load("\n".join(lines[1:end]), lines[0].strip())
        if fields is None:
            return FrontMatter({}, "", text, (why,) if why else ())
        return FrontMatter(fields, "\n".join(lines[: end + 1]).strip(), "\n".join(lines[end + 1 :]))
    count = _plain_header(lines)
    if count:
        fields = _plain_fields(lines[:count])
        return FrontMatter(fields, "\n".join(lines[:count]).strip(), "\n".join(lines[count:]))
    return FrontMatter({}, "", text)


# -- reading by role -----------------------------------------------------------------------


def _role(key: str) -> tuple[str, bool, int] | None:
    """``(role, original, rank)`` of a key; rank 0 for the bare role word."""
    words = key.split()
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        role = _ROLES.get(" ".join(words[-size:]))
        if role is None:
            continue
        rest = words[:-size]
        if not all(w in _NEUTRAL or w in _ORIGINAL for w in rest):
            return None
        return role, any(w in _ORIGINAL for w in rest), len(rest)
    return None


def _redirect_target(url: str) -> str:
    """The address a redirecting link points to (``...?url=https://...``), else ``url``."""
    try:
        query = parse_qs(urlsplit(url).query)
    except ValueError:
        return url
    for key in _REDIRECT_KEYS:
        for value in query.get(key, ()):
            if value.startswith(("http://", "https://")):
                return value
    return url


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://", "www."))


def _date_of(value: FieldValue, day_first: bool | None) -> datetime | None:
    if isinstance(value, datetime):
        return value
    text = value[0] if isinstance(value, tuple) and value else value
    if not isinstance(text, str):
        return None
    # "2020-09-23-20-37-59": a date and a time written with dashes only
    dashed = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[-_ T](\d{2})[-:](\d{2})(?:[-:](\d{2}))?", text)
    if dashed:
        text = f"{dashed.group(1)}T{dashed.group(2)}:{dashed.group(3)}:{dashed.group(4) or '00'}"
    try:
        return parse_date(text, day_first=day_first)
    except Exception:  # dateparser may fail on odd input; the field then gives no date
        return None


def _tail(title: str) -> str | None:
    cuts = list(_TITLE_SEP.finditer(title))
    return title[cuts[-1].end() :].strip() or None if cuts else None


def _strip_outlet(title: str, names: tuple[str, ...]) -> tuple[str, str | None]:
    """``title`` without a trailing `` – Outlet`` segment, and that outlet.

    The segment goes when it names one of ``names`` or is a bare domain ("gulfnews.com");
    a tail that another title field of the front matter ends with too is passed in
    ``names`` by the caller.
    """
    cuts = list(_TITLE_SEP.finditer(title))
    if not cuts:
        return title, None
    last = cuts[-1]
    tail = title[last.end() :].strip()
    head = title[: last.start()].strip()
    if not head or not tail or len(tail.split()) > _MAX_OUTLET_WORDS:
        return title, None
    key = tail.casefold()
    if _DOMAIN.match(tail) or any(key == n.casefold() for n in names if n):
        return head, tail
    return title, None


def read_front_matter(
    fm: FrontMatter, *, day_first: bool | None = None, outlets: tuple[str, ...] = ()
) -> FrontMatterMeta:
    """The title, authors, dates, addresses and outlets that ``fm`` gives, by key role.

    Among keys of one role, the bare word wins (``title`` over ``post_title``); a value
    of the original (``original_title``, ``original_link``) is used for the original
    only, or for the article when nothing else gives it.

    :param day_first: how to read ``11/06/2025`` (see :func:`newsclaims.dates.day_first`).
    :param outlets: names of outlets a title may end with (`` – Outlet`` is cut).
    """
    own: dict[str, tuple[int, FieldValue]] = {}
    original: dict[str, tuple[int, FieldValue]] = {}
    titles: list[str] = []
    for key, value in fm.fields.items():
        role = _role(key)
        if role is None:
            continue
        name, is_original, rank = role
        if name == "title":
            text = value[0] if isinstance(value, tuple) and value else value
            if isinstance(text, str):
                titles.append(text)
        target = original if is_original else own
        if name not in target or rank < target[name][0]:
            target[name] = (rank, value)

    def text_of(role: str, where: dict[str, tuple[int, FieldValue]]) -> str | None:
        if role not in where:
            return None
        value = where[role][1]
        if isinstance(value, tuple):
            return value[0] if value else None
        return value.isoformat() if isinstance(value, datetime) else value

    # "source:" is a name or an address of the original
    source = text_of("source", own) or text_of("source", original)
    original_url = text_of("url", original)
    original_outlet = text_of("outlet", original)
    if source and _is_url(source):
        original_url = original_url or source
    elif source:
        original_outlet = original_outlet or source
    if original_url:
        original_url = _redirect_target(original_url)
    outlet = text_of("outlet", own)

    title = text_of("title", own) or text_of("title", original)
    if title:
        # a tail that two title fields share ("X – ABC News", "X - ABC News") is an outlet
        tails = [tail.casefold() for t in titles if (tail := _tail(t))]
        repeated = tuple(t for t in set(tails) if tails.count(t) > 1)
        known = (*outlets, *(n for n in (outlet, original_outlet) if n))
        title, named = _strip_outlet(title, (*known, *repeated))
        if named and not original_outlet and not outlet:
            original_outlet = named

    authors: tuple[str, ...] = ()
    if "authors" in own:
        value = own["authors"][1]
        authors = value if isinstance(value, tuple) else (str(value),)

    published = None
    for where in (own, original):
        if published is None and "published" in where:
            published = _date_of(where["published"][1], day_first)
    updated = _date_of(own["updated"][1], day_first) if "updated" in own else None
    url = text_of("url", own)
    language = text_of("language", own)
    return FrontMatterMeta(
        title=title or None,
        authors=tuple(a for a in authors if a),
        published=published,
        updated=updated,
        url=url if url and _is_url(url) else None,
        original_url=original_url if original_url and _is_url(original_url) else None,
        outlet=outlet,
        original_outlet=original_outlet,
        language=language,
    )


def with_front_matter(
    article: Article,
    fm: FrontMatter,
    *,
    day_first: bool | None = None,
    outlets: tuple[str, ...] = (),
    clean_authors: Callable[[tuple[str, ...]], tuple[str, ...]] | None = None,
) -> Article:
    """``article`` with what the front matter ``fm`` of its file says filled in.

    For a plugin that parsed the body after the front matter (a markdown file whose body
    is HTML): the front matter's title, date, authors and language win, as the file's
    own metadata; its addresses and outlets fill only what the body left empty. The
    block is listed in ``removed`` (reason ``front-matter``); its warnings are kept.

    :param clean_authors: the plugin's name cleaning (placeholders such as "Staff Writer"
        go); the values as written when ``None``.
    """
    meta = read_front_matter(fm, day_first=day_first, outlets=outlets)
    authors = meta.authors
    if clean_authors is not None:
        authors = clean_authors(authors)
    source = article.source
    source = attrs.evolve(
        source,
        url=source.url or meta.url,
        outlet=source.outlet or meta.outlet,
        original_url=source.original_url or meta.original_url,
        original_outlet=source.original_outlet or meta.original_outlet,
    )
    removed = (Removed(fm.raw, "front-matter"), *article.removed) if fm.raw else article.removed
    return attrs.evolve(
        article,
        title=meta.title or article.title,
        authors=authors or article.authors,
        published=meta.published or article.published,
        language=meta.language or article.language,
        source=source,
        removed=removed,
        warnings=(*article.warnings, *fm.warnings),
    )
