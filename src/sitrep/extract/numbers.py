"""Casualty figures: who was killed or injured, and how many, following the ACLED codebook.

ACLED codes the lowest reported figure ("at least 15" = 15, "between 5 and 8" = 5), vague quantities as fixed
numbers ("a few"/"several" = 3, "dozens" = 12, "hundreds" = 100), and an explicit "no casualties" as 0.
`find_casualties` reads one stretch of text and returns every figure with its span; `total` folds them into
one event's fatalities and injuries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

Kind = Literal["killed", "injured"]

UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
VAGUE = {
    "a few": 3, "few": 3, "several": 3, "a number of": 3, "some": 3, "a handful of": 3, "multiple": 3,
    "many": 10, "scores of": 20, "a dozen": 12, "dozen": 12, "dozens of": 12, "dozens": 12,
    "tens of": 12, "hundreds of": 100, "hundreds": 100, "thousands of": 1000,
}
# "a soldier was killed": the article counts one, but only before a noun for a person.
PERSON_NOUNS = (
    "person|people|man|men|woman|women|child|children|boy|girl|civilian|soldier|policeman|policemen|officer|"
    "fighter|member|militant|farmer|student|worker|journalist|resident|villager|protester|protestor|"
    "demonstrator|guard|commander|leader|official|teenager|youth|passenger|driver|trooper|serviceman|"
    "servicemen|jihadist|insurgent|rebel|gunman|gunmen|attacker|bomber|suspect|pilot|doctor|nurse|teacher|"
    "cleric|elder|chief|shepherd|herder|trader|miner|inmate|prisoner|Palestinian|Israeli|Afghan|local|"
    "businessman|businesswoman|priest|pastor|imam|rider|baby|infant|thief|robber|herdsman|tribesman|motorist|"
    "politician|councillor|chairman|activist|witness|relative|wife|husband|son|daughter|father|mother|brother|"
    "sister|owner|vendor|hawker|watchman|constable|sergeant|inspector|ranger|mayor|governor|lawyer|reporter|"
    "patient|criminal|bandit|pedestrian|villager|refugee|migrant|employee|contractor|engineer|militiaman|"
    "policewoman|gendarme|guardsman|security guard|bodyguard|body guard|pupil|lecturer|headman|voter|candidate|"
    "supporter|teen|carpenter|couple|occupant|tenant|mechanic|fisherman|fishermen|cyclist|operator|manager|"
    "rustler|chairperson|pastoralist|returnee|clerk|tout|rapist|murderer|secretary|executive|thug|gangster|preacher|"
    "grandfather|grandmother|grandson|granddaughter|grandchild|uncle|aunt|nephew|niece|cousin|assistant|deputy|"
    "friend|colleague|aide|companion|councilor|alderman|sarpanch|cadre|informant|collaborator|volunteer|lawmaker|"
    "legislator|senator|bystander|passer-by|passerby|ruler|king|chieftain|emir|sultan"
)

_WORD_NUMBER = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen)(?:\s+hundred)?"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+|\d+"
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_QUALIFIER = (
    r"at\s+least|at\s+most|more\s+than|over|up\s+to|about|around|nearly|almost|some|approximately|roughly|"
    r"as\s+many\s+as|no\s+fewer\s+than|no\s+less\s+than|fewer\s+than|less\s+than|an\s+estimated|estimated|"
    r"a\s+total\s+of|another|a\s+further|further"
)
_AMOUNT = rf"(?:{_DIGITS}|{_WORD_NUMBER})(?:\s*(?:-|to|and|or)\s*(?:{_DIGITS}|{_WORD_NUMBER}))?"
# After an article the person noun must be the head of its own phrase: "an airstrike by Afghan forces" and
# "a local police post" count nobody, so the words between are no preposition and the noun is no adjective.
_ADJECTIVAL = {"local", "Afghan", "Palestinian", "Israeli"}
_ARTICLE_NOUNS = "|".join(n for n in PERSON_NOUNS.split("|") if n not in _ADJECTIVAL)
_MODIFIER = r"(?!(?:by|of|in|at|on|from|with|to|for|the|and|or|near|after|during)\b)[A-Za-z-]+"
NUMBER_RE = re.compile(
    rf"\b(?P<qual>(?:{_QUALIFIER})\s+)?(?:between\s+)?(?P<amount>{_AMOUNT}|{_VAGUE})\b"
    rf"|\b(?P<article>an?|one)\s+(?=(?:{_MODIFIER}\s+){{0,2}}(?:{_ARTICLE_NOUNS})s?\b)",
    re.IGNORECASE,
)

# someone doing something for the dead ("who helped bury the dead", "collecting the bodies"): the figure before it
# counts the living
TENDING_THE_DEAD = re.compile(r"\b(?:bur(?:y|ied|ying)|collect(?:ed|ing|s)?|identif(?:y|ied|ying)|mourn(?:ed|ing|s)?"
                              r"|retriev(?:e|ed|ing)|recover(?:ed|ing|s)?|wash(?:ed|ing)?|carr(?:y|ied|ying)|s(?:aw|ee|een|eeing))\s+"
                              r"(?:the|their|his|her)\s+$", re.IGNORECASE)
DEATH_WORDS = re.compile(
    r"\b(?:kil{1,3}ed|killing|kills?|dead|died|dies|dying|death|deaths|fatalities|fatality|fatally|lives|"
    r"life|bodies|corpses|slain|slaughtered|massacred|executed|beheaded|lynched|murdered|eliminated|"
    r"neutrali[sz]ed|perished|shot\s+dead|lost\s+their\s+lives)\b",
    re.IGNORECASE,
)
INJURY_WORDS = re.compile(
    r"\b(?:injured|injuring|injuries|injury|injures?|wounded|wounding|wounds?|hurt|hospitali[sz]ed|maimed)\b",
    re.IGNORECASE,
)
# A figure right after one of these verbs belongs to it: "killing 5", "wounded at least 10".
TRANSITIVE_DEATH = re.compile(
    r"\b(?:kil{1,3}ed|killing|kills?|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|massacred|"
    r"slaughtered|executed|eliminated|eliminating|neutrali[sz]ed|neutrali[sz]ing|murdered|murdering|murders|"
    r"lynch(?:ed|es|ing)|behead(?:ed|s|ing)|gunned\s+down|shot\s+and\s+killed|shoots?\s+dead|"
    r"(?:hacked|beaten|beat|stabbed|burned|burnt|stoned|clubbed)\s+to\s+death|"
    r"shot\s+dead|fatally\s+(?:shot|shooting|stabbed|stabbing|wounded|wounding|beat|beaten|assaulted|attacked|hacked)|"
    r"shot\s+and\s+fatally\s+wounded|(?:killed|killing|kills?|massacred|wiped\s+out)\s+(?:a|an|the|his|her|their)\s+"
    r"family\s+of|(?:death\s+)?toll\s+(?:[a-z]+\s+){0,3}?(?:to|at|of)"
    # "the corpses of around thirty militants were discovered", "which led to the killing of 1 militant" ("the
    # killing of two people" alone is as often an earlier death the text recalls)
    r"|(?:bodies|corpses|remains)\s+of|(?:led|leading)\s+to\s+the\s+(?:killing|deaths?)\s+of"
    # "killing its four occupants"
    r"|(?:killing|killed)\s+(?:its|their|his|her)(?=\s*$))\s*$",
    re.IGNORECASE,
)
TRANSITIVE_INJURY = re.compile(
    r"\b(?:injured|injuring|injures?|wounded|wounding|wounds?|hurt|hurting|maimed|maiming)\s*$", re.IGNORECASE
)
NO_CASUALTIES = re.compile(
    r"\b(?:no\s+(?:one|body|people|person|civilians?|soldiers?)\s+(?:was\s+|were\s+|has\s+been\s+|had\s+been\s+)?"
    r"(?P<k1>killed|hurt|injured|wounded|harmed)"
    r"|no\s+(?:reported\s+|reports?\s+(?:on|of)\s+)?(?P<k2>casualties|fatalities|deaths|injuries|loss\s+of\s+life"
    r"|one\s+died)"
    r"|without\s+(?:causing\s+)?(?:any\s+)?(?P<k3>casualties|fatalities|injuries)"
    r"|nobody\s+(?:was\s+)?(?P<k4>killed|hurt|injured|wounded|died))\b",
    re.IGNORECASE,
)
# Words that make a figure something other than a head count of victims.
NOT_PEOPLE = re.compile(  # used with .match(text, pos): a "^" would never match there
    r"\s*(?:-?\s*)(?:years?|months?|weeks?|days?|hours?|minutes?|km|kilomet(?:er|re)s?|miles?|meters?|metres?|"
    r"percent|per\s+cent|%|times|tons?|tonnes?|kg|dollars?|usd|euros?|am|pm|a\.m(?=\.)|p\.m(?=\.)|o'clock|"
    r"vehicles?|cars?|houses?|homes?|huts?|tents?|shelters?|structures?|buildings?|shops?|rockets?|missiles?|shells?|drones?|bombs?|"
    r"rounds?|mortars?|villages?|towns?|districts?|provinces?|year-old|"
    r"donkeys?|dogs?|cattle|cows?|goats?|sheep|camels?|livestock|animals?|heads?\s+of\s+cattle|events?|incidents?|"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b",
    re.IGNORECASE,
)
# ACLED-style notes state the coded figure outright: "Unknown fatalities coded as 10", "Fatalities coded as 0",
# "Dozens of fatalities and injuries coded as 6", "Unspecified casualties coded as 3", "Total fatalities coded to
# 10", "fatalities reported as half, rounded down to 3", "feared dead (coded as 3)", "[coded as 2 fatalities]"
CODED_AS = re.compile(
    r"\b(?:fatalit(?:y|ies|es|ie)|casualt(?:y|ies)|losses|killed|dead|deaths?)\b"
    r"(?:\s+(?:and|or)\s+(?:injur(?:y|ies)|casualt(?:y|ies)|wounded))?[^.;\d()\[\]]{0,30}?[(\[]?\s*"
    r"(?:(?:is|are|was|were|have\s+been)\s+)?(?:coded|rounded(?:\s+(?:down|up))?)\s+(?:as|at|to)\s+(\d+)\b"
    r"|[(\[]\s*coded\s+as\s+(\d+)\b(?!\s*(?:km|kilomet|miles|%|percent|injur|wounded))"
    # "Reports on fatalities range from 2 to 4": the lowest
    r"|\bfatalit(?:y|ies)\s+range[sd]?\s+from\s+(\d+)\s+to\s+\d+",
    re.IGNORECASE)
# ...or close with the total as a sentence of its own: "... were found half burned. 2 fatalities."
CLOSING_TOTAL = re.compile(r"(?:^|(?<=[.;!?])\s+)(\d+)\s+fatalit(?:y|ies)\s*(?:\.|$)", re.IGNORECASE)
# a figure with its own casualty word right after it, in a tally: "1 killed 3 injured"
TALLY_NEXT = re.compile(r"\s*(?:were\s+|was\s+)?(?:killed|dead|died|injured|wounded|hurt|fatalit(?:y|ies)|deaths?"
                        r"|injur(?:y|ies))\b", re.IGNORECASE)
# "Fatalities are split across 4 events (0)": the share of this row, given
ROW_SHARE = re.compile(r"\s*\((\d+)\)")
# ACLED notes spread one unclear toll over several rows: "fatalities coded as 10 and split between 3 events"
# means each row carries 10 / 3 = 3.
SPLIT = re.compile(
    r"\b(?:split|spread|divided|distributed|coded)\s+(?:up\s+)?(?:evenly\s+)?(?:between|across|among|over|into)\s+"
    r"(?P<parts>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:separate\s+|different\s+)?"
    r"(?:events?|locations?|areas?|fronts?|frontlines?|districts?|villages?|days?|incidents?|places?)\b",
    re.IGNORECASE,
)
_PLURAL_PERSONS = {"people", "men", "women", "children", "policemen", "servicemen", "gunmen"}
_ONE_PERSON = "|".join(n for n in PERSON_NOUNS.split("|") if n not in _PLURAL_PERSONS)
_ONE = rf"(?:the|a|an|one|their|his|her|its)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_ONE_PERSON})\b(?!-)"
# One victim told without a figure: "killed the driver", "the death of the commander", "the body of a man",
# "shot him dead". Counted (as 1) only when the text gives no figure of its own for that kind.
SINGLE_VICTIM = re.compile(
    rf"\b(?:killed|kills|killing|murdered|murders|murdering|assassinated|executed|beheaded|lynched|lynches|"
    rf"shot\s+dead|shoots\s+dead|(?:shot|shoots?)\s+and\s+kill(?:ed|s)|gunned\s+down)\s+{_ONE}"
    rf"|\b(?:death|killing|murder|assassination|execution|lynching)\s+of\s+{_ONE}"
    rf"|\b(?:kills|lynches|murders)\s+(?:[\w'-]+\s+){{0,2}}?(?:{_ONE_PERSON})\b(?!-)"
    rf"|\bbody\s+of\s+{_ONE}|\bfatally\s+(?:shot|stabbed|stabbing|wounded|injured|beat|beaten|assaulted|attacked"
    rf"|lynched|hacked)\s+(?:and\s+\w+\s+)?{_ONE}"
    rf"|\b(?:lynched|lynches|attacks|attacked|beats|beat|stabs|stabbed)\s+and\s+(?:kills|killed|burnt|burned)\s+{_ONE}"
    rf"|\b(?:{_ONE}|he|she|one\s+of\s+(?:the\s+[\w'-]+|them))\s+(?:later\s+)?(?:died|succumbed)\b"
    rf"|\b(?:a|his|her|the|[\w'-]+['\u2019]s)\s+body\s+(?:was|has\s+been|had\s+been)\s+(?:later\s+)?found\b"
    rf"|\b(?:shot|beat|stabbed|hacked|burned|burnt|stoned|clubbed)\s+(?:him|her|{_ONE})\s+(?:dead|to\s+death)"
    rf"|\b(?:beat|beaten|stoned|hacked|clubbed|stabbed|burned|burnt)\s+to\s+death\s+{_ONE}"
    rf"|\b(?:burn(?:ed|t)|set)\s+(?:him|her|{_ONE})\s+(?:alive|ablaze|on\s+fire)|\blynch\s+{_ONE}"
    rf"|\bleaving\s+(?:him|her|{_ONE})\s+(?:dead|killed)\b"
    rf"|\bresult(?:ed|ing)\s+in\s+(?:his|her)\s+death\b"
    # a victim with a relative clause: "a former bodyguard who reportedly worked for prominent personalities in
    # Southern Negros was shot dead"
    rf"|\b{_ONE},?\s+who\s+[^.;]{{0,120}}?,?\s+(?:was|had\s+been)\s+(?:later\s+|then\s+)?(?:shot\s+dead|killed|murdered"
    r"|lynched|executed|beheaded|assassinated|found\s+dead|(?:beaten|stabbed|hacked|burned|stoned|tortured)\s+to\s+death)\b"
    rf"|\b(?:he|she|{_ONE}(?:\s+[\w'-]+){{0,5}}?)\s+(?:is|was|had\s+been|has\s+been)\s+(?:then\s+|later\s+)?"
    rf"(?:shot\s+dead|killed|murdered|lynched|executed|beheaded|assassinated|found\s+dead"
    rf"|(?:beaten|stabbed|hacked|burned|stoned|tortured)\s+to\s+death)\b",
    re.IGNORECASE,
)
# One victim named by any noun, where the killing verb leaves no doubt that it is a person: "killed a revenue
# collector at the bus station", "a former town councilor was shot dead", "assassinated a colonel in the city".
# The noun phrase runs to a preposition, a clause or a stop; its last word must not be a thing or a group
# (`NOT_A_VICTIM`). A fallback like `SINGLE_VICTIM`.
_ANY_ONE = r"(?:the|a|an|one)\s+(?P<np>[\w'-]+(?:\s+[\w'-]+){0,4}?)"
_PHRASE_END = (r"(?=\s*(?:[,.;:()]|$)|\s+(?:of|in|at|on|from|with|who|that|near|during|by|after|while|as|and|"
               r"inside|outside|when|for|along|to)\b)")
ANY_VICTIM = (
    re.compile(r"\b(?:killed|kills|killing|murdered|murders|murdering|assassinated|assassinating|executed|executing|"
               r"beheaded|lynched|shot\s+dead|shoots\s+dead|(?:shot|shoots?)\s+and\s+kill(?:ed|s)|gunned\s+down|"
               rf"(?:beat|beaten|stoned|hacked|stabbed|burned|burnt|clubbed)\s+to\s+death)\s+{_ANY_ONE}{_PHRASE_END}",
               re.IGNORECASE),
    re.compile(rf"\b{_ANY_ONE}\s+(?:was|has\s+been|had\s+been|is)\s+(?:later\s+|reportedly\s+|allegedly\s+|then\s+)?"
               r"(?:shot\s+dead|killed|murdered|lynched|executed|beheaded|assassinated|found\s+dead|shot\s+to\s+death|"
               r"(?:beaten|stabbed|hacked|burned|burnt|stoned|tortured|clubbed)\s+to\s+death)\b", re.IGNORECASE),
)
NOT_A_VICTIM = frozenset({
    "vehicle", "vehicles", "car", "cars", "truck", "bus", "house", "houses", "home", "building", "shop", "store",
    "office", "post", "checkpoint", "base", "camp", "village", "town", "city", "area", "road", "bridge", "school",
    "church", "mosque", "market", "station", "tank", "convoy", "patrol", "unit", "group", "number", "total",
    "family", "crowd", "team", "dozen", "score", "couple", "series", "handful", "lot", "few", "rest", "remainder",
    "majority", "party", "cow", "cows", "cattle", "goat", "goats", "sheep", "camel", "camels", "donkey", "dog",
    "animal", "animals", "livestock", "attack", "attempt", "plan", "operation", "project", "process", "talks",
    "deal", "bill", "law"
})
# Deaths the victim is accused of ("lynched a man accused of killing two people", "a man who had allegedly
# killed his father"), deaths only attempted ("tried to lynch a suspect", "nearly kills") and deaths only
# sentenced or threatened: no toll of this event.
NOT_THIS_TOLL = re.compile(
    r"\b(?:accused\s+(?:[\w-]+\s+){0,3}?of|suspected\s+of|suspected\s+to\s+have|on\s+suspicion\s+of|after\s+allegedly|who\s+(?:had\s+)?allegedly"
    r"|(?:arrested|detained|jailed|sentenced|charged|convicted|prosecuted|wanted)\s+(?:\w+\s+){0,3}?(?:for|with|of)"
    r"(?:\s+allegedly)?)\s+(?:\w+\s+){0,2}?"
    r"(?:kill\w*|murder\w*|lynch\w*|shot|shoot\w*|stabb\w*|hack\w*|beat\w*)[^.;,]*"
    # an earlier event the report dates this one by: "a day after the group claimed a bombing that killed three"
    r"|\b(?:(?:a|one|two|three|four|five|six|seven|several|few|\d+)\s+)?(?:hours?|days?|weeks?|months?|years?)\s+"
    r"(?:after|since)\b[^.;]*"
    r"|\b(?:attempted|tried|trying|attempting|wanted|threatened)\s+to\s+(?:\w+\s+)?(?:lynch|kill|murder|behead|execute)\b"
    r"[^.;,]*|\b(?:nearly|almost)\s+(?:lynch|kill|murder|beat)\w*[^.;,]*|\b(?:narrowly\s+)?escaped?\s+death\b"
    # (a sentence carried out is a killing: "a Sharia court sentenced to death and executed a young male")
    r"|\bsentenced\s+to\s+death\b(?![^.;,]*\b(?:executed|killed|beheaded|stoned|shot)\b)[^.;,]*"
    r"|\bdeath\s+(?:sentences?|penalty|threats?)\b"
    # a death avenged: "soldiers beat up residents to revenge the killing of a colleague"
    r"|\b(?:(?:to|in)\s+)?(?:revenge|avenge|retaliation|reprisal)\s+(?:for\s+)?(?:the\s+)?(?:death|killing|murder)s?"
    r"\s+of\b[^.;,]*"
    # a death told as earlier than the event: "A boda boda driver had earlier been killed by the gang"
    r"|\b(?:had|has|have)\s+(?:earlier|previously|already|recently)\s+been\s+(?:killed|murdered|shot\s+dead|"
    r"lynched|stabbed\s+to\s+death|beaten\s+to\s+death)\b[^.;,]*"
    # the earlier deed of someone the event befell: "a suspect who had killed two people was arrested"
    r"|\bwho\s+had\s+(?:\w+\s+)?(?:killed|murdered|shot|stabbed|lynched)\b[^.;,]*"
    # the earlier attack this one answered: "The airstrikes came after the Islamic State killed 10 soldiers"
    r"|\bcame\s+(?:\w+\s+){0,2}?after\b[^.;]*"
    # a past event named by its year: "a suspect in the 2013 Westgate Mall attack that left 68 people dead", "to
    # commemorate the massacres of 1937-38, during which the army killed thousands"
    r"|\bthe\s+(?:19|20)\d\d(?:\s*[-\u2013]\s*\d{2,4})?\s+(?:[\w'-]+\s+){0,4}?(?:attacks?|bombings?|massacres?|war"
    r"|genocide|siege|riots?|violence|clashes|killings?|uprising|crackdown|shootings?|conflict|fighting)\b[^.;]*"
    r"|\b(?:massacres?|genocide|war|killings)\s+of\s+(?:19|20)\d\d\b[^.;]*",
    re.IGNORECASE,
)
# A figure that counts the perpetrators ("abducted by four men and stabbed to death") or the whole of which the
# victims were a part ("three herders (out of a group of seven) were killed"): no toll of its own.
NOT_VICTIMS_BEFORE = re.compile(rf"(?:\bby|\bout\s+of(?:\s+a\s+(?:group|total)\s+of)?)\s+(?:(?:{_QUALIFIER})\s+)?$",
                                re.IGNORECASE)
# "14 people were on the boat and 5 of them were killed": a part of the figure before, which it does not add to
PART_OF = re.compile(r"\s+of\s+(?:them|whom|those|these|the)\b", re.IGNORECASE)
# A toll that does not tell the dead from the rest: "1 policeman was killed or wounded", "3 militants were
# killed, injured or captured". ACLED codes no fatality for it.
UNCLEAR_TOLL = re.compile(r"\s*(?:,\s*(?:injured|wounded)\s*,?)?\s+or\s+(?:injured|wounded|captured|arrested|hurt)\b",
                          re.IGNORECASE)
KIND_WINDOW_WORDS = 10  # "4 pro-government militia members and 3 Taliban militants were killed"
SUBSET_LIST = re.compile(r"\b(?:including|among\s+them)\s+[^.;:()\d]{1,50}?(?:,|\band|\bas\s+well\s+as)\s+$",
                         re.IGNORECASE)
# a figure with a verb of its own is no list item: "..., including a commander, and two civilians died later"
OWN_VERB_AFTER = re.compile(r"\s+(?:[\w'-]+\s+){0,2}?(?:died|were|was|had|have|has)\b", re.IGNORECASE)
SUBSET = re.compile(r"\b(?:including|among\s+(?:them|whom|which|those)|of\s+whom|of\s+them)\s*$", re.IGNORECASE)
MONTH_BEFORE = re.compile(r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
                          r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\s+$")
# a figure another source gives: "Conflicting reports suggest that three policemen were killed", "Al Shabaab
# claims 7 dead"
TOLD_AGAIN = re.compile(r"\b(?:conflicting|other|another|second|different|separate|alternative)\s+(?:reports?|sources?"
                        r"|accounts?|figures?)\b|\bclaim(?:s|ed|ing)?\b(?!\s+the\s+lives)", re.IGNORECASE)
# nouns that may count anyone: two figures of them can be one toll reported twice
GENERIC_VICTIMS = frozenset({"person", "people", "man", "men", "woman", "women", "civilian", "resident", "villager",
                             "local", "member", "individual"})
LIST_GLUE = re.compile(r"(?:\band|,)\s*$", re.IGNORECASE)
# a figure that counts people: "3 local policemen", "2 pro-government militia members"
PEOPLE_AFTER = re.compile(rf"\s+(?:[\w'-]+\s+){{0,2}}?(?:{PERSON_NOUNS})s?\b", re.IGNORECASE)
BRACKETED_FIGURES = re.compile(rf"\((?=[^()]*\b(?:\d|{_WORD_NUMBER}\b))[^()]*\)", re.IGNORECASE)
VICTIMS_PART = re.compile(r"\s+of\s+the\s+(?:victims|dead|deceased|killed|bodies|fatalities|casualties|injured"
                          r"|wounded)\b", re.IGNORECASE)
# a figure and its noun right before a bracket: "5 civilians (2 men, 2 women", "four occupants (a woman, her"
BREAKDOWN = re.compile(rf"\b(?:{_DIGITS}|{_WORD_NUMBER})\s+(?:[\w-]+\s+){{0,2}}?[\w-]+\s*$", re.IGNORECASE)
# Kin or companions joined to one victim: "killed a father and his son", "was killed ... with his wife and son".
# (Not one told to have survived: "killed a man and his son was injured", "... and his wife injured".)
_KIN_NOUN = rf"(?:[\w'-]+\s+){{0,2}}?(?:{PERSON_NOUNS})s?\b"
COMPANIONS = re.compile(
    rf"[^.;:]{{0,80}}?\s(?:and|with)\s+(?P<kin>(?:his|her|their)\s+{_KIN_NOUN}"
    rf"(?:\s+and\s+(?:(?:his|her|their)\s+)?{_KIN_NOUN})?)"
    r"(?!\s+(?:\w+ly\s+)?(?:was|is|has|survived|escaped|sustained|suffered|injured|wounded|hurt|unhurt|unharmed)\b)",
    re.IGNORECASE)
PERSON_WORD = re.compile(rf"\b(?:{PERSON_NOUNS})s?\b", re.IGNORECASE)
# (not the period of an initial: "Three U.S. service members were killed")
SENTENCE_STOP = re.compile(r"(?<!\b[A-Z])\.\s|[;:!?]\s|\n")


@dataclass(frozen=True)
class Casualty:
    """One reported figure: `low` is what ACLED codes; `high` is kept when a range was given."""

    kind: Kind
    low: int
    high: int | None
    start: int
    end: int
    text: str
    additive: bool = False  # "another 3", "2 more": on top of figures already given
    joined: bool = False  # a further group of the same report: "3 soldiers and 2 civilians"
    coded: bool = False  # a coder's explicit figure ("fatalities coded as 10"): it overrides the rest
    fallback: bool = False  # one victim without a figure ("killed the driver"): used only if nothing else is
    who: str | None = None  # the person noun the figure counts ("soldiers"), if one follows it closely


def word_to_int(token: str) -> int | None:
    token = token.lower().replace(",", "").strip()
    if token.isdigit():
        return int(token)
    if token in VAGUE:
        return VAGUE[token]
    total = 0
    parts = re.split(r"[-\s]+", token)
    for part in parts:
        if part in UNITS:
            total += UNITS[part]
        elif part in TENS:
            total += TENS[part]
        elif part == "hundred":
            total = max(total, 1) * 100
        elif part:
            return None
    return total if parts else None


def parse_amount(amount: str, qualifier: str = "") -> tuple[int, int | None] | None:
    """'15' -> (15, None); 'five to seven' -> (5, 7); 'dozens of' -> (12, None)."""
    amount = amount.strip()
    if amount.lower() in VAGUE:
        return VAGUE[amount.lower()], None
    qual = re.sub(r"\s+", " ", qualifier.lower()).strip()
    whole = word_to_int(amount)  # "twenty-one" is one number, not a range
    if whole is not None:
        return (max(whole - 1, 0), None) if qual in {"fewer than", "less than"} else (whole, None)
    pieces = re.split(r"\s*(?:-|\bto\b|\band\b|\bor\b)\s*", amount, flags=re.IGNORECASE)
    values = [word_to_int(p) for p in pieces if p.strip()]
    if not values or any(v is None for v in values):
        # "twenty-one" splits on the hyphen: try the whole thing as one number
        whole = word_to_int(amount)
        return (whole, None) if whole is not None else None
    nums = [v for v in values if v is not None]
    low, high = min(nums), (max(nums) if len(nums) > 1 else None)
    if qual in {"fewer than", "less than"}:
        return max(low - 1, 0), None
    return low, high


def _kind_after(text: str, start: int, limit: int) -> Kind | None:
    """The first casualty word within a few words after `start`, unless another figure comes first."""
    window = text[start:limit]
    stop = SENTENCE_STOP.search(window)
    if stop:
        window = window[: stop.start()]
    # a bracketed breakdown does not part a figure from its verb: "5 civilians (2 men, 2 women and 1 child) were
    # killed" (a bracket of place names still counts its words: "residents near Marani town (Kitutu Chache North,
    # Kisii) lynched" keeps the lynching out of reach of "several")
    words = BRACKETED_FIGURES.sub(" ", window).split()
    # a list of groups reaches the word after its last group: "3 local policemen, 2 pro-government militia
    # members, and 1 soldier were killed"
    reach_words, listed = KIND_WINDOW_WORDS, " ".join(words)
    if PEOPLE_AFTER.match(text, start):
        for n in NUMBER_RE.finditer(listed):
            head = len(listed[: n.start()].split())
            if head >= reach_words:
                break
            if n.group("amount") and LIST_GLUE.search(listed[: n.start()]) and PEOPLE_AFTER.match(listed, n.end()):
                reach_words = head + KIND_WINDOW_WORDS
    window = " ".join(words[:reach_words])
    ahead = " ".join(words[:reach_words + 4])  # the window and the words just past it
    # (a figure that counts no people does not stop it: "A man and his 12-year-old son were killed")
    nxt = next((n for n in NUMBER_RE.finditer(window)
                if not (n.group("amount") and NOT_PEOPLE.match(window, n.end()))
                and not NOT_VICTIMS_BEFORE.search(window[: n.start()])), None)
    if nxt and nxt.group("amount") and (PART_OF.match(window, nxt.end()) or (
            not re.search(r"(?:\band|,)\s*$", window[: nxt.start()]) and not SUBSET.search(window[: nxt.start()]))):
        # (a figure after "including" is part of this one: "12 militants including 2 commanders were killed")
        # "Seven members and two officers killed": a figure joined by "and" shares the word after it
        window = window[: nxt.start()]
    death, injury = DEATH_WORDS.search(window), INJURY_WORDS.search(window)
    if death and UNCLEAR_TOLL.match(window, death.end()):
        return None
    if death and TENDING_THE_DEAD.search(window, 0, death.start()):
        return None  # "a resident who helped bury the dead told Reuters": the resident is nobody's toll
    obj = NUMBER_RE.match(ahead, death.end() + 1) if death and ahead[death.end():death.end() + 1] == " " else None
    if obj and not TALLY_NEXT.match(ahead, obj.end()):
        # "destroyed five hideouts and killed 7 militants", "raped a woman, killed at least 6 civilians": the verb
        # counts the figure after it, not this one (unlike a tally: "1 killed 3 injured")
        death = None
    if death and (not injury or death.start() < injury.start()):
        return "killed"
    if injury:
        return "injured"
    return None


def _in_breakdown(text: str, pos: int) -> bool:
    """Whether `pos` lies inside brackets that open right after another figure's noun (a breakdown of it)."""
    opening = text.rfind("(", 0, pos)
    return opening >= 0 and ")" not in text[opening:pos] and bool(BREAKDOWN.search(text, max(0, opening - 40),
                                                                                    opening))


