"""Options: a typo is an error (issue 9), and placeholder dates are no dates."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import newsclaims
from newsclaims.cli import main
from newsclaims.host import PluginHost, Settings
from newsclaims.models import Article, Document
from newsclaims.testing import host_with

TEXT = "Police said 5 people were killed last week.\n"


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSCLAIMS_DISABLE_AUTOLOAD", "1")
    path = tmp_path / "a.txt"
    path.write_text(TEXT, "utf-8")
    return path


@pytest.mark.parametrize("value", ["notadate", "03/05/2024", "March 5, 2024", "0001-01-01"])
def test_published_accepts_iso_8601_only(
    value: str, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(article), "--published", value])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "--published" in captured.err and repr(value) in captured.err


@pytest.mark.parametrize("value", ["2024-03-05", "2024-03-05T14:30:00+09:00", "2024-03-05T05:30Z"])
def test_published_in_iso_8601_is_used(
    value: str, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(article), "--published", value, "-q"]) == 0
    assert '"published": "2024-03-05' in capsys.readouterr().out


def test_help_says_iso_8601(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "ISO 8601" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize("value", ["notadate", "03/05/2024"])
def test_api_published_not_iso_is_a_date_error(value: str, article: Path) -> None:
    host = host_with()
    with pytest.raises(newsclaims.DateError, match="ISO 8601"):
        newsclaims.parse_text(TEXT, published=value, host=host)
    with pytest.raises(newsclaims.DateError):
        newsclaims.parse(article, published=value, host=host)
    with pytest.raises(newsclaims.DateError):  # an argument error, not one Failure per input
        list(newsclaims.parse_many([article], published=value, host=host))


@pytest.mark.parametrize(
    ("switch", "env"),
    [("--plugins", "NEWSCLAIMS_PLUGINS"), ("--disable-plugins", "NEWSCLAIMS_DISABLE_PLUGINS")],
)
def test_unknown_plugin_name_exits_2_listing_installed(
    switch: str, env: str, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(article), switch, "bogus"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bogus" in captured.err and "installed: builtin" in captured.err
    assert main(["plugins", switch, "typo"]) == 2


def test_unknown_plugin_name_in_the_api_is_a_typed_error() -> None:
    with pytest.raises(newsclaims.UnknownPluginError) as info:
        PluginHost(settings=Settings(allow=frozenset({"bogus"}), autoload=False))
    assert info.value.names == ("bogus",) and "builtin" in info.value.installed
    with pytest.raises(newsclaims.UnknownPluginError):
        PluginHost(settings=Settings(block=frozenset({"koreahearld"}), autoload=False))
    # a known name is fine, and so is the built-in one
    PluginHost(settings=Settings(allow=frozenset({"builtin"}), autoload=False))


# -- placeholder dates (issue 9, Errors and dates) -------------------------------------------


class PlaceholderDate:
    """A source plugin whose page declares the CMS placeholder 0001-01-01."""

    def __init__(self, when: datetime) -> None:
        self.when = when

    @newsclaims.hookimpl
    def newsclaims_detect(self, document: Document) -> float:
        return 1.0

    @newsclaims.hookimpl
    def newsclaims_parse(self, document: Document) -> Article:
        return Article(text=document.text.strip(), published=self.when)


@pytest.mark.parametrize("when", [datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59)])
def test_placeholder_metadata_date_is_dropped_with_a_warning(when: datetime) -> None:
    host = host_with(("cms", PlaceholderDate(when)))
    report = newsclaims.parse_text(TEXT, host=host)
    assert report.published is None
    assert any("not a real publication date" in w for w in report.warnings)
    assert report.claims and report.claims[0].value is not None  # the report is not lost
    # the caller's date is the fallback
    dated = newsclaims.parse_text(TEXT, host=host, published="2024-03-05")
    assert dated.published == "2024-03-05"


def test_placeholder_date_given_to_the_api_is_dropped_with_a_warning() -> None:
    report = newsclaims.parse_text(TEXT, published="0001-01-01", host=host_with())
    assert report.published is None
    assert any("0001-01-01" in w for w in report.warnings)
