"""The article container a page declares, and extracted lines that lie outside it.

A page often says in its markup where its story is: a schema.org ``articleBody``
(microdata ``itemprop``), else a single ``<article>`` element, else a single element
typed as an article (``itemtype`` ``.../NewsArticle``, ``.../BlogPosting`` ...). Beside it
pages show streams of teasers (a headline and a summary for each of many other stories)
and video players with their own text; trafilatura sometimes takes them in with the story
when they sit close to it. When the extraction holds most of the declared container, the
lines it found outside the container are not the story: :func:`outside_lines` names them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree  # type: ignore[import-untyped]

from .tree import HtmlElement

__all__ = [
    "CONTAINER_WORDS",
    "Declarations",
    "captions_carry_page",
    "declarations",
    "declared_container",
    "embedded_galleries",
    "outside_lines",
]

#: A declared container with fewer words than this is too small to judge by.
CONTAINER_WORDS = 150
#: The extraction must hold at least this share of the container's words.
COVERED = 0.6
#: ... and the container at least this share of the extraction's words.
SHARE = 0.3

#: Searches of the container allowed, in container lengths plus a fixed number of
#: characters (a few dozen teasers beside a long story), before the page is not judged.
SEARCH_PASSES = 8
SEARCH_CHARS = 20_000_000

_ARTICLE_BODY = etree.XPath("//*[@itemprop='articleBody']")
_ARTICLE = etree.XPath("//article")
_TYPED = etree.XPath(
    "//*[@itemtype][contains(@itemtype, 'Article') or contains(@itemtype, 'BlogPosting')]"
)
_NON_WORD = re.compile(r"\W+")


def _key(text: str) -> str:
    """``text`` lower-cased without anything but word characters (spacing differs)."""
    return _NON_WORD.sub("", text).lower()


#: The elements each declaration query found, in query order (see :func:`declarations`).
Declarations = tuple[list[HtmlElement], ...]


def declarations(tree: HtmlElement) -> Declarations | None:
    """What each of the declaration queries finds in ``tree`` (``None`` when one fails).

    The body's clean-up asks for the declared container three times while it prunes
    the tree; it only drops, moves and renames elements, none of which makes an element a
    declaration, so what the queries find later is what they found first, less what was
    dropped since: :func:`declared_container` takes this list and leaves out the dropped.
    """
    out: list[list[HtmlElement]] = []
    for query in (_ARTICLE_BODY, _ARTICLE, _TYPED):
        try:
            out.append([el for el in query(tree) if isinstance(el, HtmlElement)])
        except (etree.XPathError, ValueError):
            return None
    return tuple(out)


def _attached(el: HtmlElement, root: HtmlElement) -> bool:
    """Whether ``el`` is still in the tree of ``root`` (not inside a dropped subtree)."""
    if el is root:
        return True
    top = None
    for top in el.iterancestors():  # noqa: B007 (the last one is wanted)
        pass
    return top is root


def declared_container(
    tree: HtmlElement, found_before: Declarations | None = None
) -> HtmlElement | None:
    """The one element the page declares as its article, or ``None`` (none or several).

    ``found_before``: :func:`declarations` of this tree taken earlier, while it held
    everything it holds now (the tree has only lost, moved or renamed elements since).
    """
    if found_before is None:
        found_before = declarations(tree)
        if found_before is None:
            return None
    else:
        root = tree.getroottree().getroot()
        found_before = tuple([el for el in kind if _attached(el, root)] for kind in found_before)
    for found in found_before:
        # nested declarations (an articleBody inside a typed article) count as one: the outer
        marked = set(found)
        found = [el for el in found if not any(a in marked for a in el.iterancestors())]
        if len(found) == 1:
            return found[0]
        if found:
            return None
    return None


def outside_lines(
    tree: HtmlElement, lines: Sequence[str], found_before: Declarations | None = None
) -> set[int]:
    """Indexes of ``lines`` (extracted text) outside the page's declared article container.

    Empty when the page declares no single container, when it is small, or when the
    extraction does not hold most of it (then the container is not where the story is).
    ``found_before``: as for :func:`declared_container`.
    """
    container = declared_container(tree, found_before)
    if container is None:
        return set()
    text = container.text_content()
    words = len(text.split())
    if words < CONTAINER_WORDS:
        return set()
    inside_key = _key(text)
    # lines mostly come in the container's order: each is looked for after the previous
    # one, and from the start only when it is not there. Each line outside costs a search
    # of the whole container; past a fixed budget of such work the page is not judged
    # (a page of 200,000 paragraphs would otherwise cost their number times its length)
    budget = SEARCH_PASSES * len(inside_key) + SEARCH_CHARS
    spent = 0
    pos = 0
    outside: set[int] = set()
    inside_words = 0
    total = 0
    for index, line in enumerate(lines):
        count = len(line.split())
        total += count
        key = _key(line)
        if not key:
            continue
        at = inside_key.find(key, pos)
        if at < 0:
            spent += 2 * len(inside_key) - pos
            if spent > budget:
                return set()
            at = inside_key.find(key)
        if at < 0:
            outside.add(index)
        else:
            pos = at + len(key)
            inside_words += count
    if not outside or inside_words < COVERED * words or words < SHARE * total:
        return set()
    return outside


#: A gallery is dropped only with this many words in it and this many pictures or entries
#: (one picture with its caption is the story's image, not a gallery).
GALLERY_WORDS = 40
GALLERY_ITEMS = 3

_GALLERY = etree.XPath(
    ".//*[@class][contains(@class, 'gallery') or contains(@class, 'Gallery')"
    " or contains(@class, 'slideshow') or contains(@class, 'carousel')]"
)


def embedded_galleries(
    tree: HtmlElement, found_before: Declarations | None = None
) -> list[HtmlElement]:
    """Galleries (slideshows, carousels) embedded in a declared container holding a story.

    A gallery inside an article whose own text, the galleries left out, is a story of
    at least :data:`CONTAINER_WORDS` words, shows other pictures with their own captions;
    a page whose container is mostly the gallery is a gallery page, and its captions are
    its content (nothing is returned then). ``found_before``: as for :func:`declared_container`.
    """
    container = declared_container(tree, found_before)
    if container is None:
        return []
    try:
        found = [el for el in _GALLERY(container) if isinstance(el, HtmlElement)]
    except (etree.XPathError, ValueError):
        return []
    marked = set(found)
    outer = [el for el in found if not any(a in marked for a in el.iterancestors())]
    if not outer:
        return []
    gallery_words = sum(len(el.text_content().split()) for el in outer)
    own_words = len(container.text_content().split()) - gallery_words
    if own_words < CONTAINER_WORDS:
        return []
    return [
        el
        for el in outer
        if len(el.text_content().split()) >= GALLERY_WORDS and _items(el) >= GALLERY_ITEMS
    ]


def _items(gallery: HtmlElement) -> int:
    """How many pictures or entries ``gallery`` shows (its images, figures or list items)."""
    return max(sum(1 for _ in gallery.iter(tag)) for tag in ("img", "figure", "li"))


#: a caption longer than this is article text in caption markup (as :mod:`.prune` judges)
CAPTION_WORDS = 80

_CAPTIONS = etree.XPath(".//figcaption | .//*[@class][contains(@class, 'caption')]")
_STORY_BLOCKS = etree.XPath(".//p | .//li | .//blockquote | .//h2 | .//h3")


def captions_carry_page(tree: HtmlElement, found_before: Declarations | None = None) -> bool:
    """True when the captions of pictures carry the story: a gallery page, a photo essay.

    The page's declared article (else its body) shows at least :data:`GALLERY_ITEMS`
    captions, and they hold more words than its paragraphs outside them: the captions are
    then its content, not notes beside a story. ``found_before``: as for
    :func:`declared_container`.
    """
    container = declared_container(tree, found_before)
    if container is None:
        container = tree.find(".//body")
    if container is None:
        return False
    try:
        found = [el for el in _CAPTIONS(container) if isinstance(el, HtmlElement)]
    except (etree.XPathError, ValueError):
        return False
    marked = set(found)
    captions = [el for el in found if not any(a in marked for a in el.iterancestors())]
    sizes = [len(el.text_content().split()) for el in captions]
    sizes = [n for n in sizes if 0 < n <= CAPTION_WORDS]
    if len(sizes) < GALLERY_ITEMS:
        return False
    inside = set(captions)
    story = 0
    for block in _STORY_BLOCKS(container):
        if block in inside or any(a in inside for a in block.iterancestors()):
            continue
        if any(a.tag in ("p", "li", "blockquote") for a in block.iterancestors()):
            continue  # counted with the block around it
        story += len(block.text_content().split())
    return sum(sizes) > story
