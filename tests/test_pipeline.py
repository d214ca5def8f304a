"""The pipeline's own rules: how sentences become events (invented reports, real models)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from sitrep import nlp, pipeline
from sitrep.extract import detect
from sitrep.model import Article, Document
from sitrep.pipeline import LATER_EVENT_FACTOR, extract_article


def events(text: str, published: date = date(2022, 5, 10), title: str | None = None) -> list:
    return extract_article(Article(id="t", text=text, published=published, title=title))


def use_fake_model(monkeypatch: pytest.MonkeyPatch, label: Callable[[str], detect.Prediction]) -> None:
    """Make the classifier label each text with `label`, to test how the pipeline reads sentences together."""
    monkeypatch.setattr(detect, "classify", lambda texts: [label(t) for t in texts])


def labelled(sub: str | None, probability: float, p_event: float, best: str) -> detect.Prediction:
    """A fake model's prediction: `sub` (None: no event, `best` the likeliest event)."""
    return detect.Prediction(sub, detect.EVENT_TYPES[sub] if sub else None, probability, p_event, best)


def labels_by_word(*rules: tuple[str, str, float, float]) -> Callable[[str], detect.Prediction]:
    """A fake model that labels a text by the first rule whose word it contains, (word, sub-event type,
    probability, p_event); a last rule with the word "" labels every other text."""
    def label(text: str) -> detect.Prediction:
        _, sub, probability, p_event = next(rule for rule in rules if rule[0] in text)
        return labelled(sub, probability, p_event, sub)
    return label


def one_group(text: str, published: date) -> pipeline.EventGroup:
    [group] = pipeline.detect_events(pipeline.prepare(Article(id="t", text=text, published=published)))
    return group


def test_one_event_told_in_three_sentences_is_one_row() -> None:
    found = events("Gunmen stormed a police checkpoint in Maiduguri on Monday. The attack killed three officers "
                   "and wounded two others. Officials said the assailants escaped on motorbikes.")
    assert len(found) == 1
    assert (found[0].fatalities, found[0].injuries) == (3, 2)
    assert found[0].event_date == date(2022, 5, 9)


def test_separate_incidents_are_separate_rows() -> None:
    found = events("A roadside bomb struck a police vehicle in Kandahar on Sunday, killing two officers. "
                   "In a separate incident, hundreds of students protested in Kabul on Monday against fuel prices.")
    assert [e.event_type for e in found] == ["Explosions/Remote violence", "Protests"]
    assert [e.event_date for e in found] == [date(2022, 5, 8), date(2022, 5, 9)]


def test_background_and_headline_are_not_events() -> None:
    text = ("Car Bomb Kills Two In Kandahar\n\n"
            "A car bomb exploded outside a market in Kandahar on Sunday, killing two civilians.\n\n"
            "Since 2015, insurgents have carried out dozens of bombings in the province.")
    found = events(text)
    assert len(found) == 1
    [event] = found
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert all(ev.start >= text.index("A car bomb") for ev in event.evidence)


def test_toll_sentence_joins_the_weapon_sentence() -> None:
    found = events("A car bomb hit a minibus carrying workers near Mosul. At least nine people were killed.")
    assert len(found) == 1
    assert found[0].sub_event_type == "Remote explosive/landmine/IED"
    assert found[0].fatalities == 9


def test_toll_sentence_naming_the_events_own_town_joins_it() -> None:
    # the hospital is in the town the event was in: no setting of the toll's own, so no event of its own
    # (alone, the toll sentence reads as mob violence)
    text = ("On 9 May 2020, gunmen opened fire on a police checkpoint in Burco town. "
            "Three residents were wounded and taken to a hospital in Burco.")
    [event] = events(text, published=date(2020, 5, 10))
    assert event.injuries == 3
    assert event.event_type != "Riots"
    # a toll told of another town is another event's
    found = events("On 9 May 2020, gunmen attacked a police post in Burco. "
                   "Two people were killed in Hargeisa.", published=date(2020, 5, 10))
    assert len(found) == 2


def test_acleds_crowd_size_tag_makes_a_demonstration_where_no_sentence_reads_as_one() -> None:
    # alone, the sentence reads as no event; ACLED tags only demonstrations with a crowd's size
    text = ("On 1 May 2020, in Santiago de Queretaro, merchants commemorated labor day, disregarding sanitary "
            "safety measures asked by the state civil protection.")
    assert events(text, published=date(2020, 5, 10)) == []
    [event] = events(f"{text} [size=no report]", published=date(2020, 5, 10))
    assert event.event_type in ("Protests", "Riots")
    assert event.country == "Mexico"


def test_suspected_perpetrator_is_not_coded_as_fact() -> None:
    [event] = events("A bomb exploded at a bus station in Kandahar on Sunday, wounding four people. "
                     "Police officials said they suspected the Taliban were behind the attack.")
    assert event.actor1.startswith("Unidentified Armed Group")
    assert event.claim.status == "alleged"
    assert "Taliban" in event.notes


def test_the_reports_own_hedge_on_the_doer_names_actor1_as_alleged() -> None:
    # ACLED codes "suspected X militants killed ..." with X as actor1; sitrep does too, marked alleged
    [event] = events("On Sunday, suspected Boko Haram insurgents killed three farmers near Konduga in Borno "
                     "State, Nigeria.")
    assert "Boko Haram" in event.actor1
    assert event.claim.status == "alleged"
    assert event.fatalities == 3


@pytest.mark.parametrize(("text", "by"), [
    ("On Friday, police were accused of beating motorists and pedestrians in Kisumu, Kenya, during the curfew.", None),
    ("On Friday, residents accused soldiers of shooting dead two traders in the market of Kisumu, Kenya.", "residents"),
])
def test_an_accusation_naming_the_deed_codes_the_accused_as_actor1_marked_alleged(text: str, by: str | None) -> None:
    # ACLED codes "police were accused of beating ..." with the police as actor1; the row says it is alleged
    [event] = events(text)
    assert event.inter1 == 1
    assert event.claim.status == "alleged"
    assert (event.claim.by or None) == by


def test_the_lead_event_outranks_a_later_one() -> None:
    found = events("On Monday, hundreds of teachers marched in Nairobi, Kenya, to demand unpaid salaries. "
                   "Separately, police arrested two opposition activists in Mombasa.")
    assert len(found) == 2
    assert max(found, key=lambda e: e.confidence).event_type == "Protests"
    [alone] = events("Police arrested two opposition activists in Mombasa, Kenya, on Monday.")
    [later] = [e for e in events("On Monday, hundreds of teachers marched in Nairobi, Kenya, to demand unpaid "
                                 "salaries. Police arrested two opposition activists in Mombasa, Kenya, on "
                                 "Monday.") if e.event_type != "Protests"]
    assert later.confidence == pytest.approx(alone.confidence * LATER_EVENT_FACTOR, abs=0.002)


def test_a_bare_casualty_remark_joins_the_event_before_it() -> None:
    [event] = events("On 20 April 2022, Russian forces launched an offensive in the direction of Popasna, Luhansk, "
                     "which was unsuccessful. Casualties unknown.")
    assert event.event_type == "Battles"


def test_what_the_demonstrators_did_next_is_the_same_event() -> None:
    [event] = events("On Friday, several hundred people demonstrated in Karatina town over the arrest of their MP. "
                     "The demonstrators barricaded parts of the Nyeri-Nairobi highway.")
    assert event.sub_event_type == "Violent demonstration"


def test_an_old_background_event_is_not_the_main_event() -> None:
    found = events("On Wednesday, hundreds of people protested outside the courthouse in Lviv against the arrest "
                   "of a local activist. The activist stabbed a man during an attack on him in Odessa on "
                   "24 May 2018.", published=date(2020, 5, 7))
    main = max(found, key=lambda e: e.confidence)
    assert main.event_type == "Protests"
    assert main.event_date == date(2020, 5, 6)


