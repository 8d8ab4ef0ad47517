"""Reading inputs: decoding, sniffing, gzip, paths versus text."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from newsclaims.inputs import InputError, decode_bytes, document_from, read_path, sniff_content_type

KOREAN = "북한군 사상자가 4천 명을 넘었다고 국가정보원이 밝혔다."


def test_euc_kr_page_with_declared_charset_decodes() -> None:
    html = f'<html><head><meta charset="euc-kr"></head><body><p>{KOREAN}</p></body></html>'
    doc = document_from(html.encode("euc-kr"))
    assert KOREAN in doc.text
    assert doc.encoding == "cp949"
    assert doc.is_html
    assert doc.warnings == ()


def test_http_equiv_charset_is_read() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-KR">'
        f"</head><body><p>{KOREAN}</p></body></html>"
    )
    assert KOREAN in document_from(html.encode("cp949")).text


def test_undeclared_korean_bytes_are_detected() -> None:
    text = (KOREAN + "\n") * 20
    doc = document_from(text.encode("euc-kr"))
    assert KOREAN in doc.text


def test_bom_wins_over_declaration() -> None:
    body = '<meta charset="iso-8859-1"><p>café</p>'
    data = codecs.BOM_UTF8 + body.encode("utf-8")
    text, encoding, warnings = decode_bytes(data)
    assert "café" in text and encoding == "utf-8-sig" and warnings == ()


def test_latin1_label_means_windows_1252() -> None:
    data = '<meta charset="iso-8859-1"><p>“quoted”</p>'.encode("cp1252")
    assert "“quoted”" in document_from(data).text


def test_undecodable_bytes_are_replaced_and_noted() -> None:
    data = b"Twelve people were killed. " + bytes([0xFF, 0xFE, 0xFA]) * 3 + b"\n" * 2
    text, _enc, _warn = decode_bytes(data, charset="utf-8")
    assert "Twelve people were killed." in text


def test_gzip_is_read_transparently(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"Five people were injured."))
    doc = document_from(path)
    assert doc.text == "Five people were injured."
    assert doc.origin == str(path)


def test_broken_gzip_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="gzip"):
        document_from(b"\x1f\x8b\x08\x00garbage")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="No such file"):
        document_from(tmp_path / "nope.txt")


def test_document_from_goes_by_type_never_by_guessing(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("from the file")
    assert document_from(path).text == "from the file"
    assert document_from(str(path)).text == str(path)  # a str is text here
    assert document_from("not a file name at all").text == "not a file name at all"


def test_sniffing() -> None:
    assert sniff_content_type("<!DOCTYPE html><html><body>x</body></html>") == "text/html"
    assert sniff_content_type("Police said 5 < 6 people.\nSecond line") == "text/plain"


def test_crlf_and_nul_are_normalised() -> None:
    doc = document_from("a\r\nb\x00c")
    assert doc.text == "a\nbc"
    assert "NUL characters removed" in doc.warnings


def test_empty_path_names_no_file() -> None:
    """'' is no file name; before, it was read as the current directory ("Is a directory")."""
    import newsclaims

    with pytest.raises(InputError, match="empty string names no file"):
        read_path("")
    (failure,) = newsclaims.parse_many([""])
    assert isinstance(failure, newsclaims.Failure)
    assert failure.input == "" and "empty string" in failure.message
