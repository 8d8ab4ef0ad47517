"""Decoding: one bad byte never garbles a UTF-8 file; legacy text finds its codec (issue 10
item 14). Samples are built here, in each codec, from sentences written for the test."""

from __future__ import annotations

import codecs

import pytest

import newsclaims
from newsclaims.inputs import decode_bytes

FRENCH = (
    "Le \u201cnaïve\u201d propriétaire du café a dit que 12 personnes \u2014 dont "
    "l\u2019élève \u2014 étaient blessées. "
)
GERMAN = "Die Behörden in München erklärten, dass fünf Menschen verletzt wurden. Straßen gesperrt. "
RUSSIAN = "Власти сообщили, что в результате пожара погибли пять человек, ещё двенадцать ранены. "
JAPANESE = "東京消防庁によると、火災で五人が死亡し、十二人が負傷した。警察が原因を調べている。"
POLISH = (
    "Według policji w pożarze zginęło pięć osób, a dwanaście zostało rannych. Świadkowie mówią. "
)
KOREAN = "경찰에 따르면 화재로 다섯 명이 숨지고 열두 명이 다쳤다. "


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_a_utf8_file_with_one_invalid_byte_stays_utf8_with_a_warning(where: str) -> None:
    good = (FRENCH + RUSSIAN + KOREAN) * 3
    data = good.encode("utf-8")
    cut = {"start": 0, "middle": len(data) // 2, "end": len(data)}[where]
    while where == "middle" and (data[cut] & 0xC0) == 0x80:  # not inside a character
        cut += 1
    data = data[:cut] + b"\xff" + data[cut:]
    text, encoding, warnings = decode_bytes(data)
    assert encoding == "utf-8"
    assert text.replace("\ufffd", "", 1) == good
    assert warnings and "U+FFFD" in warnings[0]
    report = newsclaims.parse_bytes(data)
    assert any("U+FFFD" in w for w in report.warnings)
    assert "naïve" in report.text and "ïve" not in report.text.replace("naïve", "")


def test_a_few_bad_bytes_in_a_latin_utf8_file() -> None:
    data = (FRENCH * 4).encode("utf-8").replace("é".encode(), b"\xe9", 2)  # two cp1252 é
    text, encoding, warnings = decode_bytes(data)
    assert encoding == "utf-8" and text.count("\ufffd") == 2 and warnings
    assert "naïve" in text and "“" in text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (FRENCH, "cp1252"),
        (FRENCH * 6, "cp1252"),
        (GERMAN * 3, "cp1252"),
        (RUSSIAN * 3, "cp1251"),
        (JAPANESE * 3, "shift_jis"),
        (POLISH * 3, "cp1250"),
        (KOREAN * 3, "euc-kr"),
    ],
)
def test_undeclared_legacy_text_decodes_right(text: str, codec: str) -> None:
    decoded, encoding, warnings = decode_bytes(text.encode(codec))
    assert decoded == text, f"read as {encoding}"
    assert not warnings


def test_cp1252_is_not_read_as_cp1250() -> None:
    decoded, encoding, _ = decode_bytes("The naïve café owner.".encode("cp1252") * 3)
    assert "naïve" in decoded and "naďve" not in decoded
    assert codecs.lookup(encoding).name == "cp1252"


def test_declared_charsets_still_win() -> None:
    body = FRENCH * 2
    # an HTTP header, then a meta charset, beat the detector (and the bytes' own look)
    assert (
        decode_bytes(body.encode("cp1250", "replace"), "iso-8859-2")[1]
        == codecs.lookup("iso-8859-2").name
    )
    page = f'<meta charset="windows-1250"><p>{POLISH}</p>'.encode("cp1250")
    assert decode_bytes(page) == (page.decode("cp1250"), "cp1250", ())
    # a byte-order mark beats both
    assert decode_bytes(codecs.BOM_UTF8 + page, "cp1252")[1] == "utf-8-sig"


def test_a_declared_charset_with_one_bad_byte_is_kept() -> None:
    page = f'<meta charset="euc-kr"><p>{KOREAN * 20}</p>'.encode("euc-kr")
    page = page[:60] + b"\xff" + page[60:]
    text, encoding, warnings = decode_bytes(page)
    assert encoding == "cp949" and warnings and KOREAN.strip() in text


def test_utf16_without_a_bom_is_detected() -> None:
    text = "Police said five people died in the fire on Monday. " * 3
    assert decode_bytes(text.encode("utf-16-le"))[0] == text


@pytest.mark.parametrize("data", [b"\xfe\xff\x00\x00", b"\x00\x00\xfe\xff"])
def test_bytes_that_look_like_a_wide_bom_but_are_none_give_a_document_or_a_typed_error(
    data: bytes,
) -> None:
    # found by the property tests: the 'utf-32' codec raises a bare UnicodeError ("stream
    # does not start with BOM"), which the decoding did not catch
    from newsclaims import NewsclaimsError
    from newsclaims.inputs import document_from

    try:
        document = document_from(data)
    except NewsclaimsError:
        return
    assert isinstance(document.text, str)


def test_a_declared_wide_charset_without_its_bom_does_not_crash() -> None:
    from newsclaims.inputs import decode_bytes

    text, _codec, _warnings = decode_bytes(b"Police said 3 were hurt.", charset="utf-32")
    assert "Police" in text
