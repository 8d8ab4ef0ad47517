"""The pluggy marker plugin authors decorate their hook implementations with.

It lives in a module of its own so that the host, the built-in plugin and any plugin can
import it without importing the package's ``__init__`` (no import cycle);
``newsclaims.hookimpl`` is the same object.

>>> import newsclaims
>>> newsclaims.hookimpl is hookimpl
True
"""

from __future__ import annotations

import pluggy

#: The project name pluggy matches hook implementations by.
PROJECT = "newsclaims"

#: The marker plugin authors decorate their hook implementations with.
hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = ["PROJECT", "hookimpl"]