def _part_of_counted(text: str, m: re.Match[str], found: list[Casualty]) -> bool:
    """Whether the figure counts a part of people already counted: "3 of them", or "One of the men" after "Three men
    died" (not "Six of the guards were killed" after a figure of other people)."""
    part = re.match(r"\s+of\s+(?:(them|whom|those|these)\b|the\s+([\w'-]+)(?:\s+([\w'-]+))?)", text[m.end():])
    if not part:
        return False
    if part.group(1):
        return True
    nouns = {w.lower().rstrip("s") for w in part.groups()[1:] if w}
    return any(c.who in nouns for c in found)


def _companion_count(companions: re.Match[str]) -> int:
    """How many people a `COMPANIONS` match adds: "and his son" 1, "with his wife and son" 2."""
    return len(PERSON_WORD.findall(companions.group("kin")))


def _blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span replaced by spaces, so offsets stay valid."""
    chars: list[str] | None = None
    for a, b in spans:
        chars = chars if chars is not None else list(text)
        chars[a:b] = " " * (b - a)
    return text if chars is None else "".join(chars)


def split_share(value: int, parts: int) -> int:
    """A figure shared by `parts` rows, a half rounded down as ACLED's split rows show ("9 killed ... split between
    two events" is 4 each)."""
    return math.ceil(value / parts - 0.5)


