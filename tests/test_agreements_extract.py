"""Agreement extraction on sentences we wrote and on the two example articles (real model: slow)."""

from __future__ import annotations

import pytest

import communique
from communique.records import Agreement

pytestmark = pytest.mark.slow

KCNA = "004_c184dba52402bfdb.txt"
RSTV = "000_188856d1e9c907ac.txt"
PUBLISHED = "2025-03-05"  # a Wednesday


def _only(text: str, published: str | None = PUBLISHED) -> Agreement:
    coded = communique.code(text, published=published)
    assert len(coded.agreements) == 1, coded.agreements
    return coded.agreements[0]


def _codes(agreement: Agreement) -> set[str | None]:
    return {p.code for p in agreement.parties}


def test_signing_gives_title_kind_parties_date_and_place():
    text = ("Oslo, March 3 (NTB) -- Norway and Sweden signed an Agreement on Cultural Cooperation between the "
            "Government of Norway and the Government of Sweden in Oslo on Monday.")
    coded = communique.code(text, published=PUBLISHED)
    agreement = coded.agreements[0]
    assert agreement.title == ("Agreement on Cultural Cooperation between the Government of Norway and the "
                               "Government of Sweden")
    assert agreement.kind == "agreement"
    assert _codes(agreement) == {"NOR", "SWE"}
    assert (agreement.date, agreement.date_precision) == ("2025-03-03", "day")
    assert agreement.place == "Oslo"
    assert agreement.clauses == ()
    evidence = agreement.evidence[0]
    assert coded.doc.text[evidence.start : evidence.end] == evidence.text
    assert "signed an Agreement" in evidence.text


def test_memorandum_mentioned_twice_is_one_record_with_its_signatories():
    agreement = _only(
        "Austria and Slovenia signed a memorandum of understanding on rail transport in Vienna on March 1. "
        "The MoU was signed by Austrian Transport Minister Anna Huber and Slovenian Infrastructure Minister "
        "Marko Novak."
    )
    assert agreement.kind == "memorandum"
    assert agreement.title == "memorandum of understanding on rail transport"
    assert [s.entity_name for s in agreement.signatories] == ["Anna Huber", "Marko Novak"]
    assert all(s.kind == "person" and s.office for s in agreement.signatories)
    assert _codes(agreement) == {"AUT", "SVN"}
    assert agreement.date == "2025-03-01"
    assert len(agreement.evidence) == 2


def test_pronoun_signing_sentence_adds_signatories_to_the_agreement_just_named():
    agreement = _only(
        "Chile and Argentina signed a new fisheries protocol, the foreign ministry said on Tuesday. "
        "It was signed by Foreign Minister Alberto van Klaveren and his Argentine counterpart Diana Mondino."
    )
    assert "Alberto van Klaveren" in {s.entity_name for s in agreement.signatories}
    assert agreement.date is None  # the ministry spoke on Tuesday; the signing day is not stated


def test_joint_declaration_with_numbered_commitments():
    agreement = _only(
        "Brazil and Argentina adopted a joint declaration on regional security. The two sides agreed to:\n\n"
        "1. hold annual consultations;\n2. exchange military observers;\n3. set up a hotline.\n"
    )
    assert agreement.kind == "declaration"
    assert agreement.title == "joint declaration on regional security"
    assert [c.text for c in agreement.clauses] == ["hold annual consultations", "exchange military observers",
                                                    "set up a hotline"]


def test_joint_statement_with_bulleted_undertakings():
    agreement = _only(
        "Mexico and the United States issued a joint statement on water sharing. The parties undertake to:\n"
        "- release water from the dams on schedule\n- publish monthly flow data\n"
        "- settle disputes through the joint commission\n"
    )
    assert agreement.kind == "declaration"
    assert _codes(agreement) == {"MEX", "USA"}
    assert len(agreement.clauses) == 3
    assert agreement.clauses[-1].text == "settle disputes through the joint commission"


def test_it_says_paragraphs_are_clauses_and_offsets_point_into_the_text():
    text = ("The leaders of Ireland and Portugal signed a joint declaration in Lisbon on Monday.\n\nIt says:\n\n"
            "The two countries shall deepen their partnership in marine research.\n\n"
            "The two countries shall open a joint trade office in Brussels.\n\n"
            "Both governments will meet every year to review progress.\n")
    coded = communique.code(text, published=PUBLISHED)
    agreement = coded.agreements[0]
    assert len(agreement.clauses) == 3
    for clause in agreement.clauses:
        assert coded.doc.text[clause.start : clause.end] == clause.text
    assert agreement.clauses[1].text == "The two countries shall open a joint trade office in Brussels"


def test_inline_colon_enumeration_is_split_at_semicolons():
    agreement = _only(
        "Chile and Peru issued a joint statement after talks in Lima. It says: the parties will open two "
        "border crossings; they will harmonize customs rules; and they will hold a joint commission every year."
    )
    assert [c.text for c in agreement.clauses] == [
        "the parties will open two border crossings",
        "they will harmonize customs rules",
        "they will hold a joint commission every year",
    ]


