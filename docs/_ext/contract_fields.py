"""What each field of the JSON contract means (the ``schema-fields`` table of contract.md).

A field the schema gains without a line here is a build warning, so ``tox -e docs`` fails
until it is explained.
"""

MEANINGS: dict[str, str] = {
    "schema_version": "version of the contract, ``1.x`` (see the versioning policy below)",
    "id": "identifier of this output row: a hash of the input's name, URL and content; unique per input, stable across runs",
    "content_hash": "``sha256:`` and the SHA-256 of ``text``: equal for every copy of one article",
    "title": "the article's headline",
    "authors": "the bylined authors, as written",
    "published": "publication date, ISO 8601 date or date-time; the article's own, else "
    "the caller's ``--published``",
    "language": "language of the article (BCP 47, e.g. ``en``) when declared",
    "source": "where the article was published and, for a repost, first published",
    "source.outlet": "the outlet's name (``The Korea Herald``)",
    "source.domain": "the outlet's domain, without ``www.``",
    "source.url": "the article's URL (canonical link, else the input's URL)",
    "source.original_outlet": "for a repost: the outlet that first published the story",
    "source.original_url": "for a repost: the original article's URL or domain",
    "text": "the clean body: paragraphs separated by a blank line; claim spans point here",
    "removed": "every block the parser took out of the body, in page order",
    "removed[].text": "the removed text as it appeared",
    "removed[].reason": "why: ``byline``, ``credit-line``, ``caption``, ``widget``, "
    "``teaser``, ``boilerplate``, ...",
    "claims": "the claims read from ``text``, in text order",
    "claims[].id": "identifier of the claim, unique in the report",
    "claims[].kind": "``quantity`` (a counted figure) or ``statement`` (an attributed "
    "sentence without a figure of its own)",
    "claims[].quote": "the sentence or clause that states the claim, exactly as in ``text``",
    "claims[].span": "``[start, end)`` character offsets: ``text[start:end] == quote``",
    "claims[].mentions": "other places in ``text`` that state the same claim",
    "claims[].mentions[].quote": "the repeated statement",
    "claims[].mentions[].span": "its ``[start, end)`` offsets into ``text``",
    "claims[].measure": "what is counted: ``killed``, ``wounded``, ``missing``, "
    "``displaced``, ``arrested``, ... (see Claim rules)",
    "claims[].value": "the figure as bounds; ``null`` for statements",
    "claims[].value.low": "lower bound; ``null`` when open (``up to 40``)",
    "claims[].value.high": "upper bound; ``null`` when open (``at least 40``)",
    "claims[].value.low_inclusive": "whether ``low`` itself is possible (``more than 40``: no)",
    "claims[].value.high_inclusive": "whether ``high`` itself is possible (``fewer than 40``: no)",
    "claims[].value.approximate": "``about``, ``some``, ``nearly``, ``dozens``: a rounded figure",
    "claims[].value.unit": "what one unit is: ``persons`` unless stated otherwise",
    "claims[].value.text": "the figure as written (``at least 40``)",
    "claims[].subject": "who is counted; ``null`` when the text does not say",
    "claims[].subject.text": "as the article names them (``North Korean soldiers``)",
    "claims[].subject.affiliation": "a side or group read off the subject, when stated",
    "claims[].subject.carried": "true when the subject comes from an earlier sentence",
    "claims[].attribution": "who the figure comes from, sources before conduits",
    "claims[].attribution[].name": "the fullest name the article gives",
    "claims[].attribution[].short": "an acronym or short form (``NIS``)",
    "claims[].attribution[].type": "``organization``, ``person``, ``media``, "
    "``government`` or ``other``",
    "claims[].attribution[].role": "``source`` (where the figure comes from) or "
    "``conduit`` (who relayed it)",
    "claims[].attribution[].text": "how the article referred to it here "
    "(``the intelligence agency``)",
    "claims[].attribution[].key": "a stable identity across outlets and spellings",
    "claims[].time": "when the figure holds or was issued; ``null`` when unstated",
    "claims[].time.text": "the words (``on Monday``)",
    "claims[].time.start": "ISO date the time starts, resolved against ``published``",
    "claims[].time.end": "ISO date it ends (equal to ``start`` for one day)",
    "claims[].location": "where the counted event happened, as stated",
    "claims[].location.text": "the place as written",
    "claims[].hedges": "hedging words that weaken the claim (``reportedly``, ``feared``)",
    "claims[].flags": "machine-readable notes (``unattributed``, ``vague``, ...)",
    "parser": "which plugin parsed the input",
    "parser.name": "the plugin's entry-point name (``builtin`` for the fallback)",
    "parser.version": "the plugin distribution's version",
    "input": "the input's name: a path, ``<stdin>``, or a WARC record",
    "warnings": "notes on this input: plugins that failed before another parsed it, "
    "replaced undecodable bytes, ...",
}
