"""Expanding arguments into items: directories, --glob, path lists and WARC files.

Every article here is constructed for the test.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsclaims.batch import inputs
from newsclaims.batch.inputs import expand, is_warc, walk

warcio = pytest.importorskip("warcio")


def write(path: Path, text: str = "Constructed article.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], gzip: bool = True) -> Path:
    """A WARC of HTML responses (url, body, content type), plus one image and one 404."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)

        def response(url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-05T10:00:00Z"},
            )
            writer.write_record(record)

        response("https://example.org/logo.png", b"\x89PNG....", "image/png")
        for url, body, ctype in pages:
            response(url, body, ctype)
        response("https://example.org/missing", b"<html>gone</html>", "text/html", "404 Not Found")
    return path


def page(n: int) -> bytes:
    return f"<html><body><p>Constructed page {n}: two people were hurt.</p></body></html>".encode()


def test_walk_sorted_depth_first_skipping_hidden(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.txt", "a/b/y.html", "c.html", ".hidden/x.txt", "a/.x.txt"]:
        write(tmp_path / rel)
    got = [Path(p).relative_to(tmp_path).as_posix() for p in walk(str(tmp_path))]
    assert got == ["b.txt", "c.html", "a/z.txt", "a/b/y.html"]


def test_glob_on_names_and_relative_paths(tmp_path: Path) -> None:
    for rel in ["a.html", "a.txt", "sub/b.html", "sub/deep/c.html"]:
        write(tmp_path / rel)
    names = [Path(p).name for p in walk(str(tmp_path), ["*.html"])]
    assert names == ["a.html", "b.html", "c.html"]
    names = [Path(p).name for p in walk(str(tmp_path), ["sub/*.html"])]
    assert names == ["b.html", "c.html"]  # fnmatch's * crosses folders


def test_expand_keeps_argument_order_and_names_missing_paths(tmp_path: Path) -> None:
    one = write(tmp_path / "one.txt")
    folder = tmp_path / "dir"
    write(folder / "2.txt")
    write(folder / "1.txt")
    items = list(expand([str(folder), str(tmp_path / "nope.txt"), str(one)]))
    assert [Path(i.name).name for i in items] == ["1.txt", "2.txt", "nope.txt", "one.txt"]
    missing = items[2]
    assert missing.error is not None and missing.error[0] == "InputError"
    assert items[0].size == len("Constructed article.\n")


def test_from_file_lists_paths_after_arguments(tmp_path: Path) -> None:
    a, b = write(tmp_path / "in" / "a.txt"), write(tmp_path / "in" / "b.txt")
    write(tmp_path / "in" / "c.html")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# constructed list\n\n  {b}  \n{tmp_path / 'in'}\n", "utf-8")
    names = [i.name for i in expand([str(a)], ["*.txt"], from_file=str(listing))]
    assert names == [str(a), str(b), str(a), str(b)]


def test_from_file_reads_stdin(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt")
    stream = io.BytesIO(f"{a}\n".encode())
    assert list(inputs.read_path_list("-", stream)) == [str(a)]


def test_warc_records_become_items(tmp_path: Path) -> None:
    warc = write_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://example.org/a", page(1), "text/html; charset=utf-8"),
            ("https://example.org/b", page(2), "application/xhtml+xml"),
        ],
    )
    assert is_warc(warc) and is_warc("X.WARC") and not is_warc("a.warc.txt")
    items = list(expand([str(warc)]))
    assert [i.url for i in items] == ["https://example.org/a", "https://example.org/b"]
    assert all(i.published == "2024-03-05T10:00:00Z" for i in items)
    assert items[0].charset == "utf-8" and items[1].charset is None
    assert items[0].data == page(1)
    names = [i.name for i in items]
    assert len(set(names)) == 2 and all(n.startswith(f"{warc}#") for n in names)
    # the name is the record's offset: reading from there gives that record back
    from warcio.archiveiterator import ArchiveIterator

    with open(warc, "rb") as fh:
        fh.seek(int(names[1].rsplit("#", 1)[1]))
        record = next(iter(ArchiveIterator(fh)))
        assert record.rec_headers.get_header("WARC-Target-URI") == "https://example.org/b"
    # the same file gives the same names
    assert [i.name for i in expand([str(warc)])] == names
    # sizes account for the whole file, skipped records included (progress and MB/s)
    assert sum(i.size for i in items) <= warc.stat().st_size


def test_uncompressed_warc(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "c.warc", [("https://e.org/1", page(1), "text/html")], False)
    assert [i.url for i in expand([str(warc)])] == ["https://e.org/1"]


def test_corrupt_warc_is_one_error_item(tmp_path: Path) -> None:
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"this is not a warc file at all\n" * 10)
    items = list(expand([str(bad)]))
    assert len(items) == 1
    assert items[0].name == str(bad) and items[0].error is not None


def test_warc_without_warcio_is_an_error_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warc = write_warc(tmp_path / "c.warc.gz", [("https://e.org/1", page(1), "text/html")])
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    (item,) = list(expand([str(warc)]))
    assert item.error is not None
    assert item.error[0] == "MissingDependency" and "newsclaims[warc]" in item.error[1]
