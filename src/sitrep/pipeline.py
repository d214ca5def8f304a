"""The one place that knows the order of the stages: Article -> [Event].

clean -> nlp -> geoparse -> detect (sentence classifier with codebook rules) -> group sentences into events ->
attributes (date, casualties, actors, claim, place) -> codes (disorder type, interaction, CAMEO, PLOVER).
Each stage is a plain function over `Document`; this module only calls them and assembles rows.
The distributed runner and the service call `extract_article` / `extract_many` and nothing deeper.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from sitrep import geo, nlp, taxonomy
from sitrep.extract import actors, claims, dates, detect, numbers
from sitrep.geo.distance import km_between
from sitrep.geo.facilities import FACILITY_CODES
from sitrep.ingest.clean import clean
from sitrep.model import Actor, Article, Claim, Document, Event, Evidence, Place, Sentence

# Background and habitual statements are context, not events: "Since early 2018, X had conducted ...".
BACKGROUND = re.compile(
    r"\bsince\s+(?:early\s+|late\s+|mid-?)?(?:(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\s+)?(?:19|20)\d\d\b|\bin\s+recent\s+(?:years|months|weeks)\b|"
    r"\bover\s+the\s+(?:past|last)\s+(?:few\s+|several\s+)?(?:years|months|decades?)\b|"
    r"\bhad\s+(?:conducted|carried\s+out|staged|launched)\s+(?:multiple|several|many|numerous|dozens)\b|"
    r"\b(?:continues?|continued)\s+to\s+pose\b|"
    # what a group does as a rule: "bandits frequently abduct people for ransom in the region"
    r"\b(?:frequently|regularly|routinely|often|typically|usually|commonly)\s+(?:\w+\s+)?(?:abduct|attack|kill|raid"
    r"|target|kidnap|clash|stage|loot|steal|ambush|storm|carr(?:y|ies)\s+out)(?:e?s)?\b",
    re.IGNORECASE,
)
# A record the event is compared with ("for the first time since 2012", "the deadliest attack since 2015") is no
# background: the sentence still tells the event.
COMPARED_SINCE = re.compile(
    r"\b(?:first|biggest|largest|worst|deadliest|bloodiest|heaviest|highest|lowest|fiercest|most\s+\w+)\b"
    r"[^.;]{0,40}?\bsince\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# Cues that a sentence starts a different event from the one before it.
NEW_EVENT = re.compile(
    r"\b(?:in\s+a\s+separate|separately|in\s+another|another\s+(?:attack|incident|clash|explosion|blast)|"
    r"elsewhere|meanwhile|in\s+a\s+related|on\s+the\s+same\s+day|later\s+(?:that|the\s+same)\s+day"
    # "Protests also took place in Mombasa": the same kind of event elsewhere
    r"|also\s+(?:took\s+place|(?:were|was)\s+(?:held|staged|reported))\s+in)\b",
    re.IGNORECASE,
)
# Cues that a sentence goes on telling the event before it.
# a toll told as suffered, not as someone's deed ("At least 50 civilians were killed in the fighting")
TOLL_SUFFERED = re.compile(r"\b(?:were|was|have been|has been|had been)\s+(?:\w+\s+)?[\"“]?(?:killed|wounded|injured|hurt|dead"
                           r"|neutrali[sz]ed)\b"
                           r"|\b(?:died|dead|killed|wounded|injured)\s+in\s+(?:the|this|that)\b", re.IGNORECASE)
# who took part, told again: "the attackers", "the crowd", "They ..."
PARTICIPANT_ANAPHORA = (r"\bthe\s+(?:victims?|attackers?|assailants?|perpetrators?|demonstrators|protesters|protestors"
                        r"|rioters|marchers|crowd|mob|group|bod(?:y|ies)|dead|deceased|injured|wounded)\b"
                        # "several attackers had been neutralized": some of the doers told before
                        r"|\b(?:several|some|many|most|all|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                        r"(?:of\s+the\s+)?(?:attackers|assailants)\b"
                        r"|^\s*(?:They|The\s+riders|The\s+youths|Demonstrators|Protesters|Protestors|Rioters)\b")
PARTICIPANTS_AGAIN = re.compile(PARTICIPANT_ANAPHORA, re.IGNORECASE)
# "X accused the police of ...": a sentence whose deed is a charge someone makes
ACCUSATION = re.compile(r"[^.;:]{0,80}?\b(?:accused|accuses|blamed|blames)\s+(?:the\s+)?[^.;:]{1,60}?\s+(?:of|for)\s",
                        re.IGNORECASE)
# an event's doers or targets told again by the noun a report calls them ("The bandits came on motorcycles", "the
# gunmen", "The convoy was attacked near Djibo")
PARTIES_AGAIN = re.compile(r"\bthe\s+(?:gunmen|bandits|militants|insurgents|jihadists|kidnappers|abductors|raiders"
                           r"|fighters|rebels|suicide\s+bombers?|bomber|convoy|patrol|checkpoint|outpost|garrison)\b",
                           re.IGNORECASE)
CROWD = re.compile(r"\b(?:demonstrators|protesters|protestors|rioters|marchers|crowds?|mob)\b", re.IGNORECASE)
DEAL_ANAPHORA = re.compile(r"\b(?:the|this|that)\s+(?:deal|agreement|accord|ceasefire|truce|pact)\b", re.IGNORECASE)
ANAPHORA = re.compile(
    r"\b(?:the|this|that|such)\s+(?:attack|attacks|blast|explosion|bombing|incident|clashes?|fighting|"
    r"strike|strikes|raid|ambush|assault|operation|shelling|protest|protests|demonstration|rally|riot|"
    r"violence|killing|killings|shooting|bomb)\b|" + PARTICIPANT_ANAPHORA,
    re.IGNORECASE,
)
# demonstrations and mobs whose toll is only what happened at them: the deaths that moved them are other events
GRIEVANCE_SUB_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration",
                                 "Mob violence"})
# The codebook's protests that nobody died at: a death the report tells is what moved the protest or an event of
# its own (none of the 3,618 such rows of our four ACLED files has a fatality); a death at the protest makes it
# excessive force or a violent demonstration. Nor do the strategic developments that are no violence (none of
# their 563 rows): the toll a report tells beside an agreement or an arrest ("agreed to a ceasefire after three
# days of clashes that killed 20 fighters") is that of the fighting before it.
INTERVENED_SUB_TYPES = frozenset({"Protest with intervention", "Excessive force against protesters"})
BLOODLESS_SUB_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Agreement", "Arrests",
                                 "Change to group/activity", "Headquarters or base established",
                                 "Looting/property destruction", "Non-violent transfer of territory"})
# "suspected" as the doer's adjective ("when suspected Pokot raiders attacked"), not someone's verb ("officials said
# they suspected the Taliban")
HEDGE_BEFORE = re.compile(r"(?<!\bthey )(?<!\bhe )(?<!\bshe )(?<!\bwe )(?<!\bwho )(?<!\bpolice )(?<!\bofficials )"
                          r"(?<!\bresidents )(?<!\bauthorities )\b(?:suspected|alleged|presumed)\s+$", re.IGNORECASE)
QUARTER_KM = 15.0  # how far from its town a quarter GeoNames files as a section of it (PPLX) may lie
REBEL_INTER = 2
EXTERNAL_INTER = 8  # ACLED's "external/other forces": a foreign state's military or police
STATE_INTER = 1
POLITICAL_MILITIA_INTER, IDENTITY_MILITIA_INTER = 3, 4
# the armed sides that take and hold ground (not rioters, protesters or civilians: 5-7)
TAKERS = frozenset({STATE_INTER, REBEL_INTER, POLITICAL_MILITIA_INTER, IDENTITY_MILITIA_INTER, EXTERNAL_INTER})
ABDUCTION = "Abduction/forced disappearance"
OVERTAKEN = "Non-state actor overtakes territory"
# Explosive weapons and strikes: what makes the codebook code an event as Explosions/Remote violence.
EXPLOSIVE = re.compile(
    r"\b(?:bomb\w*|explo\w+|blast\w*|IEDs?|(?:land)?mines?|shell(?:s|ed|ing)|artillery|rockets?|missiles?|"
    r"mortars?|grenades?|air\s*strikes?|airstrikes?|drones?|air\s+raids?)\b", re.IGNORECASE)
# A sentence that is only an editorial bracket ("[size=no report]", "[coded as Wajir]") is a remark on the
# sentence before it, never an event of its own.
BRACKET_REMARK = re.compile(r"^\s*\[[^\]]*\]\s*[.;]?\s*$")
TOLL_WORDS = re.compile(r"\bcasualt|\bfatalit|\binjur|\bdead\b|\bkilled\b|\bwounded\b|\bdeaths?\b", re.IGNORECASE)
# (facilities stand at their town: a street or a hospital is no place of its own to tell events apart by)
GENERIC_PLACE_FEATURES = {"PCLI", "PCL", "PCLD", "ADM1", "RGN", "ADM2"} | FACILITY_CODES
# A demonstration told over several sentences is one event, whether a sentence on its own reads peaceful or
# violent: the group is labelled from all of them together. Likewise fire told in one sentence and returned in
# the next is one armed clash, not shelling.
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})
POLITICAL_VIOLENCE_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# labels a whole report of property burnt, looted or destroyed with nobody hurt may refine to looting
PROPERTY_PRONE = frozenset({"Attack", "Armed clash", "Mob violence"})
STALE_DAYS = 30  # an event dated this long before publication is background to a report
LATER_EVENT_FACTOR = 0.8  # confidence scale of every event after a report's first


@dataclass
class EventGroup:
    """Sentences that tell one event, plus the sentences after them that add to it (claims, tolls)."""

    sentences: list[Sentence]
    predictions: list[detect.Prediction]
    context_end: int
    context: list[Sentence] = field(default_factory=list)
    told: detect.Prediction | None = None  # the label of the group's text and remarks, once complete
    # for a paragraph's lead event: the paragraph's end, where a coder's "Fatalities coded as 0" closing the
    # whole note may stand after later incidents ("In another attack, ...")
    paragraph_end: int | None = None
    # for a paragraph's first event: where the sentences before it begin when the model read none of them as an
    # event; the group's label is read with them ("workers set fire to tires, eight days after being told ...",
    # then "the group also demanded the payment of their unpaid wages")
    lead_start: int | None = None

    def add(self, sentence: Sentence, pred: detect.Prediction) -> None:
        """Another sentence that tells this event, with its label."""
        self.sentences.append(sentence)
        self.predictions.append(pred)
        self.context_end = sentence.end

    @property
    def start(self) -> int:
        return self.sentences[0].start

    @property
    def end(self) -> int:
        return self.sentences[-1].end

    @property
    def best(self) -> detect.Prediction:
        """The event's label: that of the group's event sentences read together with the remarks that follow
        them ("Police dispersed the crowd.", "[size=no report]"), as a human coder reads them and as the model
        was trained on whole notes, when that is an event. While the
        group is growing: the codebook codes by weapon, so a sentence naming an explosive weapon or a
        strike ("a car bomb hit a bus") decides over one that only gives the toll; else the lead sentence's,
        unless a later one is much surer. A report's lead telling violence, much surer than its paragraphs read
        together, keeps its label: "Gunmen ... abducted at least 30 students" stays an abduction when the next
        paragraph adds that a guard was shot (while a demonstration is coded by what happened at it, which later
        paragraphs tell: "protesters set fire to hay bales")."""
        if self.told is not None and self.told.sub_event_type is not None:
            lead = self.predictions[0]
            if self.sentences[-1].paragraph != self.sentences[0].paragraph and lead.sub_event_type is not None \
                    and lead.event_type not in DEMONSTRATION_TYPES and lead.probability > self.told.probability + 0.25:
                return lead
            return self.told
        for sentence, pred in zip(self.sentences, self.predictions, strict=True):
            if pred.event_type == "Explosions/Remote violence" and EXPLOSIVE.search(sentence.text):
                return pred
        lead = self.predictions[0]
        surest = max(self.predictions, key=lambda p: p.probability)
        return surest if surest.probability > lead.probability + 0.25 else lead


def prepare(article: Article) -> Document:
    """clean -> nlp -> geoparse for one article (use `prepare_many` for batches)."""
    return next(prepare_many([article]))


def prepare_many(articles: Iterable[Article], batch_size: int = 32) -> Iterator[Document]:
    batch: list[Document] = []
    for article in articles:
        batch.append(Document(article=clean(article)))
        if len(batch) >= batch_size:
            yield from (geo.geoparse(d) for d in nlp.annotate_many(batch, batch_size))
            batch = []
    if batch:
        yield from (geo.geoparse(d) for d in nlp.annotate_many(batch, batch_size))


def detect_events(doc: Document) -> list[EventGroup]:
    """Classify every sentence and group consecutive sentences that tell the same event."""
    sentences = doc.sentences
    if len(sentences) > 1:  # a one-line document is its own story, whatever it looks like
        sentences = [s for s in sentences if not _is_headline(doc, s)]
    sentences = _join_bare_dates(doc, sentences)
    if not sentences:
        return []
    preds = detect.classify([s.text for s in sentences])  # the codebook rules are applied inside
    preds = _without_accident_sequels(sentences, preds)
    groups: list[EventGroup] = []
    current: EventGroup | None = None
    lead_starts: dict[int, int] = {}  # per paragraph, before its first group: where its no-event sentences begin
    leads_closed: set[int] = set()  # paragraphs whose first group began, or whose lead an event-like sentence broke
    for sentence, pred in zip(sentences, preds, strict=True):
        same_paragraph = current is not None and current.sentences[-1].paragraph == sentence.paragraph
        if not same_paragraph and current is not None and pred.sub_event_type is None \
                and ANAPHORA.search(sentence.text) and detect.attribution_only(sentence.text):
            # "The al Qaeda-linked group JNIM claimed responsibility for the attack", opening the next paragraph,
            # goes on telling the event that closed the paragraph before
            current.add(sentence, current.predictions[-1])
            continue
        if not same_paragraph:
            current = None
        background = BACKGROUND.search(COMPARED_SINCE.sub(" ", sentence.text)) is not None \
            and not _dated_to_the_day(doc, sentence)
        is_event = pred.sub_event_type is not None and not BRACKET_REMARK.match(sentence.text) \
            and not detect.pursuit_only(sentence.text) and not detect.verdict_only(sentence.text) and not background
        if background and current is not None:
            # "Fighting between the army and Fano militiamen has raged in Amhara since August 2023", "The separatists
            # have been fighting since 2017": neither the event nor a remark that may relabel it
            continue
        if current is not None and not NEW_EVENT.search(sentence.text):
            # "Al-Shabaab claimed responsibility for the attack": no event alone, but it goes on telling the event
            # before it, with that event's label
            attribution = not is_event and detect.attribution_only(sentence.text)
            if attribution or (is_event and _continues(doc, current, sentence, pred)):
                current.add(sentence, current.predictions[-1] if attribution else pred)
                continue
            if not is_event or _without_setting(doc, sentence):
                # a sentence with no place or date of its own goes on about the event before it, whatever
                # it reads like alone ("He was arrested in connection with ...")
                current.context.append(sentence)
                current.context_end = sentence.end
                continue
        if is_event and current is None and groups and groups[-1].sentences[-1].paragraph == sentence.paragraph - 1 \
                and ACCUSATION.match(sentence.text) and _without_setting(doc, sentence) \
                and not NEW_EVENT.search(sentence.text):
            # "A local rights group accused the police of using excessive force.", in the paragraph after the
            # event, with no place or date of its own: a charge about that event, not an event of its own
            groups[-1].context.append(sentence)
            groups[-1].context_end = sentence.end
            continue
        if is_event and current is None and groups and groups[-1].sentences[-1].paragraph == sentence.paragraph - 1 \
                and _told_again(sentence.text, groups[-1]) and _without_setting(doc, sentence) \
                and not NEW_EVENT.search(sentence.text) and _continues(doc, groups[-1], sentence, pred) \
                and (_same_family(pred.event_type, groups[-1].best.event_type) or TOLL_SUFFERED.search(sentence.text)):
            # "At least 50 civilians were killed in the fighting", in the paragraph after the event it tells of,
            # with no place or date of its own: that event's toll, not a new event
            current = groups[-1]
            current.add(sentence, pred)
            continue
        if is_event and current is None and groups and groups[-1].sentences[-1].paragraph == sentence.paragraph - 1 \
                and not NEW_EVENT.search(sentence.text) and _narrows(doc, groups[-1], sentence) \
                and (ANAPHORA.search(sentence.text) or (
                    (_told_again(sentence.text, groups[-1]) or pred.sub_event_type == groups[-1].best.sub_event_type)
                    and _same_family(pred.event_type, groups[-1].best.event_type))):
            # "The attacks took place in villages near Macomia on Monday and Tuesday", in the paragraph after
            # "insurgents beheaded 11 villagers in Cabo Delgado province this week": the town and the day, within
            # the province and the week the event was told in, of that event, not a second event; named again
            # ("The strike hit the vehicle on the road between Bint Jbeil and Aynata"), whatever the sentence reads
            # like alone
            current = groups[-1]
            current.add(sentence, pred)
            continue
        if is_event:
            current = EventGroup([sentence], [pred], sentence.end)
            if sentence.paragraph not in leads_closed:
                current.lead_start = lead_starts.get(sentence.paragraph)
                leads_closed.add(sentence.paragraph)
            groups.append(current)
        elif sentence.paragraph not in leads_closed:
            if pred.sub_event_type is None:
                lead_starts.setdefault(sentence.paragraph, sentence.start)
            else:  # a background or bracketed sentence the model read as an event ends the lead
                leads_closed.add(sentence.paragraph)
    if not groups and detect.house_tag_types(doc.body) == detect.DEMONSTRATIONS:
        # ACLED's crowd-size tag ("[size=no report]", on 2,850 of its 2,858 protest and riot notes) marks a
        # demonstration even where no sentence alone reads as one ("people did a motorcade to demand the
        # re-opening of businesses"): the whole note, read with its tag, is that demonstration
        whole = detect.classify([doc.body[sentences[0].start:sentences[-1].end]])[0]
        if whole.sub_event_type is not None:
            group = EventGroup(list(sentences), [whole] * len(sentences), sentences[-1].end, told=whole)
            groups.append(group)
    paragraph_ends: dict[int, int] = {}
    for sentence in sentences:
        paragraph_ends[sentence.paragraph] = max(paragraph_ends.get(sentence.paragraph, 0), sentence.end)
    seen_paragraphs: set[int] = set()
    for group in groups:
        paragraph = group.sentences[0].paragraph
        if paragraph not in seen_paragraphs:
            seen_paragraphs.add(paragraph)
            group.paragraph_end = paragraph_ends[paragraph]
    told_alone = [g for g in groups if len(g.sentences) > 1]
    for group, told in zip(told_alone, detect.classify([doc.body[g.start:g.end] for g in told_alone]), strict=True):
        group.told = told
    # The remarks after the event sentences ("Police dispersed the crowd.", "[size=no report]"), and the no-event
    # sentences before a paragraph's first event (`EventGroup.lead_start`), may refine the label within its event
    # type; they change the type only through an ACLED house tag, since a remark about
    # aid workers at a checkpoint must not turn an opened humanitarian corridor into an attack, or where they
    # tell that ground taken changed hands without a fight ("... seized the area following the withdrawal of
    # Puntland forces"), which the codebook makes a non-violent transfer, not a battle, or where the whole reads
    # as property destroyed or stolen with nobody hurt (looting/property destruction) or a mob's violence as an
    # armed clash or an attack.
    with_remarks = [g for g in groups if g.context or g.lead_start is not None]
    for group, told in zip(with_remarks, detect.classify(
            [doc.body[g.start if g.lead_start is None else g.lead_start:g.context_end] for g in with_remarks]),
            strict=True):
        if told.sub_event_type is not None and (
                _same_family(told.event_type, group.best.event_type)
                or detect.house_tag_types(doc.body[group.end:group.context_end])
                or (group.best.sub_event_type in detect.TERRITORIAL_BATTLES
                    and told.sub_event_type == "Non-violent transfer of territory")
                # "dahalo raided cattle from civilians. Police later recovered the stolen cattle": read whole, the
                # codebook's property destruction, which ACLED files under strategic developments
                or (group.best.sub_event_type in PROPERTY_PRONE
                    and told.sub_event_type == "Looting/property destruction")
                # "clashes erupted in Ololoipangi ... between the Maasai and Kipsigi groups": read whole, the
                # codebook's communal militias fighting (or state forces or an armed group hurting people), no mob
                or (group.best.sub_event_type == "Mob violence" and told.sub_event_type in ("Armed clash", "Attack"))):
            group.told = told
    return groups


def _without_accident_sequels(sentences: list[Sentence], preds: list[detect.Prediction]) -> list[detect.Prediction]:
    """No event for the sentences that go on about an accident told before them in the paragraph ("... explosions
    tore through an industrial area where chemicals were stored. The blasts killed at least 50 people."): read
    alone, "the blasts killed" looks like a bombing; read with the accident, nobody caused it on purpose. Where
    the rest of the paragraph tells a cause ("Among the dead, 12 opposition rebels", "gunmen attacked"), the
    paragraph is no accident and every sentence keeps its label."""
    kept = list(preds)
    last_of_paragraph = [0] * len(sentences)  # index of the last sentence of each sentence's paragraph
    for i in range(len(sentences) - 1, -1, -1):
        same = i + 1 < len(sentences) and sentences[i + 1].paragraph == sentences[i].paragraph
        last_of_paragraph[i] = last_of_paragraph[i + 1] if same else i
    i = 0
    while i < len(sentences):
        end = last_of_paragraph[i]
        if kept[i].sub_event_type is None and end > i and detect.is_accident(sentences[i].text) \
                and detect.is_accident(" ".join(s.text for s in sentences[i:end + 1])):
            for j in range(i + 1, end + 1):
                if kept[j].sub_event_type is not None:
                    kept[j] = kept[j].as_no_event()
            i = end + 1
        else:
            i += 1
    return kept


def _join_bare_dates(doc: Document, sentences: list[Sentence]) -> list[Sentence]:
    """A sentence that is only a date ("15 May.", "23 March.") heads the sentence after it: alone it is no
    event, and the date is that sentence's."""
    joined: list[Sentence] = []
    pending: Sentence | None = None
    for sentence in sentences:
        if pending is not None and pending.paragraph == sentence.paragraph:
            sentence = sentence.model_copy(update={"start": pending.start, "text": doc.body[pending.start:sentence.end]})
        elif pending is not None:
            joined.append(pending)
        pending = None
        if _is_bare_date(doc, sentence):
            pending = sentence
        else:
            joined.append(sentence)
    if pending is not None:
        joined.append(pending)
    return joined


@lru_cache(maxsize=4096)
def _dates_between(body: str, published: date | None, start: int, end: int) -> tuple[dates.DateMention, ...]:
    return tuple(dates.find_dates(body, published, start, end))


def _dates_in(doc: Document, start: int, end: int) -> tuple[dates.DateMention, ...]:
    """The date mentions in doc.body[start:end]. Grouping asks this of one sentence several times (is it a bare
    date, dated to the day, without a setting, on the group's date?): each span is searched once."""
    return _dates_between(doc.body, doc.article.published, start, end)


def _is_bare_date(doc: Document, sentence: Sentence) -> bool:
    if len(sentence.text.split()) > 4:
        return False  # checked first: the date search runs only on the few short sentences
    rest = sentence.text
    for mention in _dates_in(doc, sentence.start, sentence.end):
        rest = rest.replace(mention.text, " ")
    return len(re.findall(r"[A-Za-z]{2,}", rest)) < 2


def _dated_to_the_day(doc: Document, sentence: Sentence) -> bool:
    """'On 5 May 2020, farmers demonstrated over support not paid since 2018': a sentence dated to a recent
    day tells an event, whatever background its clauses give."""
    published = doc.article.published
    return any(d.precision == 1 and (published is None or 0 <= (published - d.value).days <= STALE_DAYS)
               for d in _dates_in(doc, sentence.start, sentence.end))


def _is_headline(doc: Document, sentence: Sentence) -> bool:
    """The title restates the story in headline grammar; events are coded from the body that tells it."""
    text = sentence.text.strip()
    if sentence.paragraph > 2 or len(text.split()) > 16 or BRACKET_REMARK.match(text):
        return False  # (a bracketed remark such as ACLED's "[Size=400]" is no title, however capitalised)
    title = (doc.article.title or "").strip()
    if title and text in title:
        return True
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    capitalised = sum(w[0].isupper() for w in words if len(w) > 3)
    long_words = sum(len(w) > 3 for w in words)
    return "\n" not in text and not re.search(r"[.!?\"”]$", text) and long_words > 0 and capitalised / long_words > 0.6


def _told_again(text: str, group: EventGroup) -> bool:
    """The sentence names the group's event again: "the attack", "the crowd", its doers or targets ("The bandits
    came on motorcycles", "The convoy was attacked"); after a demonstration, its crowd ("Police fired tear gas to
    disperse hundreds of demonstrators"); after an agreement, "Under the deal, ..." (which, beside any other event,
    names what it is about, not that event)."""
    return ANAPHORA.search(text) is not None or PARTIES_AGAIN.search(text) is not None or (
        group.best.sub_event_type == "Agreement" and DEAL_ANAPHORA.search(text) is not None) or (
        group.best.event_type in DEMONSTRATION_TYPES and CROWD.search(text) is not None)


def _continues(doc: Document, group: EventGroup, sentence: Sentence, pred: detect.Prediction) -> bool:
    """Does an event sentence go on telling the group's event (rather than start a new one)?"""
    # "Residents blocked the road to protest the killings": a protest of the event before it is an event of its
    # own (ACLED codes both), though it names that event; the same people told again ("They were attacked with
    # stones", "the group") go on with it
    protest_of_it = pred.event_type in DEMONSTRATION_TYPES and group.best.event_type not in DEMONSTRATION_TYPES \
        and not PARTICIPANTS_AGAIN.search(sentence.text)
    if ANAPHORA.search(sentence.text) and not protest_of_it:
        return _same_date(doc, group, sentence)
    if _same_family(pred.event_type, group.best.event_type):
        return _same_date(doc, group, sentence) and not _elsewhere(doc, group, sentence)
    # A sentence that only adds a toll ("At least 15 people were killed", "Casualties unknown.") belongs
    # to the event before it.
    about_toll = bool(numbers.find_casualties(doc.body, sentence.start, sentence.end)) or (
        len(sentence.text.split()) <= 8 and TOLL_WORDS.search(sentence.text) is not None)
    # "... were rushed to Burco hospital": a place the event already named is no setting of the toll's own
    return about_toll and _same_date(doc, group, sentence) and not _elsewhere(doc, group, sentence)


def _without_setting(doc: Document, sentence: Sentence) -> bool:
    """Names no place and no date of its own."""
    return not _places_in(doc, sentence.start, sentence.end) \
        and not _dates_in(doc, sentence.start, sentence.end)


def _elsewhere(doc: Document, group: EventGroup, sentence: Sentence) -> bool:
    """The sentence names towns, none of them named for the group's event: another event, as ACLED codes one
    event per place."""
    places = [p for p in _places_in(doc, sentence.start, sentence.end) if p.feature_code not in GENERIC_PLACE_FEATURES]
    if not places:
        return False
    # (the dateline's town is where the report was filed: "DUBAI (Reuters) - Yemen's Houthis said they had targeted a
    # ship in the Red Sea. ... about 57 nautical miles west of Hodeidah")
    theirs = [p for p in _places_in(doc, max(group.start, _dateline_end(doc, group)), group.end)
              if p.feature_code not in GENERIC_PLACE_FEATURES]
    if not theirs:
        return False  # the group named no town: the sentence gives its setting
    # a quarter of the group's town ("Nyalenda" beside "Kisumu") is that town, where ACLED codes it
    mine = {p.name for p in places if not (p.feature_code == "PPLX" and any(
        t.latitude is not None and p.latitude is not None and t.longitude is not None and p.longitude is not None
        and km_between(p.latitude, p.longitude, t.latitude, t.longitude) <= QUARTER_KM for t in theirs))}
    if not mine:
        return False
    named = {p.name for p in theirs} | {p.admin1 for p in theirs if p.admin1} | {p.admin2 for p in theirs if p.admin2}
    return not mine & named


def _narrows(doc: Document, group: EventGroup, sentence: Sentence) -> bool:
    """The group's event was told only in a province or a country (a wire dateline's town aside), and the
    sentence names towns within it, on the group's day or within the week or month the group was told in."""
    begins = max(group.start, _dateline_end(doc, group))
    if _places_in(doc, begins, group.end):
        return False
    areas = [p for p in doc.places if p.start is not None and begins <= p.start < group.end
             and p.feature_code in GENERIC_PLACE_FEATURES - FACILITY_CODES]
    towns = _places_in(doc, sentence.start, sentence.end)
    if not areas or not towns:
        return False
    provinces = {(p.country_code, p.admin1) for p in areas if p.feature_code != "PCLI" and p.admin1}
    countries = {p.country_code for p in areas}
    if not all((t.country_code, t.admin1) in provinces if provinces else t.country_code in countries for t in towns):
        return False
    mine, theirs = _dates_in(doc, sentence.start, sentence.end), _dates_in(doc, begins, group.end)
    return not mine or not theirs or mine[0].value == theirs[0].value or (
        theirs[0].precision > 1 and abs((mine[0].value - theirs[0].value).days) <= 31)


def _same_family(a: str | None, b: str | None) -> bool:
    """Two event types one event may be told with (see DEMONSTRATION_TYPES)."""
    return a == b or any(a in family and b in family for family in (DEMONSTRATION_TYPES, POLITICAL_VIOLENCE_TYPES))


def _same_date(doc: Document, group: EventGroup, sentence: Sentence) -> bool:
    mine = _dates_in(doc, sentence.start, sentence.end)
    if not mine:
        return True
    theirs = _dates_in(doc, group.start, group.end) or _dates_before(doc, group)
    return not theirs or mine[0].value == theirs[0].value


def _dates_before(doc: Document, group: EventGroup) -> tuple[dates.DateMention, ...]:
    """The dates of the sentences before the group in its paragraph, after any dateline: where a group that
    tells no date of its own takes its day ("Hasina resigned on Monday. Crowds stormed her residence.")."""
    paragraph = group.sentences[0].paragraph
    before = [s for s in doc.sentences if s.paragraph == paragraph and s.end <= group.start]
    if not before:
        return ()
    filed_until = _dateline_end(doc, group)
    return tuple(m for m in _dates_in(doc, before[0].start, before[-1].end) if m.start >= filed_until)


def _places_in(doc: Document, start: int, end: int) -> list:
    return [p for p in doc.places if p.start is not None and start <= p.start < end
            and p.feature_code not in GENERIC_PLACE_FEATURES]


def _evidence(doc: Document, name: str, start: int | None, end: int | None) -> list[Evidence]:
    if start is None or end is None or end <= start:
        return []
    return [Evidence(doc_id=doc.article.id, field=name, start=start, end=end, text=doc.article.text[start:end])]


SPOKEN_ON = re.compile(r"\b(?:said|says|told\s+(?:[\w.'-]+\s+){1,4}?|announced|confirmed|added|reported)\s+(?:on\s+)?$")


def _event_date(doc: Document, group: EventGroup, previous: tuple[date | None, int] | None = None
                ) -> tuple[date | None, int, dates.DateMention | None]:
    published = doc.article.published
    mentions = list(_dates_in(doc, group.start, group.context_end))
    # the filing date of a dateline opening the group's paragraph is no date of the event
    filed_until = _dateline_end(doc, group)
    mentions = [m for m in mentions if m.start >= filed_until]
    # the day a source spoke ("residents said on Wednesday") dates the report; a day or a week the text gives the
    # deed, no later than that, is the event's ("The abductions happened on Thursday last week", "killed at least 25
    # civilians ... last week, residents said on Tuesday")
    spoken = [m for m in mentions if SPOKEN_ON.search(doc.body, max(0, m.start - 40), m.start)]
    deed_days = [m for m in mentions if m not in spoken and all(m.value <= s.value for s in spoken)]
    if spoken and deed_days:
        mentions = [m for m in mentions if m not in spoken]
    chosen = dates.first_event_date(mentions, published)
    if chosen is None:
        # an earlier sentence of the same paragraph may carry the date ("On Monday, ... . The blast ...")
        chosen = dates.first_event_date(list(_dates_before(doc, group)), published)
    if chosen is not None:
        return chosen.value, chosen.precision, chosen
    if previous is not None:
        return previous[0], previous[1], None  # the story goes on from the event told before
    # Nothing said: news reports what happened on or just before publication.
    return published, 2, None


def _dateline_end(doc: Document, group: EventGroup) -> int:
    """Where a wire dateline opening the group's paragraph ends ("KADUNA, Nigeria, May 2, 2023 - "), which the
    small sentence model may have cut into sentences of its own; the paragraph's start if it opens with none."""
    opening = next((s for s in doc.sentences if s.paragraph == group.sentences[0].paragraph), group.sentences[0])
    return dates.dateline_end(doc.body, opening.start)


def _actor_fields(actor: Actor | None) -> tuple[str, int]:
    return (actor.name, actor.inter) if actor else ("", 0)


def _note(doc: Document, group: EventGroup, when: date | None, claim: Claim, suspected: Actor | None,
          attributed: Actor | None = None, *, stand_in: Place | None = None) -> str:
    # a dateline opening the report ("KADUNA, Nigeria, May 2, 2023 - ") tells where and when it was filed
    begins = max(group.start, _dateline_end(doc, group))
    first = group.sentences[0]
    texts = [doc.body[min(begins, first.end):first.end]] + [s.text for s in group.sentences[1:]]
    told = " ".join(t for t in (re.sub(r"\s+", " ", t).strip() for t in texts) if t)
    # ACLED notes open with the date; a report that already does ("On February 21, ...") keeps its own
    opens_with_date = any(d.start - begins < 12 for d in _dates_in(doc, begins, group.sentences[0].end))
    if when and not opens_with_date:
        if _common_word_at(doc, begins):
            told = told[0].lower() + told[1:]  # "A roadside bomb" -> "On 10 June 2023, a roadside bomb"
        told = f"On {when.day} {when:%B %Y}, {told}"
    note = told
    if suspected is not None and claim.status in {"alleged", "claimed"}:
        note += f" [{claim.status} perpetrator: {suspected.name}" + (f", per {claim.by}]" if claim.by else "]")
    if attributed is not None:
        note += f" [perpetrator not named; attributed by place: {attributed.name}]"
    if stand_in is not None:
        note += f" [no place named for the event: coded at {stand_in.name}, precision 3]"
    return note


def _common_word_at(doc: Document, start: int) -> bool:
    """Is the word at `start` an ordinary capitalised word (not a name, an acronym or "I")?"""
    if doc.spacy_doc is None:
        return False
    span = doc.spacy_doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    if (token.ent_type_ and token.ent_type_ not in ("CARDINAL", "QUANTITY")) or token.pos_ == "PROPN":
        return False  # "Russian forces", "Kharkiv": names keep their capital ("Thousands of people" need none)
    return (token.text[:1].isupper() and not token.text.isupper()) or token.text == "A"


def event_id(article: Article, group_start: int, sub_event_type: str) -> str:
    key = f"{article.id}\x1f{article.content_hash}\x1f{group_start}\x1f{sub_event_type}"
    return "SR" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:14].upper()