def find_casualties(text: str, start: int = 0, end: int | None = None, *,
                    set_aside: Iterable[tuple[int, int]] = ()) -> list[Casualty]:
    """Every casualty figure in text[start:end], offsets into `text`.

    `set_aside`: spans the caller knows tell of another event (a demonstration's grievance); they are read as
    blank, like the deaths this module knows are no toll (`NOT_THIS_TOLL`). Coded figures are read from the
    text with only `set_aside` blanked."""
    end = len(text) if end is None else end
    original = _blanked(text, set_aside)
    text = _blanked(original, [m.span() for m in NOT_THIS_TOLL.finditer(original, start, end)])
    found: list[Casualty] = []
    previous: Casualty | None = None
    for m in NUMBER_RE.finditer(text, start, end):
        if m.group("article"):
            amount, qualifier = m.group("article"), ""
            parsed: tuple[int, int | None] | None = (1, None)
        else:
            amount, qualifier = m.group("amount"), m.group("qual") or ""
            parsed = parse_amount(amount, qualifier)
        if parsed is None or NOT_PEOPLE.match(text, m.end()):
            continue
        # a year or a clock time is not a head count
        # (nor is a span of years: "the massacres of 1937-38")
        if re.match(r"(?:1[89]|20)\d\d(?!\d)", amount) or re.match(r"[:.]\d", text[m.end(): m.end() + 2]):
            continue
        before = text[max(start, m.start() - 40): m.start()]
        if amount.lower() == "one" and re.search(r"\bno\s+$", before, re.IGNORECASE):
            continue  # "No one was hurt": nobody (NO_CASUALTIES reads it as 0)
        if SUBSET.search(before) or (found and SUBSET_LIST.search(text, max(start, m.start() - 80), m.start())
                                     and not OWN_VERB_AFTER.match(text, m.end())):
            # "killing two people, including a child": a part of a figure already counted, and so is the list's
            # next item ("seven Palestinians including a doctor and a teacher")
            continue
        if MONTH_BEFORE.search(before):
            continue  # "On November 5, 2019": a day of the month
        if found and (VICTIMS_PART.match(text, m.end()) or _in_breakdown(text, m.start())
                      or _part_of_counted(text, m, found)):
            # "At least 2 of the victims were beheaded", "5 civilians (2 men, 2 women and 1 child)", "One of the men
            # who died was a cartel leader": a part of a figure before
            continue
        if NOT_VICTIMS_BEFORE.search(before):
            continue
        if m.group("article") and re.search(r"\bof\s+$", before):
            continue  # "2 alleged members of a criminal gang were lynched": the article is the group's
        between = text[previous.end: m.start()] if previous is not None else ""
        noun = PEOPLE_AFTER.match(text, m.end())  # the person the figure counts, if one follows closely
        chained = (previous is not None and not PART_OF.match(text, m.end())
                   and (re.fullmatch(r"[^.;:\n]{0,40}?\s(?:and|as\s+well\s+as|plus|in\s+addition\s+to|along\s+with)\s*",
                                     between)
                        is not None
                        # a comma lists groups of people only between figures: "3 local policemen, 2 militia
                        # members" (not an apposition, "three people, a woman and her two children")
                        or (re.fullmatch(r"[^.;:\n]{0,40}?,(?:\s+and)?\s*", between) is not None
                            and m.group("amount") is not None and noun is not None
                            and PEOPLE_AFTER.match(text, previous.end) is not None))
                   and not DEATH_WORDS.search(between) and not INJURY_WORDS.search(between))
        kind: Kind | None
        tally = TALLY_NEXT.match(text, m.end())  # "1 killed 3 injured": the figure has its own word
        if TRANSITIVE_DEATH.search(before) and not tally:
            kind = "killed"
        elif TRANSITIVE_INJURY.search(before) and not tally:
            kind = "injured"
        elif chained and previous is not None and not tally:
            kind = previous.kind  # "killed 3 soldiers and 2 civilians" (not "Five injuries and one fatality")
        else:
            # an article's person: read after the noun ("a murdered businessman" tells an older death)
            noun_end = noun.end() if m.group("article") and noun else m.end()
            kind = _kind_after(text, noun_end, end)
            if kind is None and previous is not None and re.search(r"\b(?:along|together)\s+with\s+$", before):
                kind = previous.kind  # "A senior officer was fatally shot, along with three other officers"
        if kind is None:
            continue
        low, high = parsed
        additive = bool(re.match(r"(?:another|a\s+further|further)\b", qualifier, re.IGNORECASE)
                        # "Local authorities reported that also 13 militants were killed", "Also a Taliban militant
                        # was killed", "killed 1 council member in addition to 3 of his guards"
                        or (found and re.search(r"\b(?:also|in\s+addition\s+to|along\s+with)\s+$",
                                                text[max(start, m.start() - 20): m.start()], re.IGNORECASE))
                        or re.match(r"\s+(?:more|other|additional)\b", text[m.end(): m.end() + 12])
                        # "6 fighters were killed by direct fire and 3 were killed by IEDs": a further group of the
                        # same sentence, told with its own verb
                        or (previous is not None and previous.kind == kind and tally
                            and re.fullmatch(r"[^.;:\n]*\b(?:killed|died|dead)\b[^.;:\n]*\sand\s+", between)
                            and not TOLD_AGAIN.search(between))
                        # "Three civilians were also killed", "two civilians also died": on top of the figure
                        # already given
                        or (found and re.match(r"[^.;:\n]{0,40}?\b(?:(?:were|was|had\s+been)\s+)?also\s+(?:killed|"
                                               r"injured|wounded|hurt|shot|died)", text[m.end(): m.end() + 60])))
        joined = chained and previous is not None and previous.kind == kind
        if (m.group("article") or low == 1) and (kin := COMPANIONS.match(text, m.end())):
            low += _companion_count(kin)  # "1 Taliban commander and his guard were killed"
        who = noun.group(0).split()[-1].lower().rstrip("s") if noun \
            and not TOLD_AGAIN.search(text, max(start, m.start() - 80), m.start()) else None
        item = Casualty(kind, low, high, m.start(), m.end(), text[m.start(): m.end()].strip(), additive, joined,
                        who=who)
        found.append(item)
        previous = item
    for m in NO_CASUALTIES.finditer(text, start, end):
        word = next(g for g in m.groups() if g).lower()
        kinds: tuple[Kind, ...]
        if word in {"casualties", "harmed"}:
            kinds = ("killed", "injured")
        elif INJURY_WORDS.fullmatch(word):
            kinds = ("injured",)
        else:
            kinds = ("killed",)
        for kind in kinds:
            found.append(Casualty(kind, 0, None, m.start(), m.end(), m.group(0)))
    for pattern in (CODED_AS, CLOSING_TOTAL):
        for m in pattern.finditer(original, start, end):
            group = next(i for i in range(1, (m.lastindex or 1) + 1) if m.group(i) is not None)
            found.append(Casualty("killed", int(m.group(group)), None, m.start(group), m.end(group), m.group(group),
                                  coded=True))
    for m in (m for pattern in ANY_VICTIM for m in pattern.finditer(text, start, end)):
        if m.group("np").split()[-1].lower() not in NOT_A_VICTIM \
                and not any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in found):
            found.append(Casualty("killed", 1, None, m.start(), m.end(), m.group(0), fallback=True))
    for m in SINGLE_VICTIM.finditer(text, start, end):
        kin = COMPANIONS.match(text, m.end())
        found.append(Casualty("killed", 1 + (_companion_count(kin) if kin else 0), None, m.start(),
                              kin.end() if kin else m.end(), m.group(0), fallback=True))
    found.sort(key=lambda c: c.start)
    for m in SPLIT.finditer(text, start, end):
        parts = word_to_int(m.group("parts"))
        if not parts or parts < 2:
            continue
        for i in range(len(found) - 1, -1, -1):
            c = found[i]
            # the toll is in the same sentence or the one just before ("78 were killed. Fatalities split ...")
            if c.kind == "killed" and not c.fallback and c.end <= m.start() and c.low > 0 \
                    and len(SENTENCE_STOP.findall(text, c.end, m.start())) <= 1:
                # the share per row, a half rounded down as ACLED's rows show ("9 killed ... split between two
                # events" is 4; "1 fatality split among 12 events" leaves the rows with none); it overrides the
                # other figures of the toll it splits unless the coder gave a figure outright
                share = split_share(c.low, parts)
                row = ROW_SHARE.match(text, m.end())
                found[i] = replace(c, low=int(row.group(1)) if row else share, high=None,
                                   coded=c.coded or not any(x.coded for x in found if x.kind == "killed"))
                break
    return found


