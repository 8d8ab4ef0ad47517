"""Across reports: copies, stories and the series of a figure (issue 12).

Imports flow downward: ``api`` -> ``series``/``grouping`` -> ``copies`` -> ``view``.
"""

from newsclaims.stories.api import Story, stories

__all__ = ["Story", "stories"]
