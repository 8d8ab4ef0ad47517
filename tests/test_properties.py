"""Property tests (issue 10, "Also"): any text, bytes or HTML gives a Report or a typed error.

For every generated input: ``parse`` returns a :class:`~newsclaims.Report` or raises a
``NewsclaimsError``; every claim's span points at its quote; the report is strict JSON
(RFC 8259: no NaN or Infinity, no lone surrogate) and valid against ``newsclaims schema``;
and parsing is deterministic. These run the core alone (the built-in parser), as the
default CI env does; ``test_properties_html.py`` runs the same properties through the
installed source plugins.

The number of examples is a profile: ``ci`` (default, quick) or ``thorough``, chosen with
``NEWSCLAIMS_HYPOTHESIS=thorough pytest tests/test_properties*.py``.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
from contextlib import redirect_stdout
from datetime import datetime
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclaims
from newsclaims.cli import main as cli_main
from newsclaims.host import PluginError, PluginHost, Settings
from newsclaims.inputs import document_from, read_text
from newsclaims.models import Report
from newsclaims.pipeline import parse_document
from newsclaims.serialize import report_from_json, report_to_dict, report_to_json
from newsclaims.sniff import is_blank
from newsclaims.testing import host_with

# CI runs the same examples every time (a red CI must be reproducible, and then a defect
# found gets its own regression test); "thorough" explores at random, and finds new ones
settings.register_profile(
    "ci",
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
#: The profile every property test here runs with (env ``NEWSCLAIMS_HYPOTHESIS``).
PROFILE = settings.get_profile(os.environ.get("NEWSCLAIMS_HYPOTHESIS", "ci"))


def expected_errors() -> tuple[type[BaseException], ...]:
    """What an input may raise: ``newsclaims.NewsclaimsError`` (or, before it, its parts)."""
    base = getattr(newsclaims, "NewsclaimsError", None)
    if isinstance(base, type):
        return (base,)
    from newsclaims.dates import DateError
    from newsclaims.host import NoParserError
    from newsclaims.inputs import InputError

    return (InputError, NoParserError, DateError)


# -- checks -------------------------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"not JSON (RFC 8259): {name}")


_SCHEMA: dict[str, Any] = {}


def published_schema() -> dict[str, Any]:
    """The schema exactly as ``newsclaims schema`` prints it."""
    if not _SCHEMA:
        out = io.StringIO()
        with redirect_stdout(out):
            assert cli_main(["schema"]) == 0
        _SCHEMA.update(json.loads(out.getvalue()))
    return _SCHEMA


def check_report(report: Report) -> str:
    """Assert the contract on ``report``; return its JSON text."""
    assert isinstance(report, Report)
    text = json.dumps(report_to_dict(report), ensure_ascii=False, allow_nan=False)
    text.encode("utf-8")  # a lone surrogate cannot be written as UTF-8
    data = json.loads(text, parse_constant=_reject_constant)
    jsonschema.Draft202012Validator(published_schema()).validate(data)
    assert report_from_json(report_to_json(report)) == report
    ids = [c.id for c in report.claims]
    assert len(ids) == len(set(ids)), "claim ids are not unique"
    for claim in report.claims:
        start, end = claim.span
        assert 0 <= start <= end <= len(report.text), (claim.span, len(report.text))
        assert report.text[start:end] == claim.quote, claim
        for mention in claim.mentions:
            assert report.text[mention.span[0] : mention.span[1]] == mention.quote, mention
    return text


def outcome(make: Any, host: PluginHost) -> tuple[str, str]:
    """Parse with ``host``: ``("report", json)`` or ``("error", type)``; anything else fails."""
    try:
        document = make()
        report = parse_document(document, host=host)
    except PluginError:
        raise  # a plugin crashed on the input: a defect, not an answer
    except expected_errors() as exc:
        return "error", type(exc).__name__
    return "report", check_report(report)


def check_input(make: Any, hosts: Any = host_with) -> None:
    """The properties for one input: a valid report or a typed error, the same twice."""
    first = outcome(make, hosts())
    again = outcome(make, hosts())  # a fresh host: nothing cached decides the answer
    assert first == again, "parse is not deterministic"


def text_document(text: str, **kwargs: Any) -> Any:
    """A Document from text the API cannot take for a path."""
    return lambda: document_from(text + "\n", **kwargs)


def bytes_document(data: bytes, **kwargs: Any) -> Any:
    """A Document from bytes, as a crawl hands them over."""
    return lambda: document_from(data, **kwargs)


def html_document(html: str, **kwargs: Any) -> Any:
    """A Document that is HTML whatever it looks like."""
    return lambda: document_from(html + "\n", content_type="text/html", **kwargs)


# -- strategies ---------------------------------------------------------------------------

SOURCES = [
    "Police said",
    "Officials told reporters",
    "The ministry said in a statement that",
    "According to the health ministry,",
    "A spokesman for the army said",
    "Witnesses said",
    "The UN estimates",
    "Local media reported",
    "",
]
QUALIFIERS = [
    "",
    "at least ",
    "more than ",
    "over ",
    "about ",
    "nearly ",
    "up to ",
    "fewer than ",
    "some ",
    "an estimated ",
    "dozens of ",
    "hundreds of ",
]
MEASURES = [
    "people were killed",
    "people died",
    "soldiers were wounded",
    "civilians were injured",
    "people are missing",
    "residents were displaced",
    "protesters were arrested",
    "homes were destroyed",
    "percent of voters backed the plan",
    "cases were confirmed",
]
TIMES = ["", " on Monday", " last week", " in March 2024", " since January", " on 5 May", " today"]
HEDGES = ["", "reportedly ", "possibly ", "allegedly "]


@st.composite
def numbers(draw: st.DrawFn) -> str:
    """A figure as news writes it, or as nobody should."""
    return draw(
        st.one_of(
            st.integers(0, 10**7).map(str),
            st.integers(1000, 10**9).map(lambda n: f"{n:,}"),
            st.floats(0, 1e6, allow_nan=False).map(lambda f: f"{f:.1f}"),
            st.sampled_from(["a hundred", "two", "twelve", "a dozen", "thousands", "1.5 million"]),
            st.integers(15, 700).map(lambda n: "9" * n),  # beyond 2**53, beyond a float
            st.integers(1, 30).map(lambda n: "1e" + "9" * n),
            st.tuples(st.integers(0, 500), st.integers(0, 500)).map(
                lambda t: f"between {t[0]} and {t[1]}"
            ),
            st.sampled_from(["-5", "0", "1/2", "½", "٣", "１２", "$3.5 billion", "40%"]),
        )
    )


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One sentence built from the pieces claim rules look for."""
    source = draw(st.sampled_from(SOURCES))
    figure = draw(st.sampled_from(QUALIFIERS)) + draw(numbers())
    body = f"{draw(st.sampled_from(HEDGES))}{figure} {draw(st.sampled_from(MEASURES))}"
    body += draw(st.sampled_from(TIMES))
    shape = draw(st.integers(0, 3))
    if shape == 1:
        body = f'"{body[0].upper()}{body[1:]}," {source or "he"} said'
    elif shape == 2:
        body = f"{body}, {source or 'officials'} said"
    else:
        body = f"{source} {body}".strip()
    return body + draw(st.sampled_from([".", "!", "?", "", "...", ";", ".\u201d"]))


