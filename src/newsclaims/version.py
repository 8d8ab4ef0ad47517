"""The version of the newsclaims distribution, in a module of its own.

The host, the CLI and the plugin template read it from here, so none of them imports the
package's ``__init__`` (which imports the pipeline, which imports the host: a cycle).
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