def test_acled_topic_tag_marks_a_strategic_development() -> None:
    [event] = events("Displacement: On 2 May 2022, around 2000 civilians were evacuated from Kramatorsk, "
                     "Donetsk region, Ukraine.")
    assert event.event_type == "Strategic developments"
    assert event.event_date == date(2022, 5, 2)


@pytest.mark.parametrize("text", [
    "The finance minister presented the annual budget to parliament on Tuesday.",
    "Heavy rains caused floods that killed twelve people in the south of the country.",
    "The national football team won the regional cup after a penalty shoot-out.",
])
def test_non_political_text_gives_nothing(text: str) -> None:
    assert events(text) == []


def test_evidence_points_into_the_text_as_given() -> None:
    text = "\ufeffNairobi —  Police  fired tear gas at hundreds of protesters in Nairobi on Friday.\r\n"
    for event in events(text):
        for ev in event.evidence:
            assert text[ev.start:ev.end] == ev.text


def test_a_one_line_document_in_headline_style_is_still_coded() -> None:
    [event] = events("Car Bomb Kills Five Soldiers Near Kandahar Police Headquarters")
    assert event.event_type == "Explosions/Remote violence"


def test_one_event_told_over_two_paragraphs_is_one_row() -> None:
    found = events("Russian forces shelled residential districts of Kharkiv on Monday, killing two civilians.\n\n"
                   "Artillery fire also damaged a school in the north of Kharkiv, local authorities said.")
    assert len(found) == 1
    assert found[0].fatalities == 2
    assert found[0].event_date == date(2022, 5, 9)
    assert {ev.field for ev in found[0].evidence} >= {"event", "fatalities"}


def test_an_editorial_bracket_is_a_remark_not_an_event() -> None:
    rows = events("On 9 May 2020, hundreds of residents marched peacefully to the governor's office in Nakuru "
                  "to demand clean water. [size=around 300]")
    assert len(rows) == 1
    assert rows[0].event_type == "Protests"


def test_demonstrators_told_later_are_the_same_protest() -> None:
    rows = events("On 16 February 2021, local residents demonstrated over insecurity on the Olenguruone-Molo road in "
                  "Nakuru. Demonstrators threw stones at police and lit bonfires on the road. [size=no report].")
    assert len(rows) == 1
    assert rows[0].sub_event_type == "Violent demonstration"


def test_a_remark_refines_the_label_but_does_not_change_its_type(monkeypatch: pytest.MonkeyPatch) -> None:
    def label(text: str) -> detect.Prediction:
        if "corridors" not in text:  # the remark alone is no event
            return labelled(None, 0.9, 0.1, "Other")
        sub = "Attack" if "stationed" in text else "Other"  # read with the remark, the model says attack
        if "[size" in text:
            sub = "Peaceful protest"
        return labelled(sub, 0.6, 0.9, sub)

    use_fake_model(monkeypatch, label)
    text = ("On May 8, Russian forces opened two humanitarian corridors allowing refugees to leave the camp. "
            "Members of the Red Crescent were stationed at the checkpoints to provide medical aid.")
    assert one_group(text, date(2022, 5, 10)).best.sub_event_type == "Other"
    tagged = "On May 8, residents gathered at the two humanitarian corridors of the camp. [size=no report]"
    assert one_group(tagged, date(2022, 5, 10)).best.sub_event_type == "Peaceful protest"


def test_the_no_event_sentences_before_a_paragraphs_first_event_are_read_with_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def label(text: str) -> detect.Prediction:
        if "demanded" not in text:  # the lead alone is no event
            return labelled(None, 0.55, 0.45, "Violent demonstration")
        sub = "Violent demonstration" if "tires" in text else "Peaceful protest"
        if "shot" in text:
            sub = "Attack"
        return labelled(sub, 0.7, 0.9, sub)

    use_fake_model(monkeypatch, label)
    text = ("On 9 May 2020, in La Plata, workers of a confectionery set fire to tires, eight days after being told "
            "that their workplace would be closed. The group also demanded the payment of their unpaid wages.")
    group = one_group(text, date(2020, 5, 10))
    assert group.best.sub_event_type == "Violent demonstration"
    assert group.start > 0 and group.lead_start == 0  # the event's own sentences stay where they were
    # the lead refines the label within its event type only
    shot = ("On 9 May 2020, in La Plata, a guard was shot near the confectionery. The workers demanded the payment "
            "of their unpaid wages.")
    assert one_group(shot, date(2020, 5, 10)).best.sub_event_type == "Peaceful protest"
    # a later paragraph's event is not read with an earlier paragraph's sentences
    two = "Workers set fire to tires on Friday.\n\nOn 9 May 2020, in La Plata, workers demanded their unpaid wages."
    assert one_group(two, date(2020, 5, 10)).best.sub_event_type == "Peaceful protest"


def test_a_mob_label_read_whole_as_a_fight_or_an_attack_takes_that_label(monkeypatch: pytest.MonkeyPatch) -> None:
    def label(text: str) -> detect.Prediction:
        if "clashes" not in text:  # the remark alone is no event
            return labelled(None, 0.9, 0.1, "Mob violence")
        sub = "Mob violence"
        if "arrows" in text:  # read with the remark, armed communal militias fought
            sub = "Armed clash"
        elif "aid" in text:  # a remark may not make a mob's violence a strategic development
            sub = "Other"
        return labelled(sub, 0.6, 0.9, sub)

    use_fake_model(monkeypatch, label)
    fought = ("On 4 August 2020, two houses were set alight in renewed clashes in Transmara West over cattle "
              "rustling. Police seized three bows and 12 arrows from those engaged in the fight.")
    assert one_group(fought, date(2020, 8, 5)).best.sub_event_type == "Armed clash"
    aid = ("On 4 August 2020, two houses were set alight in renewed clashes in Transmara West over cattle "
           "rustling. Aid workers later handed out food to those displaced.")
    assert one_group(aid, date(2020, 8, 5)).best.sub_event_type == "Mob violence"


def test_a_capitalised_house_tag_is_a_remark_not_a_headline() -> None:
    text = ("On July 10th, National Youth Service trainees lamented over lack of school fees and food at the "
            "institute in Kisumu. [Size=400]")
    doc = pipeline.prepare(Article(id="t", text=text, published=date(2019, 7, 11)))
    assert [pipeline._is_headline(doc, s) for s in doc.sentences] == [False, False]
    title = pipeline.prepare(Article(id="t", text="Gunmen Kill Five In Borno Village\nGunmen killed five people on "
                                     "Monday in a village in Borno state.", published=date(2019, 7, 11)))
    assert pipeline._is_headline(title, title.sentences[0])


def test_a_raid_whose_whole_report_tells_property_stolen_with_nobody_hurt_is_looting() -> None:
    raided = events("On 29 April 2020, dahalo raided cattle from civilians in Analalava (Analalava, Sofia). Police "
                    "later recovered the stolen cattle and arrested some dahalo.", date(2020, 4, 30))
    assert [e.sub_event_type for e in raided] == ["Looting/property destruction"]
    hurt = events("On 29 April 2020, dahalo raided a village in Analalava (Analalava, Sofia), killing two herders. "
                  "Police later recovered the stolen cattle.", date(2020, 4, 30))
    assert [e.sub_event_type for e in hurt] == ["Attack"]