NOISE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\ud800", "\udfff", "\ud83d\ude00", "\x0b", "\x0c", "\x01", "\ufffe"]),
)


@st.composite
def news_texts(draw: st.DrawFn) -> str:
    """Paragraphs of news-like sentences mixed with arbitrary Unicode."""
    parts = draw(st.lists(st.one_of(sentences(), NOISE), min_size=0, max_size=12))
    seps = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\t", "\u00a0", "\u2028", "", "  "])
    return "".join(p + draw(seps) for p in parts)


TAGS = ["p", "div", "span", "article", "section", "h1", "h2", "a", "b", "li", "td", "font"]
VOID = ["br", "hr", "img", 'meta charset="utf-8"', 'meta charset="bogus"']


@st.composite
def html_pages(draw: st.DrawFn, depth: int = 0) -> str:
    """HTML: nested elements, scripts, comments, entities, broken markup, news text."""
    kids: list[str] = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        kind = draw(st.integers(0, 9))
        if kind < 4:
            kids.append(draw(news_texts()).replace("<", "&lt;"))
        elif kind < 7:
            tag = draw(st.sampled_from(TAGS))
            attrs = draw(st.sampled_from(["", ' class="article-body"', ' id="nav"', " hidden"]))
            inner = draw(html_pages(depth=depth + 1))
            close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))
            kids.append(f"<{tag}{attrs}>{inner}{close}")
        elif kind == 7:
            kids.append(f"<{draw(st.sampled_from(VOID))}>")
        else:
            kids.append(
                draw(
                    st.sampled_from(
                        [
                            "<script>var a = '<p>1 killed</p>';</script>",
                            "<style>p { color: red }</style>",
                            "<!-- 3 people were killed -->",
                            "<![CDATA[ 4 ]]>",
                            "&amp;&nbsp;&#8212;&#x1F600;&#0;&#xD800;&bogus;",
                            "<p",
                            "</div></div></body>",
                            "<title>Title</title>",
                            '<script type="application/ld+json">{"@type": "NewsArticle", '
                            '"datePublished": "0001-01-01", "headline": 5}</script>',
                        ]
                    )
                )
            )
    inner = "".join(kids)
    if depth:
        return inner
    prefix = draw(
        st.sampled_from(["", "<!DOCTYPE html>", '<?xml version="1.0" encoding="utf-8?>', "\ufeff"])
    )
    wrap = draw(st.booleans())
    return (
        f"{prefix}<html><head><title>T</title></head><body>{inner}</body></html>"
        if wrap
        else (prefix + inner)
    )


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252", "cp949", "gb18030", "cp1251"]


