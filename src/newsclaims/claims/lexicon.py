"""The core lexicons: measure words, international entities, boilerplate, wire outlets.

These are general English news vocabulary; site and country knowledge lives in plugins
and reaches the engine through the same hooks (:mod:`newsclaims.hookspecs`).
"""

from __future__ import annotations

from ..knowledge import BoilerplatePattern, Entity, MeasureTerm, Outlet


def _terms(measure: str, pos: str, words: str) -> tuple[MeasureTerm, ...]:
    return tuple(
        MeasureTerm(w.strip(), measure, pos)  # type: ignore[arg-type]
        for w in words.split(",")
        if w.strip()
    )


MEASURE_TERMS: tuple[MeasureTerm, ...] = (
    # killed
    *_terms(
        "killed",
        "verb",
        "killed, killing, kill, kills, died, die, dies, dying, slain, slaughtered, massacred, "
        "executed, murdered, shot dead, shot and killed, gunned down, beheaded, perished, "
        "drowned, burned to death, burnt to death, crushed to death, trampled to death, "
        "lost their lives, lost his life, lost her life, were killed, claimed the lives of, "
        "claiming the lives of, claimed the life of, left dead, leaving dead, murdering, "
        "executing, massacring",
    ),
    *_terms(
        "killed",
        "noun",
        "deaths, death, dead, fatalities, fatality, death toll, toll, lives lost, "
        "lives, bodies, killings, victims killed, people killed, dead bodies, slaying, slayings, "
        "murders, murder, massacre, executions, execution, killing",
    ),
    *_terms("killed", "adjective", "dead, killed, fatal"),
    # wounded
    *_terms(
        "wounded",
        "verb",
        "wounded, wounding, injured, injuring, injure, injures, hurt, hospitalized, "
        "hospitalised, maimed, mutilated, treated for injuries, treated for wounds, "
        "treated for burns, treated for gunshot wounds, admitted with injuries, "
        "taken to hospital, taken to the hospital, rushed to hospital, rushed to the hospital, "
        "detained in hospital, kept in hospital, admitted to hospital, admitted to the hospital, "
        "kept in overnight, kept overnight, treated, treating, admitted, taken to hospitals, "
        "taken to the hospitals, "
        "brought to hospital, brought to the hospital, brought to hospitals, "
        "suffered injuries, suffered minor injuries, suffered serious injuries, "
        "suffered critical injuries, suffered severe injuries, suffered burns, "
        "sustained injuries, sustained minor injuries, sustained serious injuries, "
        "sustained critical injuries, sustained severe injuries, sustained burns, "
        "suffered mostly minor injuries, suffered mainly minor injuries, "
        "suffered mostly light injuries, sustained mostly minor injuries, "
        "sustained mainly minor injuries, suffered light injuries, sustained light injuries",
    ),
    *_terms("wounded", "noun", "injuries, injury, injured, wounded, wounds, hospitalizations"),
    *_terms(
        "wounded",
        "adjective",
        "wounded, injured, hurt, in hospital, in the hospital, in critical condition, "
        "in serious condition, in stable condition, in a critical condition, "
        "in a serious condition, in a stable condition, in intensive care, with injuries, "
        "with serious injuries, "
        "with minor injuries, with critical injuries, with severe injuries, with burns, "
        "with gunshot wounds",
    ),
    # casualties
    *_terms(
        "casualties",
        "noun",
        "casualties, casualty, injuries or fatalities, fatalities or injuries, "
        "killed or wounded, killed or injured, dead or wounded, dead or injured, "
        "killed and wounded, killed and injured, dead and wounded, dead and injured, "
        "personnel losses, losses",
    ),
    *_terms(
        "casualties",
        "verb",
        "killed or wounded, killed or injured, killed and wounded, killed and injured, "
        "dead or wounded, dead or injured, dead and wounded, dead and injured",
    ),
    # missing
    *_terms("missing", "adjective", "missing, unaccounted for"),
    *_terms("missing", "verb", "went missing, gone missing, disappeared, remain missing"),
    *_terms("missing", "noun", "number of missing, number of people missing"),
    # captured
    *_terms(
        "captured",
        "verb",
        "captured, capturing, taken prisoner, taken hostage, held hostage, held captive, "
        "took prisoner, take prisoner, taking prisoner, took hostage, take hostage, "
        "taking hostage, holding hostage, hold hostage, holding captive, "
        "abducted, abducting, kidnapped, kidnapping, seized",
    ),
    *_terms(
        "captured",
        "noun",
        "prisoners of war, prisoners, hostages, captives, abductees, POWs, abduction, abductions, "
        "kidnapping, kidnappings, seizure, capture",
    ),
    # deployed
    *_terms(
        "deployed",
        "verb",
        "deployed, deploying, deploy, deploys, sent, sending, send, dispatched, dispatching, "
        "dispatch, stationed, mobilized, mobilised, mobilizing, mobilising, sent in, "
        "assigned, were assigned, redeployed",
    ),
    *_terms(
        "deployed",
        "noun",
        "reinforcements, force of, contingent of, team of, unit of, battalion of, detachment of, "
        "deployment of, dispatch of",
    ),
    # displaced
    *_terms(
        "displaced",
        "verb",
        "displaced, displacing, evacuated, evacuating, fled, fleeing, flee, made homeless, "
        "forced from their homes, uprooted, sheltered, sheltering, sheltering in, "
        "forced to flee, forcing to flee, forced to take shelter, "
        "forced to take emergency shelter, "
        "forced to seek shelter, forced to seek refuge",
    ),
    *_terms("displaced", "noun", "refugees, evacuees, displaced people, displaced persons"),
    *_terms(
        "displaced",
        "adjective",
        "displaced, homeless, from their homes, out of their homes, in shelters, in camps, "
        "in relief camps, in evacuation centers, in evacuation centres, in temporary shelters, "
        "under evacuation order, under evacuation orders, under an evacuation order, "
        "under mandatory evacuation orders, under a mandatory evacuation order",
    ),
    # arrested
    *_terms(
        "arrested",
        "verb",
        "arrested, arresting, arrest, detained, detaining, detain, taken into custody, "
        "rounded up, apprehended, nabbed",
    ),
    *_terms("arrested", "noun", "arrests, detentions, detainees, arrest of, detention of"),
)

