"""Attributed statements from sentences we wrote (real model: slow)."""

from __future__ import annotations

import pytest

import communique
from communique.records import CodedDocument, Statement

pytestmark = pytest.mark.slow

PUBLISHED = "2025-03-05"  # a Wednesday


def _code(text: str, published: str | None = PUBLISHED) -> CodedDocument:
    return communique.code(text, published=published)


def _only(coded: CodedDocument) -> Statement:
    assert len(coded.statements) == 1, [
        (s.speaker.entity_name, s.claim.text) for s in coded.statements
    ]
    return coded.statements[0]


def test_indirect_speech_gives_speaker_verb_claim_date_and_about() -> None:
    coded = _code(
        "Norway's foreign ministry said on Monday that the fisheries talks with Iceland had broken down."
    )
    s = _only(coded)
    assert (s.speaker.code, s.speaker.sector) == ("NOR", "GOV")
    assert s.verb == "say"
    assert s.claim.text == "the fisheries talks with Iceland had broken down"
    assert s.direct is False
    assert (s.date, s.date_precision) == ("2025-03-03", "day")
    assert [a.entity_name for a in s.about] == ["Iceland"]
    # Offsets point into the document's text, and the evidence is the sentence.
    assert coded.doc.text[s.claim.start : s.claim.end] == s.claim.text
    assert coded.doc.text[s.evidence.start : s.evidence.end].strip() == s.evidence.text
    assert s.id == f"{coded.doc.id}-s001"


def test_no_date_when_the_text_gives_none() -> None:
    s = _only(_code("Chile's president stressed that the copper deal with Peru was fair."))
    assert s.verb == "stress" and s.speaker.code == "CHL"
    assert s.date is None


def test_direct_speech_after_the_quote() -> None:
    s = _only(
        _code('"We will not accept these quotas," Foreign Minister Kari Lund of Norway said.')
    )
    assert s.direct is True
    assert s.claim.text == "We will not accept these quotas"
    assert (s.speaker.entity_name, s.speaker.code) == ("Kari Lund", "NOR")


def test_direct_speech_after_a_colon() -> None:
    s = _only(_code('Prime Minister Jon Einarsson of Iceland said: "Our waters are not for sale."'))
    assert s.direct is True
    assert s.claim.text.startswith("Our waters are not for sale")
    assert s.speaker.code == "ISL"


def test_inverted_attribution_with_a_title_in_apposition() -> None:
    s = _only(
        _code(
            '"The dispute can be settled within weeks," said Anna Berg, a spokeswoman for the Swedish '
            "foreign ministry."
        )
    )
    assert s.claim.text == "The dispute can be settled within weeks"
    assert s.speaker.code == "SWE"
    assert "Berg" in s.speaker.entity_name


def test_a_quotation_spanning_two_sentences_is_one_claim() -> None:
    s = _only(
        _code('"The talks were useful. We will meet again in May," the Finnish ambassador said.')
    )
    assert s.claim.text == "The talks were useful. We will meet again in May"
    assert s.direct is True and s.speaker.code == "FIN"


def test_a_quotation_that_goes_on_keeps_its_speaker() -> None:
    coded = _code(
        '"We will not accept these quotas," the Norwegian minister said. "Our fishermen deserve better."'
    )
    claims = [(s.claim.text, s.speaker.code, s.direct) for s in coded.statements]
    assert claims == [
        ("We will not accept these quotas", "NOR", True),
        ("Our fishermen deserve better", "NOR", True),
    ]


def test_a_quotation_split_by_its_attribution_gives_both_halves() -> None:
    coded = _code(
        '"We are ready to talk," the Kenyan minister said, "but we need guarantees from Somalia."'
    )
    assert [(s.claim.text, s.direct) for s in coded.statements] == [
        ("We are ready to talk", True),
        ("we need guarantees from Somalia", True),
    ]


def test_quoted_as_saying_is_the_quoted_person_speaking() -> None:
    s = _only(
        _code(
            "Ethiopian state television quoted Prime Minister Daniel Bekele as saying that the "
            "government was ready to mediate."
        )
    )
    assert (s.speaker.entity_name, s.speaker.code) == ("Daniel Bekele", "ETH")
    assert s.claim.text == "the government was ready to mediate"


def test_state_media_speak_for_the_country_of_the_story() -> None:
    s = _only(
        _code(
            "HANOI, May 2 (AP) -- State media reported that the prime minister had met "
            "business leaders."
        )
    )
    assert (s.speaker.code, s.speaker.sector) == ("VNM", "JRN")


