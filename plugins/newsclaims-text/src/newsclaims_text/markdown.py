"""Markdown markup in scraped text: keep the words, drop the syntax.

>>> line = strip_markdown("## **Troops** [sent](https://example.com/a) north ![map](m.png)")
>>> line.text, line.heading, line.urls, line.images
('Troops sent north', 2, ('https://example.com/a',), ('![map](m.png)',))
"""

from __future__ import annotations

import attrs

from newsclaims import _re as re

_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\[\]\s]{0,1000}(?:\s+\"[^\"\n]{0,300}\")?\)")
_LINK = re.compile(
    r"(?<!!)\[([^\[\]\n]{1,500})\]\(((?:[^()\[\]\s]|\([^()\s]{0,100}\)){1,1000})"
    r"(?:\s+\"[^\"\n]{0,300}\")?\)"
)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
# emphasis spans are bounded so that a line full of unpaired markers stays linear
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")
_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*(?![\w*])")
_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_])_(?![\w_])")
_BLOCKQUOTE = re.compile(r"^(?:>\s?)+")


@attrs.frozen
class MarkdownLine:
    """One line with its markdown syntax removed.

    :param text: the words of the line.
    :param heading: the heading level (1-6) when the line was a ``#`` heading, else 0.
    :param urls: targets of the links on the line, in order.
    :param images: the image markup taken out of the line.
    """

    text: str
    heading: int = 0
    urls: tuple[str, ...] = ()
    images: tuple[str, ...] = ()


def strip_markdown(line: str) -> MarkdownLine:
    """Remove heading markers, emphasis, link syntax and images from one line."""
    # the markup needs "![" (an image) and "](" (a link): most lines have neither
    images = tuple(m.group(0) for m in _IMAGE.finditer(line)) if "![" in line else ()
    text = _IMAGE.sub("", line) if images else line
    urls = tuple(m.group(2) for m in _LINK.finditer(text)) if "](" in text else ()
    if urls:
        text = _LINK.sub(r"\1", text)
    text = _BLOCKQUOTE.sub("", text.strip())
    level = 0
    heading = _HEADING.match(text)
    if heading:
        level = len(heading.group(1))
        text = heading.group(2)
    if "*" in text or "_" in text:
        text = _BOLD.sub(r"\2", text)
        text = _STAR.sub(r"\1", text)
        text = _UNDERSCORE.sub(r"\1", text)
    return MarkdownLine(" ".join(text.split()) if images else text.strip(), level, urls, images)
