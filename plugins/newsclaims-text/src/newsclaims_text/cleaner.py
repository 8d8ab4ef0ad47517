"""Clean one scraped text article: metadata out of the body, boilerplate out, words kept.

The cleaner reads the text line by line. Each line is body, a blank paragraph break, or
removed with a reason (:class:`~newsclaims.models.Removed`); metadata found on removed
lines (title, byline, dates, credits) fills the :class:`~newsclaims.models.Article`.
When a rule is in doubt the line stays in the body.

>>> from newsclaims.knowledge import Knowledge, domain_of
>>> from newsclaims.models import Document
>>> doc = Document("Flood Kills 3 in Town\\nBy Jane Doe\\n\\nThree people died, police said.\\n")
>>> article = clean_text(doc, Knowledge())
>>> article.title, article.authors, article.text
('Flood Kills 3 in Town', ('Jane Doe',), 'Three people died, police said.')
"""

from __future__ import annotations

from datetime import datetime

import attrs

from newsclaims import _re as re
from newsclaims.dates import prefers_day_first
from newsclaims.frontmatter import FrontMatter, read_front_matter, split_front_matter
from newsclaims.knowledge import Knowledge, domain_of
from newsclaims.language import detect_language
from newsclaims.models import Article, Document, Removed, Source

from .boilerplate import is_counter, looks_like_prose, matcher_for
from .byline import is_name, name_with_counter, parse_byline, split_names, tidy_name
from .credits import Credit, dateline_outlet, outlet_name, read_credit
from .datelines import DateLine, looks_like_date, read_date, read_date_line
from .markdown import MarkdownLine, strip_markdown
from .paragraphs import is_hard_wrapped, to_paragraphs
from .promos import is_promo

#: non-blank lines at the top that may hold title, byline and dates
HEADER_LINES = 12
_COMPOUND = re.compile(r"\s+[|•·]\s+|\s+[–—]\s+")
_WIRE_END = re.compile(r"(?<=[.!?\"”’])\s*(Enditem|\(End\))\s*$")
_TITLE_END_BAD = re.compile(r"[.,;:]$")
#: removed lines that head a trailing block of short lines (a widget's list, a form's fields)
_BLOCK_HEADERS = frozenset({"widget", "comment-form"})


@attrs.define
class _Line:
    raw: str
    md: MarkdownLine
    reason: str | None = None  # set when the line is removed
    # read many times: computed once (``raw`` and ``md`` never change)
    text: str = attrs.field(init=False)
    blank: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.text = self.md.text.strip()
        self.blank = not self.raw.strip()


@attrs.define
class _Meta:
    title: str | None = None
    authors: list[str] = attrs.field(factory=list)
    published: datetime | None = None
    header_date: datetime | None = None
    updated: datetime | None = None
    outlet: str | None = None
    url: str | None = None
    own_url: str | None = None
    language: str | None = None

    def add_authors(self, names: tuple[str, ...]) -> None:
        for name in names:
            if name.casefold() not in {a.casefold() for a in self.authors}:
                self.authors.append(name)

    def add_credit(self, credit: Credit) -> None:
        self.outlet = self.outlet or credit.outlet
        self.url = self.url or credit.url


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text).split()).casefold()


def _read_front_matter(
    fm: FrontMatter, meta: _Meta, knowledge: Knowledge, document: Document, day_first: bool | None
) -> None:
    outlets = tuple(o.name for o in knowledge.outlets)
    found = read_front_matter(fm, day_first=day_first, outlets=outlets)
    meta.title = strip_markdown(found.title).text if found.title else None
    for value in found.authors:
        names = split_names(re.sub(r"^by\s+", "", value, flags=re.I)) or (
            (tidy_name(value),) if is_name(value, min_tokens=1) else ()
        )
        meta.add_authors(names)
    meta.published = found.published
    meta.updated = found.updated
    meta.language = found.language
    if found.original_url:
        meta.add_credit(
            read_credit(f"Source: {found.original_url}", knowledge)
            or Credit(url=found.original_url)
        )
    if found.original_outlet:
        name = found.original_outlet
        meta.add_credit(Credit(outlet_name(name, knowledge) or name.strip()))
    # the article's own address: the original only when the document lives elsewhere
    own = found.url
    if own and document.url is None:
        meta.own_url = own
    elif own and domain_of(own) != domain_of(document.url):
        meta.add_credit(read_credit(f"Source: {own}", knowledge) or Credit())
    if found.outlet:
        meta.add_credit(Credit(outlet_name(found.outlet, knowledge) or found.outlet.strip()))


