"""Person keys: romanization variants of one Korean name share a key; others do not.

All names are examples of romanization patterns, chosen for the test.
"""

from __future__ import annotations

import pytest
from kh_support import PLUGIN
from newsclaims_koreaherald.romanization import (
    given_name_skeleton,
    korean_person_key,
    split_korean_name,
)

from newsclaims import testing

SAME = [
    # the brief's example: RR, an RR variant and McCune-Reischauer
    ("Kim Byung-kee", "Kim Byeong Gi"),
    ("Kim Byung-kee", "Kim Pyong-ki"),
    ("Kim Byeong Gi", "Gim Pyong-ki"),
    # hyphen, space, case, joined
    ("Kim Jong-un", "Kim Jong Un"),
    ("Kim Jong-un", "KIM JONG UN"),
    ("Kim Jong-un", "Kim Jongun"),
    # surname tables
    ("Lee Jae-myung", "Yi Jae-myeong"),
    ("Lee Jae-myung", "Rhee Jae Myung"),
    ("Ri Son-gwon", "Lee Sun-kwon"),
    ("Park Geun-hye", "Pak Kun-hye"),
    ("Park Ji-won", "Bak Ji-won"),
    ("Choi Sun-hee", "Choe Son-hui"),
    ("Jung Eui-yong", "Chung Ui-yong"),
    ("Jeong Se-kyun", "Chung Sye-kyun"),
    ("Cho Tae-yong", "Jo Tae Yong"),
    ("Yoon Suk-yeol", "Yun Seok-yeol"),
    ("Yoon Suk Yeol", "Youn Sok-yol"),
    ("Lim Jong-seok", "Im Jong-sok"),
    ("Lim Jong-seok", "Rim Jong-suk"),
    ("Kwon Young-se", "Gwon Yeong-se"),
    ("Roh Moo-hyun", "Noh Mu-hyeon"),
    ("Seo Hoon", "Suh Hun"),
    ("Shin Won-sik", "Sin Won-sik"),
    ("Yoo Seung-min", "Yu Sung-min"),
    ("Jeon Byung-hun", "Chun Pyong-hun"),
    ("Han Duck-soo", "Han Deok-su"),
    ("Moon Jae-in", "Mun Chae-in"),
    ("Ahn Cheol-soo", "An Chol-su"),
    ("Kang Kyung-wha", "Gang Gyeong-hwa"),
    ("Ko Min-jung", "Koh Min-jeong"),
    ("Baek Seung-joo", "Paik Sung-ju"),
    # titles and given-name-first order
    ("Rep. Kim Byung-kee", "Kim Pyong-ki"),
    ("President Yoon Suk Yeol", "Yoon Suk-yeol"),
    ("Byung-kee Kim", "Kim Byung-kee"),
    ("Choi Min-jun (52)", "Choe Min-jun"),
]

DIFFERENT = [
    ("Kim Jong-un", "Kim Jong-il"),  # different final syllable
    ("Kim Jong-un", "Kim Yo-jong"),
    ("Kim Byung-kee", "Kim Byung-chul"),
    ("Kim Byung-kee", "Lee Byung-kee"),  # different surname
    ("Park Ji-won", "Park Ji-yoon"),  # w- and y- glides differ
    ("Park Ji-won", "Park Ji-min"),
    ("Lee Jae-myung", "Lee Jae-yong"),
    ("Lee Jae-myung", "Lee Myung-bak"),
    ("Moon Jae-in", "Moon Jae-yong"),
    ("Yoon Suk-yeol", "Yoon Seok-hee"),
    ("Han Duck-soo", "Han Dong-hoon"),
    ("Choi Sun-hee", "Choi Sun-ho"),
    ("Kang Kyung-wha", "Kang Kyung-min"),
    ("Cho Kuk", "Cho Tae-yong"),
    ("Hyun In-taek", "Hun In-taek"),  # Hun is no surname in the table
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_variants_share_a_key(a: str, b: str) -> None:
    ka, kb = korean_person_key(a), korean_person_key(b)
    assert ka is not None
    assert ka == kb


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_people_keep_different_keys(a: str, b: str) -> None:
    assert korean_person_key(a) != korean_person_key(b)


@pytest.mark.parametrize(
    "name",
    [
        "John Smith",
        "Vladimir Putin",
        "Wang Yi",
        "Volodymyr Zelenskyy",
        "Daniel Kim",  # an English given name: not a romanized Korean one
        "Kim Kardashian",
        "Kim Jones",
        "Kim",
        "",
        "Lee",
        "x" * 200,
    ],
)
def test_non_korean_names_pass(name: str) -> None:
    assert korean_person_key(name) is None


def test_spaced_and_hyphenated_variants_with_a_glide_agree() -> None:
    # one person written "Choi Min Kwon" in one article and "Choi Min-kweun" in another
    assert korean_person_key("Choi Min Kwon") == korean_person_key("Choi Min-kweun")
    assert korean_person_key("Choi Min-kweun") is not None
    assert korean_person_key("Choi Min-kweun") != korean_person_key("Choi Min-kyun")


def test_key_shape() -> None:
    key = korean_person_key("Kim Byung-kee")
    assert key is not None and key.startswith("ko:kim:")
    assert split_korean_name("Yi Jae-myeong") == ("lee", "Jae-myeong")


def test_skeleton_rules() -> None:
    assert given_name_skeleton("Byung-kee") == given_name_skeleton("pyong ki")
    assert given_name_skeleton("Seong") == given_name_skeleton("Sung")  # eo/u collapse
    assert given_name_skeleton("Eun") == given_name_skeleton("Un")  # eu/u collapse
    assert given_name_skeleton("Kweon") == given_name_skeleton("Kwon")  # weo/wo collapse
    assert given_name_skeleton("Kweun") == given_name_skeleton("Kwon")  # weu/wo collapse too
    assert given_name_skeleton("Jin-nam") == given_name_skeleton("Jinam")  # doubled consonants
    assert given_name_skeleton("Seok") != given_name_skeleton("Seon")
    assert given_name_skeleton("Xavier") is None  # letters romanized Korean does not use
    assert given_name_skeleton("Ba-na-na-na") is None  # four syllables


def test_hook_through_the_host() -> None:
    host = testing.host_with(PLUGIN)
    k = host.knowledge
    assert k.person_key("Kim Byung-kee") == k.person_key("Kim Pyong-ki")
    assert k.person_key("John Smith") == "john smith"  # the core's fallback


def test_claims_credit_one_person_under_two_romanizations() -> None:
    from newsclaims.claims import extract_claims

    knowledge = testing.host_with(PLUGIN).knowledge
    text = (
        "Rep. Choi Min Kwon said 40 soldiers were killed on Monday. In a second briefing, "
        "Rep. Choi Min-kweun said 12 soldiers were wounded."
    )
    claims = [c for c in extract_claims(text, knowledge=knowledge) if c.kind == "quantity"]
    assert len(claims) == 2
    assert {a.key for c in claims for a in c.attribution} == {knowledge.person_key("Choi Min Kwon")}
