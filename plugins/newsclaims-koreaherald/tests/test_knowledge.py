"""Knowledge hooks: Korean entities and outlets reach the merged knowledge and the engine."""

from __future__ import annotations

from kh_support import PLUGIN
from newsclaims_koreaherald import lexicon

from newsclaims import testing


def _entity(name: str):  # type: ignore[no-untyped-def]
    return next(e for e in lexicon.ENTITIES if e.name == name)


def test_required_entities_and_short_forms() -> None:
    shorts = {e.name: e.short for e in lexicon.ENTITIES}
    assert shorts["National Intelligence Service"] == "NIS"
    assert shorts["Joint Chiefs of Staff"] == "JCS"
    assert shorts["Korean Central News Agency"] == "KCNA"
    assert shorts["People Power Party"] == "PPP"
    assert shorts["Democratic Party of Korea"] == "DP"
    assert shorts["Korean People's Army"] == "KPA"
    for name in (
        "Rodong Sinmun",
        "National Assembly",
        "South Korean presidential office",
        "Yonhap News Agency",
    ):
        assert name in shorts
    assert "Unification Ministry" in _entity("Ministry of Unification").aliases
    assert all(e.type == "organization" for e in lexicon.ENTITIES)


def test_shared_names_are_only_given_with_korea_in_them() -> None:
    aliases = {a.lower() for e in lexicon.ENTITIES for a in e.names()}
    for generic in (
        "defense ministry",
        "the defense ministry",
        "foreign ministry",
        "presidential office",
        "the presidential office",
        "democratic party",
        "the democratic party",
        "the intelligence agency",
        "spy agency",
    ):
        assert generic not in aliases, generic


def test_outlets_and_domains() -> None:
    host = testing.host_with(PLUGIN)
    k = host.knowledge
    herald = k.outlet_for("https://www.koreaherald.com/article/10412345")
    assert herald is not None and herald.name == "The Korea Herald"
    assert k.outlet_named("Korea Herald") is not None
    for url, name in [
        ("https://koreajoongangdaily.joins.com/2024/01/01/x", "Korea JoongAng Daily"),
        ("https://www.koreatimes.co.kr/www/nation/x.html", "The Korea Times"),
        ("https://en.yna.co.kr/view/AEN2024", "Yonhap"),
        ("https://english.hani.co.kr/arti/x", "The Hankyoreh"),
        ("https://www.nknews.org/2024/x", "NK News"),
        ("https://www.arirang.com/news/view", "Arirang"),
    ]:
        found = k.outlet_for(url)
        assert found is not None and found.name == name, url


def test_engine_resolves_korean_sources() -> None:
    host = testing.host_with(PLUGIN)
    text = (
        "South Korea's spy agency said on Monday that about 1,000 North Korean soldiers had "
        "been wounded.\n\nThe KCNA said 3 people were killed.\n"
    )
    report = testing.parse_with(host, text, plugin="koreaherald")
    names = {a.name for c in report.claims for a in c.attribution}
    assert "National Intelligence Service" in names
    assert "Korean Central News Agency" in names


def test_boilerplate_patterns_compile_and_match() -> None:
    lines = ["reporter@heraldcorp.com", "By Jane Roe (jroe@heraldcorp.com)", "[ⓒ Some paper]"]
    for line in lines:
        assert any(p.regex.fullmatch(line) for p in lexicon.BOILERPLATE), line
    assert not any(p.regex.fullmatch("The ministry said 3 were hurt.") for p in lexicon.BOILERPLATE)