ENTITIES: tuple[Entity, ...] = (
    Entity("United Nations", "UN", ("U.N.", "the world body")),
    Entity("World Health Organization", "WHO"),
    Entity("International Committee of the Red Cross", "ICRC", ("the Red Cross",)),
    Entity("Office for the Coordination of Humanitarian Affairs", "OCHA"),
    Entity("United Nations High Commissioner for Refugees", "UNHCR", ("the U.N. refugee agency",)),
    Entity("International Organization for Migration", "IOM"),
    Entity("North Atlantic Treaty Organization", "NATO"),
    Entity("European Union", "EU"),
    Entity("Federal Bureau of Investigation", "FBI"),
    Entity("Central Intelligence Agency", "CIA"),
    Entity("Islamic State", "IS", ("ISIS", "ISIL", "Daesh")),
    Entity("Syrian Observatory for Human Rights", "SOHR"),
    Entity("Human Rights Watch", "HRW"),
    Entity("Amnesty International", None, ("Amnesty",)),
    Entity("Doctors Without Borders", "MSF", ("Medecins Sans Frontieres",)),
)

#: Headers of page widgets ("Most Commented", "Related articles", "Read more"), as a regex
#: alternation, for cleaners that recognise a header glued to a headline.
WIDGET_HEADERS = (
    r"most (commented|popular|read|viewed|shared)|popular (posts|stories)|trending( now)?"
    r"|related (articles?|posts?|stories|news)|you may also like|recommended( for you)?"
    r"|read more|more stories|latest (news|posts|stories)|top stories|editor'?s picks"
)

