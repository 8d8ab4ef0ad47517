"""Every error newsclaims raises on purpose, under one base class.

Catch :class:`NewsclaimsError` to catch them all. Each error keeps its fields (``plugin``,
``phase``, ``errors``, ...) through :mod:`pickle`, so an error raised in a worker process
reaches the parent whole (issue 10 item 5): the base class pickles the message and the
instance's attributes instead of calling ``__init__`` again with the message alone.

>>> import pickle
>>> err = PluginError("koreaherald", "newsclaims_parse", ValueError("layout changed"))
>>> back = pickle.loads(pickle.dumps(err))
>>> back.plugin, back.phase, str(back) == str(err)
('koreaherald', 'newsclaims_parse', True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _restore(cls: type[NewsclaimsError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    exc = cls.__new__(cls)
    exc.args = args
    exc.__dict__.update(state)
    return exc


class NewsclaimsError(Exception):
    """The base of every error newsclaims raises on purpose."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (_restore, (type(self), self.args, self._state()))

    def _state(self) -> dict[str, Any]:
        return dict(self.__dict__)


class InputError(NewsclaimsError):
    """An input could not be read (missing file, unreadable archive, ...)."""


class EmptyInputError(InputError):
    """The input holds nothing to parse: no bytes, or only white space."""


class BinaryInputError(InputError):
    """The input is not text or HTML (an executable, an image, random bytes)."""


class InputTooLargeError(InputError):
    """The input (after decompression) is larger than the configured limit."""


class DateError(NewsclaimsError, ValueError):
    """A date string could not be read (or is not in the form asked for)."""


class PluginError(NewsclaimsError):
    """A plugin failed to load, validate or run; ``plugin`` names it, ``phase`` says where."""

    def __init__(self, plugin: str, phase: str, error: BaseException | str) -> None:
        self.plugin = plugin
        self.phase = phase
        self.error = error
        detail = f"{type(error).__name__}: {error}" if isinstance(error, BaseException) else error
        super().__init__(f"plugin {plugin!r} failed in {phase}: {detail}")

    def _state(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        error = state.get("error")
        if isinstance(error, BaseException):
            import pickle

            try:  # a plugin's own exception may not pickle: keep its text then
                pickle.loads(pickle.dumps(error))
            except Exception:
                state["error"] = f"{type(error).__name__}: {error}"
        return state


class NoParserError(NewsclaimsError):
    """No plugin could parse a document; ``errors`` holds what each one said."""

    def __init__(self, message: str, errors: tuple[PluginError, ...] = ()) -> None:
        self.errors = errors
        super().__init__(message)


class UnknownPluginError(NewsclaimsError, ValueError):
    """A plugin switch names a plugin that is not installed; ``installed`` lists those that are."""

    def __init__(self, names: Iterable[str], installed: Iterable[str], switch: str = "") -> None:
        self.names = tuple(sorted(names))
        self.installed = tuple(sorted(installed))
        self.switch = switch
        where = f"{switch}: " if switch else ""
        super().__init__(
            f"{where}unknown plugin name(s) {', '.join(self.names)}; "
            f"installed: {', '.join(self.installed) or '(none)'}"
        )


__all__ = [
    "BinaryInputError",
    "DateError",
    "EmptyInputError",
    "InputError",
    "InputTooLargeError",
    "NewsclaimsError",
    "NoParserError",
    "PluginError",
    "UnknownPluginError",
]
