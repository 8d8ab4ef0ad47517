"""The article body: trafilatura's main content, cleaned into paragraphs.

trafilatura finds the main content. Around it this module adds what it lacks for
newsclaims: captions, embeds and teasers pruned first (:mod:`.prune`; a gallery page keeps
its captions, which are its story), lists of links to other stories inside the story
dropped, layout tables unwrapped and a story cut into sibling containers joined
(:mod:`.layout`), then per line the
headline repeated as the first line, bylines, "Read more" labels with their teaser,
all-caps teaser headlines, copyright and credit lines and the knowledge's boilerplate
patterns; the standfirst (dek) shown above the body is put back in front; when the page
declares its full text (JSON-LD ``articleBody``) and the extraction holds only a small
part of it, the declared text is used instead. Every removed block keeps its reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from newsclaims.knowledge import BoilerplatePattern
from newsclaims.models import Removed

from .container import captions_carry_page, declarations, embedded_galleries, outside_lines
from .extraction import main_text
from .layout import body_twins, join_twins, teaser_lists, unwrap_layout_tables
from .names import clean_authors, comparable
from .prune import drop_code, prune_blocks, trim_for_extraction
from .tree import ClassQuery, HtmlElement, class_text

__all__ = ["Body", "extract_body"]

_WORD = re.compile(r"\w+", re.UNICODE)
_ASCII_LOWER = re.compile(r"[a-z]")
_LABEL = re.compile(
    r"^\W*(?:read more|read also|also read|more reading|related(?: stories| articles| news)?|"
    r"see also|recommended|more from [\w .]+|most read|popular|trending|"
    r"you may also like|don'?t miss|further reading)\W*$",
    re.IGNORECASE,
)
_PROMO = re.compile(
    r"^\W*(?:read more|also read|read also|related|see also|watch|listen|"
    r"click here\b|sign up\b|subscribe\b|get the latest\b|follow us\b|download (?:the|our)\b|"
    r"get real-time\b|stay informed\b|join our\b|support our\b)\s*[:|\-–—]",
    re.IGNORECASE,
)
_PROMO_START = re.compile(
    r"^\W*(?:click here to (?:get|read|download|sign|subscribe|follow|watch)|sign up for|"
    r"subscribe (?:now|today|to)|get the latest news|stay informed with|"
    r"get real-time updates|download the [\w ]+ app)",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^\W*(?:copyright\b|©|\(c\)\s*\d{4})", re.IGNORECASE)
_CREDIT = re.compile(
    r"^\W*(?:additional reporting|reporting|writing|editing|compiled|edited)\s+by\b", re.IGNORECASE
)
_BYLINE = re.compile(r"^\s*(?:by|written by|words by)\s+\S", re.IGNORECASE)
# a line that only dates the page ("3 March 2013 Last updated at 17:05 GMT"): a year or a
# clock time, a month, weekday or "updated", else only numbers and the words of a time stamp
_STAMP_NEEDS = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[:.]\d\d\b")
_STAMP_NAMES = frozenset(
    (
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
        "friday saturday sunday updated published posted modified"
    ).split()
)
_STAMP_WORDS = frozenset(
    (
        "january february march april may june july august september october november december "
        "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
        "friday saturday sunday mon tue tues wed thu thur thurs fri sat sun last updated update "
        "published posted modified first at on am pm a m p gmt utc bst est edt cst cdt pst pdt "
        "cet cest ist jst kst aest st nd rd th"
    ).split()
)
_NAME_LINE = re.compile(r"^[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}$")
_DEK_QUERY = ClassQuery(
    "//*[self::p or self::h2 or self::div or self::span][{classes}][not(.//p)]",
    (
        "dek",
        "Dek",
        "standfirst",
        "article-excerpt",
        "subtitle",
        "sub-title",
        "subheadline",
        "sub-headline",
        "synopsis",
        "strapline",
        "article-summary",
    ),
)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_ATTR = re.compile(r"\{:[^}]*\}")
_MD_EMPH = re.compile(r"(\*\*|\*|__)(?=\S)(.+?)(?<=\S)\1")


@attrs.frozen
class Body:
    """The cleaned body and what was taken out of it.

    :param paragraphs: the body's paragraphs, in order.
    :param removed: removed blocks with their reasons.
    :param bylines: author names found in a byline line of the body.
    """

    paragraphs: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    bylines: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def _coverage(part: str, whole: str) -> float:
    want = _words(whole)
    total = sum(want.values())
    if not total:
        return 1.0
    return sum((_words(part) & want).values()) / total


def _trafilatura_lines(tree: HtmlElement, url: str | None) -> list[str]:
    text = main_text(tree, url)
    if not text:
        return []
    lines = []
    for line in str(text).split("\n"):
        line = " ".join(line.split())
        if line.startswith("- "):
            line = line[2:]
        if line:
            lines.append(line)
    return lines


#: blocks whose text is a paragraph of its own; and what makes a block hold other blocks
_BLOCKS = ("p", "div", "li", "blockquote", "dd", "td")
_CONTAINERS = frozenset(
    (
        "p",
        "div",
        "li",
        "blockquote",
        "dd",
        "td",
        "ul",
        "ol",
        "dl",
        "table",
        "section",
        "article",
        "main",
        "aside",
        "header",
        "footer",
        "form",
    )
)
#: trafilatura drops a paragraph equal to the one before it when it is longer than this
REPEAT_CHARS = 50


def _repeated_blocks(tree: HtmlElement) -> list[tuple[str, int]]:
    """Texts the page shows in two or more sibling blocks (same parent), with their count.

    trafilatura drops a long paragraph that repeats the previous one of its result (an
    artifact of its own candidates overlapping); the page's sibling paragraphs that say the
    same thing are each text, and :func:`_restore_repeats` puts the copies back.
    """
    # keyed by the parent element itself: an id() of an lxml proxy is reused once the proxy
    # is freed, so two parents could count as one (and the result vary from run to run)
    counts: Counter[tuple[HtmlElement, str]] = Counter()
    for el in tree.iter(*_BLOCKS):
        if any(isinstance(c.tag, str) and c.tag in _CONTAINERS for c in el):
            continue  # a container: its own blocks are counted
        text = " ".join(el.text_content().split())
        if len(text) > REPEAT_CHARS:
            parent = el.getparent()
            counts[(parent, text)] += 1
    best: dict[str, int] = {}
    for (_, text), count in counts.items():
        if count >= 2:
            best[text] = max(best.get(text, 0), count)
    return list(best.items())


def _windows(lines: list[str], text: str) -> list[int]:
    """End indexes (exclusive) of runs of ``lines`` that join into ``text``."""
    ends = []
    i = 0
    while i < len(lines):
        if text.startswith(lines[i]):
            joined, j = lines[i], i + 1
            while len(joined) < len(text) and j < len(lines):
                joined, j = f"{joined} {lines[j]}", j + 1
            if joined == text:
                ends.append(j)
                i = j
                continue
        i += 1
    return ends


def _restore_repeats(lines: list[str], repeated: list[tuple[str, int]]) -> list[str]:
    """``lines`` with each repeated block as often as the page shows it (see above)."""
    out = list(lines)
    for text, count in repeated:
        ends = _windows(out, text)
        if ends and len(ends) < count:
            at = ends[-1]
            out[at:at] = [text] * (count - len(ends))
    return out


def _declared_paragraphs(article_body: str) -> list[str]:
    out = []
    for line in article_body.split("\n"):
        line = line.strip()
        if not line or line.startswith(("+++", "[#", "{:")):
            continue  # markup directives of CMSs that store the body as Markdown
        line = _MD_ATTR.sub("", _MD_LINK.sub(r"\1", line))
        line = " ".join(_MD_EMPH.sub(r"\2", line).split())
        if _WORD.search(line):
            out.append(line)
    return out


def _find_dek(tree: HtmlElement, title: str | None, classes: str) -> str | None:
    for el in _DEK_QUERY(tree, classes)[:5]:
        text = " ".join(el.text_content().split())
        words = len(text.split())
        if 6 <= words <= 80 and (not title or comparable(text) != comparable(title)):
            return text
    return None


def _is_name_line(line: str) -> bool:
    parts = [p for p in re.split(r"\s*(?:/|,|&|\band\b)\s*", line) if p]
    return bool(parts) and all(_NAME_LINE.match(p) for p in parts)


def _time_stamp(line: str) -> bool:
    """True when ``line`` says only when the page was written or updated."""
    tokens = _WORD.findall(line.lower())
    if not 2 <= len(tokens) <= 16 or not _STAMP_NEEDS.search(line):
        return False
    # a month, a weekday or "updated": a bare clock time or a row of figures is not one
    if not any(t in _STAMP_NAMES for t in tokens):
        return False
    return all(t.isdigit() or t in _STAMP_WORDS for t in tokens)


def _all_caps(line: str) -> bool:
    """True when every letter of ``line`` is a capital (and it has letters)."""
    if _ASCII_LOWER.search(line):
        return False  # the usual case, found at the first lower-case letter
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _line_reason(
    line: str,
    index: int,
    count: int,
    titles: set[str],
    boilerplate: Sequence[BoilerplatePattern],
) -> str | None:
    if not _WORD.search(line):
        return "separator"
    words = len(line.split())
    if index < 3 and words <= 60 and comparable(line) in titles:
        return "title"
    if _LABEL.match(line):
        return "related"
    if words <= 40 and (_PROMO.match(line) or _PROMO_START.match(line)):
        return "promo"
    if words <= 30 and _COPYRIGHT.match(line):
        return "copyright"
    if words <= 20 and _CREDIT.match(line):
        return "credit-line"
    if words <= 16 and _time_stamp(line):
        return "time-stamp"
    if words >= 4 and index > 0 and _all_caps(line):
        return "related"  # an all-caps headline between paragraphs links to another story
    if words <= 30:
        for pattern in boilerplate:
            if pattern.regex.fullmatch(line):
                return pattern.reason
    return None


def extract_body(
    tree: HtmlElement,
    *,
    url: str | None = None,
    titles: Iterable[str | None] = (),
    authors: Sequence[str] = (),
    article_body: str | None = None,
    boilerplate: Sequence[BoilerplatePattern] = (),
) -> Body:
    """Extract and clean the body of ``tree`` (which is pruned in place).

    :param titles: headlines the page declares; a body line equal to one is dropped.
    :param authors: declared authors; a byline line naming them is dropped.
    :param article_body: the page's JSON-LD ``articleBody``, when it declares one.
    :param boilerplate: whole-line patterns to drop (from the merged knowledge).
    """
    title_keys = {comparable(t) for t in titles if t}
    title_keys.discard("")
    classes = class_text(tree)
    dek = _find_dek(tree, next((t for t in titles if t), None), classes)
    declared = declarations(tree)  # asked for again below, as the tree is pruned
    gallery_page = captions_carry_page(tree, declared)
    if gallery_page:  # its captions are its story: paragraphs for trafilatura
        for el in list(tree.iter("figure", "figcaption")):
            el.tag = "div" if el.tag == "figure" else "p"
    removed = prune_blocks(tree, classes, captions=not gallery_page)
    drop_code(tree)
    for teasers in teaser_lists(tree):
        text = " ".join(teasers.text_content().split())
        teasers.drop_tree()
        removed.append(Removed(text=text, reason="related"))
    for gallery in embedded_galleries(tree, declared):
        text = " ".join(gallery.text_content().split())
        gallery.drop_tree()
        removed.append(Removed(text=text, reason="gallery"))
    unwrap_layout_tables(tree)
    repeated = _repeated_blocks(tree)
    trim_for_extraction(tree)
    lines = _trafilatura_lines(tree, url)
    twins = body_twins(tree, lines)
    if twins is not None:  # a story cut into sibling containers: extract it whole
        join_twins(*twins)
        lines = _trafilatura_lines(tree, url)
    if repeated:
        lines = _restore_repeats(lines, repeated)
    outside = outside_lines(tree, lines, declared)
    if outside:
        removed.extend(Removed(text=lines[i], reason="outside-article") for i in sorted(outside))
        lines = [line for i, line in enumerate(lines) if i not in outside]

    if article_body and "\n" in article_body.strip():
        extracted = "\n".join(lines)
        if len(article_body) > 1.5 * len(extracted) and _coverage(extracted, article_body) < 0.6:
            lines = _declared_paragraphs(article_body)

    author_keys = {comparable(a) for a in authors}
    kept: list[str] = []
    bylines: tuple[str, ...] = ()
    skip_next = False
    for index, line in enumerate(lines):
        if skip_next:
            skip_next = False
            if len(line.split()) <= 25 and not line.rstrip().endswith((".", "”", '"')):
                removed.append(Removed(text=line, reason="related"))
                continue
        if len(kept) < 3 and len(line.split()) <= 12:
            names = clean_authors([line]) if (_BYLINE.match(line) or _is_name_line(line)) else ()
            keys = {comparable(n) for n in names}
            if names and (_BYLINE.match(line) or not author_keys or keys <= author_keys):
                bylines = bylines or names
                removed.append(Removed(text=line, reason="byline"))
                continue
        reason = _line_reason(line, index, len(lines), title_keys, boilerplate)
        if reason is None:
            kept.append(line)
            continue
        if reason != "separator":
            removed.append(Removed(text=line, reason=reason))
        if reason == "related" and _LABEL.match(line):
            skip_next = True

    lead = "\n".join(kept[:3])
    if (
        dek
        and comparable(dek) not in {comparable(k) for k in kept[:3]}
        and _coverage(dek, lead) < 0.8
    ):
        kept.insert(0, dek)
    return Body(paragraphs=tuple(kept), removed=tuple(removed), bylines=bylines)