BOILERPLATE: tuple[BoilerplatePattern, ...] = (
    BoilerplatePattern(r"leave a (reply|comment)|post a comment|add a comment", "comment-form"),
    BoilerplatePattern(
        r"your email address will not be published\.?( required fields are marked \*?)?"
        r"|required fields are marked \*?|cancel reply|notify me of (new|follow-up) .*"
        r"|save my name, email,? and website .*|comments? are closed\.?",
        "comment-form",
    ),
    # a widget header alone, after a separator, or glued to a headline ("Most CommentedRising
    # ..."); never a sentence that merely starts with the word ("Recommended doses were ...")
    BoilerplatePattern(
        rf"({WIDGET_HEADERS})(?:\s*[:|»›>–-]\s*.{{0,200}}|(?<=[a-z])[A-Z].{{0,200}})?", "widget"
    ),
    BoilerplatePattern(
        r"(share|tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy link)"
        r"(\s*[|/·•]?\s*(share|tweet|email|print|whatsapp|facebook|twitter|linkedin|reddit"
        r"|telegram|copy link))*\s*:?",
        "share",
    ),
    BoilerplatePattern(
        r"(share this( article| story)?|subscribe( to our newsletter| now)?|sign up for .{0,60}"
        r"|follow us on .{0,60}|click here to .{0,80}|advertisement|sponsored( content)?"
        r"|skip to (main )?content)\.?",
        "prompt",
    ),
    BoilerplatePattern(r"[\d,.]+\s*(k\s*)?(views?|comments?|shares?|likes?|reads?)", "counter"),
    BoilerplatePattern(r"(views?|comments?|shares?|likes?)\s*:?\s*[\d,.]+k?", "counter"),
    BoilerplatePattern(r"[\d,.\s]+", "identifier"),
    BoilerplatePattern(
        r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24,}", "identifier"
    ),
    BoilerplatePattern(r"(-{3,}|\*{3,}|_{3,}|={3,}|(\*\s*){3,}|(-\s*){3,}|#+)", "separator"),
    BoilerplatePattern(r"(©|\(c\)|copyright)\s.{0,120}|all rights reserved\.?.{0,80}", "copyright"),
)

OUTLETS: tuple[Outlet, ...] = (
    Outlet("Associated Press", ("apnews.com", "ap.org")),
    Outlet("Reuters", ("reuters.com",)),
    Outlet("Agence France-Presse", ("afp.com",)),
    Outlet("Xinhua", ("xinhuanet.com", "news.cn")),
    Outlet("Yonhap", ("yna.co.kr", "en.yna.co.kr")),
    Outlet("BBC News", ("bbc.com", "bbc.co.uk")),
    Outlet("CNN", ("cnn.com",)),
    Outlet("Al Jazeera", ("aljazeera.com",)),
    Outlet("Voice of America", ("voanews.com",)),
    Outlet("The Guardian", ("theguardian.com",)),
    Outlet("The New York Times", ("nytimes.com",)),
    Outlet("The Washington Post", ("washingtonpost.com",)),
)

# -- vocabulary of the claim engine -------------------------------------------------------

#: Nouns that count people (plural and singular forms), for subjects and the unit ``persons``.
PEOPLE_NOUNS: frozenset[str] = frozenset(
    """
    people persons person individuals individual civilians civilian soldiers soldier
    troops troop servicemen serviceman servicewomen militants militant fighters fighter
    insurgents insurgent rebels rebel terrorists terrorist gunmen gunman attackers
    attacker assailants bombers bomber jihadists jihadist extremists extremist
    militiamen militias police policemen policeman policewomen officers officer
    officials official workers worker residents resident villagers villager children
    child kids women woman men man students student passengers passenger pilgrims
    worshippers worshipers protesters protestors demonstrators demonstrator migrants
    migrant refugees refugee asylum-seekers prisoners prisoner inmates inmate hostages
    hostage detainees detainee suspects suspect members member journalists journalist
    reporters doctors doctor nurses nurse medics medic patients patient staff staffers
    employees employee miners miner fishermen fisherman sailors sailor crew crewmen
    seafarers tourists tourist visitors infants babies teenagers teenager teens youths
    youth boys boy girls girl adults adult elderly personnel guards guard marines marine
    paratroopers commandos recruits conscripts volunteers mercenaries contractors
    peacekeepers farmers farmer herders traders shoppers commuters spectators fans
    citizens nationals foreigners locals relatives victims survivors bystanders
    pedestrians motorists drivers driver firefighters rescuers responders agents agent
    guerrillas guerrilla combatants combatant cadets cadres partisans settlers
    schoolgirls schoolboys schoolchildren pupils evacuees captives abductees worshipers
    priests priest pastors pastor monks monk nuns nun imams vendors vendor teachers teacher
    trader shopkeepers shopkeeper owners owner survivor witnesses witness relative
    neighbours neighbour neighbors neighbor engineers engineer laborers labourers labourer
    laborer mother father son daughter husband wife brother sister friends friend
    bodies corpses
    climbers hikers skiers divers swimmers campers activists astronauts pilots lawmakers
    protestors rioters looters gangsters smugglers traffickers mourners firefighter
    teacher teachers parishioners congregants churchgoers fishers seamen others more
    rangers raiders troopers gendarmes guardsmen deputies investigators vaccinators
    paramedics bandits kidnappers pirates robbers poachers shooters
    newborns toddlers babies infants
    dealers dealer pushers peddlers couriers thieves burglars offenders criminals fugitives
    muggers fraudsters scammers arsonists vandals hooligans loyalists supporters
    travellers travelers holidaymakers occupants tenants cyclists riders truckers
    """.split()
)

