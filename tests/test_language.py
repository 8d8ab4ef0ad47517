"""Language detection of article text (issue 9: language of text inputs)."""

from __future__ import annotations

import sys

import pytest

from newsclaims import language
from newsclaims.language import detect_language

needs_detector = pytest.mark.skipif(not language.available(), reason="the lang extra is absent")


@needs_detector
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Three people were killed when a bus overturned on a highway, police said.", "en"),
        ("Trois personnes ont été tuées lundi dans un accident de bus, selon la police.", "fr"),
        ("Bei einem Busunglück sind am Montag drei Menschen ums Leben gekommen.", "de"),
        ("Tres personas murieron el lunes en un accidente de autobús, informó la policía.", "es"),
        ("Tiga orang tewas pada hari Senin dalam kecelakaan bus di jalan tol, kata polisi.", "id"),
    ],
)
def test_detects_short_news_text(text: str, code: str) -> None:
    assert detect_language(text) == code
    assert detect_language(text) == code  # deterministic


def test_too_short_gives_none() -> None:
    assert detect_language("12 dead") is None
    assert detect_language("") is None


def test_without_the_extra_language_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "py3langid", None)
    monkeypatch.setitem(sys.modules, "py3langid.langid", None)
    language._identifier.cache_clear()
    try:
        assert not language.available()
        assert (
            detect_language("Three people were killed when a bus overturned, police said.") is None
        )
    finally:
        language._identifier.cache_clear()


@needs_detector
def test_text_report_gets_a_language() -> None:
    from newsclaims.host import PluginHost
    from newsclaims.pipeline import parse_text

    report = parse_text(
        "Flood kills 3\n\nThree people died in the flood on Monday, police said.",
        host=PluginHost(),
    )
    assert report.language == "en"
