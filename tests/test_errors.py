"""One error base class, exported at the top level, and every error survives pickling."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

import newsclaims
from newsclaims.batch.command import UsageError
from newsclaims.commands.new_plugin import TemplateError
from newsclaims.serialize import ContractError

SRC = Path(newsclaims.__file__).parent


class Unpicklable(Exception):
    def __init__(self, a: int, b: int) -> None:  # pickling calls __init__ with args only
        super().__init__(f"{a}/{b}")


def examples() -> list[BaseException]:
    plugin_error = newsclaims.PluginError("koreaherald", "newsclaims_parse", ValueError("x"))
    return [
        newsclaims.NewsclaimsError("base"),
        newsclaims.InputError("a.txt: No such file or directory"),
        newsclaims.EmptyInputError("a.txt: the input is empty"),
        newsclaims.BinaryInputError("a.bin: binary"),
        newsclaims.InputTooLargeError("a.gz: too large"),
        newsclaims.DateError("not ISO 8601"),
        plugin_error,
        newsclaims.PluginError("p", "import", "text, not an exception"),
        newsclaims.PluginError("p", "newsclaims_parse", Unpicklable(1, 2)),
        newsclaims.NoParserError("nobody could", (plugin_error,)),
        newsclaims.UnknownPluginError(["bogus"], ["builtin", "html"], "--plugins"),
        ContractError("not a report"),
        UsageError("give a path"),
        TemplateError("bad name"),
    ]


def test_every_error_class_derives_from_the_exported_base() -> None:
    for exc in examples():
        assert isinstance(exc, newsclaims.NewsclaimsError), type(exc)
    assert newsclaims.NewsclaimsError.__module__ == "newsclaims.errors"
    assert "NewsclaimsError" in newsclaims.__all__


def test_no_error_class_in_the_package_escapes_the_base() -> None:
    """Every ``class ...Error`` defined in the package's source derives from the base."""
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name.endswith("Error"):
                module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
                cls = getattr(__import__(module, fromlist=[node.name]), node.name)
                assert issubclass(cls, newsclaims.NewsclaimsError), f"{module}.{node.name}"


@pytest.mark.parametrize("exc", examples(), ids=lambda e: type(e).__name__)
def test_errors_pickle_with_their_fields(exc: BaseException) -> None:
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is type(exc)
    assert str(back) == str(exc)
    for field in ("plugin", "phase", "names", "installed", "switch"):
        assert getattr(back, field, None) == getattr(exc, field, None)
    if isinstance(exc, newsclaims.PluginError):
        assert str(back.error) == str(exc.error) or type(exc.error).__name__ in str(back.error)
    if isinstance(exc, newsclaims.NoParserError):
        assert [e.plugin for e in back.errors] == [e.plugin for e in exc.errors]


def test_old_import_places_still_work() -> None:
    from newsclaims.dates import DateError
    from newsclaims.host import NoParserError, PluginError
    from newsclaims.inputs import InputError

    assert InputError is newsclaims.InputError
    assert (PluginError, NoParserError, DateError) == (
        newsclaims.PluginError,
        newsclaims.NoParserError,
        newsclaims.DateError,
    )


def test_hookimpl_marker_lives_in_its_own_module() -> None:
    from newsclaims import markers

    assert newsclaims.hookimpl is markers.hookimpl
    for name in ("host.py", "builtin.py"):
        tree = ast.parse((SRC / name).read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module is None:
                names = {a.name for a in node.names}
                assert "hookimpl" not in names, f"{name} imports hookimpl from the package"
