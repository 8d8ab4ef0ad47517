"""Sphinx configuration of the newsclaims documentation (``tox -e docs``)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

project = "newsclaims"
author = "newsclaims developers"
copyright = "newsclaims developers"
from newsclaims import __version__ as release  # noqa: E402

version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "nc_docs",
]
source_suffix = {".md": "markdown"}
master_doc = "index"
exclude_patterns = ["_build", "design.md"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = False
nitpicky = False

html_theme = "alabaster"
html_title = f"newsclaims {release}"
html_static_path: list[str] = []
html_theme_options = {
    "description": "Normalized, attributed, quantitative claims from news articles",
    "fixed_sidebar": True,
}

doctest_global_setup = "import newsclaims"
