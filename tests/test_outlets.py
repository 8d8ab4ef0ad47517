"""``newsclaims outlets``: every outlet the loaded plugins name, who names it, who parses it."""

from __future__ import annotations

import json
from collections.abc import Iterable

import pytest

from newsclaims import hookimpl, testing
from newsclaims.cli import main
from newsclaims.commands.outlets import outlet_rows
from newsclaims.knowledge import Outlet
from newsclaims.models import Document


class Daily:
    @hookimpl
    def newsclaims_outlets(self) -> Iterable[Outlet]:
        return [Outlet("Example Daily", ("daily.example", "m.daily.example")), Outlet("Nameless")]

    @hookimpl
    def newsclaims_detect(self, document: Document) -> float | None:
        return document.outlet_score(domains=("daily.example",))


def test_rows_name_the_declaring_and_the_parsing_plugin() -> None:
    rows = outlet_rows(testing.host_with(("daily", Daily())))
    daily = next(r for r in rows if r["outlet"] == "Example Daily")
    assert daily == {
        "outlet": "Example Daily",
        "domains": ["daily.example", "m.daily.example"],
        "plugin": "daily",
        "parser": "daily",
    }
    assert next(r for r in rows if r["outlet"] == "Nameless")["parser"] is None
    assert any(r["plugin"] == "builtin" for r in rows)
    keys = [r["outlet"].lower().removeprefix("the ") for r in rows]
    assert keys == sorted(keys)


def test_a_broken_outlets_hook_does_not_stop_the_others() -> None:
    class Broken:
        @hookimpl
        def newsclaims_outlets(self) -> Iterable[Outlet]:
            raise RuntimeError("boom")

    rows = outlet_rows(testing.host_with(("broken", Broken()), strict=False))
    assert rows and all(r["plugin"] == "builtin" for r in rows)


@pytest.mark.parametrize("as_json", [True, False])
def test_cli(capsys: pytest.CaptureFixture[str], as_json: bool) -> None:
    assert main(["outlets", *(["--json"] if as_json else [])]) == 0
    out = capsys.readouterr().out
    if as_json:
        rows = json.loads(out)
        assert {"outlet", "domains", "plugin", "parser"} == set(rows[0])
    else:
        assert out.splitlines()[0].split() == ["outlet", "domains", "plugin", "parser"]
        assert "Reuters" in out and "reuters.com" in out
