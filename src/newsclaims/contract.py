"""The JSON Schema of the contract, built from the code: structure, meanings, vocabularies.

The schema shipped in the package (``schema/report.schema.json``, what ``newsclaims schema``
prints) is exactly what :func:`build_schema` returns; a test compares the two, so a lexicon
that gains a measure or a hedge, or a field without a description, fails the tests until the
file is written again::

    python -m newsclaims.contract            # rewrite src/newsclaims/schema/report.schema.json
    python -m newsclaims.contract --check    # exit 1 when the shipped file is out of date

The vocabularies are read from where the engine keeps them: measures from the core measure
lexicon (:data:`newsclaims.claims.lexicon.MEASURE_TERMS`), hedges from
:data:`~newsclaims.claims.lexicon.HEDGE_PATTERN`, claim kinds, attribution types and roles
and flags from :mod:`newsclaims.models`. Every property has a ``description``: those texts are
the one source of the field meanings, and the documentation renders its field tables from
them. Objects stay open (no ``additionalProperties: false``): a 1.0 reader accepts a 1.x
record with fields it does not know.

>>> schema = build_schema()
>>> "killed" in schema["$defs"]["measure"]["enum"]
True
>>> sorted(schema["$defs"]["attribution"]["properties"]["role"]["enum"])
['conduit', 'source']
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, get_args

from . import _re as re
from .models import CLAIM_FLAGS, PUBLISHED_FROM, ClaimKind, EntityType, Role

__all__ = [
    "CLAIMS_DOC",
    "build_schema",
    "core_measures",
    "expand_words",
    "hedge_words",
    "schema_text",
]

#: Where the claim rules are written down (the "Claim rules" page of the documentation).
CLAIMS_DOC = "docs/claims.md"
#: Where the field meanings are rendered (the "JSON contract" page).
CONTRACT_DOC = "docs/contract.md"

_OPTIONAL = re.compile(r"(.)\?")


def expand_words(pattern: str) -> tuple[str, ...]:
    """Every word a simple alternation of literals matches, in pattern order.

    Supported: ``|`` between alternatives, letters, spaces, hyphens and apostrophes, and
    ``?`` after a single letter (``rumou?rs?`` -> rumours, rumour, rumors, rumor). Anything
    else raises :class:`ValueError`, so a lexicon written in richer syntax is noticed here
    instead of leaving words out of the schema.

    >>> expand_words("estimates?|thought to")
    ('estimates', 'estimate', 'thought to')
    """
    out: list[str] = []
    for alt in pattern.split("|"):
        if not re.fullmatch(r"(?:[a-z '’-]\??)+", alt) or alt.startswith("?"):
            raise ValueError(f"cannot enumerate the words of {alt!r}")
        forms = [""]
        for literal, optional in re.findall(r"([a-z '’-])(\??)", alt):
            forms = [f + literal for f in forms] + (forms if optional else [])
        out.extend(f for f in forms if f not in out)
    return tuple(out)


def hedge_words() -> tuple[str, ...]:
    """The hedge vocabulary: every word the engine records in ``hedges``, sorted."""
    from .claims import lexicon

    return tuple(sorted(set(expand_words(lexicon.HEDGE_PATTERN))))


def core_measures() -> tuple[str, ...]:
    """The measures of the core lexicon (CLAIMS.md's version-1 measures), sorted."""
    from .claims import lexicon

    return tuple(sorted({t.measure for t in lexicon.MEASURE_TERMS}))


#: A plugin's own measure is written ``<plugin>:<measure>`` (the host checks it).
PLUGIN_MEASURE = r"^[a-z0-9_.-]+:[a-z0-9_.-]+$"


def _nullable(node: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "oneOf": [{"type": "null"}, node]}


def _text(description: str, *, null: bool = False, **more: Any) -> dict[str, Any]:
    kind: Any = ["string", "null"] if null else "string"
    return {"type": kind, "description": description, **more}


def _object(
    title: str, description: str, properties: dict[str, Any], required: list[str] | None = None
) -> dict[str, Any]:
    return {
        "title": title,
        "description": description,
        "type": "object",
        "required": list(properties) if required is None else required,
        "properties": properties,
    }


def _version() -> dict[str, Any]:
    return _text(
        "version of the contract, 1.x: a 1.x record only adds optional fields to 1.0, "
        "so a reader of 1.0 reads it (version 2 would rename or remove a field)",
        pattern=r"^1\.\d+$",
    )


def _report() -> dict[str, Any]:
    source = _object(
        "source",
        "where the article was published and, for a repost, where it first appeared",
        {
            "outlet": _text("the outlet's name (The Example Times)", null=True),
            "domain": _text("the outlet's domain, lower case, without www.", null=True),
            "url": _text("the article's URL: its canonical link, else the input's URL", null=True),
            "original_outlet": _text(
                "for a repost: the outlet that first published the story", null=True
            ),
            "original_url": _text("for a repost: the original article's URL or domain", null=True),
        },
    )
    removed = _object(
        "removed block",
        "a block the parser took out of the body",
        {
            "text": _text("the removed text as it appeared"),
            "reason": _text(
                "why, machine-readable: byline, credit-line, caption, widget, teaser, "
                "comment-form, share, prompt, counter, identifier, separator, copyright, "
                "title, boilerplate (a plugin may give its own)"
            ),
        },
    )
    parser = _object(
        "parser",
        "which plugin parsed the input",
        {
            "name": _text("the plugin's entry-point name (builtin for the fallback parser)"),
            "version": _text("the plugin distribution's version", null=True),
        },
    )
    properties: dict[str, Any] = {
        "schema_version": _version(),
        "id": _text(
            "identifier of this output row: 16 hex digits of a SHA-256 over the input's "
            "name (path, <stdin>, file.warc.gz#offset), its URL and its content; unique per "
            "input, stable across runs (copies of one page have their own ids: group them "
            "on content_hash)",
            minLength=1,
        ),
        "title": _text("the article's headline", null=True),
        "authors": {
            "type": "array",
            "description": "the bylined authors, as written, in byline order",
            "items": {"type": "string", "description": "one author's name"},
        },
        "published": _text(
            "publication date, ISO 8601 date or date-time: the one the caller gave "
            "(--published), else the article's own, else the input's fallback (HTTP "
            "Last-Modified, WARC-Date); null when none is known (see published_from)",
            null=True,
        ),
        "language": _text(
            "language of the article, a BCP 47 tag (en), declared or detected", null=True
        ),
        "source": source,
        "text": _text(
            "the clean body: paragraphs separated by a blank line; claims are read from "
            "it and every span points into it"
        ),
        "removed": {
            "type": "array",
            "description": "every block the parser took out of the body, in page order",
            "items": removed,
        },
        "claims": {
            "type": "array",
            "description": f"the claims read from text, in text order (rules: {CLAIMS_DOC})",
            "items": {"$ref": "#/$defs/claim"},
        },
        "parser": parser,
        "input": _text("the input's name: a path, <stdin>, or a WARC record", null=True),
        "warnings": {
            "type": "array",
            "description": "notes on this input that did not stop it: plugins that failed "
            "before another parsed it, knowledge hooks whose contribution was dropped, "
            "replaced undecodable bytes, a placeholder date dropped, ...",
            "items": {"type": "string", "description": "one warning, naming its cause"},
        },
        "content_hash": _text(
            "sha256: and the 64 hex digits of the SHA-256 of text: equal for every copy of "
            "one article, whatever page or file held it (added in 1.1)",
            pattern=r"^sha256:[0-9a-f]{64}$",
        ),
        "published_from": {
            "description": "where published came from: given by the caller (--published), "
            "the article's own metadata, or a fallback of the input that is no publication "
            "date of the article (last-modified: the HTTP header; warc-date: the crawl "
            "time); null when published is null (added in 1.2)",
            "enum": [*PUBLISHED_FROM, None],
        },
    }
    optional = ("input", "warnings", "content_hash", "published_from")
    required = [k for k in properties if k not in optional]
    report = _object(
        "report", "one parsed news article with its quantitative claims and attributed "
        "statements", properties, required,
    )  # fmt: skip
    return report


def _error() -> dict[str, Any]:
    error = _object(
        "error record",
        "an input that gave no report, in the report's place: which input, what went "
        "wrong, and which plugin (an error record never has an id)",
        {
            "schema_version": _version(),
            "input": _text("the input's name: a path, <stdin>, or a WARC record"),
            "error": _text(
                "the error's type (InputError, EmptyInputError, BinaryInputError, "
                "NoParserError, WorkerDied, ContractError, ...)",
                minLength=1,
            ),
            "message": _text("what went wrong, naming the plugin when one failed"),
            "plugin": _text("the plugin that failed, or null", null=True),
        },
    )
    error["not"] = {"required": ["id"]}
    return error


def _claim() -> dict[str, Any]:
    mention = _object(
        "mention",
        "another place in text that states the same claim",
        {
            "quote": _text("the repeated statement, exactly as in text"),
            "span": {"$ref": "#/$defs/span", "description": "its [start, end) offsets into text"},
        },
    )
    subject = _object(
        "subject",
        "who is counted",
        {
            "text": _text(
                "the counted group as the article names it, with its nationality or "
                "affiliation from the same clause (Sudanese soldiers)"
            ),
            "affiliation": _text(
                "a side or group read off the subject or the agent of a verb of sending "
                "(Ruritania in 'Ruritania dispatched 3,000 troops'), when stated",
                null=True,
            ),
            "carried": {
                "type": "boolean",
                "description": "true when the group comes from an earlier clause or sentence",
            },
        },
        ["text"],
    )
    properties: dict[str, Any] = {
        "id": _text("identifier of the claim, unique in the report", minLength=1),
        "kind": {
            "description": "quantity: a counted figure about people; statement: a sentence "
            "the text credits to a source, with no value of its own",
            "enum": list(get_args(ClaimKind)),
        },
        "quote": _text("the sentence that states the claim, exactly as in text"),
        "span": {
            "$ref": "#/$defs/span",
            "description": "[start, end) character offsets: text[start:end] == quote",
        },
        "mentions": {
            "type": "array",
            "description": "other places that state the same figure (same measure, bounds, "
            "group and sources): one claim per figure per report",
            "items": mention,
        },
        "measure": {
            "description": f"what is counted, for a quantity (null for a statement): one of "
            f"the version-1 measures, or <plugin>:<measure> for a plugin's own (see {CLAIMS_DOC})",
            "anyOf": [
                {"type": "null"},
                {"$ref": "#/$defs/measure"},
                {"type": "string", "pattern": PLUGIN_MEASURE},
            ],
        },
        "value": _nullable({"$ref": "#/$defs/value"}, "the figure as bounds; null for a statement"),
        "subject": _nullable(subject, "who is counted; null when the text does not say"),
        "attribution": {
            "type": "array",
            "description": "every source the text credits for the claim, sources before "
            "conduits, innermost first; empty when the outlet itself asserts it",
            "items": {"$ref": "#/$defs/attribution"},
        },
        "time": _nullable(
            {"$ref": "#/$defs/time"}, "when the figure holds or was issued; null when unstated"
        ),
        "location": _nullable(
            _object(
                "place",
                "where the counted event happened",
                {"text": _text("the place as written (Darfur region)")},
            ),
            "where the counted event happened, when the sentence says; else null",
        ),
        "hedges": {
            "type": "array",
            "description": "words of the sentence that weaken the claim, lower case, in text "
            "order, each once",
            "items": {"$ref": "#/$defs/hedge"},
        },
        "flags": {
            "type": "array",
            "description": "machine-readable notes on the claim: increment (an 'additional', "
            "'another' or 'N more' figure: the bounds are still the stated number)",
            "items": {
                "description": "one flag",
                "enum": list(CLAIM_FLAGS),
            },
        },
    }
    required = [k for k in properties if k != "flags"]
    return _object(
        "claim",
        f"one quantity or attributed statement read from the report's text ({CLAIMS_DOC})",
        properties,
        required,
    )


def _value() -> dict[str, Any]:
    bound = {"type": ["number", "null"]}
    return _object(
        "value",
        "a stated figure as bounds: record the stated number, invent no precision",
        {
            "low": {**bound, "description": "lower bound; null when open (up to 40)"},
            "high": {**bound, "description": "upper bound; null when open (at least 40)"},
            "low_inclusive": {
                "type": "boolean",
                "description": "whether low itself is possible (more than 40: false)",
            },
            "high_inclusive": {
                "type": "boolean",
                "description": "whether high itself is possible (fewer than 40: false)",
            },
            "approximate": {
                "type": "boolean",
                "description": "the figure is rounded or vague: about, some, nearly, dozens",
            },
            "unit": _text("persons for counts of people, percent for a percentage (30% -> 30)"),
            "text": _text("the figure as written (at least 40)"),
        },
    )


def _attribution() -> dict[str, Any]:
    return _object(
        "attribution",
        "one source credited for a claim",
        {
            "name": _text(
                "the fullest name the article gives (World Health Organization); a "
                "plugin's entity keeps the plugin's name"
            ),
            "short": _text("an acronym or short form (WHO)", null=True),
            "type": {
                "description": "what the source is",
                "enum": list(get_args(EntityType)),
            },
            "role": {
                "description": "source: where the figure comes from; conduit: who relayed it "
                "(Y in 'according to X, Y said')",
                "enum": list(get_args(Role)),
            },
            "text": _text(
                "how the article referred to it at this place (the intelligence agency)",
                null=True,
            ),
            "key": _text(
                "a stable identity across outlets and spellings (romanisation variants of "
                "one name share it)",
                null=True,
            ),
        },
        ["name", "short", "type", "role"],
    )


def _time() -> dict[str, Any]:
    date = {"type": ["string", "null"], "format": "date"}
    return _object(
        "time",
        "when a figure holds or was issued, resolved against the report's published date",
        {
            "text": _text("the words (on Monday, mid-March)"),
            "start": {
                **date,
                "description": "ISO date the time starts; null when it cannot be resolved "
                "(no publication date)",
            },
            "end": {**date, "description": "ISO date it ends (equal to start for one day)"},
        },
    )


def build_schema() -> dict[str, Any]:
    """The JSON Schema of one output record (a report or an error record), from the code."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsclaims.invalid/schema/report-1.json",
        "$comment": (
            "Generated by python -m newsclaims.contract; do not edit. Field meanings are "
            f"the descriptions (rendered in {CONTRACT_DOC}); the claim rules (measures, "
            "bounds, attribution, time, hedges, what is not a claim) are in "
            f"{CLAIMS_DOC}, the 'Claim rules' page of the documentation."
        ),
        "title": "newsclaims record",
        "description": (
            "One record of newsclaims output (contract version 1): a report, or an error "
            "record for an input that gave none. Reports always have an id, error records "
            f"never do. Claim rules: {CLAIMS_DOC}."
        ),
        "oneOf": [{"$ref": "#/$defs/report"}, {"$ref": "#/$defs/error"}],
        "$defs": {
            "report": _report(),
            "error": _error(),
            "span": {
                "description": "[start, end) character offsets into the report's text",
                "type": "array",
                "prefixItems": [
                    {"type": "integer", "minimum": 0, "description": "first character"},
                    {"type": "integer", "minimum": 0, "description": "one past the last"},
                ],
                "minItems": 2,
                "maxItems": 2,
            },
            "claim": _claim(),
            "value": _value(),
            "attribution": _attribution(),
            "time": _time(),
            "measure": {
                "description": "the version-1 measures, from the core measure lexicon",
                "enum": list(core_measures()),
            },
            "hedge": {
                "description": "the hedge vocabulary of the engine (lexicon.HEDGE_PATTERN)",
                "enum": list(hedge_words()),
            },
        },
    }


def schema_text() -> str:
    """:func:`build_schema` as the shipped file's text."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def _shipped() -> Path:
    from importlib import resources  # not at import: the host imports this module (issue 14)

    return Path(str(resources.files("newsclaims").joinpath("schema/report.schema.json")))


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the shipped schema file."""
    parser = argparse.ArgumentParser(prog="python -m newsclaims.contract")
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    path, text = _shipped(), schema_text()
    if args.check:
        stale = path.read_text("utf-8") != text
        if stale:
            sys.stderr.write(f"{path} is out of date: run python -m newsclaims.contract\n")
        return int(stale)
    path.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