def build_event(doc: Document, group: EventGroup, previous: tuple[date | None, int] | None = None
                ) -> Event | None:
    """All attributes of one event from its sentences; None when the codebook says it is not codable.

    `previous`: the date and time precision of the article's event before this one, for a group that
    names no date of its own."""
    best = group.best
    if best.sub_event_type is None or best.event_type is None:
        return None
    article = doc.article
    evidence = _evidence(doc, "event", group.start, group.end)

    when, precision, date_mention = _event_date(doc, group, previous)
    if date_mention is not None:
        evidence += _evidence(doc, "event_date", date_mention.start, date_mention.end)

    # what demonstrators or a mob act against, deaths included, is not their event's toll
    grievances = [(group.start + a, group.start + b)
                  for a, b in detect.grievance_spans(doc.body[group.start:group.context_end])
                  ] if best.sub_event_type in GRIEVANCE_SUB_TYPES else []
    casualties = numbers.find_casualties(doc.body, group.start, group.context_end, set_aside=grievances)
    if group.paragraph_end is not None and not any(c.coded for c in casualties):
        casualties += [c for c in numbers.find_casualties(doc.body, group.context_end, group.paragraph_end)
                       if c.coded]
    fatalities, f_low, f_high, used_f = numbers.total(casualties, "killed")
    injuries, _, _, used_i = numbers.total(casualties, "injured")
    casualty_evidence_at = len(evidence)  # filled in once the label is final

    place, geo_precision = geo.locate_event(doc, group.start, group.end)
    country_code = place.country_code if place else doc.country_focus
    country = geo.country_fields(country_code) if country_code else {}
    # a place with no span stands in for an event the text places only in a country or region (its capital)
    named_place = place if place is not None and place.start is not None else None
    if named_place is not None:
        evidence += _evidence(doc, "location", named_place.start, named_place.end)

    roles = actors.find_roles(doc, group.start, group.end, country=country.get("country"),
                              event_type=best.event_type, sub_event_type=best.sub_event_type,
                              when=when)
    if roles.actor2 is None and best.sub_event_type in INTERVENED_SUB_TYPES and group.context_end > group.end:
        # "Students held a sit-in in Nairobi. Police arrested 30 people.": the intervention told in a remark after
        # the event's sentences names the force that intervened
        roles.actor2 = next((m.actor for m in actors.find_mentions(doc.body, group.end, group.context_end,
                                                                   country.get("country"),
                                                                   when=when)
                             if m.kind == "state"), None)
    claim, suspected = claims.find_claim(doc, group.start, group.end, following=group.context_end, when=when)
    unnamed = roles.actor1 is None or roles.actor1.name.startswith("Unidentified")
    same = suspected is not None and roles.suspected is not None and (
        suspected.name == roles.suspected.name or suspected.start == roles.suspected.start is not None)
    hedged_doer = roles.suspected is not None and roles.suspected.start is not None \
        and group.start <= roles.suspected.start < group.end \
        and HEDGE_BEFORE.search(doc.body, max(group.start, roles.suspected.start - 60), roles.suspected.start) is not None
    if roles.suspected is not None and roles.suspected_doer and unnamed and (
            (claim.by is None or hedged_doer) and (suspected is None or same) or roles.accused_of_deed and same):
        # the report's own hedge on the doer ("suspected Fulani militias attacked", also where the report cites
        # its source for the sentence: "suspected Pokot raiders attacked Kapedo, police said"; not someone's
        # suspicion, "officials said they suspected the Taliban"), or an accusation of the deed ("residents
        # accused police of torching houses"): ACLED codes the group as actor1 (53 of the 54 ACLED notes naming
        # "suspected <group> raiders/militia/..."); the row says the perpetrator is only suspected, and by whom
        roles.actor1 = roles.suspected
        if claim.status == "reported":
            claim = Claim(status="alleged", by=claim.by)
    suspected = suspected or roles.suspected
    if claim.status == "claimed" and suspected is not None and unnamed:
        # a group claiming its own attack is coded as its perpetrator; the claim stays on the row
        roles.actor1 = suspected
    unnamed = roles.actor1 is None or roles.actor1.name.startswith("Unidentified")
    if claim.status == "claimed" and suspected is not None and not unnamed and roles.actor1 is not None \
            and suspected.name != roles.actor1.name \
            and suspected.name not in {a.name for a in roles.assoc_actor_1} \
            and suspected.name not in {a.name for a in actors.agents(doc, group.start, group.sentences[0].end,
                                                                     country.get("country"), when=when)} \
            and not claims.CLAIM_RESP_RE.search(doc.body, group.start, group.context_end):
        # another party telling its own part ("the army said its forces had repelled an RSF attack" after the
        # RSF's shelling) claims no deed of the event's doer: it is a source (not one of the doers the event's
        # first sentence names: "The SAA and the NDF have finished their combing operation, the NDF said")
        lead, _ = claims.find_claim(doc, group.start, group.sentences[0].end, when=when)
        claim, suspected = Claim(status="reported", by=lead.by if lead.status == "reported" and lead.by else claim.by), None
    attributed = None
    if unnamed and best.event_type in ("Battles", "Explosions/Remote violence"):
        # nobody named: on a front line ACLED codes the fire to the side whose fire lands at this place
        attributed = actors.attributed_at(
            country.get("country"),
            [named_place.name, doc.body[named_place.start:named_place.end]] if named_place else [],
            named_place.admin1 if named_place else None, text=doc.body[group.start:group.end])
        if attributed is not None:
            roles.actor1 = attributed
    actor1, inter1 = _actor_fields(roles.actor1)
    actor2, inter2 = _actor_fields(roles.actor2)
    if best.sub_event_type == "Arrests" and inter1 == REBEL_INTER:
        # the codebook's arrests are the state's; a rebel group detaining people abducts them (8 of the 9 ACLED
        # notes of our files telling a rebel group's arrests are abductions)
        best = best.relabelled(ABDUCTION)
    if best.sub_event_type == "Armed clash" and inter1 in TAKERS and detect.ground_taken(doc.body[group.start:group.end]):
        # "Ukrainian forces clashed with Russian forces in Dobryanka. As the result of the clash the village was
        # liberated": the fight's first side took the ground, and its kind names the territorial type
        taken = "Government regains territory" if inter1 == STATE_INTER else OVERTAKEN
        best = best.relabelled(taken)
    if best.sub_event_type == "Government regains territory" and (inter1 == EXTERNAL_INTER or roles.non_state_taker):
        # the codebook's government is the state's own: a foreign army taking ground is a non-state actor
        # overtaking it (44 of the 46 ACLED territorial rows whose actor1 is a foreign state's forces), and so is
        # a rebel group or a militia that takes it ("the Arakan Army said it had captured Paletwa")
        best = best.relabelled(OVERTAKEN)
    if best.sub_event_type in BLOODLESS_SUB_TYPES:  # the label as finally coded (arrests by rebels are abductions)
        fatalities, f_low, f_high, used_f = 0, None, None, []
    evidence[casualty_evidence_at:casualty_evidence_at] = \
        [ev for c in used_f for ev in _evidence(doc, "fatalities", c.start, c.end)] + \
        [ev for c in used_i for ev in _evidence(doc, "injuries", c.start, c.end)]
    for name, actor in (("actor1", roles.actor1), ("actor2", roles.actor2)):
        if actor is not None:
            evidence += _evidence(doc, name, actor.start, actor.end)

    cameo, plover_event, plover_mode = taxonomy.codes_for(best.sub_event_type, best.event_type)
    interaction = taxonomy.interaction_code(inter1, inter2)
    civilian_targeting = "Civilian targeting" if inter2 == 7 and best.event_type in {
        "Violence against civilians", "Explosions/Remote violence", "Battles"} else ""
    confidence = best.probability * (0.6 + 0.4 * (place.score if place else 0.0))
    if when is not None and article.published is not None and (article.published - when).days > STALE_DAYS:
        # an event dated long before publication is background ("... during an attack on him in 2018"):
        # still a row, but never the report's main event ahead of a recent one
        confidence *= 0.5
    confidence = round(confidence, 3)
    return Event(
        event_id=event_id(article, group.start, best.sub_event_type),
        event_date=when, time_precision=precision,
        disorder_type=taxonomy.disorder_type(best.event_type, best.sub_event_type),
        event_type=best.event_type, sub_event_type=best.sub_event_type,
        actor1=actor1, assoc_actor_1="; ".join(a.name for a in roles.assoc_actor_1), inter1=inter1,
        actor2=actor2, assoc_actor_2="; ".join(a.name for a in roles.assoc_actor_2), inter2=inter2,
        interaction=interaction, civilian_targeting=civilian_targeting,
        iso=country.get("iso"), iso3=country.get("iso3"), region=country.get("region"),
        country=country.get("country"),
        admin1=place.admin1 if place else None, admin2=place.admin2 if place else None,
        location=place.name if place else None,
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geo_precision=geo_precision if place else None,
        source=article.source,
        notes=_note(doc, group, when, claim, suspected, attributed, stand_in=place if not named_place else None),
        fatalities=fatalities, fatalities_low=f_low, fatalities_high=f_high, injuries=injuries,
        doc_id=article.id, doc_ids=[article.id], claim=claim,
        cameo_code=cameo, plover_event=plover_event, plover_mode=plover_mode,
        confidence=confidence, evidence=evidence,
    )