def test_a_while_clause_belongs_to_its_own_speaker() -> None:
    coded = _code(
        "The European Commission warned that the dispute could hurt growth, while Germany's "
        "economy minister denied that Berlin was planning tariffs."
    )
    assert [(s.speaker.code, s.claim.text) for s in coded.statements] == [
        ("EUR", "the dispute could hurt growth"),
        ("DEU", "Berlin was planning tariffs"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "According to the Kenyan police, three men were arrested near the border.",
        "Three men were arrested near the border, according to the Kenyan police.",
    ],
)
def test_according_to(text: str) -> None:
    s = _only(_code(text))
    assert s.verb == "according to"
    assert s.claim.text.lower() == "three men were arrested near the border"
    assert s.speaker.code == "KEN"


def test_a_pronoun_speaker_is_the_last_person_named() -> None:
    coded = _code(
        "Chancellor Hans Weber of Germany arrived in Paris on Tuesday. "
        "He said the visit would strengthen ties with France."
    )
    s = _only(coded)
    assert (s.speaker.entity_name, s.speaker.code) == ("Hans Weber", "DEU")
    assert s.claim.text == "the visit would strengthen ties with France"


def test_it_said_is_the_organization_that_spoke_before() -> None:
    coded = _code(
        "Egypt's foreign ministry condemned the attack on the border post. "
        '"The attackers will be found," it said.'
    )
    assert [(s.verb, s.speaker.code) for s in coded.statements] == [
        ("condemn", "EGY"),
        ("say", "EGY"),
    ]


def test_the_ministry_means_the_ministry_named_before() -> None:
    coded = _code(
        "Egypt's foreign ministry said the border was calm. Later the ministry said that two soldiers "
        "had been wounded."
    )
    assert [s.speaker.code for s in coded.statements] == ["EGY", "EGY"]
    assert coded.statements[1].claim.text == "two soldiers had been wounded"


def test_media_speakers_and_their_commentaries() -> None:
    coded = _code(
        "Pyongyang, June 3 (KCNA) -- Rodong Sinmun said in a commentary on Tuesday that the drills "
        "were a rehearsal for war. The commentary warned that the United States would pay dearly.",
        published="2025-06-04",
    )
    statements = coded.statements
    assert [(s.speaker.entity_name, s.speaker.code, s.speaker.sector) for s in statements] == [
        ("Rodong Sinmun", "PRK", "JRN"),
        ("Rodong Sinmun", "PRK", "JRN"),
    ]
    assert statements[0].date == "2025-06-03"
    assert [a.code for a in statements[1].about] == ["USA"]


def test_a_spokesman_speaks_for_his_ministry() -> None:
    s = _only(
        _code(
            "A spokesman for Russia's defence ministry said the drills near Finland posed no threat to "
            "Finland."
        )
    )
    assert s.speaker.code == "RUS"
    assert s.claim.text == "the drills near Finland posed no threat to Finland"


def test_speech_acts_take_the_verb_phrase_as_claim() -> None:
    s = _only(_code("Japan condemned the missile launch by North Korea on Friday."))
    assert s.verb == "condemn"
    assert s.claim.text == "condemned the missile launch by North Korea"
    assert s.date == "2025-02-28"
    assert [a.code for a in s.about] == ["PRK"]


def test_coordinated_speakers_each_get_the_statement() -> None:
    coded = _code("Chile and Peru said they would resume the border talks.")
    assert sorted(s.speaker.code for s in coded.statements) == ["CHL", "PER"]
    assert {s.claim.text for s in coded.statements} == {"they would resume the border talks"}


def test_a_colon_block_is_what_its_speaker_says() -> None:
    coded = _code(
        "Rodong Sinmun published a commentary on Friday.\n\nThe commentary says:\n"
        "The war games must end now.\nNobody will win a war on the peninsula.\n\nRelated posts"
    )
    claims = [(s.speaker.entity_name, s.claim.text) for s in coded.statements]
    assert claims == [
        ("Rodong Sinmun", "The war games must end now"),
        ("Rodong Sinmun", "Nobody will win a war on the peninsula"),
    ]