def test_ground_taken_is_a_non_violent_transfer_where_the_next_sentence_tells_no_fight() -> None:
    withdrawn = events("On 3 March 2021, al-Shabaab militants took control of Af-Urur, a strategic village south of "
                       "Bosaso. The militants seized the area following the withdrawal of Puntland forces.")
    assert [e.sub_event_type for e in withdrawn] == ["Non-violent transfer of territory"]
    fought = events("On 3 March 2021, al-Shabaab militants took control of Af-Urur, a strategic village south of "
                    "Bosaso. Two soldiers were killed in the fighting.")
    assert [e.sub_event_type for e in fought] == ["Non-state actor overtakes territory"]


def test_the_toll_of_an_accident_told_in_the_next_sentence_is_no_event() -> None:
    blast = ("Late on the night of August 12, a series of ferocious explosions tore through an industrial area where "
             "toxic chemicals and gas were stored, sending fireballs into the sky above the port city. The blasts "
             "killed at least 50 people and injured more than 700, state media reported")
    assert events(blast) == []
    caused = ("On 28 April 2020, a fuel tanker exploded in the market area of Afrin city under unknown circumstances. "
              "As a result, 43 persons were killed. Among the dead, 12 opposition rebels and 11 children.")
    assert [e.fatalities for e in events(caused)] == [43]


def test_ground_taken_is_coded_by_who_took_it() -> None:
    # a foreign army is no "government" of the country the ground lies in
    foreign = events("On 3 May 2021, Ethiopian troops captured the town of Bardere, Gedo, after fighting with Al "
                     "Shabaab. Casualties unknown.", published=date(2021, 5, 7))
    assert [(e.sub_event_type, e.inter1) for e in foreign] == [("Non-state actor overtakes territory", 8)]
    # a clash whose result is ground taken back, told in the passive, by the state's own forces
    retaken = events("On 6 May 2021, Malian soldiers clashed with JNIM militants in Boni, Mopti. As a result, the "
                     "village was recaptured from the militants.", published=date(2021, 5, 7))
    assert [e.sub_event_type for e in retaken] == ["Government regains territory"]
    fought = events("On 6 May 2021, Malian soldiers clashed with JNIM militants in Boni, Mopti. Three soldiers were "
                    "killed.", published=date(2021, 5, 7))
    assert [e.sub_event_type for e in fought] == ["Armed clash"]


def test_a_demonstration_told_in_two_sentences_is_one_row() -> None:
    found = events("On 28 April 2020, in Malambo, Atlantico, Colombia, residents burned tires to demand food. The "
                   "residents claimed they need to have enough food to go through the quarantine.")
    assert [e.sub_event_type for e in found] == ["Violent demonstration"]


def test_a_sentence_without_place_or_date_is_a_remark_on_the_event_before_it() -> None:
    found = events("On 2 May 2020, residents protested in Beni, DR Congo, against insecurity. Police arrested two "
                   "of them.")
    assert [e.sub_event_type for e in found] == ["Protest with intervention"]
    # the remark names who intervened
    assert (found[0].actor2, found[0].inter2, found[0].interaction) == (
        "Police Forces of the Democratic Republic of Congo (2019-)", 1, 16)


def test_demonstrations_in_two_towns_are_two_rows() -> None:
    found = events("On Monday, teachers marched in Nairobi, Kenya, to demand unpaid salaries. "
                   "Nurses rallied in Mombasa, Kenya, on Monday over unpaid allowances.")
    assert sorted(e.location for e in found) == ["Mombasa", "Nairobi"]


@pytest.mark.parametrize("text", [
    "On 2 May 2020, pro-Houthi forces shelled pro-Hadi positions in Sirwah, Marib, Yemen. Pro-Hadi forces reportedly "
    "fired back, killing several pro-Houthi fighters.",
    "On 1 May 2020, the Ukrainian Forces fired 82mm mortars at the positions of the Donbass People's Militia in the "
    "area of Kominternove, Donetsk. The OSCE SMM observed a total of 12 projectiles involving unknown weapons in both "
    "directions of the frontline.",
])
def test_shelling_answered_in_the_next_sentence_is_a_clash(text: str) -> None:
    assert [e.sub_event_type for e in events(text)] == ["Armed clash"]


def test_a_bare_date_heads_the_sentence_after_it() -> None:
    [event] = events("15 May. A vigilante mob attacked and killed a suspected thief in Kakamega, Kenya.",
                     published=date(2010, 5, 20))
    assert event.sub_event_type == "Mob violence"
    assert event.event_date == date(2010, 5, 15)


def test_a_place_after_a_placeless_sentence_is_its_setting() -> None:
    found = events("On 3 May 2020, students rioted and engaged in running battles with police. The students were "
                   "angry over the planned sale of land at Karura Forest in Nairobi, Kenya.")
    assert [e.event_type for e in found] == ["Riots"]


def test_a_sentence_dated_to_the_day_is_no_background_for_its_since_clause() -> None:
    found = events("On 5 May 2020, in Morelia, Michoacan, Mexico, farmers demonstrated to denounce the fact that "
                   "they have not received support for fertilizers since 2018.", published=date(2020, 5, 6))
    assert [e.event_type for e in found] == ["Protests"]
    assert events("Farmers have held protests over unpaid support since 2018.", published=date(2020, 5, 6)) == []


def test_a_notes_coded_total_closing_later_incidents_belongs_to_its_lead_event() -> None:
    found = events("On 18 March 2020, at least 8 soldiers were killed when Taliban militants repulsed their attack in "
                   "Andar district, Ghazni, Afghanistan. In another attack, 4 soldiers were killed during clashes in "
                   "the same district. Fatalities coded as 0 (VoJ reported 12 fatalities).",
                   published=date(2020, 3, 19))
    assert max(found, key=lambda e: e.confidence).fatalities == 0


@pytest.mark.parametrize(("text", "fatalities"), [
    # the death that moved people to protest is its own event, not the protest's toll
    ("On 3 May 2022, about 200 residents demonstrated in Nakuru after police fatally shot a hawker.", 0),
    ("On 3 May 2022, students protested in Eldoret against the killing of a fellow student by a guard.", 0),
    ("On 3 May 2022, a mob set alight a tavern in Tongaat after the body of a teenager was found near it.", 0),
    ("On 3 May 2022, several traders blocked the road and burnt tyres after the death of a hawker, killed by "
     "council guards in Kisumu market.", 0),
    # nobody dies at a peaceful protest: a death told beside one is another event's
    ("On 3 May 2022, parents gathered outside the court in Kibera to demand the release of a school owner. Days "
     "before, a classroom collapsed killing eight children.", 0),
    ("On 3 May 2022, students protested the killing of a classmate by a gang in Eldoret.", 0),
    ("On 3 May 2022, youths burnt tyres on the road in Githurai. The riot erupted when residents found the body "
     "of a young man near the river.", 0),
    ("On 3 May 2022, villagers demonstrated in Kisii when police tried to remove the body of a girl who was "
     "killed in the village.", 0),
    # a road accident's toll is the accident's
    ("On 3 May 2022, a mob set ablaze a lorry in Embu. The lorry had collided with a motorcycle, killing two "
     "riders.", 0),
    # ... but a death at the protest itself is
    ("On 3 May 2022, police fired on demonstrators who pelted stones at them in Srinagar over the death of a "
     "militant, killing one demonstrator.", 1),
])
def test_a_protests_toll_leaves_out_the_deaths_it_protests_against(text: str, fatalities: int) -> None:
    found = events(text)
    assert found and found[0].fatalities == fatalities, [(e.sub_event_type, e.fatalities) for e in found]