def events_of(doc: Document) -> list[Event]:
    """Document (prepared) -> its events, in reading order."""
    events: list[Event] = []
    previous: tuple[date | None, int] | None = None
    for group in detect_events(doc):
        event = build_event(doc, group, previous)
        if event is None:
            continue
        previous = (event.event_date, event.time_precision)
        if events:
            event = _doer_told_before(events[0], event)
        for row in _one_per_place(doc, group, event):
            if events:
                # reports lead with their main event: a later one must be clearly surer to outrank it
                row.confidence = round(row.confidence * LATER_EVENT_FACTOR, 3)
            same = next((e for e in events if _same_in_article(e, row)), None)
            if same is None:
                events.append(row)
            else:
                _fold_into(same, row)
    return events


def _doer_told_before(lead: Event, event: Event) -> Event:
    """A strike the report details after its lead, on the lead's day, with no doer named ("Russian forces attacked
    Ukraine with drones and missiles overnight ... In Bila Tserkva, a drone hit a residential building"), is the
    lead's doer's."""
    if event.event_type != "Explosions/Remote violence" or lead.event_type != event.event_type \
            or event.event_date != lead.event_date or not event.actor1.startswith("Unidentified") \
            or not lead.actor1 or lead.actor1.startswith("Unidentified"):
        return event
    return event.model_copy(update={"actor1": lead.actor1, "inter1": lead.inter1,
                                    "interaction": taxonomy.interaction_code(lead.inter1, event.inter2)})


