"""The cleaner end to end on constructed snippets."""

from __future__ import annotations

from datetime import datetime

from newsclaims_text import clean_text

from newsclaims.knowledge import Knowledge
from newsclaims.models import Document, Removed

BODY = "The army said on Monday that 12 soldiers were killed and 40 wounded in the attack."


def reasons(removed: tuple[Removed, ...]) -> list[str]:
    return [r.reason for r in removed]


def test_title_byline_counter_and_widget(knowledge: Knowledge) -> None:
    doc = Document(f"Twelve Soldiers Killed in Attack\nJane Doe Views\n{BODY}\nMost Commented")
    article = clean_text(doc, knowledge)
    assert article.title == "Twelve Soldiers Killed in Attack"
    assert article.authors == ("Jane Doe",)
    assert article.text == BODY
    assert reasons(article.removed) == ["title", "byline", "widget"]


def test_single_line_text_gets_no_title(knowledge: Knowledge) -> None:
    doc = Document(f"Attack Kills 12{BODY}")
    article = clean_text(doc, knowledge)
    assert article.title is None
    assert article.text == f"Attack Kills 12{BODY}"


def test_first_line_sentence_is_not_a_title(knowledge: Knowledge) -> None:
    doc = Document(f"Officials gave the toll.\n{BODY}")
    article = clean_text(doc, knowledge)
    assert article.title is None
    assert article.text == f"Officials gave the toll.\n\n{BODY}"


def test_dates_prefer_published_then_document(knowledge: Knowledge) -> None:
    doc = Document(
        f"Attack Kills 12\nUpdated: March 5, 2024\nPublished: March 4, 2024\n{BODY}",
        published=datetime(2020, 1, 1),
    )
    assert clean_text(doc, knowledge).published == datetime(2024, 3, 4)
    only_updated = Document(f"Attack Kills 12\nUpdated: March 5, 2024\n{BODY}")
    assert clean_text(only_updated, knowledge).published == datetime(2024, 3, 5)
    none = Document(f"Attack Kills 12\n{BODY}", published=datetime(2020, 1, 1))
    assert clean_text(none, knowledge).published == datetime(2020, 1, 1)


def test_credit_line_sets_original(knowledge: Knowledge) -> None:
    doc = Document(f"{BODY}\n\nOriginal Source: www.example-daily.test\n")
    article = clean_text(doc, knowledge)
    assert article.source.original_url == "www.example-daily.test"
    assert article.source.original_outlet is None  # the core falls back to the domain
    assert article.text == BODY


def test_known_outlet_credit(knowledge: Knowledge) -> None:
    article = clean_text(Document(f"{BODY}\n(Reuters)"), knowledge)
    assert article.source.original_outlet == "Reuters"


def test_wire_dateline_names_the_outlet_without_touching_text(knowledge: Knowledge) -> None:
    text = f"SEOUL, March 27 (Yonhap) -- {BODY}"
    article = clean_text(Document(text), knowledge)
    assert article.source.original_outlet == "Yonhap"
    assert article.text == text


def test_body_lines_keep_their_characters(knowledge: Knowledge) -> None:
    lines = [
        "“North Korea tries to recover bodies,” Lee said — twice.",
        "By Tuesday, 300 people had fled the town , officials said.",
        "Read more about the 40 wounded soldiers in the report published by the ministry.",
    ]
    article = clean_text(Document("\n".join(f"{ln}   " for ln in lines)), knowledge)
    assert article.text == "\n\n".join(lines)
    assert article.removed == ()


def test_trailing_widget_list_but_not_a_final_sentence(knowledge: Knowledge) -> None:
    doc = Document(f"{BODY}\nRelated\nTroops Head North\nAid Convoy Stalls\n")
    article = clean_text(doc, knowledge)
    assert article.text == BODY
    assert reasons(article.removed) == ["widget", "widget", "widget"]
    kept = clean_text(Document(f"{BODY}\nRelated\nOfficials said more would follow."), knowledge)
    assert kept.text.endswith("Officials said more would follow.")


def test_markdown_repost(knowledge: Knowledge) -> None:
    doc = Document(
        "# Attack kills 12\n\n*By* [Jane Doe](https://x.test/jd)\n\n"
        f"**{BODY}**\n\n![photo](https://x.test/p.jpg)\n\nSee [the report](https://x.test/r)."
    )
    article = clean_text(doc, knowledge)
    assert article.title == "Attack kills 12"
    assert article.authors == ("Jane Doe",)
    assert article.text == f"{BODY}\n\nSee the report."
    assert "image" in reasons(article.removed)


def test_front_matter_title_duplicate_and_publisher(knowledge: Knowledge) -> None:
    doc = Document(
        "---\ntitle: Attack kills 12\nauthor: Jane Doe\npublisher: Associated Press\n"
        f"date: 2024-03-04\n---\nAttack kills 12\n\n{BODY}"
    )
    article = clean_text(doc, knowledge)
    assert article.title == "Attack kills 12"
    assert article.authors == ("Jane Doe",)
    assert article.published == datetime(2024, 3, 4)
    assert article.source.original_outlet == "Associated Press"
    assert article.text == BODY
    assert reasons(article.removed) == ["front-matter", "title"]