def test_the_next_paragraph_telling_the_deal_goes_on_with_the_agreement(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch, labels_by_word(("agreed", "Agreement", 0.9, 0.95),
                                               ("shelled", "Shelling/artillery/missile attack", 0.9, 0.95),
                                               ("", "Change to group/activity", 0.8, 0.9)))
    agreement = ("The government and the rebels agreed on Sunday to a ceasefire in Manbij, a monitor said.\n\n"
                 "Under the deal, brokered by Russia, government troops will deploy along the frontline.")
    assert [e.sub_event_type for e in events(agreement)] == ["Agreement"]
    # a deed that names the truce is still a deed of its own
    broken = agreement.replace("Under the deal, brokered by Russia, government troops will deploy along the "
                               "frontline.", "Hours after the truce took effect, rebels shelled the town.")
    assert [e.sub_event_type for e in events(broken)] == ["Agreement", "Shelling/artillery/missile attack"]


def test_the_next_paragraphs_crowd_and_charge_go_on_with_the_demonstration(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch, labels_by_word(("accused", "Arrests", 0.6, 0.8),
                                               ("set fire", "Violent demonstration", 0.9, 0.95),
                                               ("", "Excessive force against protesters", 0.7, 0.9)))
    text = ("Protesters set fire to a police station in Kericho on Wednesday after a taxi driver died in custody.\n\n"
            "Police fired tear gas and live bullets to disperse hundreds of demonstrators, wounding three people.\n\n"
            "A local rights group accused the police of using excessive force.")
    assert [(e.sub_event_type, e.injuries) for e in events(text)] == [("Violent demonstration", 3)]
    # a charge with a setting of its own is another event
    dated = text.replace("accused the police of using", "accused the police in Nakuru on Friday of using")
    assert len(events(dated)) == 2


def test_a_quarter_of_the_events_town_is_no_other_place(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch, labels_by_word(("teargas", "Violent demonstration", 0.9, 0.95),
                                               ("", "Attack", 0.8, 0.9)))
    text = ("Police in Kisumu lobbed teargas at opposition supporters who had barricaded roads on Monday. A "
            "19-year-old student was shot dead in Nyalenda, residents said.")
    assert [(e.sub_event_type, e.fatalities) for e in events(text)] == [("Violent demonstration", 1)]
    # another town is another event
    apart = text.replace("Nyalenda", "Kakamega")
    assert [e.sub_event_type for e in events(apart)] == ["Violent demonstration", "Attack"]


def test_the_next_paragraphs_attackers_neutralized_are_the_events_toll(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch, labels_by_word(("attacked", "Armed clash", 0.9, 0.95), ("", "Arrests", 0.6, 0.8)))
    found = events("Jihadi rebels attacked a military camp in Bamako early Tuesday, the army said.\n\nThe army said "
                   "the situation was under control and that several attackers had been \"neutralized\" and others "
                   "arrested.")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Armed clash", 3)]


def test_where_the_bodies_were_taken_is_no_event_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch, labels_by_word(("lynched", "Mob violence", 0.9, 0.95), ("", "Attack", 0.6, 0.8)))
    found = events("A mob in Kisii lynched two men suspected of stealing a motorcycle on Sunday evening, police "
                   "said. The bodies were taken to Kisii Level Five Hospital mortuary.")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Mob violence", 2)]


def test_a_suspected_doer_the_source_names_is_actor1(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch, lambda t: labelled("Attack", 0.9, 0.95, "Attack"))
    found = events("Two people were killed when suspected Pokot raiders attacked a village in Baringo County on "
                   "Tuesday night, police said.")
    assert [(e.actor1, e.claim.status, e.claim.by) for e in found] == [
        ("Pokot Ethnic Militia (Kenya)", "alleged", "police")]


@pytest.mark.parametrize(("sub", "text"), [
    ("Agreement", "The Syrian government and Kurdish-led forces agreed on Sunday to a ceasefire in Manbij, after "
                  "three days of clashes that killed at least 20 fighters, a war monitor said."),
    ("Arrests", "Police in Mombasa arrested 12 suspects over the attack on a bus that killed six passengers."),
])
def test_a_strategic_development_that_is_no_violence_has_no_toll(monkeypatch: pytest.MonkeyPatch, sub: str,
                                                                  text: str) -> None:
    use_fake_model(monkeypatch, lambda t: labelled(sub, 0.9, 0.95, sub))
    found = events(text)
    assert [(e.sub_event_type, e.fatalities) for e in found] == [(sub, 0)]


def test_a_record_the_event_is_compared_with_is_no_background() -> None:
    found = events("Opposition fighters retook a strategic town from government forces, cutting a key highway days "
                   "after the government reopened it for the first time since 2012.")
    assert [e.sub_event_type for e in found] == ["Non-state actor overtakes territory"]
    # a habit told since a year is still background
    assert not events("Since early 2018, the group had conducted multiple attacks on army posts in the region.")


def test_a_line_break_inside_a_sentence_does_not_split_it() -> None:
    text = ('Militants blocked the exit from the camp. They threatened the refugees with "jail and\n\n'
            'death" on the territory under the control of the government.\n\nThe next paragraph starts here.')
    doc = nlp.annotate(Document(article=Article(id="t", text=text)))
    texts = [s.text for s in doc.sentences]
    assert texts[1].startswith("They threatened") and texts[1].endswith("control of the government.")
    assert texts[-1] == "The next paragraph starts here." and len(texts) == 3
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)
    # a sentence that ended stays ended, whatever case the next one starts in
    doc = nlp.annotate(Document(article=Article(id="u", text="Talks ended. iPhones were seized at the border.")))
    assert len(doc.sentences) == 2


def test_an_event_told_only_in_a_country_is_coded_at_the_capital_and_says_so() -> None:
    [event] = events("Kenyan police shot dead a suspected thief on Sunday, his family said.")
    assert (event.country, event.location, event.geo_precision) == ("Kenya", "Nairobi", 3)
    assert event.notes.endswith("[no place named for the event: coded at Nairobi, precision 3]")
    assert not [ev for ev in event.evidence if ev.field == "location"]  # the text does not name Nairobi
    [named] = events("Police shot dead a suspected thief in Nairobi on Sunday, his family said.")
    assert named.geo_precision == 1 and "no place named" not in named.notes
    assert [ev.text for ev in named.evidence if ev.field == "location"] == ["Nairobi"]


def test_a_rebel_groups_arrests_are_abductions_and_the_states_stay_arrests() -> None:
    [rebels] = events("On 5 May 2020, HTS arrested three activists in Idlib city.", published=date(2020, 5, 6))
    assert (rebels.sub_event_type, rebels.event_type) == ("Abduction/forced disappearance", "Violence against civilians")
    [state] = events("On 5 May 2020, police arrested five opposition activists in Nairobi.", published=date(2020, 5, 6))
    assert state.sub_event_type == "Arrests"


def test_a_national_outlet_places_an_event_in_an_ambiguous_city() -> None:
    # "An-Nahar" is learned Lebanese from ACLED's exports (the packaged outlets.csv); Libya's Tripoli is the bigger
    text = ("On 9 May 2020, protesters gathered outside the Seray in Tripoli and demanded the release of activists "
            "detained in recent demonstrations.")
    lebanese = extract_article(Article(id="a", text=text, published=date(2020, 5, 10), source="An-Nahar"))
    bare = extract_article(Article(id="b", text=text, published=date(2020, 5, 10)))
    assert [(e.location, e.country) for e in lebanese] == [("Tripoli", "Lebanon")]
    assert [(e.location, e.country) for e in bare] == [("Tripoli", "Libya")]


def test_a_claim_after_the_event_it_attributes_is_part_of_its_telling() -> None:
    text = ("A roadside bomb struck an army convoy near Afgooye on Saturday, killing four soldiers, officials said. "
            "Al-Shabaab claimed responsibility for the attack in a statement on its radio station.")
    events = extract_article(Article(id="a", text=text, published=date(2023, 6, 11)))
    assert len(events) == 1
    event = events[0]
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert "claimed responsibility" in event.notes
    assert next(e for e in event.evidence if e.field == "event").end == len(text)
    # the claim alone, with the attack told nowhere else, is an attribution: no event
    assert extract_article(Article(id="b", text=text.split(". ", 1)[1], published=date(2023, 6, 11))) == []