def test_undertake_to_lists_one_clause_per_coordinated_verb_phrase():
    agreement = _only(
        "Kenya and Ethiopia signed an Agreement on Water Resources. In particular, the parties undertake to "
        "share hydrological data, to jointly manage the river basin, consult each other before building "
        "dams, and settle disputes by negotiation."
    )
    assert [c.text for c in agreement.clauses] == [
        "share hydrological data",
        "jointly manage the river basin",
        "consult each other before building dams",
        "settle disputes by negotiation",
    ]


def test_according_to_the_agreement_clauses_with_their_own_subjects():
    agreement = _only(
        "India and Nepal signed a contract for a hydropower plant. According to the contract, India will "
        "build the dam, Nepal will provide the land, and both sides will share the electricity."
    )
    assert len(agreement.clauses) == 3
    assert agreement.clauses[0].text == "India will build the dam"


def test_commitments_stated_one_sentence_each_are_counted():
    agreement = _only(
        "The presidents of Ghana and Togo signed a joint statement in Accra on Tuesday. "
        "President Mahama has committed to reopening the border crossings, which will include the post at Aflao. "
        "President Gnassingbe has committed Togo to lowering transit fees. "
        "The summit was the first in a decade. "
        "Both countries will also cooperate in fighting piracy in the gulf."
    )
    assert len(agreement.clauses) == 3
    assert agreement.clauses[0].text.endswith("which will include the post at Aflao")  # one clause, not two
    assert not any("first in a decade" in c.text for c in agreement.clauses)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana and Togo will sign a trade agreement next month.",
        "Canada plans to sign a fisheries pact with Iceland.",
        "Indonesia and Malaysia are expected to sign a maritime boundary treaty next week.",
        "Japan did not sign the treaty.",
        "Greece and Turkey held talks in Athens. No agreement was signed.",
        "Chile refused to sign the declaration.",
        "If Iran and Iraq sign the agreement, trade will double.",
    ],
)
def test_promises_refusals_and_conditions_are_not_agreements(text):
    assert communique.code(text, published=PUBLISHED).agreements == ()


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese ambassador signed a delivery note for the food aid with the Syrian Red Crescent in Damascus.",
        "The commander and the governor signed a hand-over certificate for the base.",
        "Russia issued a statement condemning the strikes.",
    ],
)
def test_receipts_and_one_sided_statements_are_not_agreements(text):
    assert communique.code(text, published=PUBLISHED).agreements == ()


def test_background_agreement_signed_long_before_is_not_listed():
    coded = communique.code(
        "Spain and Morocco held talks in Rabat on Monday. They recalled the fisheries agreement signed "
        "in 2019 by both governments.",
        published=PUBLISHED,
    )
    assert coded.agreements == ()


def test_two_agreements_in_one_sentence_stay_apart():
    coded = communique.code(
        "Peru and Bolivia signed a water agreement on Tuesday and a separate transport agreement on Wednesday.",
        published=PUBLISHED,
    )
    assert [(a.title, a.date) for a in coded.agreements] == [
        ("water agreement", "2025-03-04"),
        ("separate transport agreement", "2025-03-05"),
    ]


def test_the_two_sides_resolve_to_the_states_of_the_story():
    agreement = _only(
        "Thailand and Cambodia held talks in Bangkok on Monday. The two sides signed an accord on border trade."
    )
    assert _codes(agreement) == {"THA", "KHM"}


def test_kcna_declaration_with_seven_paragraph_clauses(examples_dir):
    coded = communique.code((examples_dir / KCNA).read_text(), published="2000-07-21")
    assert len(coded.agreements) == 1
    declaration = coded.agreements[0]
    assert declaration.title == "DPRK-Russia joint declaration"
    assert declaration.kind == "declaration"
    assert _codes(declaration) == {"PRK", "RUS"}
    assert {s.entity_name for s in declaration.signatories} == {"Kim Jong Il", "V. V. Putin"}
    assert (declaration.date, declaration.place) == ("2000-07-19", "Pyongyang")
    assert len(declaration.clauses) == 7
    assert len(declaration.evidence) == 3


def test_rstv_agreement_with_five_undertakings(examples_dir):
    coded = communique.code((examples_dir / RSTV).read_text())
    assert len(coded.agreements) == 1
    agreement = coded.agreements[0]
    assert agreement.title.startswith("Agreement on Friendship and Cooperation between")
    assert [s.entity_name for s in agreement.signatories] == ["Alexander Kiyashchenko"]
    assert len(agreement.clauses) == 5
    assert agreement.date is None


def test_code_output_lists_agreements_with_clause_dicts():
    coded = communique.code(
        "Brazil and Argentina adopted a joint declaration on regional security. The two sides agreed to:\n\n"
        "1. hold annual consultations;\n2. exchange military observers.\n",
        published=PUBLISHED,
    )
    record = coded.to_dict()["agreements"][0]
    assert record["kind"] == "declaration"
    assert record["parties"] == ["ARG", "BRA"]
    assert [c["text"] for c in record["clauses"]] == ["hold annual consultations", "exchange military observers"]
    assert record["clause_count"] == 2
