"""Guards: no seed-specific strings in library code; every public function documented."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import newsclaims_koreaherald

SRC = Path(newsclaims_koreaherald.__file__).parent
# assembled so that this file itself does not carry the strings
FORBIDDEN = [
    "Lee " + "Seong",
    "Seong" + "-kweun",
    "Seong " + "Kwon",
    "Daniel " + "Kim",
    "Storm " + "Corps",
    "9c848a93" + "a6490cdf",
    "9a4c3f03" + "e902e560",
]


def test_library_code_has_no_seed_strings() -> None:
    for path in SRC.rglob("*.py"):
        text = path.read_text("utf-8").lower()
        for s in FORBIDDEN:
            assert s.lower() not in text, f"{path.name} contains {s!r}"


def test_public_functions_have_docstrings() -> None:
    for info in pkgutil.iter_modules([str(SRC)]):
        module = importlib.import_module(f"newsclaims_koreaherald.{info.name}")
        assert module.__doc__, info.name
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                assert obj.__doc__, f"{info.name}.{name}"


def test_doctests() -> None:
    import doctest

    for info in pkgutil.iter_modules([str(SRC)]):
        module = importlib.import_module(f"newsclaims_koreaherald.{info.name}")
        result = doctest.testmod(module)
        assert result.failed == 0, info.name