def test_a_protest_against_the_event_before_it_is_an_event_of_its_own() -> None:
    found = events("Gunmen killed five villagers in Kajuru on Monday. Angry residents later blocked the Kaduna-Abuja "
                   "road to protest the killings.")
    assert [(e.event_type, e.fatalities) for e in found] == [("Violence against civilians", 5), ("Protests", 0)]
    # what the demonstrators did next is still told with "the protesters"
    assert len(events("Students marched in Nairobi on Monday. The protesters later burnt tyres.")) == 1


def test_a_datelines_filing_date_is_not_the_events_date() -> None:
    found = events("KADUNA, Nigeria, May 10, 2022 - Gunmen killed five villagers in Kajuru on Monday.")
    assert [e.event_date for e in found] == [date(2022, 5, 9)]
    assert found[0].notes.startswith("On 9 May 2022, Gunmen killed five villagers"), found[0].notes
    # the small sentence model cuts "OUAGADOUGOU" off as a sentence of its own: still a dateline
    split = events("Militants kill 20 soldiers\n\nOUAGADOUGOU, Sept 10, 2022 - Suspected jihadists ambushed an army "
                   "convoy near the town of Koumbri in northern Burkina Faso on Monday, killing at least 20 soldiers, two "
                   "security sources said.", published=date(2022, 9, 10), title="Militants kill 20 soldiers")
    assert [e.event_date for e in split] == [date(2022, 9, 5)]
    assert split[0].notes.startswith("On 5 September 2022, suspected jihadists ambushed"), split[0].notes
    # a date the report opens with, no dateline, is the event's
    assert [e.event_date for e in events("On 8 May 2022, gunmen killed five villagers in Kajuru.")] == [
        date(2022, 5, 8)]


def test_a_claim_opening_the_next_paragraph_names_the_perpetrator() -> None:
    found = events("Suspected jihadists ambushed an army convoy near Koumbri in northern Burkina Faso on Monday, killing "
                   "at least 20 soldiers.\n\nThe al Qaeda-linked group JNIM claimed responsibility for the attack in a "
                   "statement on Tuesday.")
    assert len(found) == 1
    assert found[0].claim.status == "claimed" and found[0].actor1.startswith("JNIM"), (found[0].claim, found[0].actor1)


def test_an_event_whose_words_name_only_another_country_is_not_put_at_the_town_before_it() -> None:
    found = events("Ukrainian forces repelled 12 Russian attacks near Maryinka on Monday, the General Staff said.\n\n"
                   "Turkish drones struck a PKK position in northern Iraq on Monday, the Turkish defence ministry said.")
    assert [(e.country, e.geo_precision) for e in found] == [("Ukraine", 2), ("Iraq", 3)], \
        [(e.location, e.country) for e in found]


def test_the_toll_of_the_fighting_told_in_the_next_paragraph_is_that_events() -> None:
    found = events("The paramilitary Rapid Support Forces took control of the city of Nyala, the capital of South Darfur "
                   "state, after days of fighting with the army on Monday.\n\nThe army did not comment. At least 50 "
                   "civilians were killed in the fighting, according to a local monitoring group.")
    assert [(e.sub_event_type, e.fatalities) for e in found] == [("Non-state actor overtakes territory", 50)], \
        [(e.sub_event_type, e.fatalities) for e in found]
    # a later paragraph that names its own place is another event
    other = events("Gunmen killed three villagers in Kajuru on Monday.\n\nIn Zaria, the attack sparked clashes that "
                   "killed two people.")
    assert len(other) == 2


def test_the_northwestern_city_of_x_is_x_itself() -> None:
    found = events("A suicide bomber blew himself up inside a mosque in the northwestern city of Peshawar on Monday, "
                   "killing at least 59 people.")
    assert [(e.location, e.geo_precision) for e in found] == [("Peshawar", 1)]
    near = events("A suicide bomber blew himself up at a checkpoint north of Peshawar on Monday, killing 9 people.")
    assert [(e.location, e.geo_precision) for e in near] == [("Peshawar", 2)]


def test_the_place_a_report_was_filed_from_is_the_events_only_where_it_names_no_other() -> None:
    elsewhere = events("MOSCOW, May 10, 2022 - Russian air defences shot down two Ukrainian drones over the Belgorod "
                       "region on Monday, the defence ministry said.")
    assert [(e.location, e.actor1[:26], e.actor2[:27]) for e in elsewhere] == [
        ("Belgorod", "Military Forces of Russia ", "Military Forces of Ukraine ")]
    only = events("PESHAWAR, Pakistan, May 10, 2022 - A suicide bomber blew himself up inside a mosque on Monday, "
                  "killing at least 59 people.")
    assert [(e.location, e.geo_precision) for e in only] == [("Peshawar", 1)]


def test_an_event_in_the_gulf_of_a_town_is_near_it() -> None:
    found = events("Houthi rebels fired two anti-ship missiles at a cargo ship in the Gulf of Aden on Monday, causing "
                   "damage but no injuries.")
    assert [(e.location, e.geo_precision) for e in found] == [("Aden", 2)]


def test_a_deed_told_in_the_next_paragraph_is_its_own_event(monkeypatch: pytest.MonkeyPatch) -> None:
    # "the SAA and the NDF eliminated several ISIS members ... in the framework of the operation", a paragraph
    # after the operation's end was told: a clash of its own, though it names "the operation"
    use_fake_model(monkeypatch, lambda t: labelled("Armed clash", 0.9, 0.95, "Armed clash") if "eliminated" in t
                   else labelled("Change to group/activity", 0.9, 0.95, "Change to group/activity") if "combing" in t
                   else labelled(None, 0.9, 0.1, "Attack"))
    text = ("The army finished its combing operation in the central Syrian desert on Monday.\n\nAccording to the "
            "statement, the soldiers eliminated several ISIS members in the framework of the operation.")
    groups = pipeline.detect_events(pipeline.prepare(Article(id="t", text=text, published=date(2022, 5, 10))))
    assert [g.best.sub_event_type for g in groups] == ["Change to group/activity", "Armed clash"]


def test_the_same_people_told_again_go_on_with_the_event(monkeypatch: pytest.MonkeyPatch) -> None:
    # "They were attacked with stones and bottles": the crowd of the sentence before, not a protest of its own
    use_fake_model(monkeypatch, lambda t: labelled("Violent demonstration", 0.9, 0.95, "Violent demonstration")
                   if "stones" in t else labelled("Attack", 0.9, 0.95, "Attack"))
    text = ("About 250 people targeted police officers in Kypseli on Monday. They were attacked with stones and "
            "bottles in Kypseli.")
    groups = pipeline.detect_events(pipeline.prepare(Article(id="t", text=text, published=date(2022, 5, 10))))
    assert len(groups) == 1


def test_its_forces_are_the_speaking_states() -> None:
    found = events("Russia's defence ministry said its air defences shot down two Ukrainian drones over the Belgorod "
                   "region on Monday.")
    assert [(e.actor1[:26], e.actor2[:27]) for e in found] == [
        ("Military Forces of Russia ", "Military Forces of Ukraine ")], [(e.actor1, e.actor2) for e in found]


