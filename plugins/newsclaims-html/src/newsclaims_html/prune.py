"""Blocks taken out of the page before main-content extraction, with their reasons.

These are parts of an article page that sit inside the article container but are not
article text: image captions, social-media embeds, pull quotes, author bio boxes and
related-story teasers (a paragraph that is nothing but a link). trafilatura keeps some
of them; removing them from the tree first keeps them out of the body and lets every
removal be recorded.
"""

from __future__ import annotations

from lxml import etree  # type: ignore[import-untyped]

from newsclaims.models import Removed

from .tree import ClassQuery, HtmlElement, class_text

__all__ = ["drop_code", "prune_blocks"]


# one XPath, one walk of the tree for every kind of block
_CLASSES = (
    "wp-caption-text",
    "image-caption",
    "photo-caption",
    "caption-text",
    "twitter-tweet",
    "instagram-media",
    "tiktok-embed",
    "pullquote",
    "Pullquote",
    "pull-quote",
    "PullQuote",
    "author-bio",
    "author__bio",
    "author-box",
    "about-the-author",
    "bio-box",
    "authorBio",
)
_QUERY = ClassQuery(
    "//*[self::figcaption"
    " or (@class and {classes})"
    # a paragraph that holds an image and a little text: the image's caption;
    # a paragraph whose only content is a link: a related-story teaser
    " or (self::p and not(text()[normalize-space()])"
    " and (.//img or (count(*)=1 and (a or */a))))]",
    _CLASSES,
    needs_class=False,
)

#: A caption longer than this many words is not one (see :func:`_reason`).
CAPTION_WORDS = 80

_EMBED_CLASSES = ("twitter-tweet", "instagram-media", "tiktok-embed")


def _reason(el: HtmlElement) -> str | None:
    cls = el.get("class") or ""
    text = " ".join(el.text_content().split())
    if el.tag == "figcaption" or "caption" in cls:
        # a "caption" of several paragraphs is article text in caption markup (a page whose
        # markup is broken, or a layout that reuses the class), not an image's caption
        return "caption" if len(text.split()) <= CAPTION_WORDS else None
    if el.tag == "blockquote" and any(c in cls for c in _EMBED_CLASSES):
        return "embed"
    if "ull" in cls and "uote" in cls:
        return "pull-quote"
    if "bio" in cls.lower() or "author" in cls.lower():
        return "author-bio"
    if el.tag == "p" and el.find(".//img") is not None:
        return "caption" if text and len(text.split()) <= 40 else None
    if el.tag == "p":
        links = el.findall(".//a")
        link_text = sum(len(" ".join(a.text_content().split())) for a in links)
        # "Read more" links and bare teaser headlines; a linked word inside a sentence stays
        if text and link_text >= 0.9 * len(text) and len(text.split()) >= 4:
            return "related"
    return None


def prune_blocks(
    tree: HtmlElement, classes: str | None = None, *, captions: bool = True
) -> list[Removed]:
    """Remove captions, embeds, pull quotes, author bios and teasers from ``tree``.

    ``captions=False`` keeps the captions (a gallery page, whose captions are its story).

    The tree is changed in place (tails of removed elements stay); the removed
    blocks are returned in document order with their reasons. ``classes`` is
    :func:`~newsclaims_html.tree.class_text` of ``tree`` when the caller has it.
    """
    removed: list[Removed] = []
    found = _QUERY(tree, class_text(tree) if classes is None else classes)
    seen: set[int] = set()
    for el in found:
        if not isinstance(el, HtmlElement) or id(el) in seen or el.getparent() is None:
            continue
        if any(id(a) in seen for a in el.iterancestors()):
            continue
        reason = _reason(el)
        if reason is None or (reason == "caption" and not captions):
            continue
        text = " ".join(el.text_content().split())
        seen.add(id(el))
        el.drop_tree()
        if text:
            removed.append(Removed(text=text, reason=reason))
    return removed


# JSON-LD stays: trafilatura reads it (forum pages, its rescue from a declared body);
# the content of a plugin's <object> (or <applet>) is its fallback, shown only to a browser
# that cannot run it ("this video is unavailable ..."); elements the page never shows
# (``hidden``, an inline ``display: none``) go with the code
_CODE = etree.XPath(
    "//script[not(contains(@type, 'ld+json'))] | //style | //template | //object | //applet"
    " | //*[@hidden or (@style and contains(translate(@style, 'DISPLAYNOE ', 'displaynoe'),"
    " 'display:none'))][not(self::html or self::body)]"
)


def drop_code(tree: HtmlElement) -> None:
    """Remove scripts (except JSON-LD), style sheets, templates, plugin objects and hidden elements.

    ``tree`` is changed in place. None of them is article text a reader sees. trafilatura
    drops the code too, but only after copying the tree several times, and news pages carry
    hundreds of kilobytes of it.
    """
    try:
        found = _CODE(tree)
    except (etree.XPathError, ValueError):
        return
    for el in found:
        if el.getparent() is not None:
            el.drop_tree()  # the tail (text after the element) stays


def trim_for_extraction(tree: HtmlElement) -> int:
    """Remove what trafilatura never takes into a body, before it copies the tree (in place).

    Navigation bars and page footers (``<nav>``, ``<footer>``), and inline drawings without
    text (``<svg>`` icons): trafilatura's cleaning deletes all three before its main
    extractor runs, but only after copying the whole tree three times and testing its
    XPath rules on every element of each copy, and they are about a quarter of the
    elements of a news page (70,000 of 287,000 on the 403 bench pages). Its stages that read
    the raw tree (readability's second opinion, the baseline rescue, the page text the recall
    escalation compares with) could see the text of a navigation bar or footer; on the 403
    bench pages every report is byte-identical with or without them.
    Returns how many were dropped (one inside another counted too; tails stay).
    """
    root = tree.getroottree().getroot()
    if root is None:
        return 0
    dropped = 0
    # in document order: an element inside one already dropped goes with it (harmlessly
    # dropped again from the detached subtree)
    for el in list(root.iter("nav", "footer", "svg")):
        if el.getparent() is None or (el.tag == "svg" and _has_text(el)):
            continue
        el.drop_tree()
        dropped += 1
    return dropped


def _has_text(el: HtmlElement) -> bool:
    """Whether ``el`` holds text other than white space (its tail not counted)."""
    if el.text and not el.text.isspace():
        return True
    return any(_has_text(c) or (c.tail and not c.tail.isspace()) for c in el)