@st.composite
def encoded(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> bytes:
    """Text in some encoding, maybe damaged, maybe gzipped."""
    text = draw(texts)
    codec = draw(st.sampled_from(ENCODINGS))
    data = text.encode(codec, errors="replace")
    if data and draw(st.booleans()):  # a few bytes broken, as crawls break them
        for _ in range(draw(st.integers(1, 3))):
            at = draw(st.integers(0, len(data) - 1))
            data = data[:at] + bytes([draw(st.integers(0x80, 0xFF))]) + data[at + 1 :]
    if draw(st.integers(0, 4)) == 0:
        data = gzip.compress(data, mtime=0)
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]  # a truncated download
    return data


PUBLISHED = st.one_of(
    st.none(),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
)


# -- properties ---------------------------------------------------------------------------

try:
    import newsclaims_html  # noqa: F401

    PLUGINS = True
except ImportError:  # the core env: no source plugin installed
    PLUGINS = False
needs_plugins = pytest.mark.skipif(not PLUGINS, reason="the source plugins are not installed")


def plugins_host() -> PluginHost:
    """Every installed plugin, strict: a plugin that raises fails the property."""
    return PluginHost(settings=Settings(autoload=True, strict=True))


@PROFILE
@given(text=news_texts(), published=PUBLISHED)
def test_news_text_gives_a_valid_report(text: str, published: datetime | None) -> None:
    check_input(text_document(text, published=published))


@PROFILE
@given(text=st.text(st.characters(codec=None), max_size=300))
def test_any_text_gives_a_valid_report(text: str) -> None:
    check_input(text_document(text))


@PROFILE
@given(data=st.one_of(st.binary(max_size=600), encoded(news_texts()), encoded(html_pages())))
def test_any_bytes_give_a_valid_report_or_a_typed_error(data: bytes) -> None:
    check_input(bytes_document(data))