def test_a_town_in_the_next_paragraph_within_the_leads_province_places_that_event() -> None:
    # the lead names only a province ("Cabo Delgado province") and a week; the next paragraph the villages and days
    found = events("Islamist insurgents beheaded at least 11 villagers in Mozambique's northern Cabo Delgado province "
                   "this week, local sources said.\n\nThe attacks took place in villages near Macomia on Monday and "
                   "Tuesday. Islamic State claimed the killings in a statement on Wednesday.")
    assert [(e.location, e.fatalities, e.claim.status) for e in found] == [("Macomia", 11, "claimed")], \
        [(e.location, e.fatalities, e.claim) for e in found]
    # the lead names only the country, and the wire's dateline is the capital: the town told next is the place
    found = events("OUAGADOUGOU, May 9 (Reuters) - Islamist militants killed at least 40 soldiers in an ambush in "
                   "northern Burkina Faso on Sunday, two security sources said.\n\nThe convoy was attacked near Djibo "
                   "in Soum province. JNIM claimed responsibility in a statement on Monday.")
    assert [(e.location, e.fatalities, e.actor1[:4]) for e in found] == [("Djibo", 40, "JNIM")], \
        [(e.location, e.fatalities, e.actor1) for e in found]
    # a town in another province is another event
    other = events("Insurgents killed 11 villagers in Cabo Delgado province on Monday.\n\nThe insurgents also "
                   "attacked Nacala in Nampula province on Monday.")
    assert len(other) == 2


def test_what_a_group_does_as_a_rule_is_no_event() -> None:
    found = events("Gunmen abducted 30 students from a school in Kaura Namoda on Monday, police said.\n\n"
                   "Armed gangs known locally as bandits frequently abduct people for ransom in neighbouring Katsina "
                   "state.")
    assert [e.location for e in found] == ["Kaura Namoda"]
    assert events("Armed gangs known locally as bandits frequently abduct people for ransom in northwestern "
                  "Nigeria.") == []


def test_the_leads_label_stands_when_the_paragraphs_read_together_are_much_less_sure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch, labels_by_word(("came on motorcycles", "Attack", 0.5, 0.9),
                                               ("abducted", "Abduction/forced disappearance", 0.9, 0.99),
                                               ("", None, 0.9, 0.1)))
    text = ("Gunmen abducted 30 students from a school in Zamfara state on Monday, police said.\n\n"
            "\"The bandits came on motorcycles,\" a police spokesman said. One security guard was killed.")
    groups = pipeline.detect_events(pipeline.prepare(Article(id="t", text=text, published=date(2022, 5, 10))))
    assert [g.best.sub_event_type for g in groups] == ["Abduction/forced disappearance"]


def test_a_named_groups_attackers_killed_by_the_forces_are_not_its_target() -> None:
    found = events("Al Shabaab militants detonated a car bomb at the gate of a hotel in Kismayo on Saturday, killing at "
                   "least nine people, police said. Security forces ended the siege after six hours, killing all four "
                   "attackers.")
    assert [(e.actor1, e.actor2) for e in found] == [("Al Shabaab", "Civilians (Somalia)")]


def test_the_police_who_arrest_a_mobs_members_are_not_its_target_nor_a_party_to_it() -> None:
    found = events("A mob beat to death a man accused of stealing a mobile phone in Gazipur on Tuesday night, police "
                   "said.\n\nThe victim was caught by locals and beaten with sticks. Police arrested three people in "
                   "connection with the killing.")
    assert [(e.sub_event_type, e.actor2, e.claim.status) for e in found] == [
        ("Mob violence", "Civilians (Bangladesh)", "reported")], [(e.sub_event_type, e.actor2, e.claim) for e in found]


def test_the_event_named_again_with_its_town_in_the_next_paragraph_is_that_event(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # the model reads "The strike hit the vehicle" alone as a labour strike; named again, it is the air strike
    use_fake_model(monkeypatch, labels_by_word(("drone strike", "Air/drone strike", 0.9, 0.99),
                                               ("hit the vehicle", "Peaceful protest", 0.5, 0.9),
                                               ("", None, 0.9, 0.1)))
    text = ("BEIRUT (AP) \u2014 An Israeli drone strike on a car in southern Lebanon killed two Hezbollah members on "
            "Monday.\n\nThe strike hit the vehicle on the road between the towns of Bint Jbeil and Aynata.")
    groups = pipeline.detect_events(pipeline.prepare(Article(id="t", text=text, published=date(2022, 5, 10))))
    assert [(g.best.sub_event_type, len(g.sentences)) for g in groups] == [("Air/drone strike", 2)]


def test_two_armies_clashing_are_the_two_sides_though_soldiers_are_hurt() -> None:
    found = events("NEW DELHI \u2014 Indian and Chinese troops clashed with sticks and stones along their disputed "
                   "border in the Tawang sector of Arunachal Pradesh last week, leaving soldiers on both sides with "
                   "minor injuries, India's defence minister said on Tuesday.")
    assert [(e.actor1, e.actor2) for e in found] == [("Military Forces of India (2014-)", "Military Forces of China")]


def test_an_arrest_of_a_groups_suspected_members_names_the_group() -> None:
    found = events("Iraqi security forces arrested five suspected Islamic State militants in a raid in Kirkuk province "
                   "on Wednesday, the Interior Ministry said in a statement.")
    assert [(e.sub_event_type, e.actor2) for e in found] == [("Arrests", "Islamic State (Iraq)")]


def test_a_sentence_for_an_old_massacre_is_no_event() -> None:
    assert events("GUATEMALA CITY \u2014 A Guatemalan court on Tuesday sentenced a former army officer to 30 years in "
                  "prison for the 1982 massacre of more than 200 villagers in Dos Erres.") == []


def test_a_rebel_group_taking_a_town_overtakes_it_whatever_the_model_reads() -> None:
    found = events("YANGON (Reuters) - Myanmar's Arakan Army said on Saturday it had captured the town of Paletwa in "
                   "Chin state near the border with India and Bangladesh, after weeks of fighting with the junta's "
                   "troops.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in found] == [
        ("Non-state actor overtakes territory", "AA: Arakan Army", "Military Forces of Myanmar (2016-)")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in found]
    # the group told as the doer of what the state undid, or unnamed militants told in passing, take nothing
    for text in ("Mozambique's military re-captured Quissanga (Cabo Delgado) after it was taken over by Islamic "
                 "militants.",
                 "The military confirmed it regained the town of Rio Grande, seized by the activists of the Islamic "
                 "State group two months ago."):
        assert [e.sub_event_type for e in events(text)] == ["Government regains territory"], text


def test_a_militia_linked_to_a_group_is_that_groups_side_not_a_suspect() -> None:
    found = events("ERBIL, Iraq (AP) \u2014 A Turkish drone strike on a car in northern Iraq's Sinjar district killed "
                   "three members of a militia linked to the Kurdistan Workers' Party, or PKK, Iraqi Kurdish officials "
                   "said Saturday.")
    assert [(e.actor2, e.claim.status) for e in found] == [("PKK: Kurdistan Workers Party", "reported")], \
        [(e.actor2, e.claim) for e in found]


def test_the_troops_a_base_hosts_are_its_target_not_the_doer() -> None:
    found = events("BAGHDAD (Reuters) - Several rockets were fired at the Ain al-Asad air base in western Iraq, which "
                   "hosts U.S. troops, on Saturday, causing minor injuries to some U.S. personnel, U.S. officials said.")
    assert [(e.actor1, e.actor2) for e in found] == [
        ("Unidentified Armed Group (Iraq)", "Military Forces of the United States (2017-)")], \
        [(e.actor1, e.actor2) for e in found]


def test_two_rival_clan_militias_are_both_sides() -> None:
    found = events("GALKAYO, Somalia \u2014 Fighting between two rival clan militias over a disputed water well killed at "
                   "least seven people near Galkayo in the Mudug region on Saturday, elders said.")
    assert [(e.actor1, e.actor2) for e in found] == [("Unidentified Clan Militia (Somalia)",) * 2]
    found = events("On 3 May 2022, cult militias clashed in Owutu village (Afikpo South, Ebonyi). One person was killed.")
    assert [(e.actor1, e.actor2) for e in found] == [("Unidentified Cult Militia (Nigeria)",) * 2]


def test_forces_backed_by_a_militia_regain_a_town_from_the_group_that_held_it() -> None:
    found = events("MOGADISHU (Reuters) - Somali forces backed by clan militias recaptured the town of Adan Yabaal in the "
                   "central Middle Shabelle region from al Shabaab on Tuesday, a regional official said.")
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in found] == [
        ("Government regains territory", "Military Forces of Somalia (2017-)", "Al Shabaab")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in found]


