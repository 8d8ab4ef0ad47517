"""Front matter above a text article: read by :mod:`newsclaims.frontmatter` in the core.

The reading moved to the core so that the html plugin reads the front matter of a
markdown file whose body is HTML the same way; the names stay importable from here.

>>> fm = split_front_matter("---\\ntitle: Flood kills 3\\n---\\nBody.")
>>> fm.fields["title"], fm.body
('Flood kills 3', 'Body.')
"""

from __future__ import annotations

from newsclaims.frontmatter import (
    HEADER_KEYS,
    FrontMatter,
    FrontMatterMeta,
    read_front_matter,
    split_front_matter,
)

__all__ = [
    "HEADER_KEYS",
    "FrontMatter",
    "FrontMatterMeta",
    "read_front_matter",
    "split_front_matter",
]