def _title_like(line: _Line, following: _Line | None) -> bool:
    text = line.text.rstrip("\"'”’ ")
    words = len(text.split())
    if following is None or not 1 <= words <= 30 or len(text) > 200:
        return False
    if _TITLE_END_BAD.search(text) or looks_like_prose(text):
        return False
    return not following.text[:1].islower()


def _is_meta_part(part: str) -> bool:
    return bool(
        parse_byline(part)
        or read_date_line(part)
        or looks_like_date(part)
        or is_counter(part)
        or re.fullmatch(r"\d+\s*min\.? read", part, re.I)
    )


class _Cleaner:
    def __init__(self, document: Document, knowledge: Knowledge) -> None:
        self.document = document
        self.knowledge = knowledge
        self.matcher = matcher_for(knowledge)
        self.meta = _Meta()
        self.removed: list[Removed] = []
        #: how the page writes numeric dates (set in :meth:`run` from language and address)
        self.day_first: bool | None = None

    # -- metadata lines -------------------------------------------------------------------

    def _date(self, value: datetime | None, kind: str) -> None:
        if value is None:
            return
        if kind == "updated":
            self.meta.updated = self.meta.updated or value
        elif kind == "header":
            self.meta.header_date = self.meta.header_date or value
        else:
            self.meta.published = self.meta.published or value

    def _read_date(self, text: str) -> datetime | None:
        return read_date(text, day_first=self.day_first)

    def _read_date_line(self, text: str) -> DateLine | None:
        return read_date_line(text, day_first=self.day_first)

    def _byline(self, text: str) -> bool:
        byline = parse_byline(text)
        if byline is None:
            return False
        self.meta.add_authors(byline.authors)
        extra = byline.affiliation or ""
        for part in (p.strip() for p in _COMPOUND.split(extra)):
            dated = self._read_date_line(part)
            if dated is not None:
                self._date(dated.value, dated.kind)
            elif looks_like_date(part):
                self._date(self._read_date(part), "published")
            elif part:
                named = outlet_name(part, self.knowledge)
                if named:
                    self.meta.add_credit(Credit(named))
        return True

    def _dateline(self, text: str) -> bool:
        dated = self._read_date_line(text)
        if dated is None:
            return False
        self._date(dated.value, dated.kind)
        if dated.by:
            names = split_names(dated.by)
            self.meta.add_authors(names or ())
        return True

    def _part_dates(self, text: str) -> None:
        """Record the labelled dates among the parts of a removed compound line."""
        for part in _COMPOUND.split(text):
            dated = self._read_date_line(part.strip())
            if dated is not None:
                self._date(dated.value, dated.kind)

    def _compound(self, text: str, header: bool) -> str | None:
        """Lines like ``Jane Doe | March 3, 2024 | 4 min read``: every part metadata."""
        if len(text) > 200:
            return None
        parts = [p.strip() for p in _COMPOUND.split(text) if p.strip()]
        if len(parts) < 2:
            return None
        names = [p for p in parts if is_name(p, max_tokens=4) or split_names(p)]
        others = [p for p in parts if p not in names]
        if not others or not all(_is_meta_part(p) for p in others):
            return None
        if names and not header:
            return None
        for name in names:
            self.meta.add_authors(split_names(name) or (tidy_name(name),))
        for part in others:
            if not (self._byline(part) or self._dateline(part)) and looks_like_date(part):
                self._date(self._read_date(part), "header")
        return "byline" if names or any(parse_byline(p) for p in others) else "dateline"

    def classify(self, line: _Line, header: bool) -> str | None:
        """The reason to remove ``line``, recording its metadata; ``None`` keeps it."""
        text = line.text
        if not text:
            return "image" if line.md.images else None
        reason = self.matcher.reason(text)
        if reason:
            if header:  # "Home » World | Updated 14 May 2025 | 1,032 reads"
                self._part_dates(text)
            return reason
        if is_promo(text) and not looks_like_prose(text):
            return "promo"
        credit = read_credit(text, self.knowledge, line.md.urls)
        if credit is not None:
            self.meta.add_credit(credit)
            return "credit-line"
        if self._byline(text):
            return "byline"
        if self._dateline(text):
            return "dateline"
        if header:
            name = name_with_counter(text)
            if name:
                self.meta.add_authors((name,))
                return "byline"
            if looks_like_date(text):
                self._date(self._read_date(text), "header")
                return "dateline"
        return self._compound(text, header)

    # -- the text ---------------------------------------------------------------------------

    def _title(self, lines: list[_Line], header: list[int]) -> None:
        """Mark the title among the header lines that are not metadata or boilerplate."""
        candidates = [i for i in header if not self._is_metadata(lines[i])]
        if not candidates:
            return
        at = candidates[0]
        first = lines[at]
        if self.meta.title:
            if _norm(first.text) == _norm(self.meta.title):
                first.reason = "title"
            return
        h1 = [i for i in candidates if lines[i].md.heading == 1]
        if first.md.heading or h1:
            at = at if first.md.heading else h1[0]
            lines[at].reason = "title"
            self.meta.title = lines[at].text
            return
        following = next((ln for ln in lines[at + 1 :] if not ln.blank), None)
        block = _block_of(lines, at)
        if len(block) > 2 and is_hard_wrapped(block):
            return
        if _title_like(first, following):
            first.reason = "title"
            self.meta.title = first.text

    def _bare_names(self, lines: list[_Line], header: list[int]) -> None:
        """A name alone in the header, beside a byline or date line, is a byline too."""
        for n, i in enumerate(header):
            line = lines[i]
            name = _DATELINE_PLACE.sub("", line.text)  # "Jane Doe in Dhaka"
            if line.reason or not is_name(name, max_tokens=4):
                continue
            beside = [lines[header[m]].reason for m in (n - 1, n + 1) if 0 <= m < len(header)]
            if any(r in {"byline", "dateline"} for r in beside):
                line.reason = "byline"
                self.meta.add_authors((tidy_name(name),))

    def _is_metadata(self, line: _Line) -> bool:
        text = line.text
        return bool(
            self.matcher.reason(text)
            or parse_byline(text)
            or self._read_date_line(text)
            or looks_like_date(text)
            or name_with_counter(text)
            or read_credit(text, self.knowledge, line.md.urls)
        )

    def _trailing_promos(self, lines: list[_Line]) -> bool:
        """Below the last paragraph, promotion lines go even when they read as sentences.

        ("Listen to our full report in the evening edition."; "Subscribe to our newsletter
        for the latest news.") Returns whether a line was removed.
        """
        changed = False
        for ln in reversed(lines):
            if ln.blank or ln.reason:
                continue
            if not is_promo(ln.text):
                break
            ln.reason = "promo"
            changed = True
        return changed

    def _trailing_widgets(self, lines: list[_Line]) -> None:
        """After the last paragraph, a widget or comment form takes the short lines below it.

        ("Related" and its list of headlines; "Leave a Reply" and its field labels.)
        """
        content = [i for i, ln in enumerate(lines) if not ln.blank]
        start = None
        for i in reversed(content):
            ln = lines[i]
            if ln.reason in _BLOCK_HEADERS:
                start = i
            elif ln.reason is None and looks_like_prose(ln.text):
                break
        if start is None:
            return
        current = lines[start].reason
        for i in content:
            ln = lines[i]
            if i < start:
                continue
            if ln.reason in _BLOCK_HEADERS:
                current = ln.reason
            elif ln.reason is None and _headline_like(ln.text):
                ln.reason = current

    def run(self) -> Article:
        text = self.document.text.replace("\r\n", "\n").replace("\r", "\n")
        fm = split_front_matter(text)
        language = detect_language(fm.body)
        self.day_first = prefers_day_first(
            fm.get("language", "lang", "locale") or language,
            self.document.url or fm.get("url", "permalink", "link"),
        )
        if fm.raw:
            self.removed.append(Removed(fm.raw, "front-matter"))
            _read_front_matter(fm, self.meta, self.knowledge, self.document, self.day_first)
        lines = [_Line(raw, strip_markdown(raw)) for raw in fm.body.split("\n")]
        header = self._header(lines)
        self._title(lines, header)
        in_header = set(header)
        for i, line in enumerate(lines):
            if line.blank or line.reason:
                continue
            line.reason = self.classify(line, i in in_header)
        self._bare_names(lines, header)
        for _ in range(3):  # a promotion may sit above or below a widget's block
            self._trailing_widgets(lines)
            if not self._trailing_promos(lines):
                break
        paragraphs: list[str] = []
        block: list[str] = []
        for line in lines:
            if line.reason:
                self.removed.append(Removed(line.raw.strip(), line.reason))
            elif line.blank:
                paragraphs += to_paragraphs(block)
                block = []
            elif line.text:
                block.append(line.text)
        paragraphs += to_paragraphs(block)
        self._wire_end(paragraphs)
        if paragraphs and not self.meta.outlet:
            self.meta.outlet = dateline_outlet(paragraphs[0], self.knowledge)
        meta = self.meta
        published = meta.published or meta.header_date or meta.updated or self.document.published
        return Article(
            text="\n\n".join(paragraphs),
            title=meta.title or None,
            authors=tuple(meta.authors),
            published=published,
            language=meta.language or language,
            source=Source(
                url=self.document.url or meta.own_url,
                original_outlet=meta.outlet,
                original_url=meta.url,
            ),
            removed=tuple(self.removed),
            warnings=fm.warnings,
        )

    def _header(self, lines: list[_Line]) -> list[int]:
        out: list[int] = []
        for i, line in enumerate(lines):
            if line.blank:
                continue
            if looks_like_prose(line.text) or len(out) >= HEADER_LINES:
                break
            out.append(i)
        return out

    def _wire_end(self, paragraphs: list[str]) -> None:
        if not paragraphs:
            return
        last = paragraphs[-1]
        if "Enditem" not in last and "(End)" not in last:  # what the marker needs
            return
        match = _WIRE_END.search(last)
        if match:
            self.removed.append(Removed(match.group(1), "wire-marker"))
            paragraphs[-1] = paragraphs[-1][: match.start()].rstrip()


_DATELINE_PLACE = re.compile(r"\s+in\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?$")


def _headline_like(text: str) -> bool:
    """A short line that does not end like a sentence: a listed headline or a form label."""
    return len(text.split()) <= 20 and not _TITLE_END_BAD.search(text)


def _block_of(lines: list[_Line], index: int) -> list[str]:
    """The lines of the blank-line-separated block that holds ``lines[index]``."""
    start = index
    while start > 0 and not lines[start - 1].blank:
        start -= 1
    end = index
    while end + 1 < len(lines) and not lines[end + 1].blank:
        end += 1
    return [ln.text for ln in lines[start : end + 1]]


def clean_text(document: Document, knowledge: Knowledge) -> Article:
    """Clean a scraped plain-text or markdown article into an :class:`Article`.

    Title, byline, dates and credit lines become metadata; boilerplate lines
    (``knowledge.boilerplate`` plus this plugin's own patterns) are removed; every removal
    is listed in ``Article.removed`` with its reason. Body lines keep their characters
    (markdown syntax aside) and paragraphs are joined with a blank line.

    :param document: a plain-text document (HTML is not reduced here).
    :param knowledge: the merged knowledge, for boilerplate patterns and outlet names.
    """
    return _Cleaner(document, knowledge).run()