def test_the_city_of_a_name_is_the_city_and_a_list_after_including_is_part_of_the_toll() -> None:
    found = events("JERUSALEM (Reuters) - Israeli forces raided the West Bank city of Jenin on Tuesday, killing seven "
                   "Palestinians including a doctor and a teacher, Palestinian health officials said.")
    assert [(e.geo_precision, e.admin2, e.fatalities) for e in found] == [(1, "Jenin", 7)], \
        [(e.location, e.geo_precision, e.admin2, e.fatalities) for e in found]


def test_a_glide_bomb_is_dropped_from_the_air_by_the_state_named() -> None:
    found = events("KYIV (Reuters) - A Russian glide bomb attack on the city of Kharkiv on Friday wounded at least 10 "
                   "people, regional governor Oleh Syniehubov said.", published=date(2024, 11, 2))
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in found] == [
        ("Air/drone strike", "Military Forces of Russia (2000-) Air Force", "Civilians (Ukraine)")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in found]


def test_a_gang_leaders_police_past_makes_no_off_duty_victim() -> None:
    found = events("PORT-AU-PRINCE, Haiti (AP) - Gang members attacked a police station in the Haitian capital's "
                   "Delmas neighborhood overnight, setting it ablaze and freeing detainees, police said Thursday. Two "
                   "officers were killed.\n\nThe attack was the latest by the Viv Ansanm gang coalition led by former "
                   "police officer Jimmy Cherizier, known as Barbecue.", published=date(2024, 3, 14))
    assert [(e.sub_event_type, e.actor2) for e in found] == [("Armed clash", "Police Forces of Haiti (2017-)")], \
        [(e.sub_event_type, e.actor2) for e in found]


def test_another_party_telling_its_own_part_claims_nothing_of_the_doers_deed() -> None:
    found = events("KHARTOUM (Reuters) - The paramilitary Rapid Support Forces shelled residential neighbourhoods of "
                   "El Fasher in North Darfur on Thursday, killing at least 12 civilians, a local medical group said. "
                   "The army said its forces had repelled an RSF attack on the city's eastern edge.",
                   published=date(2024, 5, 3))
    assert [(e.actor1, e.claim.status, e.claim.by) for e in found] == [
        ("Rapid Support Forces", "reported", "medical group")], [(e.actor1, e.claim) for e in found]


def test_a_sentence_dated_another_day_than_the_paragraphs_lead_is_another_event() -> None:
    found = events("DHAKA (Reuters) - Prime Minister Sheikh Hasina resigned and fled the country on Monday after weeks "
                   "of protests. Crowds stormed her official residence in Dhaka and set fire to the headquarters of her "
                   "party. At least 56 people were killed in clashes on Sunday between protesters and police.",
                   published=date(2024, 8, 5))
    assert sorted((e.event_date, e.fatalities) for e in found) == [(date(2024, 8, 4), 56), (date(2024, 8, 5), 0)], \
        [(e.event_date, e.fatalities, e.notes[:60]) for e in found]


def test_protests_that_also_took_place_elsewhere_are_events_of_their_own() -> None:
    found = events("NAIROBI, Kenya (AP) - Kenyan police opened fire on protesters who stormed parliament in Nairobi on "
                   "Tuesday, killing at least five people.\n\nProtests also took place in Mombasa, Kisumu and Nakuru, "
                   "where police fired tear gas at demonstrators who blocked roads and burned tyres.",
                   published=date(2024, 6, 26))
    assert sorted(e.location for e in found) == ["Kisumu", "Mombasa", "Nairobi", "Nakuru"], \
        [(e.location, e.notes[:50]) for e in found]


def test_the_day_a_source_spoke_is_not_the_day_of_the_deed_it_dates_later() -> None:
    found = events("MAIDUGURI, Nigeria (Reuters) - Suspected Boko Haram fighters abducted more than 100 people near the "
                   "town of Ngala in Borno state, residents said on Wednesday. The abductions happened on Thursday "
                   "last week.", published=date(2024, 2, 28))
    assert [e.event_date for e in found] == [date(2024, 2, 22)], [(e.event_date, e.notes[:50]) for e in found]


def test_a_suicide_bomber_is_the_doer_not_the_police_who_shot_his_accomplice() -> None:
    found = events("ISLAMABAD (Reuters) - A suicide bomber rammed an explosives-laden vehicle into a van carrying Japanese "
                   "nationals in Karachi on Friday, police said. The Japanese escaped unhurt, but a passer-by was killed "
                   "and two security guards were wounded. Police said they killed a second attacker.",
                   published=date(2024, 4, 19))
    assert [(e.sub_event_type, e.actor1) for e in found] == [("Suicide bomb", "Unidentified Armed Group (Pakistan)")], \
        [(e.sub_event_type, e.actor1, e.claim) for e in found]


def test_forces_killing_civilians_as_residents_tell_it_is_an_attack_and_a_war_since_a_month_is_background() -> None:
    found = events("ADDIS ABABA (Reuters) - Ethiopian government forces killed dozens of civilians in the Amhara region "
                   "town of Merawi last week, residents told Reuters. The government did not respond to requests for "
                   "comment. Fighting between the army and Fano militiamen has raged in Amhara since August 2023.",
                   published=date(2024, 11, 11))
    assert [(e.sub_event_type, e.actor1) for e in found] == [("Attack", "Military Forces of Ethiopia (2018-)")], \
        [(e.sub_event_type, e.actor1, e.notes[:40]) for e in found]


def test_an_event_told_of_a_list_of_places_is_a_row_for_each_its_toll_split() -> None:
    found = events("Protesters blocked roads and burned tyres in Mombasa, Kisumu and Nakuru on Tuesday. Police fired "
                   "tear gas and four people were killed.", published=date(2024, 6, 26))
    assert sorted((e.location, e.fatalities) for e in found) == [("Kisumu", 1), ("Mombasa", 1), ("Nakuru", 1)], \
        [(e.location, e.fatalities) for e in found]
    assert len({e.event_id for e in found}) == 3
    found = events("SANAA \u2014 U.S. and British warplanes carried out a series of strikes on Houthi targets in Sanaa and "
                   "the port city of Hodeidah overnight, the Houthi-run Al-Masirah TV reported.",
                   published=date(2025, 1, 5))
    assert sorted(e.location for e in found) == ["Al Hudaydah", "Sanaa"], [e.location for e in found]


@pytest.mark.parametrize("text", [
    "Fighting broke out between Hajin and Abu Kamal on Tuesday, killing four fighters.",  # a front between two
    "An IED struck a bus on the Lafey and Mandera road on Tuesday, killing four people.",  # a route
    "Militants attacked a checkpoint in Hajin, Deir ez-Zor on Tuesday, killing four soldiers.",  # its province
    "Gunmen killed four people in Mandera or Wajir on Tuesday.",  # one place, unsure which
])
def test_places_named_together_otherwise_than_as_a_list_are_one_event(text: str) -> None:
    assert len(events(text)) == 1, [(e.location, e.fatalities) for e in events(text)]