def test_front_matter_url_is_own_address_without_document_url(knowledge: Knowledge) -> None:
    text = f"---\ntitle: T\nurl: https://daily.test/a\n---\n{BODY}"
    assert clean_text(Document(text), knowledge).source.url == "https://daily.test/a"
    reposted = clean_text(Document(text, url="https://mirror.test/a"), knowledge)
    assert reposted.source.url == "https://mirror.test/a"
    assert reposted.source.original_url == "https://daily.test/a"


def test_own_patterns_apply_without_the_hook() -> None:
    article = clean_text(Document(f"{BODY}\nMost CommentedTroops Head North"), Knowledge())
    assert article.text == BODY


def test_empty_and_blank(knowledge: Knowledge) -> None:
    assert clean_text(Document(""), knowledge).text == ""
    assert clean_text(Document(" \n\n\t"), knowledge).text == ""


def test_pathological_input_stays_fast(knowledge: Knowledge) -> None:
    import time

    texts = [
        "---\n" + "k: v\n" * 20000,  # continuation lines (were quadratic)
        "[x](" * 20000,  # unclosed links
        "**a " * 20000,  # unpaired emphasis
    ]
    for text in texts:
        started = time.perf_counter()
        article = clean_text(Document(text), knowledge)
        assert time.perf_counter() - started < 5
        assert article.text


def test_title_after_header_boilerplate(knowledge: Knowledge) -> None:
    doc = Document(f"Home > World > Asia\n0\nAttack Kills 12 in Border Town\n{BODY}")
    article = clean_text(doc, knowledge)
    assert article.title == "Attack Kills 12 in Border Town"
    assert reasons(article.removed) == ["navigation", "identifier", "title"]
    assert article.text == BODY


def test_bare_name_beside_a_date_is_a_byline(knowledge: Knowledge) -> None:
    doc = Document(f"Attack Kills 12\nJane Doe\nMarch 4, 2024\n{BODY}")
    article = clean_text(doc, knowledge)
    assert article.authors == ("Jane Doe",)
    assert article.published == datetime(2024, 3, 4)
    assert article.text == BODY
    # without a date or byline beside it, a short capitalised line stays in the body
    kept = clean_text(Document(f"Attack Kills 12\n{BODY}\nNorth Korea\n{BODY}"), knowledge)
    assert "North Korea" in kept.text.split("\n\n")


def test_bare_name_with_the_city_of_filing(knowledge: Knowledge) -> None:
    doc = Document(f"Attack Kills 12\nJane Doe in Nairobi\nWed 18 Dec 2024 07.30 GMT\n{BODY}")
    article = clean_text(doc, knowledge)
    assert article.authors == ("Jane Doe",)
    assert article.text == BODY


def test_posted_by_an_account_with_counter(knowledge: Knowledge) -> None:
    doc = Document(f"Attack Kills 12\nPosted by newsdesk | April 2, 2025 | 3,100 Views\n{BODY}")
    article = clean_text(doc, knowledge)
    assert article.authors == ()
    assert article.published == datetime(2025, 4, 2)
    assert article.text == BODY
    assert reasons(article.removed) == ["title", "byline"]


def test_counter_alone_anywhere(knowledge: Knowledge) -> None:
    doc = Document(f"{BODY}\nViews: 1,204\n{BODY}\n\nComments (4)\nMost Popular\nA B C\n")
    article = clean_text(doc, knowledge)
    assert article.text == f"{BODY}\n\n{BODY}"
    assert reasons(article.removed)[:2] == ["counter", "counter"]


def test_credit_of_two_sentences_at_the_end(knowledge: Knowledge) -> None:
    doc = Document(
        f"{BODY}\n\nThis story first appeared on www.hill-courier.test. Reprinted with permission."
    )
    article = clean_text(doc, knowledge)
    assert article.text == BODY
    assert article.source.original_url == "www.hill-courier.test"
    assert reasons(article.removed) == ["credit-line"]


def test_promotions_go_at_the_end_only(knowledge: Knowledge) -> None:
    promo = "Listen to our full report in the evening edition of World Today."
    doc = Document(
        f"{BODY}\n\n{promo}\n\nTags: war\nSubscribe to our newsletter for the latest news "
        "from the region.\n© 2025 Example Media"
    )
    article = clean_text(doc, knowledge)
    assert article.text == BODY
    assert reasons(article.removed) == ["promo", "taxonomy", "promo", "copyright"]
    # the same sentence between paragraphs is the article's own text
    inside = clean_text(Document(f"{BODY}\n\n{promo}\n\n{BODY}"), knowledge)
    assert promo in inside.text
    # a short promotion line goes anywhere
    short = clean_text(Document(f"{BODY}\n\nWatch the video:\n\n{BODY}"), knowledge)
    assert short.text == f"{BODY}\n\n{BODY}"


def test_final_sentence_that_starts_like_a_promotion_stays(knowledge: Knowledge) -> None:
    last = "Listen to the people of the valley, the bishop said in his sermon on Sunday."
    article = clean_text(Document(f"{BODY}\n\n{last}"), knowledge)
    assert article.text.endswith(last)
    assert article.removed == ()


def test_breadcrumb_line_gives_its_date(knowledge: Knowledge) -> None:
    doc = Document(f"Attack Kills 12\nHome » World | Updated 9 June 2025 | 310 reads\n{BODY}")
    article = clean_text(doc, knowledge)
    assert article.published == datetime(2025, 6, 9)
    assert article.text == BODY
