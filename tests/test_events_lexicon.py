"""The trigger lexicon (data/event_lexicon.tsv): every row well formed, and each CAMEO family
coded on sentences we wrote (the coder tests: real model, slow)."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

import communique
from communique.events.lexicon import load_lexicon, load_object_classes
from communique.events.ontology import EVENT_TYPES

# The PLOVER types a CAMEO code may map to, after the CAMEO→PLOVER table (PLOVER manual,
# 2021), by the code's longest listed prefix: a root, or a sub-code that the table moves to
# another type (08 splits into CONCEDE and RETREAT, easing emergency rule, 0814, is RETREAT;
# destroying property, 1712, is ASSAULT).
# Where our coding departs from the table it says so: sanctions (163) stay SANCTION, violent
# repression (175) COERCE, fighting for territory (191, 192) may stay ASSAULT, and allowing
# access (086) may be a concession.
CODE_TYPES = {
    "03": {"AGREE"}, "04": {"CONSULT"}, "05": {"SUPPORT"}, "06": {"COOPERATE"}, "07": {"AID"},
    "080": {"CONCEDE"}, "081": {"CONCEDE"}, "0814": {"RETREAT"}, "082": {"CONCEDE"}, "083": {"CONCEDE"},
    "084": {"RETREAT"}, "085": {"RETREAT"}, "086": {"RETREAT", "CONCEDE"}, "087": {"RETREAT"},
    "09": {"ACCUSE"}, "10": {"REQUEST"}, "11": {"ACCUSE"}, "12": {"REJECT"}, "13": {"THREATEN"},
    "14": {"PROTEST"}, "15": {"MOBILIZE"}, "16": {"SANCTION"}, "17": {"COERCE"}, "1712": {"ASSAULT"},
    "18": {"ASSAULT"}, "19": {"ASSAULT"}, "191": {"COERCE", "ASSAULT"}, "192": {"COERCE", "ASSAULT"},
    "20": {"ASSAULT"},
}


def _code_types(cameo: str) -> set[str]:
    for length in (4, 3, 2):
        if cameo[:length] in CODE_TYPES:
            return CODE_TYPES[cameo[:length]]
    return set()


PREPS = {
    "obj", "!", "about", "against", "along", "alongside", "around", "at", "behind", "between", "by", "for", "from", "here",
    "in", "into", "near", "of", "on", "outside", "over", "through", "to", "upon", "with",
}
PARTICLES = {"~aside", "~away", "~back", "~down", "~in", "~off", "~out", "~to", "~up"}


def _rows() -> list[list[str]]:
    text = resources.files("communique.data").joinpath("event_lexicon.tsv").read_text(encoding="utf-8")
    return [row for row in csv.reader(text.splitlines(), delimiter="\t") if row and not row[0].startswith("#")]


ROWS = _rows()


def _problems(row: list[str]) -> list[str]:
    if not 3 <= len(row) <= 7:
        return ["not three to seven tab-separated columns"]
    lemma, pos, event, mode, cameo, objects, preps = (cell.strip() for cell in [*row, "", "", "", ""][:7])
    problems = []
    if not lemma or lemma != lemma.lower() or " " in lemma:
        problems.append("lemma not one lower-case word")
    if pos not in {"VERB", "NOUN"}:
        problems.append(f"pos {pos}")
    if event not in EVENT_TYPES:
        problems.append(f"event {event} is not a PLOVER type")
    if " " in mode:
        problems.append("mode of several words")
    if cameo and not (cameo.isdigit() and len(cameo) in {3, 4} and event in _code_types(cameo)):
        problems.append(f"CAMEO {cameo} is not a {event} code")
    problems += [f"unknown particle {w}" for w in objects.split() if w.startswith("~") and w not in PARTICLES]
    problems += [f"object {w} not lower case" for w in objects.split() if w != w.lower()]
    problems += [f"unknown preposition {p}" for p in preps.split() if p not in PREPS]
    return problems


def test_every_lexicon_row_is_well_formed():
    bad = {"\t".join(row): found for row in ROWS if (found := _problems(row))}
    assert bad == {}


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (["kidnap", "VERB", "ASSAULT", "abduct", "173", "", "obj"], "CAMEO 173 is not a ASSAULT code"),
        (["call", "VERB", "REQUEST", "", "100", "~on", "on"], "unknown particle ~on"),
        (["meet", "VERB", "MEET", "", "", "", "obj"], "event MEET is not a PLOVER type"),
        (["release", "VERB", "CONCEDE", "", "0841", "", "obj"], "CAMEO 0841 is not a CONCEDE code"),
    ],
)
def test_the_row_check_finds_bad_rows(row, problem):
    assert problem in _problems(row)


def test_no_lexicon_row_hides_another():
    # Two readings of one word with the same object constraint: the second is never tried.
    seen: dict[tuple[str, str, frozenset[str]], str] = {}
    for row in ROWS:
        cells = [*row, "", "", "", ""][:7]
        key = (cells[0], cells[1], frozenset(cells[5].split()))
        assert key not in seen, f"{cells[0]} {cells[1]} {sorted(key[2])}: {seen[key]} hides {cells[2]}"
        seen[key] = cells[2]


def test_lexicon_lookup_has_the_object_bound_reading_first():
    readings = load_lexicon()[("give", "VERB")]
    assert readings[-1].objects, "give alone is no event"
    assert [t.event for t in load_lexicon()[("kidnap", "VERB")]] == ["ASSAULT"]  # CAMEO 181


def _keys(text: str) -> set[tuple[str, frozenset[str | None], frozenset[str | None]]]:
    coded = communique.code(text, published="2025-01-10")
    return {(e.event, frozenset(a.code for a in e.actor), frozenset(r.code for r in e.recipient)) for e in coded.events}


def _key(event: str, actor: set[str], recipient: set[str]) -> tuple[str, frozenset[str], frozenset[str]]:
    return event, frozenset(actor), frozenset(recipient)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # AGREE, CONSULT, SUPPORT
        ("Ecuador and Colombia struck a deal on border security.", _key("AGREE", {"ECU", "COL"}, set())),
        ("Nigeria undertook to return the seized ship to Ghana.", _key("AGREE", {"NGA"}, {"GHA"})),
        ("Serbia and Kosovo resumed talks in Brussels.", _key("CONSULT", {"SRB", "XKX"}, set())),
        ("Turkey mobilized support for Azerbaijan.", _key("SUPPORT", {"TUR"}, {"AZE"})),
        ("Qatar brokered a truce between Israel and Egypt.", _key("CONSULT", {"QAT"}, {"ISR"})),
        ("The Norwegian government sat down with Colombian officials in Oslo.", _key("CONSULT", {"NOR"}, {"COL"})),
        ("Hungarian lawmakers rallied behind the Polish government.", _key("SUPPORT", {"HUN"}, {"POL"})),
        ("Germany voiced support for Ukraine.", _key("SUPPORT", {"DEU"}, {"UKR"})),
        ("Syria normalized relations with Saudi Arabia.", _key("SUPPORT", {"SYR"}, {"SAU"})),
        ("Sweden recognized Palestine in 2014.", _key("SUPPORT", {"SWE"}, {"PSE"})),
        ("The Turkish foreign minister flew to Moscow for talks with Russian officials.", _key("CONSULT", {"TUR"}, {"RUS"})),
        ("Jordan and Iraq launched a joint operation against smugglers.", _key("COOPERATE", {"JOR", "IRQ"}, set())),
        # AID
        ("Brazil offered asylum to the Bolivian senator.", _key("AID", {"BRA"}, {"BOL"})),
        ("Japan announced a grant of $10 million to Laos.", _key("AID", {"JPN"}, {"LAO"})),
        ("Turkey hosted thousands of Syrian refugees.", _key("AID", {"TUR"}, {"SYR"})),
        # CONCEDE and RETREAT
        ("Ghana gave in to the demands of the Togolese government.", _key("CONCEDE", {"GHA"}, {"TGO"})),
        ("France pulled its troops out of Niger.", _key("RETREAT", {"FRA"}, {"NER"})),  # "out of" is one preposition
        ("Armenia and Azerbaijan exchanged prisoners on Friday.", _key("RETREAT", {"ARM", "AZE"}, set())),
        ("Cambodia rescinded the ban on Thai imports.", _key("CONCEDE", {"KHM"}, {"THA"})),
        ("Iran released two British sailors on Friday.", _key("RETREAT", {"IRN"}, {"GBR"})),
        # a concession to no partner is aimed at the place it is made in (PLOVER: "lifted a curfew in X" targets X)
        ("The Nepalese government lifted the curfew in Kathmandu.", _key("CONCEDE", {"NPL"}, {"NPL"})),
        # ACCUSE
        ("The Iranian president hit out at Saudi Arabia over the pilgrimage.", _key("ACCUSE", {"IRN"}, {"SAU"})),
        ("Ukraine blasted Hungary over the language law.", _key("ACCUSE", {"UKR"}, {"HUN"})),
        ("Israeli jets blasted Hamas positions in Gaza.", _key("ASSAULT", {"ISR"}, {"PSE"})),
        ("Mexico expressed outrage at the United States over the raid.", _key("ACCUSE", {"MEX"}, {"USA"})),
        # REQUEST
        ("Germany encouraged Serbia to recognize Kosovo.", _key("REQUEST", {"DEU"}, {"SRB"})),
        # REJECT
        ("The Russian ministry disputed the American claims.", _key("REJECT", {"RUS"}, {"USA"})),
        ("The Chinese embassy handed a protest note to the Philippine foreign ministry.", _key("ACCUSE", {"CHN"}, {"PHL"})),
        # PROTEST
        ("Bolivian farmers went on strike against the government.", _key("PROTEST", {"BOL"}, {"BOL"})),
        ("Thousands of Chileans took to the streets of Santiago.", _key("PROTEST", {"CHL"}, {"CHL"})),
        ("Venezuelan opposition parties boycotted the election.", _key("PROTEST", {"VEN"}, {"VEN"})),
        ("Kosovar youths threw stones at Serbian police.", _key("PROTEST", {"XKX"}, {"SRB"})),
        # MOBILIZE
        ("Lebanon called up thousands of reservists.", _key("MOBILIZE", {"LBN"}, set())),
        ("Indian troops remained on alert along the Chinese border.", _key("MOBILIZE", {"IND"}, set())),
        ("Azerbaijan mobilized its army against Armenia.", _key("MOBILIZE", {"AZE"}, {"ARM"})),
        ("Chad put its troops on maximum alert along the border with Sudan.", _key("MOBILIZE", {"TCD"}, {"SDN"})),
        ("The Ethiopian army moved troops to the Eritrean border.", _key("MOBILIZE", {"ETH"}, {"ERI"})),
        # SANCTION
        ("Belarus kicked out the Lithuanian ambassador.", _key("SANCTION", {"BLR"}, {"LTU"})),
        ("Lithuania expelled two Belarusian diplomats on Monday.", _key("SANCTION", {"LTU"}, {"BLR"})),
        ("Estonia halted talks with Russia.", _key("SANCTION", {"EST"}, {"RUS"})),
        ("Japan boycotted the summit in Beijing.", _key("SANCTION", {"JPN"}, {"CHN"})),
        ("Moldova shut its border to Russian trucks.", _key("SANCTION", {"MDA"}, {"RUS"})),
        ("Indonesia forced the Australian journalists out of the country.", _key("SANCTION", {"IDN"}, {"AUS"})),
        # COERCE
        ("Thai police fired tear gas at protesters in Bangkok.", _key("COERCE", {"THA"}, {"THA"})),
        ("Pakistan declared a state of emergency in Karachi.", _key("COERCE", {"PAK"}, {"PAK"})),
        ("Serbian police took the Kosovar activist into custody.", _key("COERCE", {"SRB"}, {"XKX"})),
        ("The Egyptian government banned the main opposition party.", _key("COERCE", {"EGY"}, {"EGY"})),
        ("Russia annexed the Ukrainian region in 2022.", _key("COERCE", {"RUS"}, {"UKR"})),
        ("The Chinese government silenced critics in Hong Kong.", _key("COERCE", {"CHN"}, {"HKG"})),
        # ASSAULT
        ("Gunmen kidnapped two Italian aid workers in Niger.", _key("ASSAULT", {"NER"}, {"ITA"})),
        ("Russian forces violated the ceasefire in Ukraine.", _key("ASSAULT", {"RUS"}, {"UKR"})),
        ("The Vietnamese navy sank a Chinese fishing boat.", _key("ASSAULT", {"VNM"}, {"CHN"})),
        ("Somali soldiers fought for hours in Mogadishu.", _key("ASSAULT", {"SOM"}, {"SOM"})),
    ],
)
def test_each_cameo_family_is_coded(sentence, expected):
    assert expected in _keys(sentence)


@pytest.mark.slow
def test_a_particle_is_not_a_preposition_with_its_own_object():
    # "gave in" yields; "gave $5 million in aid" does not.
    assert not any(key[0] == "CONCEDE" for key in _keys("The United States gave $5 million in aid to Kenya."))
    assert _key("CONCEDE", {"PER"}, set()) in _keys("The Peruvian president stepped down on Monday.")


@pytest.mark.slow
def test_support_needs_someone_supported():
    # "voiced support for Ukraine" supports a country; support for a plan supports no one.
    assert not any(key[0] == "SUPPORT" for key in _keys("The Danish minister confirmed support for the new school plan."))


@pytest.mark.slow
def test_a_charge_is_an_accusation_not_a_price():
    assert _key("ACCUSE", {"KEN"}, {"SOM"}) in _keys("Kenyan prosecutors charged two Somali men with terrorism.")
    assert not any(key[0] == "ACCUSE" for key in _keys("The Egyptian port charged Greek ships a higher fee."))


@pytest.mark.slow
def test_declining_is_a_refusal_only_of_an_act_or_an_offer():
    assert _key("REJECT", {"POL"}, {"RUS"}) in _keys("The Polish president declined to meet the Russian envoy.")
    assert not any(key[0] == "REJECT" for key in _keys("Chinese exports to the United States declined in March."))


@pytest.mark.slow
def test_releasing_a_statement_frees_no_one():
    assert _keys("The Russian ministry released a statement on Ukraine.") == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The Kenyan government is fighting corruption and inflation.",
        "The French president recognized the need for reform.",
        "The French minister was encouraged by the progress in Mali.",
        "The rebels renounced violence in a statement.",
    ],
)
def test_words_in_their_everyday_sense_are_no_event(sentence):
    assert _keys(sentence) == set()


@pytest.mark.slow
def test_a_verb_the_tagger_took_for_a_noun_is_still_a_trigger():
    # The small model tags this "rally" a noun, yet it has a subject.
    assert _key("PROTEST", {"KEN"}, {"KEN"}) in _keys("Thousands of Kenyans rally against the government in Nairobi.")


@pytest.mark.slow
def test_a_visit_at_an_invitation_is_the_visit_alone():
    keys = _keys("The Egyptian president visited Rome at the invitation of the Italian government.")
    assert keys == {_key("CONSULT", {"EGY"}, {"ITA"})}


@pytest.mark.slow
def test_a_reading_that_needs_a_recipient_gives_way_when_there_is_none():
    # "protested to the ambassador" complains to someone; "protested to demand" takes to the streets.
    assert _key("ACCUSE", {"CHN"}, {"JPN"}) in _keys("China protested to the Japanese ambassador over the shrine visit.")
    keys = _keys("Thousands of Kenyans protested to demand the release of jailed activists.")
    assert any(key[0] == "PROTEST" for key in keys)
    assert not any(key[0] == "ACCUSE" for key in keys)


CHECKED_ON_THE_SENTENCE = {"@person", "@intransitive", "@transitive"}


def test_every_object_class_a_row_names_is_defined():
    classes = load_object_classes()
    named = {w for row in ROWS for w in [*row, "", "", ""][5].split() if w.startswith("@")}
    assert named - set(classes) - CHECKED_ON_THE_SENTENCE == set()
    assert all(name.startswith("@") and words for name, words in classes.items())


def test_a_class_stands_for_its_words_in_the_lookup():
    (exchange,) = [t for t in load_lexicon()[("exchange", "VERB")] if t.event == "RETREAT"]
    assert {"detainees", "hostage", "prisoners"} <= exchange.objects
    assert "@captives" not in exchange.objects


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Iran exchanged detainees with the United States on Monday.", _key("RETREAT", {"IRN"}, {"USA"})),
        ("Ukraine handed over the detainees to Russia.", _key("RETREAT", {"UKR"}, {"RUS"})),
        ("Russia sent three battalions to the Belarusian border.", _key("MOBILIZE", {"RUS"}, {"BLR"})),
        ("Libyan militias captured dozens of migrants near Tripoli.", _key("COERCE", {"LBY"}, {"LBY"})),
        ("Turkey expelled three German tourists on Friday.", _key("COERCE", {"TUR"}, {"DEU"})),
        ("The Indian navy evacuated Indian students from Sudan.", _key("AID", {"IND"}, {"SDN"})),
    ],
)
def test_an_object_class_widens_every_row_that_names_it(sentence, expected):
    assert expected in _keys(sentence)


@pytest.mark.slow
def test_a_noun_listed_only_as_a_verb_reads_the_verb_when_its_of_phrase_is_an_object():
    # "the return of prisoners" is the verb "return prisoners" as a noun; the "of" phrase is its object.
    assert _key("RETREAT", {"RUS"}, {"UKR"}) in _keys("Russia completed the return of Ukrainian prisoners to Ukraine.")
    assert _key("MOBILIZE", {"ISR"}, set()) in _keys("Israel announced the test of a new missile on Tuesday.")
    # ... and not with an "of" phrase the verb's readings do not take.
    assert _keys("The return of the Kenyan president to Nairobi was delayed.") == set()


@pytest.mark.slow
def test_taking_someone_hostage_is_an_abduction_and_taking_place_is_nothing():
    assert any(key[0] == "ASSAULT" for key in _keys("Gunmen in Niger took two French engineers hostage on Monday."))
    assert _keys("The meeting took place in the Kenyan capital.") == set()


@pytest.mark.slow
def test_the_parties_a_mediator_stands_between_are_its_recipients():
    keys = _keys("Qatar brokered a truce between Israel and Egypt.")
    assert keys == {_key("CONSULT", {"QAT"}, {"ISR"}), _key("CONSULT", {"QAT"}, {"EGY"})}
    assert _key("CONSULT", {"NOR"}, {"COL"}) in _keys("Norway mediated between the Colombian government and the rebels.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # AGREE, CONSULT, SUPPORT, COOPERATE
        ("Kenya reached an understanding with Uganda on the border.", _key("AGREE", {"KEN"}, {"UGA"})),
        ("The American envoy shuttled between Israel and Lebanon.", _key("CONSULT", {"USA"}, {"ISR"})),
        ("The Japanese minister touched down in Manila for talks.", _key("CONSULT", {"JPN"}, {"PHL"})),
        ("France threw its weight behind the Lebanese government.", _key("SUPPORT", {"FRA"}, {"LBN"})),
        ("Germany lent its support to the Ukrainian government.", _key("SUPPORT", {"DEU"}, {"UKR"})),
        ("China sent condolences to Nepal after the earthquake.", _key("SUPPORT", {"CHN"}, {"NPL"})),
        ("The Brazilian president offered his condolences to Argentina.", _key("SUPPORT", {"BRA"}, {"ARG"})),
        ("Russia gave the green light to the Turkish operation.", _key("SUPPORT", {"RUS"}, {"TUR"})),
        ("Israel and Turkey mended fences last year.", _key("SUPPORT", {"ISR", "TUR"}, set())),
        ("Kenya forged an alliance with Ethiopia.", _key("COOPERATE", {"KEN"}, {"ETH"})),
        # AID
        ("Saudi Arabia extended a credit line to Egypt.", _key("AID", {"SAU"}, {"EGY"})),
        ("Germany wrote off the debts of Zambia.", _key("AID", {"DEU"}, {"ZMB"})),
        ("Turkey took in thousands of Syrian refugees.", _key("AID", {"TUR"}, {"SYR"})),
        # CONCEDE, RETREAT
        ("The Greek government climbed down in the dispute with Germany.", _key("CONCEDE", {"GRC"}, set())),
        ("The Iraqi prime minister stepped aside on Monday.", _key("CONCEDE", {"IRQ"}, set())),
        ("The Thai government made a U-turn on the ban.", _key("CONCEDE", {"THA"}, set())),
        ("The United States drew down its troops in Iraq.", _key("RETREAT", {"USA"}, {"IRQ"})),
        ("The Ugandan government scaled back its military operations in Congo.", _key("RETREAT", {"UGA"}, {"COD"})),
        ("Iran set free the British sailors.", _key("RETREAT", {"IRN"}, {"GBR"})),
        # REQUEST, ACCUSE
        ("Britain called for the release of the jailed Iranian activists.", _key("REQUEST", {"GBR"}, {"IRN"})),
        ("The German chancellor took issue with the Polish government.", _key("ACCUSE", {"DEU"}, {"POL"})),
        ("The Iranian president took aim at Saudi Arabia over the oil prices.", _key("ACCUSE", {"IRN"}, {"SAU"})),
        ("Greek prosecutors brought charges against the Turkish captain.", _key("ACCUSE", {"GRC"}, {"TUR"})),
        ("Ukraine took Russia to the International Court of Justice.", _key("ACCUSE", {"UKR"}, {"RUS"})),
        ("The Pakistani court found the British citizen guilty of murder.", _key("ACCUSE", {"PAK"}, {"GBR"})),
        ("Lithuania registered a protest with Belarus.", _key("ACCUSE", {"LTU"}, {"BLR"})),
        # REJECT, THREATEN
        ("The Iranian president brushed aside the American demands.", _key("REJECT", {"IRN"}, {"USA"})),
        ("North Korea slammed the door on talks with the United States.", _key("REJECT", {"PRK"}, {"USA"})),
        ("Iraq turned its back on the agreement with Kuwait.", _key("REJECT", {"IRQ"}, {"KWT"})),
        ("The Palestinians walked away from the talks with Israel.", _key("REJECT", {"PSE"}, {"ISR"})),
        ("The Russian government shot down the American claims.", _key("REJECT", {"RUS"}, {"USA"})),
        ("Hezbollah vowed revenge against Israel.", _key("THREATEN", {"LBN"}, {"ISR"})),
        ("The United States put Iran on notice.", _key("THREATEN", {"USA"}, {"IRN"})),
        # PROTEST, MOBILIZE
        ("Egyptian workers downed tools in protest against the new law.", _key("PROTEST", {"EGY"}, {"EGY"})),
        ("Nigerian doctors walked off the job on Monday.", _key("PROTEST", {"NGA"}, {"NGA"})),
        ("Thousands of Kenyans poured into the streets of Nairobi.", _key("PROTEST", {"KEN"}, {"KEN"})),
        ("Turkish police stepped up patrols along the Syrian border.", _key("MOBILIZE", {"TUR"}, {"SYR"})),
        ("Japan scrambled fighter jets on Monday.", _key("MOBILIZE", {"JPN"}, {"JPN"})),
        ("North Korea test-fired a ballistic missile.", _key("MOBILIZE", {"PRK"}, set())),
        # SANCTION, COERCE
        ("The United States slapped sanctions on Iranian officials.", _key("SANCTION", {"USA"}, {"IRN"})),
        ("The European Union hit Russia with new sanctions.", _key("SANCTION", {"EUR"}, {"RUS"})),
        ("Germany pulled the plug on the gas pipeline with Russia.", _key("SANCTION", {"DEU"}, {"RUS"})),
        ("The Russian government placed the opposition leader under house arrest.", _key("COERCE", {"RUS"}, {"RUS"})),
        ("Egyptian police threw the activists in jail.", _key("COERCE", {"EGY"}, {"EGY"})),
        ("Turkish police broke up a demonstration in Istanbul.", _key("COERCE", {"TUR"}, {"TUR"})),
        ("Kenyan police used water cannon against protesters.", _key("COERCE", {"KEN"}, {"KEN"})),
        ("Hong Kong police fired rubber bullets at protesters.", _key("COERCE", {"HKG"}, {"HKG"})),
        # ASSAULT
        ("Hamas launched rockets at Israel.", _key("ASSAULT", {"PSE"}, {"ISR"})),
        ("Russian artillery hammered Ukrainian positions.", _key("ASSAULT", {"RUS"}, {"UKR"})),
        ("Pakistani troops exchanged fire with Indian soldiers in Kashmir.", _key("ASSAULT", {"PAK"}, {"IND"})),
        ("Iraqi militants lobbed mortars at the American base.", _key("ASSAULT", {"IRQ"}, {"USA"})),
    ],
)
def test_wire_service_idioms_are_coded(sentence, expected):
    assert expected in _keys(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Oil prices slammed into a wall in March.",
        "The Brazilian striker took aim at the goal.",
        "The Nigerian runner set free a pigeon.",
        "The Mexican president reached a better understanding of the problem.",
        "The Russian minister called for the return of normal life.",
        "The French team walked away from the crash unharmed.",
        "The Syrian refugees took in the view.",
        "The Egyptian army drew praise from the president.",
        "The Greek central bank hit its inflation target.",
        "The Japanese plane touched down in Tokyo.",
        "The Indian government stepped up spending on roads.",
        "The Turkish central bank raised interest rates.",
        "The Polish workers downed their drinks.",
        "Heavy rain flooded the streets of Manila.",
    ],
)
def test_idioms_in_their_everyday_sense_are_no_event(sentence):
    assert _keys(sentence) == set()


@pytest.mark.slow
def test_an_idiom_reading_gives_way_to_the_plain_one():
    # "shot down the rumours" rejects them; "shot down a drone" is an attack.
    assert not any(key[0] == "ASSAULT" for key in _keys("The Kenyan football team shot down the rumours about its coach."))
    assert _key("ASSAULT", {"SYR"}, {"ISR"}) in _keys("Syrian forces shot down an Israeli drone.")
    # Rockets launched at someone are an attack; a rocket launched into orbit is not.
    assert not any(key[0] == "ASSAULT" for key in _keys("India launched a rocket on Monday."))
    # Security forces that step up raids raid; their name is not a troop build-up.
    keys = _keys("Iraqi security forces stepped up raids on rebel hideouts in Baghdad.")
    assert not any(key[0] == "MOBILIZE" for key in keys)


@pytest.mark.slow
def test_tearing_up_a_deal_rejects_it_and_a_bomb_tearing_through_attacks():
    assert _key("REJECT", {"USA"}, {"IRN"}) in _keys("The American president tore up the nuclear deal with Iran.")
    assert any(key[0] == "ASSAULT" for key in _keys("A roadside bomb tore through a market in Kabul."))
    assert _keys("The storm tore through the Cuban capital.") == set()
    assert _key("ASSAULT", {"PSE"}, {"ISR"}) in _keys("Hamas rained rockets on the Israeli town of Sderot.")
    assert _key("PROTEST", {"KEN"}, {"KEN"}) in _keys("Kenyan dockworkers staged a work stoppage.")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Aid named by what is sent: weapons (@arms) and relief goods (@relief)
        ("Britain shipped anti-tank missiles to the Ukrainian army.", _key("AID", {"GBR"}, {"UKR"})),
        ("UNICEF distributed vaccines to children in Yemen.", _key("AID", {"UNO"}, {"YEM"})),
        ("The Turkish air force flew medicines to Libya.", _key("AID", {"TUR"}, {"LBY"})),
        ("Iran armed Shiite militias in Iraq.", _key("AID", {"IRN"}, {"IRQ"})),
        ("Venezuela gave asylum to the former Peruvian president.", _key("AID", {"VEN"}, {"PER"})),
        # Material cooperation
        ("Romania and Moldova worked together to secure their border.", _key("COOPERATE", {"ROU", "MDA"}, set())),
        ("Italy and Spain opened a joint investigation into the smuggling ring.", _key("COOPERATE", {"ITA", "ESP"}, set())),
        ("Norwegian intelligence passed information on the plot to Sweden.", _key("COOPERATE", {"NOR"}, {"SWE"})),
        ("Vietnam opened its markets to American beef.", _key("COOPERATE", {"VNM"}, {"USA"})),
        # the country a suspect is extradited to, not the suspect's own
        ("Kenya extradited a Nigerian suspect to Britain.", _key("COOPERATE", {"KEN"}, {"GBR"})),
        # Negotiation and mediation
        ("Greek negotiators haggled with Turkish officials over the maritime border.", _key("CONSULT", {"GRC"}, {"TUR"})),
        ("Oman brokered negotiations between Iran and the United States.", _key("CONSULT", {"OMN"}, {"IRN"})),
        ("Switzerland acted as an intermediary between Washington and Tehran.", _key("CONSULT", {"CHE"}, {"USA"})),
        # Apologies, verbal defence, rallying support
        ("The Belgian king offered an apology to Congo.", _key("SUPPORT", {"BEL"}, {"COD"})),
        ("Serbia asked Croatia for forgiveness.", _key("SUPPORT", {"SRB"}, {"HRV"})),
        ("Poland stood up for Lithuania in the dispute.", _key("SUPPORT", {"POL"}, {"LTU"})),
        ("Chile rallied support for Ecuador at the summit.", _key("SUPPORT", {"CHL"}, {"ECU"})),
        # Reform and policy change; said as a commitment, a promise
        ("Vietnam revised its land law after protests.", _key("CONCEDE", {"VNM"}, set())),
        ("Uzbekistan said it would carry out economic reforms.", _key("AGREE", {"UZB"}, set())),
        # scaling back a programme yields; scaling back ties or aid reduces relations
        ("Iran signalled it would scale back uranium enrichment.", _key("AGREE", {"IRN"}, set())),
        ("Washington scaled back its aid to Cambodia.", _key("SANCTION", {"USA"}, set())),
        # whose help is sought is asked for it
        ("Bolivia sought Argentina's help to fight the fires.", _key("REQUEST", {"BOL"}, {"ARG"})),
        # defending a party against criticism (not a city against attacks, below)
        ("Beijing defended Pyongyang against American accusations of cheating.", _key("SUPPORT", {"CHN"}, {"PRK"})),
        ("Brazilian troops led the peacekeeping mission in Haiti.", _key("AID", {"BRA"}, {"HTI"})),
        ("Peru said it would join Bolivia in a joint effort to clean up Lake Titicaca.", _key("AGREE", {"PER"}, {"BOL"})),
        ("Syria said it would allow UN investigators into the town of Douma.", _key("AGREE", {"SYR"}, {"UNO"})),
        # seeking a loan asks for it; selling arms, disbursing money, treating the wounded aid
        ("Egypt is seeking a loan from the World Bank.", _key("REQUEST", {"EGY"}, {"IGO"})),
        ("Japan lodged a request with China for the return of the detained businessman.", _key("REQUEST", {"JPN"}, {"CHN"})),
        ("Nigeria's call on Britain to return looted artefacts gained support.", _key("REQUEST", {"NGA"}, {"GBR"})),
        ("Washington approved the sale of F-16 jets to Taiwan.", _key("AID", {"USA"}, {"TWN"})),
        ("Russia sold fighter jets and helicopters to India.", _key("AID", {"RUS"}, {"IND"})),
        ("The European Union disbursed 1 billion euros to Ukraine.", _key("AID", {"EUR"}, {"UKR"})),
        ("A loan of 3 billion dollars was approved for Egypt by the IMF.", _key("AID", {"IGO"}, {"EGY"})),
        ("Jordanian doctors treated injured Syrians at a field hospital.", _key("AID", {"JOR"}, {"SYR"})),
        ("Brazil gave shelter to thousands of Venezuelan migrants.", _key("AID", {"BRA"}, {"VEN"})),
        # telling someone to act demands it (not "told reporters that ...", below)
        ("The Iranian president told Iraq to expel American troops.", _key("REQUEST", {"IRN"}, {"IRQ"})),
        ("The delivery of Leopard tanks to Ukraine by Germany was delayed.", _key("AID", {"DEU"}, {"UKR"})),
        ("The Malaysian premier called his Singaporean counterpart to discuss water supplies.", _key("CONSULT", {"MYS"}, {"SGP"})),
        ("Brazil is sending doctors to Cuba under a new programme.", _key("AID", {"BRA"}, {"CUB"})),
        ("The Kenyan army is working with Somali forces to fight al-Shabab.", _key("COOPERATE", {"KEN"}, {"SOM"})),
        ("Israel shared satellite images with Azerbaijan.", _key("COOPERATE", {"ISR"}, {"AZE"})),
        ("Turkey came to the defence of Qatar during the blockade.", _key("SUPPORT", {"TUR"}, {"QAT"})),
        ("Ethiopia came to the aid of Djibouti.", _key("AID", {"ETH"}, {"DJI"})),
        ("The Saudi crown prince spoke to the French president on Thursday.", _key("CONSULT", {"SAU"}, {"FRA"})),
        # diplomatic cooperation and recognition
        ("Argentina and Brazil coordinated their positions ahead of the summit.", _key("SUPPORT", {"ARG", "BRA"}, set())),
        ("Japan upgraded its relations with Vietnam to a comprehensive strategic partnership.", _key("SUPPORT", {"JPN"}, {"VNM"})),
        ("China and Pakistan reaffirmed their all-weather friendship.", _key("SUPPORT", {"CHN", "PAK"}, set())),
        ("Guatemala moved its embassy to Jerusalem.", _key("SUPPORT", {"GTM"}, {"ISR"})),
        ("Bahrain appointed its first ambassador to Israel.", _key("SUPPORT", {"BHR"}, {"ISR"})),
        ("The Japanese emperor expressed deep remorse to China for the war.", _key("SUPPORT", {"JPN"}, {"CHN"})),
    ],
)
def test_cooperation_aid_and_support_vocabulary(sentence, expected):
    assert expected in _keys(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # MOBILIZE: shows of force and alert levels
        ("The Iranian army paraded its new missiles through Tehran.", _key("MOBILIZE", {"IRN"}, set())),
        ("Venezuelan troops went on high alert along the border.", _key("MOBILIZE", {"VEN"}, set())),
        ("Japan raised the readiness of its air defence units.", _key("MOBILIZE", {"JPN"}, set())),
        ("Ukrainian troops were on high alert in Kharkiv.", _key("MOBILIZE", {"UKR"}, {"UKR"})),
        ("The Russian navy held live-fire drills in the Black Sea.", _key("MOBILIZE", {"RUS"}, set())),
        # SANCTION: contacts, relations, mediation and aid ended; envoys ordered out
        ("Kenya suspended contacts with the Somali government.", _key("SANCTION", {"KEN"}, {"SOM"})),
        ("Chile ended diplomatic relations with Venezuela.", _key("SANCTION", {"CHL"}, {"VEN"})),
        ("Egypt ended its mediation between Israel and Hamas.", _key("SANCTION", {"EGY"}, {"ISR"})),
        ("The World Bank stopped loan payments to Zambia.", _key("SANCTION", {"IGO"}, {"ZMB"})),
        ("Lebanon ordered the Syrian ambassador out of the country.", _key("SANCTION", {"LBN"}, {"SYR"})),
        ("Bolivia ordered the American ambassador to leave the country.", _key("SANCTION", {"BOL"}, {"USA"})),
        ("Iran announced the recall of its ambassador from Baku.", _key("SANCTION", {"IRN"}, {"AZE"})),
        ("The withdrawal of the Peruvian ambassador from Caracas angered Venezuela.", _key("SANCTION", {"PER"}, {"VEN"})),
        # COERCE: forcing, seizing control, sealing off, curfews and emergencies
        ("The Iranian government cut off internet access in Tehran.", _key("COERCE", {"IRN"}, {"IRN"})),
        ("Belarusian police forced the journalists to delete their footage.", _key("COERCE", {"BLR"}, {"BLR"})),
        ("Chinese coast guard ships took control of a Philippine fishing boat.", _key("COERCE", {"CHN"}, {"PHL"})),
        ("Taliban fighters took control of the northern Afghan city of Kunduz.", _key("ASSAULT", {"AFG"}, {"AFG"})),
        ("Turkish police sealed off the area around the courthouse in Istanbul.", _key("COERCE", {"TUR"}, {"TUR"})),
        ("Israel blocked access to the Rafah crossing.", _key("COERCE", {"ISR"}, {"ISR"})),
        ("The Bolivian government declared a curfew in La Paz.", _key("COERCE", {"BOL"}, {"BOL"})),
        ("Peru's president announced a state of emergency in Lima.", _key("COERCE", {"PER"}, {"PER"})),
        # ASSAULT: property burned down, cleansing, dropped munitions, truces broken, shields
        ("Rebels burned down a police station in Mali.", _key("ASSAULT", {"MLI"}, {"MLI"})),
        ("Sri Lanka's army raped Tamil women, a UN report said.", _key("ASSAULT", {"LKA"}, {"LKA"})),
        ("Saudi authorities hanged two men convicted of drug smuggling.", _key("ASSAULT", {"SAU"}, {"SAU"})),
        ("Militiamen hacked to death 12 villagers in eastern Congo.", _key("ASSAULT", {"COD"}, {"COD"})),
        ("Israeli gunships rocketed Palestinian targets in Gaza.", _key("ASSAULT", {"ISR"}, {"PSE"})),
        ("Serb forces blockaded the Bosnian town of Gorazde.", _key("SANCTION", {"SRB"}, {"BIH"})),
        ("The Iraqi army gassed Kurdish villagers in the north of Iraq.", _key("ASSAULT", {"IRQ"}, {"IRQ"})),
        ("Russian bombers dropped cluster munitions on Aleppo.", _key("ASSAULT", {"RUS"}, set())),
        ("The Israeli army broke the truce with air strikes on Gaza.", _key("ASSAULT", {"ISR"}, set())),
        ("Congolese rebels used schoolchildren as human shields.", _key("ASSAULT", {"COD"}, set())),
        ("Malaysia sent home 500 Bangladeshi workers on Friday.", _key("COERCE", {"MYS"}, {"BGD"})),
        ("Chinese coast guard ships rammed a Vietnamese fishing boat.", _key("ASSAULT", {"CHN"}, {"VNM"})),
        ("The Serbian army moved artillery to the border with Kosovo.", _key("MOBILIZE", {"SRB"}, {"XKX"})),
        ("The Russian government dissolved a human rights organization in Moscow.", _key("COERCE", {"RUS"}, {"RUS"})),
    ],
)
def test_force_posture_sanctions_coercion_and_violence_in_their_news_words(sentence, expected):
    assert expected in _keys(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # PROTEST: stones thrown, food refused, routes blocked
        ("Palestinian youths hurled stones at Israeli soldiers in Nablus.", _key("PROTEST", {"PSE"}, {"ISR"})),
        ("A jailed Egyptian blogger has refused food for a month, his family said.", _key("PROTEST", {"EGY"}, {"EGY"})),
        ("Farmers in Warsaw blocked the railway line to the Ukrainian border.", _key("PROTEST", {"POL"}, {"POL"})),
        # REJECT: mediation declined, rulings ignored
        ("Morocco declined mediation by the African Union.", _key("REJECT", {"MAR"}, {"IGO"})),
        ("Romania ignored a ruling by the European Commission.", _key("REJECT", {"ROU"}, {"EUR"})),
        # THREATEN: a mediator's threat to stop
        ("Turkey threatened to halt its mediation between Russia and Ukraine.", _key("THREATEN", {"TUR"}, {"RUS"})),
    ],
)
def test_probe_round_c_rows_code_their_family(sentence, expected):
    assert expected in _keys(sentence)


@pytest.mark.slow
def test_defending_a_place_against_attacks_is_no_verbal_support():
    assert not any(key[0] == "SUPPORT" for key in _keys("Ukrainian troops defended the city against attacks."))
    # nor is selling shares arms aid, nor treating a patient for an illness humanitarian aid
    assert _keys("The company sold its shares to a French bank.") == set()
    assert _keys("Doctors treated the president for pneumonia.") == set()
    assert _keys("The minister told reporters that talks would continue.") == set()


@pytest.mark.slow
def test_a_strike_is_a_labour_strike_only_when_staged_or_called():
    assert _key("PROTEST", {"FIN"}, {"FIN"}) in _keys("Finnish dockworkers called a strike over pay.")
    assert not any(key[0] == "PROTEST" for key in _keys("Israel carried out a strike on Gaza on Monday."))


@pytest.mark.slow
def test_blocking_a_decision_vetoes_it():
    assert _key("REJECT", {"HUN"}, {"EUR"}) in _keys("Hungary blocked the EU aid package for Ukraine.")


@pytest.mark.slow
def test_nouns_of_refusal_name_who_refused_whom():
    assert _key("REJECT", {"IRN"}, {"FRA"}) in _keys("Iran's rebuff of the French proposal angered Paris.")
    assert _key("REJECT", {"KOR"}, {"JPN"}) in _keys("The snub of Japan by South Korea surprised diplomats.")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The Brazilian company stopped payments to its suppliers.",
        "The Greek team went on a winning streak.",
        "The Indian airline ended its partnership with the hotel chain.",
        "The Turkish company put its plans on hold.",
        "The Kenyan runner broke the course record in Nairobi.",
        "The Kenyan president was on a visit to Ethiopia.",
        "Chinese shares rocketed on Monday.",
        "The Kenyan writer hacked away at his novel.",
    ],
)
def test_those_words_in_their_everyday_sense_are_no_event(sentence):
    assert _keys(sentence) == set()


@pytest.mark.slow
def test_driving_people_out_expels_them_and_driving_out_of_town_is_nothing():
    keys = _keys("Serbian police drove thousands of Albanians out of their villages.")
    assert any(key[0] == "ASSAULT" and key[1] == frozenset({"SRB"}) for key in keys)
    assert _keys("The Chilean president drove out of the capital on Sunday.") == set()


    assert _keys("The students worked with their teachers.") == set()
    assert _keys("The president appointed a new defence minister.") == set()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # idioms, phrasal verbs and rarer synonyms (probes G round)
        ("Kenya went cap in hand to the World Bank for emergency funding.", _key("REQUEST", {"KEN"}, {"IGO"})),
        ("Sri Lanka turned to India for help with its debt crisis.", _key("REQUEST", {"LKA"}, {"IND"})),
        ("The Kenyan president entreated Uganda to reopen the border.", _key("REQUEST", {"KEN"}, {"UGA"})),
        ("Washington prodded Seoul to open its rice market.", _key("REQUEST", {"USA"}, {"KOR"})),
        ("Germany leaned on Greece to cut its budget deficit.", _key("REQUEST", {"DEU"}, {"GRC"})),
        ("France turned up the heat on Iran to halt enrichment.", _key("REQUEST", {"FRA"}, {"IRN"})),
        ("Peru sought Chile's good offices to end the dispute with Bolivia.", _key("REQUEST", {"PER"}, {"CHL"})),
        ("Spain sought Portugal's participation in the naval exercise.", _key("REQUEST", {"ESP"}, {"PRT"})),
        ("Jordanian police tipped off Iraq about a planned bombing in Baghdad.", _key("COOPERATE", {"JOR"}, {"IRQ"})),
        ("Ecuador turned the fugitive banker over to Colombian authorities.", _key("COOPERATE", {"ECU"}, {"COL"})),
        ("Brazil surrendered a suspect wanted in Paraguay to Paraguayan police.", _key("COOPERATE", {"BRA"}, {"PRY"})),
        ("Indonesia forged closer trade links with Vietnam.", _key("COOPERATE", {"IDN"}, {"VNM"})),
        ("The Kenyan president got on the phone with Tanzania's president.", _key("CONSULT", {"KEN"}, {"TZA"})),
        ("The Indian prime minister touched down in Dhaka for a two-day visit to Bangladesh.",
         _key("CONSULT", {"IND"}, {"BGD"})),
        ("Saudi Arabia rolled out the red carpet for the Chinese president.", _key("CONSULT", {"SAU"}, {"CHN"})),
        ("The Turkish foreign minister huddled with his Greek counterpart in Athens.", _key("CONSULT", {"TUR"}, {"GRC"})),
        ("The French president paid a courtesy call on the Moroccan king in Rabat.", _key("CONSULT", {"FRA"}, {"MAR"})),
        ("Kenya made common cause with Ethiopia against the sanctions.", _key("SUPPORT", {"KEN"}, {"ETH"})),
        ("Russia sprang to the defence of Iran at the nuclear talks.", _key("SUPPORT", {"RUS"}, {"IRN"})),
        ("Argentina extended diplomatic recognition to Palestine.", _key("SUPPORT", {"ARG"}, {"PSE"})),
        ("East Timor let bygones be bygones with Indonesia.", _key("SUPPORT", {"TLS"}, {"IDN"})),
        ("Vietnam inked a trade deal with Cambodia in Hanoi.", _key("SUPPORT", {"VNM"}, {"KHM"})),
        ("Peru sealed an agreement with Ecuador on fishing rights.", _key("SUPPORT", {"PER"}, {"ECU"})),
        ("Cuba dispatched doctors and nurses to Angola.", _key("AID", {"CUB"}, {"AGO"})),
        ("Russia deployed surgeons to Syria.", _key("AID", {"RUS"}, {"SYR"})),
        ("Brazil furnished Bolivia's army with helicopters and rifles.", _key("AID", {"BRA"}, {"BOL"})),
        ("The Red Cross trucked food and blankets into Sudan.", _key("AID", {"NGO"}, {"SDN"})),
        ("Britain scrapped its arms embargo on Chile.", _key("RETREAT", {"GBR"}, {"CHL"})),
        ("The Sri Lankan president lifted the state of emergency.", _key("RETREAT", {"LKA"}, set())),
        ("Kenya dragged Somalia before the International Court of Justice.", _key("ACCUSE", {"KEN"}, {"SOM"})),
        ("China stood firm on its ban on Japanese seafood.", _key("REJECT", {"CHN"}, {"JPN"})),
        ("The African Union served Sudan's junta with an ultimatum.", _key("THREATEN", {"IGO"}, {"SDN"})),
        ("Thai police drafted in riot policemen to Bangkok.", _key("MOBILIZE", {"THA"}, {"THA"})),
        ("Egypt put its mediation role in Gaza on hold.", _key("SANCTION", {"EGY"}, {"PSE"})),
        ("Ugandan police clamped a curfew on Kampala.", _key("COERCE", {"UGA"}, {"UGA"})),
        ("Belarusian police roughed up opposition supporters in Minsk.", _key("ASSAULT", {"BLR"}, {"BLR"})),
        ("Syrian guards subjected Lebanese prisoners to torture.", _key("ASSAULT", {"SYR"}, {"LBN"})),
        ("Serbian forces purged the village of its Albanian population.", _key("ASSAULT", {"SRB"}, {"ALB"})),
        ("Sudanese militias butchered hundreds of villagers in Darfur.", _key("ASSAULT", {"SDN"}, {"SDN"})),
        ("Iran threatened to use its nuclear arsenal against Israel.", _key("THREATEN", {"IRN"}, {"ISR"})),
    ],
)
def test_idioms_and_rarer_synonyms(sentence, expected):
    assert expected in _keys(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # AGREE (03): assurances given, proposals embraced, readiness signalled
        ("Iran gave assurances to the IAEA about its nuclear programme.", _key("AGREE", {"IRN"}, {"UNO"})),
        ("Vietnam embraced the Japanese proposal for a maritime code.", _key("AGREE", {"VNM"}, {"JPN"})),
        ("Niger signalled its readiness to resume talks with Mali.", _key("AGREE", {"NER"}, {"MLI"})),
        # CONSULT (04): huddles, calls rung, briefings, audiences
        ("The Kenyan president huddled with Ugandan officials in Kampala.", _key("CONSULT", {"KEN"}, {"UGA"})),
        ("The Austrian chancellor rang the Hungarian prime minister.", _key("CONSULT", {"AUT"}, {"HUN"})),
        ("The Bolivian foreign minister briefed his Peruvian counterpart on the crisis.", _key("CONSULT", {"BOL"}, {"PER"})),
        # SUPPORT (05): championing, inking, recognition extended, regret, reconciliation
        ("Russia championed Serbia's position on Kosovo.", _key("SUPPORT", {"RUS"}, {"SRB"})),
        ("Peru inked a free trade pact with China.", _key("SUPPORT", {"PER"}, {"CHN"})),
        ("Nepal extended diplomatic recognition to Kosovo.", _key("SUPPORT", {"NPL"}, {"XKX"})),
        ("Rwanda expressed regret to Belgium over the incident.", _key("SUPPORT", {"RWA"}, {"BEL"})),
        ("Ethiopia and Eritrea reconciled after two decades of war.", _key("SUPPORT", {"ETH", "ERI"}, set())),
        # COOPERATE (06): resources pooled, cooperation stepped up, joint searches, extradition granted
        ("Kenya and Ethiopia pooled resources to fight locusts.", _key("COOPERATE", {"KEN", "ETH"}, set())),
        ("Spain and Morocco stepped up cooperation on migration.", _key("COOPERATE", {"ESP", "MAR"}, set())),
        ("Norway and Russia conducted a joint search for the missing sailors.", _key("COOPERATE", {"NOR", "RUS"}, set())),
        ("Turkey granted the extradition of two Georgian suspects to Georgia.", _key("COOPERATE", {"TUR"}, {"GEO"})),
        # AID (07): dispatched, furnished, channelled, gifted; debts forgiven
        ("Cuba dispatched doctors to Haiti after the earthquake.", _key("AID", {"CUB"}, {"HTI"})),
        ("The United States furnished weapons to Ukrainian forces.", _key("AID", {"USA"}, {"UKR"})),
        ("Sweden channelled aid to Afghan women through UN agencies.", _key("AID", {"SWE"}, {"AFG"})),
        ("Germany forgave the debts of Tanzania.", _key("AID", {"DEU"}, {"TZA"})),
        ("India gifted two helicopters to the Maldives.", _key("AID", {"IND"}, {"MDV"})),
        # CONCEDE, RETREAT (08): restrictions rolled back, demands met, captives let go or swapped, land ceded
        ("The Thai junta rolled back restrictions on political gatherings.", _key("CONCEDE", {"THA"}, set())),
        ("The Nicaraguan government met the protesters' demands.", _key("CONCEDE", {"NIC"}, {"NIC"})),
        ("The Yemeni government swapped prisoners with the Houthis.", _key("RETREAT", {"YEM"}, {"YEM"})),
        ("Morocco opened its airspace to Israeli flights.", _key("RETREAT", {"MAR"}, {"ISR"})),
        ("The Taliban released the Australian professor.", _key("RETREAT", {"AFG"}, {"AUS"})),
        ("Russia ceded the island to Japan.", _key("RETREAT", {"RUS"}, {"JPN"})),
        # ACCUSE (09, 11): examinations opened, exception taken, displeasure conveyed, charges pressed
        ("The ICC opened a preliminary examination into Venezuela.", _key("ACCUSE", {"IGO"}, {"VEN"})),
        ("India took exception to Pakistan's remarks.", _key("ACCUSE", {"IND"}, {"PAK"})),
        ("Japan conveyed its strong displeasure to South Korea.", _key("ACCUSE", {"JPN"}, {"KOR"})),
        ("The Turkish president derided the French president.", _key("ACCUSE", {"TUR"}, {"FRA"})),
        ("Greek prosecutors pressed charges against the Turkish captain.", _key("ACCUSE", {"GRC"}, {"TUR"})),
        ("Venezuela levelled accusations against Guyana.", _key("ACCUSE", {"VEN"}, {"GUY"})),
        # REQUEST (10): membership applied for, a leader's resignation or talks called for, persuasion
        ("Somalia applied for membership of the East African Community.", _key("REQUEST", {"SOM"}, set())),
        ("Cuba clamoured for the lifting of the American embargo.", _key("REQUEST", {"CUB"}, {"USA"})),
        ("Thai protesters called for the resignation of the Thai prime minister.", _key("REQUEST", {"THA"}, {"THA"})),
        ("Argentina called for talks with Britain over the Falklands.", _key("REQUEST", {"ARG"}, {"GBR"})),
        ("France persuaded Germany to back the plan.", _key("REQUEST", {"FRA"}, {"DEU"})),
        # REJECT (12): claims refuted or denied, treaties left, deals reneged on, bids opposed
        ("The Pakistani government refuted the Indian claims.", _key("REJECT", {"PAK"}, {"IND"})),
        ("China denied the allegations from the United States.", _key("REJECT", {"CHN"}, {"USA"})),
        ("Bolivia withdrew from the treaty with Chile.", _key("REJECT", {"BOL"}, {"CHL"})),
        ("The Russian government reneged on its deal with Ukraine.", _key("REJECT", {"RUS"}, {"UKR"})),
        ("Hungary opposed the Ukrainian membership bid.", _key("REJECT", {"HUN"}, {"UKR"})),
        # THREATEN (13): vows to crush, cautions
        ("Ethiopia vowed to crush the rebels in Tigray.", _key("THREATEN", {"ETH"}, {"ETH"})),
        ("The American president cautioned Iran against any retaliation.", _key("THREATEN", {"USA"}, {"IRN"})),
        # PROTEST (14): camps outside, hartals, industrial action, tools laid down
        ("Ukrainian activists camped outside the parliament in Kyiv.", _key("PROTEST", {"UKR"}, {"UKR"})),
        ("Bangladeshi opposition parties observed a hartal on Sunday.", _key("PROTEST", {"BGD"}, {"BGD"})),
        ("British rail workers took industrial action over pay.", _key("PROTEST", {"GBR"}, {"GBR"})),
        ("Nigerian doctors laid down their tools in Lagos.", _key("PROTEST", {"NGA"}, {"NGA"})),
        # MOBILIZE (15): war footing, presence expanded, security increased, conscription, patrols intensified
        ("North Korea placed its army on a war footing.", _key("MOBILIZE", {"PRK"}, set())),
        ("Japan expanded its military presence in Okinawa.", _key("MOBILIZE", {"JPN"}, {"JPN"})),
        ("Thai police increased security around the parliament.", _key("MOBILIZE", {"THA"}, set())),
        ("Azerbaijan conscripted thousands of men.", _key("MOBILIZE", {"AZE"}, {"AZE"})),
        ("Pakistan intensified patrols along the Afghan border.", _key("MOBILIZE", {"PAK"}, {"AFG"})),
        # SANCTION (16): controls tightened, sanctions widened, aid terminated, ties frozen, talks quit
        ("Japan tightened export controls on South Korea.", _key("SANCTION", {"JPN"}, {"KOR"})),
        ("The European Union widened its sanctions against Iran.", _key("SANCTION", {"EUR"}, {"IRN"})),
        ("The United States terminated its aid programme in Burundi.", _key("SANCTION", {"USA"}, {"BDI"})),
        ("Canada froze relations with Saudi Arabia.", _key("SANCTION", {"CAN"}, {"SAU"})),
        ("The Palestinians quit the talks with Israel.", _key("SANCTION", {"PSE"}, {"ISR"})),
        # COERCE (17): teargas, cordons, surveillance, purges, nationalization, proscription, custody
        ("Kenyan police teargassed opposition supporters.", _key("COERCE", {"KEN"}, {"KEN"})),
        ("The Nigerian army cordoned off the village.", _key("COERCE", {"NGA"}, {"NGA"})),
        ("Chinese authorities placed the dissident under surveillance.", _key("COERCE", {"CHN"}, {"CHN"})),
        ("The Turkish government purged thousands of judges.", _key("COERCE", {"TUR"}, {"TUR"})),
        ("The Venezuelan government nationalized American oil fields.", _key("COERCE", {"VEN"}, {"USA"})),
        ("The Tajik government proscribed the Islamic party.", _key("COERCE", {"TJK"}, {"TJK"})),
        ("Ugandan authorities held the opposition leader incommunicado.", _key("COERCE", {"UGA"}, {"UGA"})),
        # ASSAULT (18-20): targeting, fire traded, missiles slamming into, dynamite, encirclement, flattening
        ("Turkish drones targeted Kurdish fighters in Iraq.", _key("ASSAULT", {"TUR"}, {"IRQ"})),
        ("Indian and Pakistani troops traded fire across the Line of Control.", _key("ASSAULT", {"IND", "PAK"}, set())),
        ("Russian missiles slammed into a Ukrainian shopping centre.", _key("ASSAULT", {"RUS"}, {"UKR"})),
        ("Syrian troops encircled the town of Zabadani.", _key("ASSAULT", {"SYR"}, {"SYR"})),
        ("The Ukrainian army repelled a Russian assault on Kharkiv.", _key("ASSAULT", {"UKR"}, {"RUS"})),
        ("Israeli aircraft flattened buildings in Gaza.", _key("ASSAULT", {"ISR"}, {"PSE"})),
        ("Sudanese rebels mortared the airport in Khartoum.", _key("ASSAULT", {"SDN"}, {"SDN"})),
        # second round: training provided, people fed, weapons turned in, troops cut, exile, warrants, searches
        ("France provided training to Malian soldiers.", _key("COOPERATE", {"FRA"}, {"MLI"})),
        ("The World Food Programme fed refugees in Sudan.", _key("AID", {"UNO"}, {"SDN"})),
        ("Colombian rebels turned in their weapons to UN monitors.", _key("RETREAT", {"COL"}, {"UNO"})),
        ("The United States cut its troops in Germany.", _key("RETREAT", {"USA"}, {"DEU"})),
        ("The Thai junta forced the former prime minister into exile.", _key("COERCE", {"THA"}, {"THA"})),
        ("The ICC issued an arrest warrant for the Russian president.", _key("COERCE", {"IGO"}, {"RUS"})),
        ("Turkish police searched the offices of a Kurdish newspaper.", _key("COERCE", {"TUR"}, {"TUR"})),
    ],
)
def test_coverage_sweep_synonyms_are_coded(sentence, expected):
    assert expected in _keys(sentence)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The company deposited the money in its bank account.",
        "The Brazilian minister made the report available to journalists.",
        "The Indian striker lined up alongside his new teammates.",
        "The Chinese company sealed its products in plastic.",
        "The French minister sought office in 2012.",
        "Egyptian police dug into the rubble for survivors.",
        "The British government put its plans on hold.",
        "An attempt to save lives by Kenyan doctors failed.",
        "The Thai minister drafted a new police law.",
        "The Greek budget cuts hit defence spending.",
        "Iran has the right to use nuclear energy.",
        "The Chilean government set nuclear safety rules.",
        "The Kenyan minister turned to the next question.",
        "The Japanese minister leaned on the podium.",
        "The German chancellor got phone calls from voters.",
        "The Spanish king landed a big fish.",
        "The Mexican president gave recognition to the nurses for their work.",
    ],
)
def test_the_new_idioms_words_in_their_everyday_sense_are_no_event(sentence):
    assert _keys(sentence) == set()


def test_police_and_reservists_sent_somewhere_are_mobilized():
    events = {e.event for e in communique.code("Egypt sent thousands of riot police to central Cairo on Friday.").events}
    assert "MOBILIZE" in events


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The company targeted young voters in rural areas.",
        "The students camped in the park.",
        "Shares of the bank were pummelled on Monday.",
        "The team denied reports of a rift.",
        "The minister expressed concern about the weather.",
        "The Kenyan runner traded places with the leader.",
        "The company terminated its contract with the supplier.",
        "The farmer planted trees in the village.",
        "The bank released its quarterly figures.",
        "The school expanded its presence online.",
        "The company cut its staff in Germany.",
        "The students searched the library.",
        "The bank issued a warning about inflation.",
    ],
)
def test_coverage_sweep_words_in_their_everyday_sense_are_no_event(sentence):
    assert _keys(sentence) == set()


def test_ordered_seizures_and_dissolutions_are_coercion():
    keys = {(e.event, frozenset(a.code for a in e.actor)) for e in communique.code(
        "A Cairo court ordered the dissolution of the Labour Party on Wednesday.").events}
    assert ("COERCE", frozenset({"EGY"})) in keys
    keys = {(e.event, frozenset(a.code for a in e.actor)) for e in communique.code(
        "Prosecutors in Moscow ordered the seizure of the assets of the oil company.").events}
    assert ("COERCE", frozenset({"RUS"})) in keys
