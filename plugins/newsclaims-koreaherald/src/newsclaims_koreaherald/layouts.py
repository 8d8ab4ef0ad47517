"""What each Korea Herald page layout looks like: one table of selectors per layout.

The parser (:mod:`newsclaims_koreaherald.page`) is generic over these tables; a new
layout is a new :class:`Layout` entry, not new code. Selectors use the CSS subset of
:mod:`newsclaims_koreaherald.selectors`; each field lists alternatives, tried in order.

The layouts are documented by public scrapers of the site (no saved page is available
offline); the 2024 ``/article/NNNNNNNN`` layout is not, so pages that match no table are
read from their JSON-LD/OpenGraph metadata and the generic HTML body extractor.
"""

from __future__ import annotations

import attrs

__all__ = ["LAYOUTS", "Layout"]


def _sel(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen
class Layout:
    """Selectors for one page layout.

    :param name: a short stable name, recorded in ``Article.extra["koreaherald"]``.
    :param marker: selectors whose presence identifies the layout (all must match).
    :param title: the headline.
    :param subtitle: the deck under the headline, kept in ``extra``.
    :param byline: the "By Name" block.
    :param dates: the block with "Published : ... Updated : ...".
    :param body: the body containers; every match is read, nested matches once.
    :param captions: photo captions inside the body (removed from the text).
    :param drop: other elements inside the body that are not article text (ads, share
        bars, related links); removed silently.
    """

    name: str
    marker: tuple[str, ...] = attrs.field(converter=_sel)
    title: tuple[str, ...] = attrs.field(converter=_sel)
    subtitle: tuple[str, ...] = attrs.field(converter=_sel)
    byline: tuple[str, ...] = attrs.field(converter=_sel)
    dates: tuple[str, ...] = attrs.field(converter=_sel)
    body: tuple[str, ...] = attrs.field(converter=_sel)
    captions: tuple[str, ...] = attrs.field(default=(), converter=_sel)
    drop: tuple[str, ...] = attrs.field(default=(), converter=_sel)


#: Elements that are never article text, whatever the layout.
ALWAYS_DROP: tuple[str, ...] = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "form",
    "button",
    "svg",
)

#: 2018-2022: ``view.php?ud=YYYYMMDD000NNN`` pages.
VIEW_2018 = Layout(
    name="view-2018",
    marker="h1.view_tit",
    title="h1.view_tit",
    subtitle="h2.view_tit_sub",
    byline="div.view_tit_byline_l",
    dates="div.view_tit_byline_r",
    body=("div#articleText div.view_con_t", "div.view_con_t", "div#articleText"),
    captions=(".view_con_caption", ".view_img_caption"),
    drop=(".view_tit_icon", ".khadv_bg", ".view_share", ".view_relsec", ".view_bottom_ad"),
)

#: 2023: ``div.news_content`` with a title area and text boxes.
NEWS_2023 = Layout(
    name="news-2023",
    marker=("div.news_content", "h1.news_title"),
    title=("div.news_title_area h1.news_title", "h1.news_title"),
    subtitle=("div.news_title_area h2.news_title", "h2.news_title"),
    # no byline block is documented: the "By Name (e-mail)" line ends the body instead
    byline=(),
    dates=("div.news_title_area p.news_date", "p.news_date"),
    body=("div.news_text_area div.text_box", "div.news_text_area"),
    captions=(".img_caption", ".news_img_caption"),
    drop=(".news_share", ".ad_area", ".news_related", ".news_keyword"),
)

#: The documented layouts, tried in order.
LAYOUTS: tuple[Layout, ...] = (VIEW_2018, NEWS_2023)