@PROFILE
@given(html=html_pages(), published=PUBLISHED)
def test_html_gives_a_valid_report(html: str, published: datetime | None) -> None:
    check_input(html_document(html, published=published))


@needs_plugins
@PROFILE
@given(html=html_pages(), published=PUBLISHED)
def test_html_through_the_plugins_gives_a_valid_report(
    html: str, published: datetime | None
) -> None:
    check_input(html_document(html, published=published), plugins_host)


@needs_plugins
@PROFILE
@given(data=st.one_of(encoded(html_pages()), encoded(news_texts()), st.binary(max_size=300)))
def test_bytes_through_the_plugins_give_a_valid_report(data: bytes) -> None:
    check_input(bytes_document(data), plugins_host)


@needs_plugins
@PROFILE
@given(text=news_texts())
def test_text_through_the_plugins_gives_a_valid_report(text: str) -> None:
    check_input(text_document(text), plugins_host)


URLS = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.builds(
        "{}://{}{}/{}".format,
        st.sampled_from(["http", "https", "ftp", "", "HTTP"]),
        st.sampled_from(["example.com", "[", "[::1]", "a:99999999", "%zz", "xn--", "", "exa mple"]),
        st.sampled_from(["", ":80", ":abc"]),
        st.text(max_size=10),
    ),
)
PUBLISHED_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["0001-01-01", "9999-12-31T23:59:59Z", "2024-02-30", "-1", "1e9", "03/05/2024"]
    ),
    st.datetimes().map(lambda d: d.isoformat()),
)


@PROFILE
@given(text=news_texts(), url=URLS, published=PUBLISHED_TEXT)
def test_any_url_and_published_string(text: str, url: str | None, published: str) -> None:
    """What a caller passes beside the text: a report (valid) or a typed error."""
    check_input(text_document(text, url=url, published=published))


@needs_plugins
@PROFILE
@given(html=html_pages(), url=URLS)
def test_any_url_through_the_plugins(html: str, url: str | None) -> None:
    check_input(html_document(html, url=url), plugins_host)


@PROFILE
@given(text=news_texts())
def test_parse_of_public_api_is_report_or_typed_error(text: str) -> None:
    """The same through ``newsclaims.parse_text`` (text is never taken for a path)."""
    try:
        report = newsclaims.parse_text(text + "\n", plugin="builtin")
    except expected_errors():
        return
    check_report(report)


def check_failure(failure: newsclaims.Failure) -> None:
    """An error record: strict JSON, valid against the published schema, naming its input."""
    from newsclaims.serialize import failure_to_dict

    text = json.dumps(failure_to_dict(failure), ensure_ascii=False, allow_nan=False)
    text.encode("utf-8")
    jsonschema.Draft202012Validator(published_schema()).validate(json.loads(text))
    assert isinstance(failure.input, str) and failure.error and failure.message


INPUTS = st.one_of(
    # text is passed as a Document (an empty text is an EmptyInputError, not a Document)
    news_texts().filter(lambda t: not is_blank(t)).map(lambda t: read_text(t)),
    st.text(max_size=30),  # a str is a path: most name no file
    encoded(news_texts()),
    encoded(html_pages()),
    st.binary(max_size=200),
)


@PROFILE
@given(sources=st.lists(INPUTS, max_size=5))
def test_parse_many_accounts_for_every_input(sources: list[Any]) -> None:
    """One Report or Failure per input, in order, each valid on the wire."""
    out = list(newsclaims.parse_many(sources, plugin="builtin"))
    assert len(out) == len(sources)
    for item in out:
        if isinstance(item, newsclaims.Failure):
            check_failure(item)
        else:
            check_report(item)


