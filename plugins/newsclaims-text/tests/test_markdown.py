"""Markdown syntax removal (constructed lines)."""

from __future__ import annotations

from newsclaims_text.markdown import strip_markdown


def test_heading_and_emphasis() -> None:
    line = strip_markdown("### **Six** killed in _overnight_ strike ###")
    assert line.heading == 3
    assert line.text == "Six killed in overnight strike"


def test_links_keep_text_and_remember_targets() -> None:
    line = strip_markdown('Said [the agency](https://a.example/x "t") on [Monday](/m).')
    assert line.text == "Said the agency on Monday."
    assert line.urls == ("https://a.example/x", "/m")


def test_images_go_out() -> None:
    line = strip_markdown("![Smoke over the city](https://img.example/a.jpg)")
    assert line.text == "" and line.images == ("![Smoke over the city](https://img.example/a.jpg)",)


def test_lone_stars_and_snake_case_stay() -> None:
    assert strip_markdown("Required fields are marked *").text == "Required fields are marked *"
    assert strip_markdown("file_name_here and 2*3*4").text == "file_name_here and 2*3*4"
    assert strip_markdown("* a list item").text == "* a list item"


def test_hash_without_space_is_not_a_heading() -> None:
    line = strip_markdown("#1 seed wins")
    assert line.heading == 0 and line.text == "#1 seed wins"