def test_a_readout_attributable_to_a_spokesperson_is_theirs() -> None:
    coded = _code(
        "Washington, May 5 (AP) -- The following is attributable to Spokesperson Maria Alvarez:\n\n"
        "Secretary of State John Smith spoke with the French foreign minister on Monday. "
        "Both stressed the importance of the alliance.\n\nRelated: trade talks"
    )
    doe = [s for s in coded.statements if s.verb == "attributable to"]
    assert [s.claim.text for s in doe] == [
        "Secretary of State John Smith spoke with the French foreign minister on Monday",
        "Both stressed the importance of the alliance",
    ]
    # A spokesperson whose title names no country speaks for the dateline's.
    assert {(s.speaker.entity_name, s.speaker.code) for s in doe} == {("Maria Alvarez", "USA")}


def test_a_state_just_before_a_title_is_the_persons() -> None:
    coded = _code(
        "The minister spoke with Republic of Korea (ROK) Foreign Minister Park Jun-ho in Seoul. "
        "Park said the alliance with the United States was strong."
    )
    s = coded.statements[-1]
    assert (s.speaker.entity_name, s.speaker.code) == ("Park Jun-ho", "KOR")


def test_a_colon_block_with_words_before_the_colon_and_a_document_without_an_author() -> None:
    coded = _code(
        "Pyongyang, May 3 (KCNA) -- Rodong Sinmun on Friday published a signed commentary.\n\n"
        "The commentary says in part:\nThe sanctions will fail as they always have.\n\n"
        "The joint statement reads:\nBoth sides will expand trade in the coming year.\n\n"
        "The minister read the report carefully.\n",
        published="2025-05-03",
    )
    # Nobody is named for the joint statement, and reading a report is not saying anything.
    assert [(s.speaker.entity_name, s.claim.text) for s in coded.statements] == [
        ("Rodong Sinmun", "The sanctions will fail as they always have")
    ]


def test_an_answer_to_a_question_and_a_commentary_that_goes_on() -> None:
    coded = _code(
        "Pyongyang, June 12 (KCNA) -- A spokesman for the DPRK Foreign Ministry gave the following "
        "answer to a question raised by KCNA on Tuesday as regards the joint naval drills:\n\n"
        "The drills are a dangerous provocation.\n\n"
        "Noting that the drills were the largest in years, the spokesman stressed that the DPRK "
        "would take countermeasures.\n\n"
        "Minju Choson in a commentary on Monday said the drills were a rehearsal for war. "
        "It went on:\n\nThe puppets should not misjudge the situation.\n",
        published="2025-06-12",
    )
    assert [(s.speaker.code, s.verb, s.claim.text) for s in coded.statements] == [
        ("PRK", "say", "The drills are a dangerous provocation"),
        ("PRK", "note", "the drills were the largest in years"),
        ("PRK", "stress", "the DPRK would take countermeasures"),
        ("PRK", "say", "the drills were a rehearsal for war"),
        ("PRK", "say", "The puppets should not misjudge the situation"),
    ]
    speakers = [s.speaker.entity_name for s in coded.statements]
    assert speakers[:3] == ["DPRK Foreign Ministry"] * 3
    assert speakers[3:] == ["Minju Choson"] * 2


def test_a_headline_attributing_its_claim() -> None:
    coded = _code(
        "News | Politics\n\nTalks with our neighbours are a necessity: Iran\n\n"
        "Iranian Foreign Minister Ali Rezaei met his Qatari counterpart in Doha on Sunday.\n"
    )
    s = _only(coded)
    assert (s.speaker.code, s.claim.text) == ("IRN", "Talks with our neighbours are a necessity")


@pytest.mark.parametrize(
    "text",
    [
        "The said agreement expired last year.",
        "MOSCOW: The ministry building was closed on Friday.",
        "Note: Kenya and Uganda held talks on trade",
        "It was said that the talks had failed.",
        "Sources said the deal was close.",
        "The minister did not say when the talks would resume.",
        "Canada will announce new quotas next month.",
        "Observers said to be close to the talks were unavailable.",
        "The group called Friends of Peace met in Oslo.",
    ],
)
def test_no_statement_without_a_speaker_or_without_speech(text: str) -> None:
    assert _code(text).statements == ()


def test_statements_come_out_of_code_as_json_the_scorer_reads() -> None:
    record = _code("Norway's foreign ministry said on Monday that the talks had failed.").to_dict()[
        "statements"
    ][0]
    assert record["claim"] == "the talks had failed"
    assert record["speaker"]["country"] == "NOR"
    assert record["verb"] == "say" and record["date"] == "2025-03-03"
    assert record["claim_info"]["text"] == record["claim"]
