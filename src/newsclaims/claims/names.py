"""The grammar of names in news prose: capitalised words, linking words, titles.

Shared by :mod:`.entities` (who is named in an article) and :mod:`.sources` (who a sentence
credits). Letters cover the Latin alphabets news names are written in ("Andrés", "Castaño").
"""

from __future__ import annotations

from .. import _re as re
from .lexicon import TITLES
from .wordlists import alternation

# capital and small letters of the Latin alphabets news names are written in ("Andrés", "Castaño")
UP = "A-ZÀ-ÖØ-Þ"
LOW = "a-zß-öø-ÿā-ž"
CAP = rf"(?:[{UP}][\w'’.&-]*|[{UP}]{{2,}})"
#: words that link the words of a name: "Ministry of the Interior", "Ahmad bin Ali"
LINK = r"(?:of|the|for|and|de|al|bin|el|on|du|van|von|der)"
#: a name: capitalised words, with linking words between them
NAME_SEQ = rf"{CAP}(?:\s+(?:{LINK}\s+)*{CAP})*"
#: the titles before a person's name, as one alternation
TITLE_RX = alternation(TITLES)
DEFINITE = re.compile(r"^(?:the|this|that|these|those)\s+", re.I)
NAME_WORD = rf"[{UP}][{LOW}'’]+(?:-[A-Za-z][{LOW}]+)?"
#: a person's name: two to four capitalised words ("Maria Lopez", "Kim Byung-kee")
PERSON_NAME = rf"(?:{NAME_WORD}\s){{1,3}}{NAME_WORD}"
CAPITAL = re.compile(f"[{UP}]")
LINK_WORDS = frozenset(LINK[3:-1].split("|"))
