"""Word sets and type sets of the event coder: the words that make a trigger framed, future,
hypothetical, joint or a reaction, the unnamed groups that act, the prepositions of place and
topic. The code that reads them lives in :mod:`communique.events.coder` and its helpers."""

# Types whose infinitive or clausal complement is their content, not a separate event:
# "agreed to cooperate" is one AGREE, "urged X to withdraw" one REQUEST.
FRAMING_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"})
# Types whose "with"/"between" partners act together rather than receive.
JOINT_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE", "CONCEDE"})
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "can"})
OBLIGATION_AUX = frozenset({"must", "should"})
# "said it could expel", "might cut ties": what a speaker's side may do
POSSIBILITY_AUX = frozenset({"could", "might", "may"})
# "any hostile steps will receive a firm response", "is ready to respond to hostile actions"
RESPONSE_NOUNS = frozenset({"response", "retaliation", "answer", "rebuff", "countermeasure", "reprisal", "reaction"})
RESPONSE_WORDS = RESPONSE_NOUNS | {"respond", "react"}
RESPONSE_HEADS = frozenset({"receive", "meet", "face", "get", "draw", "invite", "trigger", "provoke", "prompt", "incur"})
HOSTILE_ACT_NOUNS = frozenset({"action", "act", "step", "move", "measure", "provocation", "aggression", "attack",
                               "attempt", "encroachment", "violation", "infringement", "intrusion", "incursion",
                               "threat", "sanction", "interference", "escalation"})
WARNING_AUX = frozenset({"will", "would", "shall", "'ll"})
MET_WITH_NOUNS = RESPONSE_NOUNS | {"criticism", "resistance", "skepticism", "scepticism", "opposition", "protest",
                                   "protests", "anger", "outrage", "silence", "approval", "applause", "force", "fire"}
# "called the claims groundless", "described the measures as illegal"
LABELLING_VERBS = frozenset({"call", "describe", "term", "label", "deem", "characterize", "characterise"})
DISMISSIVE_WORDS = frozenset({"groundless", "baseless", "unfounded", "absurd", "illegal", "illegitimate", "unlawful",
                              "unacceptable", "provocative", "unjustified", "unjustifiable", "irresponsible",
                              "outrageous", "slanderous", "fabricated", "preposterous", "ridiculous", "despicable",
                              "criminal", "barbaric", "shameful", "unfriendly", "hostile", "reckless", "lawless"})
# Acts that, said of a party, accuse it: "X said Y had committed war crimes", "... that Y was
# harbouring militants" (verb lemma → the objects that make it a charge).
_CRIMES = frozenset({"crime", "atrocity", "abuse", "massacre", "genocide", "violation", "murder", "torture"})
_ARMED_GROUPS = frozenset({"militant", "terrorist", "rebel", "insurgent", "extremist", "jihadist", "separatist", "terrorism"})
CHARGED_ACTS = {"commit": _CRIMES, "perpetrate": _CRIMES, "harbour": _ARMED_GROUPS, "harbor": _ARMED_GROUPS,
                "arm": _ARMED_GROUPS, "fund": _ARMED_GROUPS, "finance": _ARMED_GROUPS,
                "sponsor": _ARMED_GROUPS, "train": _ARMED_GROUPS}
# "hadn't got a single shell fired at it": what one never had or saw done
UNDERGOING_VERBS = frozenset({"have", "get", "see", "witness", "experience", "suffer", "record", "face"})
# "a country which surrenders ...": a kind of actor described, not one that acted
GENERIC_AGENTS = frozenset({"country", "state", "nation", "government", "regime", "people", "power", "leader",
                            "party", "army", "force", "side"})
# "declined to comment / elaborate / go into specifics": a reporter's question left unanswered
NO_COMMENT_VERBS = frozenset({"comment", "elaborate", "specify", "go", "disclose", "identify", "name", "speculate",
                              "detail", "divulge", "reveal", "answer"})
# "said X continues its illegitimate measures", "said X takes hostile steps"
PURSUING_VERBS = frozenset({"continue", "pursue", "take", "adopt", "carry", "conduct", "persist", "keep", "implement",
                            "maintain", "commit", "stage", "escalate", "step"})