def total(casualties: list[Casualty], kind: Kind) -> tuple[int, int | None, int | None, list[Casualty]]:
    """Fold figures into one event's count: (coded, lowest, highest, the figures used).

    Figures for different groups in one sentence add up ("3 soldiers and 2 civilians"), and so do different
    people told in different clauses ("Two pilots died, and at least two soldiers ... were killed"); the same
    toll repeated or revised ("at least 15 ... the toll rose to 17"), or figures of people who may be anyone
    ("people", "civilians"), are a disagreement between reports, where ACLED codes the lowest figure and sitrep
    keeps the highest beside it.
    """
    coded = [c for c in casualties if c.kind == kind and c.coded]
    if coded:
        return coded[0].low, coded[0].low, None, coded[:1]
    single = [c for c in casualties if c.kind == kind and c.fallback]
    casualties = [c for c in casualties if not c.fallback]
    if single and not any(c.kind == kind and c.low > 0 for c in casualties):
        return 1, 1, None, single[:1]
    items = [c for c in casualties if c.kind == kind and not c.additive]
    extra = [c for c in casualties if c.kind == kind and c.additive]
    if not items and not extra:
        return 0, None, None, []
    if not items:
        items, extra = extra, []
    groups: list[list[Casualty]] = []
    for c in items:
        if groups and c.joined and c.low > 0 and groups[-1][-1].low > 0:
            groups[-1].append(c)
        else:
            groups.append([c])
    sums = [sum(c.low for c in g) for g in groups]
    highs = [sum((c.high or c.low) for c in g) for g in groups]
    whos = [{c.who for c in g} for g in groups]
    if len(groups) > 1 and all(w and None not in w and not (w & GENERIC_VICTIMS) for w in whos) \
            and all(not (a & b) for i, a in enumerate(whos) for b in whos[i + 1:]) and all(s > 0 for s in sums):
        # different people in different clauses add up: "Two pilots died, and at least two soldiers coming to
        # rescue them were killed" (the same people told twice are one toll reported twice, and "people" may be
        # anyone)
        everyone = [c for g in groups for c in g] + extra
        added = sum(c.low for c in everyone)
        return added, added, None, everyone
    positive = [s for s in sums if s > 0]
    base = min(positive) if positive else 0
    used = (groups[sums.index(base)] if positive else groups[0]) + extra
    coded = base + sum(c.low for c in extra)
    high = max(highs) + sum((c.high or c.low) for c in extra)
    return coded, coded, (high if high != coded else None), used