def test_missiles_aimed_at_a_ship_and_its_position_told_next_are_one_attack_not_a_disrupted_weapon() -> None:
    found = events("DUBAI (Reuters) - Yemen's Houthi militia said on Monday it had targeted a cargo ship in the Red Sea "
                   "with missiles. The British maritime agency UKMTO said a vessel reported a missile strike about 57 "
                   "nautical miles west of Hodeidah, causing minor damage and no casualties.",
                   published=date(2024, 2, 13))
    assert [(e.sub_event_type, e.country, e.geo_precision, e.claim.status) for e in found] == [
        ("Shelling/artillery/missile attack", "Yemen", 2, "claimed")], \
        [(e.sub_event_type, e.location, e.geo_precision, e.claim) for e in found]


def test_the_dateline_town_is_not_where_an_event_its_words_put_in_a_country_happened() -> None:
    found = events("AMMAN (Reuters) - Three U.S. service members were killed and dozens injured in a drone attack on a "
                   "U.S. base in northeastern Jordan near the Syrian border on Sunday, President Joe Biden said.",
                   published=date(2024, 1, 29))
    assert [(e.fatalities, e.geo_precision) for e in found] == [(3, 3)], \
        [(e.fatalities, e.location, e.geo_precision) for e in found]


def test_a_group_tied_by_hyphen_is_that_groups_side_and_al_qaeda_is_its_regional_branch() -> None:
    found = events("MAPUTO (Reuters) - Islamic State-linked insurgents attacked the town of Macomia in Mozambique's Cabo "
                   "Delgado province on Friday, killing four soldiers, residents said.", published=date(2024, 4, 15))
    assert [e.actor1 for e in found] == ["Islamic State (Central Africa)"], [e.actor1 for e in found]
    found = events("OUAGADOUGOU (Reuters) - Al Qaeda-linked militants attacked an army post near Djibo on Sunday, killing "
                   "12 soldiers, security sources said.", published=date(2024, 4, 15))
    assert [e.actor1 for e in found] == ["JNIM: Group for Support of Islam and Muslims"], [e.actor1 for e in found]
    # a named group tied to another is itself: the tie only describes it
    found = events("OUAGADOUGOU (Reuters) - Islamist militants killed at least 40 soldiers in an ambush near Djibo on "
                   "Sunday. The Al Qaeda-affiliated JNIM claimed responsibility.")
    assert [e.actor1 for e in found] == ["JNIM: Group for Support of Islam and Muslims"], [e.actor1 for e in found]


def test_pagers_used_by_a_groups_members_do_not_make_the_group_the_bomber() -> None:
    found = events("BEIRUT (Reuters) - Pagers used by members of Hezbollah exploded across Lebanon on Tuesday, killing at "
                   "least nine people and wounding about 2,800, the health minister said. Hezbollah blamed Israel for "
                   "the blasts.",
                   published=date(2024, 9, 18))
    assert [e.actor1 for e in found] == ["Unidentified Armed Group (Lebanon)"], [e.actor1 for e in found]


def test_a_ruler_and_his_aides_killed_by_separatists_is_an_attack_whatever_background_follows() -> None:
    found = events("YAOUNDE (Reuters) - Separatist fighters killed a traditional ruler and two of his aides in the town "
                   "of Kumbo in Cameroon's Northwest region on Thursday, local officials said. The separatists have been "
                   "fighting since 2017 to create an independent state called Ambazonia.", published=date(2024, 5, 18))
    assert [(e.sub_event_type, e.actor1, e.fatalities) for e in found] == [
        ("Attack", "Ambazonian Separatists (Cameroon)", 3)], \
        [(e.sub_event_type, e.actor1, e.fatalities) for e in found]


def test_a_protests_associates_are_not_those_it_protests_over() -> None:
    found = events("LAGOS \u2014 Hundreds of women protested in Ibadan on Wednesday over the killing of a trader by soldiers "
                   "at a checkpoint last week.", published=date(2024, 7, 4))
    assert [e.assoc_actor_1 for e in found] == ["Women (Nigeria)"], [e.assoc_actor_1 for e in found]


def test_a_roundups_strikes_are_the_leads_doers_at_the_towns_each_paragraph_names() -> None:
    found = events("KYIV (Reuters) - Russian forces attacked Ukraine with drones and missiles overnight, killing at least "
                   "four people in the Kyiv region, Ukrainian officials said on Monday.\n\nIn the town of Bila Tserkva, "
                   "south of Kyiv, a drone hit a residential building, killing a woman and her child, regional governor "
                   "Ruslan Kravchenko said.", published=date(2024, 8, 12))
    assert [(e.location, e.actor1) for e in found][1:] == [("Bila Tserkva", "Military Forces of Russia (2000-)")], \
        [(e.location, e.actor1) for e in found]


def test_a_village_told_so_many_km_from_a_town_is_where_it_happened() -> None:
    found = events("On Sunday, five farmers were beheaded near the village of Mafa, about 45 km east of the state "
                   "capital Maiduguri, said a militia leader.", published=date(2024, 9, 16))
    assert [(e.location, e.geo_precision) for e in found] == [("Mafa", 2)], [(e.location, e.geo_precision) for e in found]


def test_a_week_the_deed_is_dated_beats_the_day_the_source_spoke() -> None:
    found = events("BAMAKO (Reuters) - Malian soldiers killed at least 25 civilians in a raid on a village in the "
                   "central Segou region last week, residents and a local rights group said on Tuesday.",
                   published=date(2024, 4, 30))
    assert [(e.event_date, e.time_precision) for e in found] == [(date(2024, 4, 24), 2)], \
        [(e.event_date, e.time_precision) for e in found]


def test_a_military_helicopter_crash_that_killed_the_army_chief_is_no_event() -> None:
    assert events("NAIROBI (Reuters) - A Kenyan military helicopter crashed in Elgeyo Marakwet county on Thursday, "
                  "killing the chief of defence forces and nine other officers, President William Ruto said. The cause "
                  "of the crash is being investigated.", published=date(2024, 4, 19)) == []


def test_a_states_navy_vessels_struck_are_its_forces() -> None:
    found = events("DAMASCUS (Reuters) - Israeli warplanes struck Syrian navy vessels in the port of Latakia overnight, a "
                   "war monitor said on Tuesday.", published=date(2024, 12, 10))
    assert [(e.actor1, e.actor2) for e in found] == [
        ("Military Forces of Israel (2009-)", "Military Forces of Syria (2000-)")], [(e.actor1, e.actor2) for e in found]


def test_the_place_of_what_moved_an_event_is_not_its_place() -> None:
    found = events("KHARTOUM \u2014 Authorities in Sudan's River Nile state imposed a night curfew on Thursday after "
                   "clashes in nearby Gezira state, the state governor said.", published=date(2024, 2, 2))
    assert [(e.sub_event_type, e.admin1) for e in found] == [("Change to group/activity", "River Nile")], \
        [(e.sub_event_type, e.admin1) for e in found]


def test_the_members_of_a_named_group_are_that_group() -> None:
    found = events("BANGUI \u2014 Rebels of the Union for Peace in the Central African Republic took control of the town of "
                   "Bambouti without a fight on Saturday after the army withdrew, a local official said.",
                   published=date(2024, 7, 1))
    assert [(e.sub_event_type, e.actor1) for e in found] == [
        ("Non-violent transfer of territory", "UPC: Union for Peace in the Central African Republic")], \
        [(e.sub_event_type, e.actor1) for e in found]


def test_both_signers_of_an_agreement_are_its_parties() -> None:
    found = events("ADDIS ABABA \u2014 The Ethiopian government and the Oromo Liberation Army signed a ceasefire agreement "
                   "in Addis Ababa on Saturday, ending months of talks.", published=date(2024, 2, 18))
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in found] == [
        ("Agreement", "Government of Ethiopia (2018-)", "OLA: Oromo Liberation Army")], \
        [(e.sub_event_type, e.actor1, e.actor2) for e in found]
