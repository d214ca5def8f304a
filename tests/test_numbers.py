"""Casualty figures: ACLED's counting rules on invented sentences."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitrep.extract.numbers import find_casualties, parse_amount, total, word_to_int


def coded(text: str) -> tuple[int, int]:
    found = find_casualties(text)
    return total(found, "killed")[0], total(found, "injured")[0]


@pytest.mark.parametrize(("text", "killed", "injured"), [
    ("At least 15 people were killed and multiple others were injured.", 15, 3),
    ("A bomb exploded near the market, injuring up to 10 people.", 0, 10),
    ("Gunmen killed 3 soldiers and 2 civilians, and wounded at least 12 others.", 5, 12),
    ("Five people died and twenty-one were hurt when the device went off.", 5, 21),
    ("No casualties were reported.", 0, 0),
    ("A policeman was killed by a sniper.", 1, 0),
    ("The fighting left dozens dead.", 12, 0),
    ("Hundreds of people were wounded in the riots.", 0, 100),
    ("3 soldiers were killed and 4 wounded.", 3, 4),
    ("killing two people, including a child, and injuring 4.", 2, 4),
    ("Between 5 and 8 people were killed, officials said. Another 2 died in hospital.", 7, 0),
    ("The death toll later rose to 7 after five people died at the scene.", 5, 0),
    ("The 2019 attacks lasted 12 hours and destroyed 40 houses.", 0, 0),
    ("Several militants were killed in the raid.", 3, 0),
    ("Two soldiers were killed. Fatalities coded as 0 (the outlet reported 5 fatalities).", 0, 0),
    ("Clashes left many dead; unknown reported fatalities coded as 10.", 10, 0),
    # one victim without a figure counts 1, but never beats a figure the text gives
    ("Militants ambushed a minibus on the highway and killed the driver.", 1, 0),
    ("The clashes resulted in the death of the commander of the brigade.", 1, 0),
    ("The body of a man was found dumped in a field.", 1, 0),
    ("A local leader of the ruling party was beaten to death by four men.", 1, 0),
    ("Gunmen killed 3 soldiers at the gate. The commander was killed later in the day.", 3, 0),
    ("Police shot dead two suspects; the body of a woman was also found.", 2, 0),
    ("A 25-year-old man was killed by gunmen.", 1, 0),
    ("A 27-year -old man has been lynched in the village.", 1, 0),
    ("Seven MRC members and two police officers killed.", 9, 0),
    ("A policeman was killed and three others injured. Three civilians were also killed in the blast.", 4, 3),
    ("Members of the sect hacked to death two men.", 2, 0),
    ("A mob lynched two suspected cattle thieves.", 2, 0),
    ("Vigilante mob lynches suspected criminal", 1, 0),
    ("Police killed a suspected thief.", 1, 0),
    ("A tailor was assaulted by police for not wearing a mask. He later succumbed to his injuries.", 1, 0),
    ("Boda boda riders beat to death the governor's bodyguard over a fare dispute.", 1, 0),
    ("A mob stoned a 19-year-old teen to death for allegedly stealing a phone.", 1, 0),
    ("Rioters abducted a man from the hospital, lynched him and burnt him alive.", 1, 0),
    ("A 70-year-old man is killed over witchcraft claims.", 1, 0),
    ("The area chief was found dead at a guest house.", 1, 0),
    ("Residents lynched a farm manager, accusing him of encroaching on their land.", 1, 0),
    ("Three police officers assaulted two men at a bar. One of the men later died.", 1, 0),
    ("Traders fatally assaulted a suspected robber with pangas at the market.", 1, 0),
    ("A student was abducted on Monday. Her body was later found in a sugarcane plantation.", 1, 0),
    ("A gang shot and wounded a police officer. The gang member was then killed by police.", 1, 1),
    # the deaths a victim is accused of, and a killing only attempted, are no toll of the event
    ("Boda boda riders set ablaze a trailer of a man suspected to have killed two people. Two were injured.", 0, 2),
    ("A mob attacked a man who had allegedly killed his father in the village.", 0, 0),
    ("Residents tried to lynch a man accused of theft before police rescued him.", 0, 0),
    ("A mob attacks and nearly kills a man it suspects of theft.", 0, 0),
    ("Police shot dead 23 donkeys and set alight 20 houses during a disarmament exercise.", 0, 0),
    ("Youths gathered in support of a woman sentenced to death for killing her husband.", 0, 0),
    ("Police arrested three men for killing a trader in the market.", 0, 0),
    ("Demonstrators accused the police of murdering the man in the cells.", 0, 0),
    # a death told as earlier than the event, or avenged by it, is another event's
    ("Soldiers beat up residents of the estate to revenge the killing of a colleague.", 0, 0),
    ("Riders burnt a shop in the market. A rider had earlier been killed by a gang there.", 0, 0),
    ("Gunmen responsible for killing 5 people were arrested.", 5, 0),
    ("Al-Shabaab claimed responsibility for killing 5 soldiers at the base.", 5, 0),
    # kin and companions joined to one victim count with it
    ("Gunmen shot and killed a herder and his son near the market.", 2, 0),
    ("Militia shot and killed a pupil at the primary school and his grandfather near the town.", 2, 0),
    ("A camp worker was killed by armed men with his wife and son in the town.", 3, 0),
    ("A man and his 12-year-old son were killed by unidentified assailants.", 2, 0),
    ("A farm manager was killed and her son seriously wounded in the attack.", 1, 0),
    ("Gunmen killed a trader and his son was injured.", 1, 0),
    # "fatally" makes the verb a killing, and a figure among which a part is named stays whole
    ("Police fatally shot three family members in the village.", 3, 0),
    ("Five people, among which a young girl, were killed.", 5, 0),
    # one victim by any noun where the verb leaves no doubt, but not a thing or a group
    ("Unidentified gunmen assassinated a colonel in the city.", 1, 0),
    ("A former town councilor was shot dead by unknown assailants.", 1, 0),
    ("Gunmen killed a revenue collector at the main bus station.", 1, 0),
    ("A drug trafficker was killed after exchanging fire with police. 4 people were arrested.", 1, 0),
    ("Militants killed a family of three, including a child.", 3, 0),
    ("Militants burned down 20 huts and killed 15 livestock.", 0, 0),
    ("Police killed the plan to hold a rally.", 0, 0),
    # a toll that does not tell the dead from the rest is no fatality
    ("1 policeman was killed or wounded by a sniper in the district.", 0, 0),
    ("3 militants were killed, injured or captured during the operations.", 0, 0),
    # perpetrators, a whole the victims were part of, and a part of a figure are no toll of their own
    ("A man was abducted by four men and stabbed to death near the field.", 1, 0),
    ("Three herders (out of a group of seven) were killed when bandits fired upon them.", 3, 0),
    ("There were 14 people on the boat and 5 of them were killed, 7 received injuries.", 5, 7),
    ("On 24 April, two people were killed.", 2, 0),
    # an ACLED toll spread over several rows
    ("Unclear fatalities coded as 10 and spread between 3 locations.", 3, 0),
    ("20 fatalities split up between 3 events.", 7, 0),
    ("78 fighters were killed. Fatalities split between 2 events.", 39, 0),
    ("The clashes resulted in 6 deaths (coded across 6 events) and 17 injuries.", 1, 17),
    ("5 soldiers were killed. The base was shelled. The damage was spread across 2 districts.", 5, 0),
    # the coder's figure, however the note words it
    ("Airstrikes hit the fighters' positions. Dozens of fatalities and injuries coded as 6.", 6, 0),
    ("Several border guards were killed and wounded [coded as 3 fatalities].", 3, 0),
    ("An unknown number of people are feared dead (coded as 3) after the raid.", 3, 0),
    ("Unspecified casualties coded as 10.", 10, 0),
    ("7 militants were killed and wounded. Fatalities reported as half, rounded down to 3.", 3, 0),
    ("Three civilians were killed and seven were wounded [coded as 2 fatalities, one verified].", 2, 7),
    ("Protesters blocked a road 5 km from the village (coded as Sipili).", 0, 0),
    # a span of years counts nobody; a misspelt verb still counts its dead
    ("Residents commemorated the massacres of 1937-38, in which the army killed thousands.", 0, 0),
    ("A man, a suspect in the 2013 Westgate Mall attack that left 68 people dead, was abducted by armed men.", 0, 0),
    # a verb counts the figure after it; a part of the victims or a breakdown in brackets adds no toll
    ("Armed men raped a woman, killed at least 6 civilians and injured 4 more during a robbery.", 6, 4),
    ("Forces destroyed five hideouts and killed 7 militants in the mountains.", 7, 0),
    ("Fighters killed 5 civilians in the attack. At least 2 of the victims were beheaded.", 5, 0),
    ("5 civilians (2 men, 2 women, and 1 child) were killed when their vehicle hit a roadside bomb.", 5, 0),
    # a toll smaller than half the rows it is split among leaves this row with none
    ("One soldier was killed at an unspecified location [1 fatality split among 12 events].", 0, 0),
    ("Nine soldiers were reportedly killed and sixteen others injured. Fatalities split between two events.", 4, 16),
    ("At least 13 militants were killed in two provinces. Fatalities are split across 2 events (6).", 6, 0),
    ("2 policemen were killed. Fatalities are split across 4 events (1). Fatalities coded as 0 (VoJ reported 2).",
     0, 0),
    ("A mob attacked a youth and 3 others over a property dispute. 1 killed 3 injured.", 1, 3),
    # a list of groups shares the word after its last one (an apposition is no list); "also" adds a group; "the
    # corpses of"
    ("3 local policemen, 2 pro-government militia members, and 1 soldier were killed, and 8 were wounded.", 6, 8),
    ("5 militia members were killed following attacks by militants. Local authorities reported that also 4 "
     "militants were killed.", 9, 0),
    ("An armed group shot and killed three people, a woman and her two children, on their farm.", 3, 0),
    ("On November 5, 2019, armed men attacked the village, killing at least 7, including 2 police.", 7, 0),
    ("01 Oct. 7 people killed in the attack on the village that was carried out by a clan militia.", 7, 0),
    ("Several Taliban attacks on posts left 12 Taliban militants and 3 Arbakis killed, and 11 Taliban injured.", 15,
     11),
    ("The corpses of around thirty suspected militants were reportedly discovered in the area.", 30, 0),
    # more nouns for a person; a death sentence carried out; "leaving the driver dead"
    ("A former town councilor and his wife were shot dead by unidentified assailants.", 2, 0),
    ("A Sharia court sentenced to death and executed a young male in the public square.", 1, 0),
    ("A man was sentenced to death by the court for the murder.", 0, 0),
    ("A roadside IED exploded under a vehicle transporting vegetables, leaving the driver dead.", 1, 0),
    # groups added by "also", "in addition to" or a companion of one victim
    ("1 soldier was killed in attacks on check points. Also a Taliban militant was killed and 3 were wounded.", 2, 3),
    ("Unknown gunmen shot and killed 1 council member in addition to 3 of his guards.", 4, 0),
    ("1 Taliban commander and his guard were killed by a roadside bomb.", 2, 0),
    # different people told in different clauses add up; the same people told twice, people who may be anyone, or
    # a figure from another source are one toll reported twice (the lowest is coded)
    ("The helicopter was shot down. Two pilots died, and at least two soldiers coming to rescue them were killed.", 4,
     0),
    ("2 soldiers were killed in the attack. Afghan forces attacked back and killed 3 militants.", 5, 0),
    ("At least 15 soldiers were killed in the attack. The army later said 12 soldiers had died.", 12, 0),
    ("Five people were killed in the attack. Later reports said 7 civilians had died.", 5, 0),
    ("One police officer and one militant were killed. Conflicting reports suggest that three policemen were killed.",
     2, 0),
    ("Militants attacked the brigade, where 6 fighters were killed by direct fire and 3 were killed by IEDs, and 4 "
     "others were injured.", 9, 4),
    ("Gunmen ambushed police officers. Three men died and four officers were injured. One of the men who died was a "
     "cartel leader.", 3, 4),
    ("Unidentified gunmen attacked the town and killed residents. Reports on fatalities range from 2 to 4.", 2, 0),
    ("Armed clashes erupted between tribesmen in the market, leading to the death of a bystander.", 1, 0),
    ("Soldiers on patrol clashed with 4 unidentified armed men in Rubare locality (Rutshuru, Nord-Kivu) and killed 1 "
     "of them.", 1, 0),
    ("A senior police officer was fatally shot, along with three other officers.", 4, 0),
    ("Militias clashed over grazing fields. Five injuries and one fatality were reported.", 1, 5),
    ("A house was set on fire in the market, killing its four occupants (a woman, her daughter and two grandchildren).",
     4, 0),
    ("2 alleged members of a criminal gang were lynched in the town by a mob of residents.", 2, 0),
    ("Forces conducted airstrikes on militants, with no reports on fatalities and injuries. The airstrikes came after "
     "the militants killed 10 soldiers.", 0, 0),
    ("Militants shot a civilian who was delivering water to military checkpoints in the town, resulting in his death.",
     1, 0),
    ("Taliban militants clashed with police forces, which led to the killing of 1 militant.", 1, 0),
    ("Three policemen were killed in the attack; hospital officials said two civilians also died.", 5, 0),
    ("A former bodyguard who reportedly worked for prominent personalities in the province was shot dead by unidentified "
     "assailants.", 1, 0),
    ("A person who was abducted by armed assailants from his house on 24 April, was found dead near the highway.", 1, 0),
    ("Residents lynched a suspect who had killed two people in the village.", 1, 0),
    ("A mob of local residents attacked private security guards who had been hired to protect a hearse at the funeral "
     "of a murdered businessman. Six of the guards were killed by the mob.", 6, 0),
    ("After a heavy fight, five militants and one soldier were killled.", 6, 0),
    ("Militiamen kiled 8-10 residents across the villages.", 8, 0),
    # an article counts one only before a person who heads the phrase
    ("An airstrike by Afghan military forces killed 5 Taliban militants.", 5, 0),
    ("Militants attacked a local police check post, killing 3 local policemen and injuring 7.", 3, 7),
    # a figure after "including" is a part of the one before it, which keeps its verb
    ("12 Taliban militants including 2 commanders were killed and 5 were wounded.", 12, 5),
    ("4 pro-government militia members and 3 Taliban militants were killed and 1 was wounded.", 7, 1),
    # "no one" is nobody, not one
    ("Men hurled a grenade at the house of a politician, damaging a car. No one was hurt.", 0, 0),
    ("A bomb went off near the market; no one was killed.", 0, 0),
    # a clock time before a comma is no head count, nor is someone who tends the dead
    ("Jets dropped bombs on the village at around 10 a.m., a resident who helped bury the dead said.", 0, 0),
    ("A man who saw the bodies said 12 people were killed.", 12, 0),
    # the earlier event a report dates this one by ("days after")
    ("Pakistan carried out airstrikes in Khost, days after a suicide attack killed seven soldiers.", 0, 0),
])
def test_acled_counting_rules(text: str, killed: int, injured: int) -> None:
    assert coded(text) == (killed, injured)


def test_lowest_reported_figure_wins_and_highest_is_kept() -> None:
    found = find_casualties("Officials said 12 people were killed. Hospital sources put the toll at 17.")
    fatalities, low, high, _ = total(found, "killed")
    assert (fatalities, low, high) == (12, 12, 17)


def test_figures_carry_their_offsets() -> None:
    text = "Rebels attacked the base, killing at least 9 soldiers."
    [c] = find_casualties(text)
    assert text[c.start:c.end] == c.text == "at least 9"


def test_ranges() -> None:
    assert parse_amount("five to seven") == (5, 7)
    assert parse_amount("twenty-one") == (21, None)
    assert parse_amount("3", "fewer than") == (2, None)


@given(st.integers(min_value=0, max_value=9999))
def test_digits_round_trip(n: int) -> None:
    assert word_to_int(str(n)) == n
    assert word_to_int(f"{n:,}") == n


@given(st.integers(min_value=1, max_value=99))
def test_written_numbers_as_killed(n: int) -> None:
    words = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
             "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    spelled = words[n] if n < 20 else tens[n // 10] + ("-" + words[n % 10] if n % 10 else "")
    assert coded(f"The attack killed {spelled} villagers.") == (n, 0)


@given(st.text(max_size=300))
def test_never_crashes_and_offsets_are_inside(text: str) -> None:
    for c in find_casualties(text):
        assert 0 <= c.start < c.end <= len(text)
        assert c.low >= 0


@pytest.mark.parametrize(("text", "killed"), [
    ("A dead man and woman were found half burned on the old road. 2 fatalities", 2),
    ("Gunmen shot the mayor dead. His two bodyguards were also killed. 3 fatalities.", 3),
    ("Forces exchanged fire on three fronts. Unclear fatalites coded as 10 and split between 3 locations.", 3),
    ("An unidentified group fatally shot the leader of the movement near his house.", 1),
    ("A man and a woman were shot in a drive-by. The man died and the woman was seriously injured.", 1),
])
def test_acled_closing_totals_and_single_deaths(text: str, killed: int) -> None:
    assert total(find_casualties(text), "killed")[0] == killed


def test_the_toll_of_the_earlier_event_a_report_dates_by_is_not_this_ones() -> None:
    text = ("The Taliban administration said its forces had killed 10 Islamic State fighters in a raid in western Kabul, "
            "a day after the group claimed a bombing that killed three people in Jalalabad.")
    assert total(find_casualties(text, 0, len(text)), "killed")[0] == 10


@pytest.mark.parametrize(("text", "killed"), [
    ("Israeli forces raided Jenin, killing seven Palestinians including a doctor and a teacher, officials said.", 7),
    ("Gunmen killed 12 people including two women and three children in the village.", 12),
    ("The blast killed three soldiers, among them a colonel and a major.", 3),
    # a list after "including" that ends, then a new figure of its own
    ("The attack killed three soldiers, including a commander, and two civilians died later in hospital.", 5),
])
def test_the_items_of_an_including_list_are_part_of_the_figure(text: str, killed: int) -> None:
    assert total(find_casualties(text), "killed")[0] == killed