@PROFILE
@given(files=st.lists(st.one_of(encoded(news_texts()), encoded(html_pages())), max_size=3))
def test_cli_writes_one_valid_line_per_input(files: list[bytes]) -> None:
    """``newsclaims extract a b c``: one line per input, every line valid against the schema."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, data in enumerate(files):
            path = Path(tmp) / f"in{i}.{'html' if i % 2 else 'txt'}"
            path.write_bytes(data)
            paths.append(str(path))
        out_path = Path(tmp) / "out.jsonl"
        code = cli_main(["extract", *paths, "-o", str(out_path)]) if paths else 0
        assert code in (0, 1)
        if not paths:
            return
        raw = out_path.read_bytes().decode("utf-8")  # the output is UTF-8
        lines = raw.splitlines()
        assert len(lines) == len(paths)
        validator = jsonschema.Draft202012Validator(published_schema())
        for line in lines:
            validator.validate(json.loads(line, parse_constant=_reject_constant))


# -- regression tests: what the properties and the fuzzer found ---------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_bom_inputs_decode(codec: str) -> None:
    """Byte-order marks decide the codec (seed for the bytes property)."""
    data = codecs.encode("Police said 5 people were killed.\n", codec)
    report = parse_document(document_from(data), host=host_with())
    check_report(report)
    assert report.claims and report.claims[0].value is not None
    assert report.claims[0].value.low == 5


def test_huge_figure_is_strict_json() -> None:
    """Found by the properties (issue 10 item 16, fixed in 0b80f15): a 310-digit figure
    was written as ``Infinity``."""
    text = f"Police said {'9' * 310} people were killed.\n"
    check_report(parse_document(document_from(text), host=host_with()))


@pytest.mark.parametrize("source", ["text", "html"])
def test_lone_surrogate_gives_a_report(source: str) -> None:
    """Issue 10 item 15: a lone surrogate in a ``str`` raised UnicodeEncodeError (report_id)."""
    body = "Police said 5 people were killed.\ud800 More \udc9d text \ud83d\ude00."
    text = f"<html><body><p>{body}</p></body></html>" if source == "html" else body
    read = newsclaims.parse_html if source == "html" else newsclaims.parse_text
    report = read(text + "\n", plugin="builtin")
    check_report(report)
    assert "\ufffd" in report.text and "\U0001f600" in report.text  # a pair stays one character
    assert any("surrogate" in w for w in report.warnings)
    assert report.claims[0].value is not None and report.claims[0].value.low == 5


def test_lone_surrogate_in_url_gives_a_writable_report() -> None:
    """The URL is the report id's basis and goes into the JSON: it must encode too."""
    report = newsclaims.parse_text("5 people were killed.\n", url="https://example.com/\udcff")
    check_report(report)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])  # '0001;1': DateError
@pytest.mark.parametrize("when", ["last week", "last month", "next year", "yesterday", "on Monday"])
def test_relative_time_at_the_calendar_edge(published: str, when: str) -> None:
    """Found by the properties: a publication date of year 1 (a CMS placeholder passed as
    ``published``) made 'last week' raise OverflowError in the claims engine."""
    report = newsclaims.parse_text(
        f"Police said 5 people were killed {when}.\n", published=published, plugin="builtin"
    )
    check_report(report)
    assert report.claims and report.claims[0].value is not None


def test_report_of_a_non_utf8_file_name_is_writable(tmp_path: Any) -> None:
    """Found by the properties (issue 10 item 18): a file named b'a\\xff.txt' (a lone
    surrogate in Python) gave a report whose ``input`` cannot be written as UTF-8; a missing
    one, such a Failure. The byte is now escaped, ``a\\xff.txt``."""
    path = os.path.join(os.fsdecode(bytes(tmp_path)), os.fsdecode(b"a\xff.txt"))
    with open(path, "w", encoding="utf-8") as f:
        f.write("Police said 5 people were killed.\n")
    report = newsclaims.parse(path, plugin="builtin")
    check_report(report)
    assert report.input is not None and report.input.endswith("a\\xff.txt")
    (failure,) = newsclaims.parse_many([path + ".missing"], plugin="builtin")
    assert isinstance(failure, newsclaims.Failure)
    check_failure(failure)