READY_WORDS = frozenset({"ready", "prepared", "determined"})
NECESSITY_WORDS = frozenset({"critical", "important", "necessary", "essential", "imperative", "vital", "crucial"})
# Verbs without a passive: as a participle after a noun ("a delegation left for X") the noun acts.
MOTION_VERBS = frozenset({"leave", "arrive", "depart", "return", "travel", "come", "go"})
# Verbs whose subject performs the material act named by their object ("launched an attack",
# "imposed sanctions", "staged a protest").
PERFORMING_VERBS = frozenset({"launch", "carry", "conduct", "stage", "mount", "wage", "make", "begin", "start",
                              "continue", "resume", "order", "intensify", "escalate", "step", "hold", "impose",
                              "deliver", "send", "announce", "declare", "organize", "organise", "lead", "fire",
                              "unleash", "perform", "commit", "undertake", "extend", "tighten", "enforce", "adopt",
                              "introduce", "approve", "renew", "expand", "join", "have", "converge", "gather",
                              "attend", "participate", "take"})
# Their inflected forms, for when the lemmatizer slips ("staged" → "stag").
PERFORMING_FORMS = frozenset(form for v in PERFORMING_VERBS for form in (
    v + "s", v + "d" if v.endswith("e") else v + "ed", v[:-1] + "ing" if v.endswith("e") else v + "ing"))
# Prepositions that give a frame's circumstances, not its content.
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "following", "during", "since", "amid", "despite", "until",
                                "at", "in", "near", "outside", "ahead"})
# Prepositions that place an event in a country ("in Minsk", "near Samarra").
PLACE_PREPS = frozenset({"in", "at"})
NEAR_PREPS = PLACE_PREPS | {"near", "outside", "around", "inside"}
# Prepositions that introduce what an act is against or about.
TOPIC_PREPS = frozenset({"against", "over", "about", "on", "regarding", "concerning"})
# Reactions whose object, when a material act, is an event of its own ("condemned the launch").
REACTION_TYPES = frozenset({"ACCUSE", "PROTEST", "REJECT"})
# Words that frame an intent as AGREE unless the intended act is hostile.
DECISION_WORDS = frozenset({"decide", "decision"})
# Promises that turn into threats when what is promised is violence.
VOW_VERBS = frozenset({"vow", "swear", "pledge", "promise"})
# Material conflict whose doer the text may leave unnamed ("were killed", "airstrikes on X").
UNKNOWN_ACTOR_TYPES = frozenset({"ASSAULT"})
INTENT_VERBS = frozenset({"plan", "intend", "expect", "hope", "want", "seek", "aim", "prepare", "wish"})
# Participles that after "is" describe their subject's stance, not something done to it:
# "Chile is committed to ...", "is determined to ...".
STATIVE_PARTICIPLES = frozenset({"commit", "determine", "resolve", "prepare", "dedicate", "oblige"})
# Words that turn "to X" into a commitment by the subject: "is willing to withdraw".
COMMITMENT_WORDS = frozenset({"willing", "ready", "prepared", "determined", "resolved", "keen", "eager"})
# Verbs that report speech: "would" under them is the future of the past, not a hypothesis.
REPORTING_VERBS = frozenset({"say", "announce", "declare", "state", "confirm", "tell", "add", "report", "warn",
                             "insist", "reiterate", "stress", "note", "claim", "indicate", "vow", "pledge",
                             "signal"})