#: Endings of a noun for one person by what they do ("commissioner", "vendor", "guardian").
PERSON_SUFFIXES = r"(?:er|or|ist|ian|man|woman|ant|ent)"

#: Nouns for a force that is deployed when it arrives or takes part ("120 soldiers joined").
FORCE_NOUNS: frozenset[str] = frozenset(
    """
    soldiers troops police policemen officers firefighters rescuers personnel marines
    paratroopers commandos peacekeepers guardsmen gendarmes troopers rangers medics
    paramedics responders reinforcements servicemen agents divers
    """.split()
)

#: Nouns for one person's post, who may speak for an organisation ("a spokesperson for X",
#: "the medical superintendent at Y"), besides those of PERSON_SUFFIXES.
JOB_NOUNS: frozenset[str] = frozenset(
    """
    head chief executive secretary superintendent representative minister director
    coordinator spokesman spokeswoman spokesperson official officer president chairman
    chairwoman chair deputy envoy administrator manager commissioner inspector general
    """.split()
)

#: Nouns that can head an unnamed source ("police said", "officials told").
SOURCE_NOUNS: frozenset[str] = frozenset(
    """
    police officials official authorities authority ministry department office agency
    service spokesman spokeswoman spokesperson spokespeople statement statements
    military army navy forces government governor mayor commander commanders sources source
    witnesses witness residents media outlet outlets agency report reports observatory
    group groups organization hospital doctors medics monitor monitors prosecutors
    prosecutor investigators court judge officer officers administration council
    committee command headquarters coalition alliance survey data figures tally count
    bureau guard directorate governorate secretariat inspectorate commission embassy
    consulate regiment brigade battalion company firm operator airline union party
    family relatives lawyer lawyers attorney attorneys coroner examiner sheriff
    paramedics rescuers firefighters experts analysts researchers activists campaigners
    organizers organisers force constabulary
    hospitals clinic clinics nurses agencies ministries departments offices services
    governments organizations organisations courts councils committees commissions
    embassies consulates companies firms operators airlines unions parties families
    """.split()
)

#: English verbs of communication (statement, assertion, report, complaint, prediction),
#: by their base form; every inflection is generated from it (:func:`_inflections`).
COMMUNICATION_VERBS: tuple[str, ...] = tuple(
    """
    say tell write report estimate assess indicate disclose confirm note emphasize emphasise
    stress reveal suggest add state announce claim mention comment explain warn believe
    reaffirm acknowledge testify insist allege brief inform tweet post cite quote predict
    argue conclude maintain assert observe speculate blame deny fear accuse concede admit
    recall describe urge vow promise calculate count tally record document update declare
    assure ask caution contend recount remark reply retort affirm reiterate repeat lament
    confide complain boast concur hint forecast proclaim confess underscore underline
    characterize characterise surmise theorize theorise reckon advise notify
    """.split()
)

