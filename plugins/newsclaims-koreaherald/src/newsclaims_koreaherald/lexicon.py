"""Korean knowledge for the claim engine: institutions, outlets, site boilerplate.

Aliases that other countries share ("the Defense Ministry", "the presidential office",
"the Democratic Party") are only given in a form that names Korea, so that a Ukrainian or
American ministry is never resolved to a Korean one.
"""

from __future__ import annotations

from newsclaims.knowledge import BoilerplatePattern, Entity, Outlet

__all__ = ["BOILERPLATE", "ENTITIES", "OUTLETS"]


def _org(name: str, short: str | None = None, *aliases: str) -> Entity:
    return Entity(name, short, aliases, "organization")


ENTITIES: tuple[Entity, ...] = (
    _org(
        "National Intelligence Service",
        "NIS",
        "South Korea's National Intelligence Service",
        "Seoul's National Intelligence Service",
        "South Korea's spy agency",
        "Seoul's spy agency",
        "the South Korean spy agency",
        "South Korea's intelligence agency",
        "the South Korean intelligence agency",
    ),
    _org(
        "Joint Chiefs of Staff",
        "JCS",
        "South Korea's Joint Chiefs of Staff",
        "the South Korean Joint Chiefs of Staff",
        "Seoul's Joint Chiefs of Staff",
    ),
    _org(
        "Korean Central News Agency",
        "KCNA",
        "North Korea's Korean Central News Agency",
        "North Korea's official Korean Central News Agency",
        "North Korea's state news agency",
        "the North's state news agency",
    ),
    _org(
        "Ministry of Unification",
        None,
        "Unification Ministry",
        "the Unification Ministry",
        "South Korea's Unification Ministry",
        "Seoul's Unification Ministry",
    ),
    _org(
        "Ministry of National Defense",
        "MND",
        "National Defense Ministry",
        "South Korea's Defense Ministry",
        "Seoul's Defense Ministry",
        "the South Korean Defense Ministry",
        "South Korea's Ministry of National Defense",
    ),
    _org(
        "Ministry of Foreign Affairs of South Korea",
        None,
        "South Korea's Foreign Ministry",
        "Seoul's Foreign Ministry",
        "the South Korean Foreign Ministry",
    ),
    _org(
        "People Power Party",
        "PPP",
        "the ruling People Power Party",
        "the People Power Party",
        "the conservative People Power Party",
    ),
    _org(
        "Democratic Party of Korea",
        "DP",
        "the Democratic Party of Korea",
        "the main opposition Democratic Party",
        "main opposition Democratic Party",
        "South Korea's Democratic Party",
        "Korea's Democratic Party",
    ),
    _org(
        "Korean People's Army",
        "KPA",
        "the Korean People's Army",
        "North Korea's Korean People's Army",
    ),
    _org("Rodong Sinmun", None, "the Rodong Sinmun", "Nodong Sinmun"),
    _org(
        "Workers' Party of Korea",
        "WPK",
        "North Korea's Workers' Party",
        "the ruling Workers' Party of Korea",
    ),
    _org("Supreme People's Assembly", "SPA", "North Korea's Supreme People's Assembly"),
    _org("National Assembly", None, "South Korea's National Assembly", "the National Assembly"),
    _org(
        "South Korean presidential office",
        None,
        "South Korea's presidential office",
        "Seoul's presidential office",
        "the South Korean presidential office",
        "Cheong Wa Dae",
        "the Blue House",
        "the presidential office in Yongsan",
        "Yongsan presidential office",
    ),
    _org("Yonhap News Agency", "Yonhap", "Yonhap News"),
    _org("United States Forces Korea", "USFK", "US Forces Korea", "U.S. Forces Korea"),
    _org("Korea Coast Guard", None, "South Korea's coast guard", "the Korea Coast Guard"),
    _org("National Fire Agency", None, "the National Fire Agency"),
    _org("Korean National Police Agency", None, "National Police Agency"),
    _org("Ministry of the Interior and Safety", None, "Interior Ministry of South Korea"),
    _org("Korea Disease Control and Prevention Agency", "KDCA"),
    _org("Korea Meteorological Administration", "KMA"),
)

OUTLETS: tuple[Outlet, ...] = (
    Outlet("The Korea Herald", ("koreaherald.com",)),
    Outlet("Korea JoongAng Daily", ("koreajoongangdaily.joins.com", "koreajoongangdaily.com")),
    Outlet("JoongAng Ilbo", ("joongang.co.kr", "joins.com")),
    Outlet("The Korea Times", ("koreatimes.co.kr",)),
    Outlet("Yonhap", ("yna.co.kr", "en.yna.co.kr")),
    Outlet("The Chosun Ilbo", ("chosun.com", "english.chosun.com")),
    Outlet("The Dong-A Ilbo", ("donga.com",)),
    Outlet("The Hankyoreh", ("hani.co.kr", "english.hani.co.kr")),
    Outlet("The Kyunghyang Shinmun", ("khan.co.kr",)),
    Outlet("Herald Business", ("heraldcorp.com",)),
    Outlet("KBS", ("kbs.co.kr",)),
    Outlet("MBC", ("imbc.com",)),
    Outlet("SBS", ("sbs.co.kr",)),
    Outlet("Arirang", ("arirang.com", "arirang.co.kr")),
    Outlet("NK News", ("nknews.org",)),
    Outlet("Daily NK", ("dailynk.com",)),
    Outlet("Korea Pro", ("koreapro.org",)),
    Outlet("The Korea Economic Daily", ("kedglobal.com", "hankyung.com")),
    Outlet("Maeil Business Newspaper", ("mk.co.kr",)),
    Outlet("Newsis", ("newsis.com",)),
    Outlet("News1", ("news1.kr",)),
    Outlet("Korean Central News Agency", ("kcna.kp", "kcnawatch.org")),
    Outlet("Rodong Sinmun", ("rodong.rep.kp",)),
)

BOILERPLATE: tuple[BoilerplatePattern, ...] = (
    BoilerplatePattern(r"[\w.+-]+@heraldcorp\.com", "byline"),
    BoilerplatePattern(
        r"(by\s+)?[A-Z][\w'’.-]*(\s+[A-Z][\w'’.-]*){0,4}\s*\(\s*[\w.+-]+@heraldcorp\.com\s*\)",
        "byline",
    ),
    BoilerplatePattern(r"\[?\s*ⓒ\s*.{0,160}\]?", "copyright"),
    BoilerplatePattern(r".{0,80}\bherald corporation\b.{0,120}", "copyright"),
)