def _split_figure(value: int | None, parts: int) -> int | None:
    return None if value is None else numbers.split_share(value, parts)


def _one_per_place(doc: Document, group: EventGroup, event: Event) -> list[Event]:
    """ACLED codes one event per location: an event told of a list of places ("Protests also took place in
    Mombasa, Kisumu and Nakuru") is a row for each, the toll split between them as ACLED splits one it cannot
    place. The place the event was located at keeps the first row."""
    at = next((ev.start for ev in event.evidence if ev.field == "location"), None)
    place = next((p for p in doc.places if at is not None and p.start == at), None)
    listed = geo.listed_locations(doc, place, group.start, group.end) if place is not None else []
    if not listed:
        return [event]
    # (a toll the text already shares out is each row's: "22 fatalities split between 2 events")
    parts = 1 if numbers.SPLIT.search(doc.body, group.start, group.paragraph_end or group.context_end) \
        else len(listed) + 1
    shared = {"fatalities": _split_figure(event.fatalities, parts) or 0,
              "fatalities_low": _split_figure(event.fatalities_low, parts),
              "fatalities_high": _split_figure(event.fatalities_high, parts),
              "injuries": _split_figure(event.injuries, parts) or 0}
    rows = [event.model_copy(update=shared)]
    others = [ev for ev in event.evidence if ev.field != "location"]
    for other, precision in listed:
        rows.append(event.model_copy(update=shared | {
            "event_id": event_id(doc.article, group.start, f"{event.sub_event_type}\x1f{other.name}"),
            "admin1": other.admin1, "admin2": other.admin2, "location": other.name,
            "latitude": other.latitude, "longitude": other.longitude, "geo_precision": precision,
            "evidence": others + _evidence(doc, "location", other.start, other.end)}))
    return rows


def _same_in_article(a: Event, b: Event) -> bool:
    """One article telling one event in two paragraphs: same day, sub-event type and place."""
    return (a.sub_event_type == b.sub_event_type and a.event_date == b.event_date and a.location is not None
            and a.location == b.location)


def _fold_into(first: Event, later: Event) -> None:
    """Add a later paragraph's telling to the event: parts of one report add detail, they do not disagree."""
    first.evidence += later.evidence
    first.notes = f"{first.notes} {later.notes.split(', ', 1)[-1] if later.notes.startswith('On ') else later.notes}"
    first.fatalities = max(first.fatalities, later.fatalities)
    first.fatalities_low = first.fatalities if first.fatalities else first.fatalities_low
    first.injuries = max(first.injuries, later.injuries)
    first.confidence = max(first.confidence, later.confidence)


def extract_article(article: Article) -> list[Event]:
    """The whole coder for one article."""
    return events_of(prepare(article))


def extract_many(articles: Sequence[Article] | Iterable[Article], batch_size: int = 32
                 ) -> Iterator[tuple[Document, list[Event]]]:
    """The whole coder over a stream, batching the NLP stage; yields each document with its events."""
    for doc in prepare_many(articles, batch_size):
        yield doc, events_of(doc)