#: Verbs whose base and third-person forms are more often nouns ("the report", "claims of"),
#: so only their past and -ing forms count as reporting: "police record" is no report.
NOUN_HOMOGRAPHS: frozenset[str] = frozenset(
    """
    report estimate note comment claim quote blame fear promise count tally record
    document update vow hint forecast post state repeat
    """.split()
)

_IRREGULAR: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
}

_DOUBLED = frozenset({"admit", "concur"})


def _inflections(base: str) -> tuple[str, ...]:
    """The forms of a regular English verb: base, -s, -ed, -ing ("reply": replies, replied)."""
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if base in _DOUBLED:
        stem = base + base[-1]
        past, ing = stem + "ed", stem + "ing"
    elif base.endswith("e"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        past, ing = base[:-1] + "ied", base + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    if base.endswith(("s", "sh", "ch", "x")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    return (base, third, past, ing)


def _reporting_forms() -> frozenset[str]:
    forms: set[str] = set()
    for base in COMMUNICATION_VERBS:
        base_, third, *rest = _inflections(base)
        forms.update(rest)
        if base not in NOUN_HOMOGRAPHS:
            forms.update((base_, third))
    # "call it a disaster", "point out that": the engine checks what follows these
    forms.update(("called", "calls", "calling", "pointed", "points", "pointing"))
    return frozenset(forms)


#: Reporting verbs: a clause "X <verb> (that) ..." credits its content to X.
REPORTING_VERBS: frozenset[str] = (
    frozenset(
        """
    said says say told tells tell reported reports report estimated estimates estimate
    assessed assesses assess indicated indicates indicate disclosed discloses disclose
    confirmed confirms confirm noted notes note emphasized emphasised emphasizes
    stressed stresses revealed reveals suggested suggests suggest added adds stated
    states announced announces claimed claims mentioned mentions commented comments
    explained explains warned warns believes believed reaffirmed reaffirms acknowledged
    acknowledges testified insisted insists alleged alleges wrote writes briefed
    informed tweeted posted cited cites quoted according predicted argued argues
    concluded concludes maintained maintains asserted asserts observed observes
    speculated speculates blamed blames denied denies feared fears accused accuses
    conceded admitted admits recalled recalls described describes urged urges vowed vows
    promised calculated counted tallied recorded documented updated declared declares
    assured assures asked asks
    """.split()
    )
    | _reporting_forms()
)

#: Words that weaken a claim (recorded in ``hedges``).
HEDGE_PATTERN = (
    r"conservative estimates?|estimates?|estimated|believed|believes|may|might|could"
    r"|reportedly|rumou?rs?|rumou?red|allegedly|alleged|suspected|possibly|unconfirmed|feared"
    r"|thought to|presumed|presumably|likely|probably|unverified|suggests?"
)

#: Titles before a person's name.
TITLES: frozenset[str] = frozenset(
    """
    Rep. Reps. Sen. Gov. Gen. Lt. Col. Maj. Capt. Cpl. Sgt. Adm. Cmdr. Brig. Dr. Mr.
    Mrs. Ms. Prof. Mr Mrs Ms Dr President Vice Premier Prime Minister Secretary Chancellor
    Ambassador
    Mayor Governor Judge Justice Magistrate Agent Detective Inspector Superintendent
    Chief Commissioner Colonel General Major Captain Lieutenant Sergeant Admiral
    Commander Spokesman Spokeswoman Senator Representative Lawmaker Sheikh King Queen
    Prince Pope Bishop Father Imam Rabbi
    """.split()
)

#: Words that make a capitalised name an organisation rather than a person.
ORG_WORDS: frozenset[str] = frozenset(
    """
    ministry service agency police office department committee party army forces force
    corps command council government court commission news times post press network
    bureau institute university bank organization organisation association union league
    front movement brigade brigades group alliance coalition observatory authority
    authorities administration assembly parliament congress senate cabinet guard guards
    navy marines staff center centre foundation fund program programme mission company
    corporation inc ltd agency's hospital network channel radio television tv daily
    herald tribune journal gazette telegraph broadcasting federation state states
    republic kingdom nations constabulary gendarmerie
    """.split()
)