COLLECTIVE_NOUNS = frozenset({"side", "country", "nation", "state", "leader", "government"})
# Modifiers that put a noun trigger in the past ("the historical visit") or in the future.
HISTORY_MODIFIERS = frozenset({"historical", "historic", "past", "previous", "former", "earlier"})
PLAN_NOUNS = frozenset({"plan", "need", "proposal", "idea", "prospect", "possibility", "preparation", "way", "option", "measure"})
# Dependency links along which a clause is the content of a framing trigger above it.
CONTENT_LINKS = frozenset({"xcomp", "ccomp", "conj", "acl", "pcomp", "pobj", "prep", "dobj"})
# Unnamed groups and their PLOVER sector; their country is that of the place of the event.
GENERIC_ACTORS = {
    "protester": "CVL", "demonstrator": "CVL", "activist": "CVL", "student": "EDU", "worker": "LAB",
    "crowd": "CVL", "civilian": "CVL", "resident": "CVL", "villager": "CVL", "youth": "CVL",
    "farmer": "CVL", "landowner": "CVL", "refugee": "REF", "settler": "CVL", "elder": "CVL",
    "people": "CVL", "citizen": "CVL", "person": "CVL", "man": "CVL", "woman": "CVL", "union": "LAB", "businessman": "BUS", "company": "BUS",
    "police": "COP", "policeman": "COP", "agent": "COP", "guard": "COP", "officer": "COP",
    "troop": "MIL", "soldier": "MIL", "army": "MIL", "military": "MIL", "force": "MIL",
    "navy": "MIL", "warplane": "MIL", "jet": "MIL", "helicopter": "MIL", "peacekeeper": "MIL",
    "rebel": "REB", "militant": "REB", "insurgent": "REB", "guerrilla": "REB", "separatist": "REB",
    "fighter": "REB", "gunman": "REB", "hacker": "SPY",
    "government": "GOV", "official": "GOV", "authority": "GOV", "diplomat": "GOV", "administration": "GOV",
    "ministry": "GOV", "minister": "GOV", "spokesman": "GOV", "spokesperson": "GOV",
    "lawmaker": "LEG", "parliament": "LEG", "legislature": "LEG", "court": "JUD", "judge": "JUD",
    "opposition": "OPP", "journalist": "JRN", "newspaper": "JRN", "group": "CVL",
    # more unnamed groups that news reports as actors
    "mob": "CVL", "rioter": "CVL", "marcher": "CVL", "striker": "LAB", "miner": "LAB", "employee": "LAB",
    "teacher": "EDU", "doctor": "MED", "nurse": "MED", "trader": "BUS", "shopkeeper": "BUS", "merchant": "BUS",
    "monk": "REL", "cleric": "REL", "priest": "REL", "tribesman": "CVL", "tribe": "CVL", "clan": "CVL",
    "prisoner": "CVL", "inmate": "CVL", "detainee": "CVL", "lawyer": "JUD", "prosecutor": "JUD",
    "militia": "REB", "militiaman": "REB", "extremist": "REB", "attacker": "REB", "assailant": "REB",
    "bomber": "REB", "kidnapper": "REB", "sniper": "REB", "warlord": "REB", "commando": "MIL",
    "marine": "MIL", "paratrooper": "MIL", "sailor": "MIL", "gendarme": "COP", "regime": "GOV", "junta": "GOV",
    "cabinet": "GOV", "legislator": "LEG", "senator": "LEG", "deputy": "LEG",
    "driver": "LAB", "trucker": "LAB", "pensioner": "CVL", "veteran": "CVL", "supporter": "CVL",
    "motorist": "CVL", "migrant": "REF", "asylum-seeker": "REF", "fisherman": "LAB", "physician": "MED", "medic": "MED",
    "grower": "CVL", "community": "CVL", "pupil": "EDU", "schoolchild": "EDU", "warrior": "REB", "bishop": "REL", "archbishop": "REL", "clergy": "REL", "clergyman": "REL", "imam": "REL", "mullah": "REL",
    "rabbi": "REL", "negotiator": "GOV", "commander": "MIL", "investigator": "JUD", "dissident": "OPP",
    "peasant": "CVL", "pilgrim": "CVL", "unionist": "LAB",
}
QUANTITY_NOUNS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
                            "millions", "group", "number", "crowd", "majority"})
# Named-entity types whose words are names, not triggers (the small model sometimes tags a
# sentence-initial verb as ORG, so verbs survive that label).
NOT_TRIGGER_ENTITIES = frozenset({"DATE", "TIME", "ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"})
# Types that need two parties: a consultation with nobody did not happen.
TWO_PARTY_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Nouns naming people by their stance, triggers as predicates ("he is a supporter of X") but not
# as the subject of what those people do ("supporters of X blocked roads").
STANCE_PEOPLE = frozenset({"supporter", "backer", "opponent", "critic"})
STANCE_DEPS = frozenset({"attr", "appos", "oprd", "ROOT", "conj"})
# Verbs whose subject organizes the protest named by their object ("called a general strike",
# "declared a boycott") without being a performing verb for every act ("called the attack a crime").
CALLING_VERBS = frozenset({"call", "declare", "observe", "organize", "organise", "stage"})
# What only a state's authorities impose: "a curfew was imposed", "martial law was declared".
STATE_MEASURE_WORDS = frozenset({"curfew", "emergency", "martial"})
# Slots where a gerund with no subject or object of its own is a noun ("Fighting ... spread",
# "Shelling by Russian forces damaged ...").
GERUND_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "dobj", "pobj"})
# Dependencies of a phrasal verb's particle ("cracked down", "stepped down").
PARTICLE_DEPS = frozenset({"prt", "advmod"})
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "who", "which"})
# Nouns that, as the head of "X of <organization>", stand for the organization's people.
MEMBER_NOUNS = frozenset({"member", "members", "delegation", "activist", "activists", "participant",
                          "participants", "representative", "representatives", "official", "officials"})
