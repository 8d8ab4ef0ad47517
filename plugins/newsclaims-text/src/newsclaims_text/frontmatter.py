"""Front matter that reposting tools put above an article, read as metadata.

Two shapes are recognised at the very top of a text:

* a YAML block between ``---`` lines (or TOML between ``+++`` lines), as static-site
  generators and clipping tools write it;
* a header of two or more ``Key: value`` lines with well-known keys (``Title:``,
  ``Author:``, ``Date:``, ``URL:`` ...), as scrapers dump them.

Only flat ``key: value`` pairs and simple lists are read; anything else is ignored, never
raised.

>>> fm = split_front_matter("---\\ntitle: \\"Flood kills 3\\"\\nauthors: [A B, C D]\\n---\\nBody.")
>>> fm.fields["title"], fm.fields["authors"], fm.body
('Flood kills 3', ('A B', 'C D'), 'Body.')
"""

from __future__ import annotations

import re

import attrs

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_PAIR = re.compile(r"^([A-Za-z][\w -]{0,40}?)\s*[:=]\s*(.*)$")
_ITEM = re.compile(r"^\s+-\s+(.*)$|^-\s+(.*)$")
#: keys a scraper's plain header may use (lower case, spaces as written)
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
_MAX_LINES = 80


@attrs.frozen
class FrontMatter:
    """The metadata block at the top of a text, and the text after it.

    :param fields: lower-case keys to a string or a tuple of strings.
    :param raw: the block as it appeared (empty when there was none).
    :param body: the rest of the text.
    """

    fields: dict[str, str | tuple[str, ...]]
    raw: str
    body: str

    def get(self, *keys: str) -> str | None:
        """The first non-empty string value among ``keys`` (a list gives its first item)."""
        for key in keys:
            value = self.fields.get(key)
            if isinstance(value, tuple):
                value = value[0] if value else None
            if value:
                return value
        return None

    def get_all(self, *keys: str) -> tuple[str, ...]:
        """Every value of the first of ``keys`` that is present, as a tuple."""
        for key in keys:
            value = self.fields.get(key)
            if value:
                return value if isinstance(value, tuple) else (value,)
        return ()


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def _value(raw: str) -> str | tuple[str, ...]:
    raw = raw.strip()
    if raw.startswith("[") and raw.endswith("]"):
        return tuple(v for v in (_unquote(p) for p in raw[1:-1].split(",")) if v)
    return _unquote(raw)


def _read_pairs(lines: list[str]) -> dict[str, str | tuple[str, ...]]:
    fields: dict[str, str | tuple[str, ...]] = {}
    key: str | None = None
    for line in lines:
        item = _ITEM.match(line)
        if item and key is not None:
            value = _unquote(item.group(1) or item.group(2) or "")
            # a list item may itself be "name: X" (YAML list of mappings): keep the value
            pair = _PAIR.match(value)
            value = _unquote(pair.group(2)) if pair and pair.group(1) == "name" else value
            old = fields.get(key)
            fields[key] = (*(old if isinstance(old, tuple) else ()), value)
            continue
        pair = _PAIR.match(line)
        if pair and not line[:1].isspace():
            key = pair.group(1).strip().lower().replace("_", " ")
            parsed = _value(pair.group(2))
            if parsed:
                fields[key] = parsed
            elif key not in fields:
                fields[key] = ()
    return {k: v for k, v in fields.items() if v}


def _fenced(lines: list[str]) -> int | None:
    closers = _FENCES.get(lines[0].strip())
    if not closers:
        return None
    for i in range(1, min(len(lines), _MAX_LINES)):
        line = lines[i].rstrip()
        if line.strip() in closers:
            return i if i > 1 else None
        # a separator above prose is not front matter: every line must be YAML-ish
        if line.strip() and not (
            _PAIR.match(line.strip()) or _ITEM.match(line) or line[:1].isspace() or line[0] == "#"
        ):
            return None
    return None


def _plain_header(lines: list[str]) -> int:
    count = 0
    for line in lines[:12]:
        pair = _PAIR.match(line.strip())
        if not pair or pair.group(1).strip().lower().replace("_", " ") not in HEADER_KEYS:
            break
        count += 1
    return count if count >= 2 else 0


def split_front_matter(text: str) -> FrontMatter:
    """Split ``text`` into its front matter (if any) and the article after it."""
    stripped = text.lstrip("\ufeff\r\n\t ")
    lines = stripped.split("\n")
    if not lines or not lines[0].strip():
        return FrontMatter({}, "", text)
    end = _fenced(lines)
    if end is not None:
        fields = _read_pairs([ln.rstrip() for ln in lines[1:end]])
        return FrontMatter(fields, "\n".join(lines[: end + 1]).strip(), "\n".join(lines[end + 1 :]))
    count = _plain_header(lines)
    if count:
        fields = _read_pairs([ln.strip() for ln in lines[:count]])
        return FrontMatter(fields, "\n".join(lines[:count]).strip(), "\n".join(lines[count:]))
    return FrontMatter({}, "", text)
