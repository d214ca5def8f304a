"""Claims and attribution: is an event stated as fact, claimed by a party, alleged, or denied, and by whom.

Owns `find_claim`. Status, by precedence:
  denied   - "X denied involvement / responsibility", "X rejected the accusation";
  claimed  - "X claimed responsibility", "X said it downed...", "according to X media" where X is a party
             to the event (its own account of its own action);
  alleged  - "activists accused Y of...", "Y was blamed", "local sources say it was likely Y",
             "suspected Y", "allegedly", "reportedly";
  reported - the outlet states it as fact (the default); `by` still names a cited source when there is one.
The accused / claiming perpetrator comes back as an `Actor` (normalised by `actors.normalise_actor`), for
the caller to record as suspected, never as actor1.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from sitrep.extract import actors, detect
from sitrep.extract.dates import dateline_end
from sitrep.model import Actor, Claim, Document

SAY_VERBS = {"said", "says", "say", "saying", "stated", "states", "announced", "announces", "reported",
             "reports", "report", "told", "tells", "confirmed", "confirms", "added", "adding", "claimed", "claims",
             "claim", "claiming", "declared", "insisted", "asserted", "alleged", "alleges", "accused", "accuses",
             "accusing", "blamed", "blames", "blaming", "denied", "denies", "deny", "denying", "rejected",
             "rejects", "tweeted", "wrote", "noted"}
DENY_RE = re.compile(
    r"\b(?:denied|denies|deny|denying)\s+(?:any\s+|all\s+|the\s+|its\s+|their\s+|a\s+)?"
    r"(?:involvement|responsibility|role|part|participation|links?|that|having|carrying|being|it|this|claims?|"
    r"reports?|allegations?|accusations?|charges?|the\s+attack|attacking|killing|targeting)\b"
    r"|\b(?:rejected|rejects|dismissed|dismisses)\s+(?:the\s+|these\s+|such\s+|all\s+)?"
    r"(?:claims?|reports?|allegations?|accusations?|charges?)\b", re.I)
# what a claim takes: responsibility, or the deed itself ("Islamic State claimed the killings")
_RESPONSIBILITY = r"(?:the\s+)?(?:responsibility|credit)\b"
_CLAIMED = rf"{_RESPONSIBILITY}|(?:the|this|that|these|those)\s+{detect.CLAIMED_DEED}\b"
# what a victim is said to have done, told as the victim's description ("A mob beat to death a man accused of
# stealing a phone"), not as a charge about the event (unlike "police were accused of using excessive force")
VICTIMS_CHARGE = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )(?<!\bbeen )(?<!\bbeing )(?<!\bbe )"
                            r"\b(?:accused|suspected)\s+of\s+\w+ing\b[^.;,]*", re.I)
ARRESTED_OVER_IT = re.compile(r"\b(?:arrested|detained|apprehended)\b[^.;]*\b(?:in\s+connection\s+with|over|for)\s+"
                              r"(?:the|this|that)\b", re.I)
CLAIM_RESP_RE = re.compile(rf"\b(?:claimed|claims|claiming|claim)\s+(?:{_CLAIMED})"
                           rf"|\b(?:took|takes|taking)\s+{_RESPONSIBILITY}", re.I)
NEG_CLAIM_RE = re.compile(r"\b(?:no(?:\s+\w+)?|not|nobody|none|yet to|neither)\b[^.;]{0,40}\b(?:claimed|claim)\s+"
                          rf"(?:{_CLAIMED})", re.I)
ALLEGE_RE = re.compile(
    r"\b(?:accus\w*|blam\w*|suspect\w*|alleged(?:ly)?|reportedly|purported(?:ly)?|presumably|"
    r"(?:was|were|is|are)\s+(?:likely|probably|possibly|believed|thought|said)\b|likely|believed to|"
    r"thought to|attributed\s+to|pointed\s+the\s+finger|held\s+responsible|"
    # (a group's ties are no charge about the deed: "three members of a militia linked to the PKK")
    r"(?<!\bmilitia )(?<!\bmilitias )(?<!\bgroup )(?<!\bgroups )(?<!\bfaction )(?<!\bmembers )(?<!\bfighters )"
    r"(?<!\bmilitants )(?<!\bunit )linked\s+to)", re.I)
SELF_CLAIM_RE = re.compile(r"\b(?:said|says|claimed|claims|announced|stated|declared)\s+(?:that\s+)?"
                           r"(?:it|they|its|their)\b", re.I)
# a party's own response to the event, not its deed: "Police said they had detained three people"
RESPONSE_SAID = re.compile(r"\b(?:said|says|announced|stated)\s+(?:that\s+)?(?:it|they|its\s+\w+|their\s+\w+)\s+"
                           r"(?:had\s+|have\s+|has\s+|were\s+|was\s+|are\s+|is\s+|would\s+|will\s+)?(?:been\s+)?"
                           r"(?:detain\w*|arrest\w*|investigat\w*|open\w*\s+an?\s+(?:investigation|inquiry|probe)|"
                           r"launch\w*\s+an?\s+(?:investigation|inquiry|probe|manhunt)|search\w*|deploy\w*|"
                           r"reinforc\w*|evacuat\w*"
                           # "Police said they killed a second attacker": the defenders' answer, not the attack
                           r"|(?:shot|killed|neutrali[sz]ed)\s+(?:\w+\s+){0,2}?(?:attackers?|assailants?|gunm[ae]n"
                           r"|(?:suicide\s+)?bombers?))\b", re.I)
ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?:the\s+)?([^,.;]{2,60})", re.I)
# (not a passive: in "police were accused of ..." nobody accuses; the police are the accused)
SUBJECT_SAY_RE = re.compile(r"(?:^|[,.;]\s*|\s)((?:[A-Z][\w'\-]*\s+){0,5}?(?:[\w'\-]+\s+){0,3}?[\w'\-]+)"
                            r"(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bare)(?<!\bbeen)(?<!\bbeing)(?<!\bbe)(?<!\bnot)\s+"
                            r"(?:said|says|claimed|claims|announced|accused|accuses|blamed|blames|denied|"
                            r"denies|reported|stated|confirmed)\b(?!\s+(?:of|for)\b)(?!\s+(?:[\d,]+\s+|the\s+)?lives\b)")
# the news attribution closing a sentence: "..., activists and rescue teams said.", "..., police said on Monday."
CLOSING_SAY_RE = re.compile(r",\s+((?:[\w'\-]+\s+){0,9}?[\w'\-]+)\s+(said|says|reported|told|stated|added|confirmed)\b"
                            r"[^,;]*$")
# subjects of "reported" that are what is reported, not who reports it ("No fatalities reported"), and the "as"
# of "As reported on 30 April", which names nobody
NOT_SPEAKERS = frozenset({"fatalities", "fatality", "casualties", "casualty", "injuries", "injury", "deaths", "death",
                          "dead", "injured", "wounded", "damage", "damages", "losses", "arrests", "incidents", "as"})
GENERIC_SOURCES = {"sources", "source", "activists", "witnesses", "residents", "officials", "media", "reports",
                   "observers", "monitors", "locals", "report", "observatory", "agency", "sources say"}
STRIP_BY = re.compile(r"^(?:the|a|an|some|local|several|other)\s+", re.I)
# when it was said, after who said it ("reports on 20 October", "combined by Saba on Wednesday")
WHEN_SAID = re.compile(r"\s+(?:on|last|this|early|late)\s+(?:\w+day|\d{1,2}(?:\s+\w+)?|[A-Z][a-z]+\s+\d{1,2}|week|month"
                       r"|night|morning|evening)\b.*$|\s+(?:today|yesterday|tonight)\b.*$")
# a passive or negated report ("..., 3 people were reported"): nobody speaks
AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "being", "be", "not", "has", "have", "had"})
# a subject that names nobody: "No group has claimed", "Nobody claimed"
NEGATORS = frozenset({"no", "none", "nobody", "neither", "nor"})
# who says it, where the subject is only a pronoun: nobody the reader can name
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "who", "which", "that", "this", "these", "those"})
# "according to reports the attack was related to ...": the source ends where a clause begins (a determiner or a
# pronoun after a noun; "a statement by the ministry", "sources in the area" go on)
SOURCE_ENDS = re.compile(r"(?<!\bby)(?<!\bof)(?<!\bin)(?<!\bat)(?<!\bon)(?<!\bto)(?<!\bfor)(?<!\bfrom)(?<!\bwith)"
                         r"\s+(?:the|a|an|this|that|these|those|it|he|she|they|there|some|one|two|three|several)\s.*$",
                         re.I)


def _sentences(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of doc.body[start:end], each without a wire dateline it opens with ("KABUL, Feb 14, 2022
    (Reuters) - ": the place filed from is nobody who speaks)."""
    spans = [(dateline_end(doc.body, s.start), s.end) for s in doc.sentences if s.end > start and s.start < end]
    if spans:
        return [(s, e) for s, e in spans if s < e]
    text = doc.body
    out, pos = [], start
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z\"“])", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.end()
    out.append((pos, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _short(phrase: str) -> str:
    """A short name for who says it: the acronym or actor alias in the phrase, else the noun phrase."""
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:\"'“”")
    acr = re.findall(r"\b[A-Z]{2,6}\b", phrase)
    if acr and len(phrase.split()) > 2:
        return acr[0]
    phrase = WHEN_SAID.sub("", phrase)  # "Palestinian media reports on 20 October"
    phrase = re.sub(r"^(?:and|or|but|while)\s+", "", phrase, flags=re.I)  # "..., and citizens claimed"
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
    phrase = STRIP_BY.sub("", phrase) if len(phrase.split()) > 2 else phrase
    if len(phrase.split()) > 5:
        # "the head of the forensics department in the holy city": who, not where
        phrase = re.sub(r"\s+(?:in|at|near|from)\s+.*$", "", phrase, flags=re.I)
    words = phrase.split()
    if len(words) > 5:
        words = words[-4:]
        while len(words) > 1 and words[0].lower() in ("and", "or", "of", "by", "the", "a", "an"):
            words = words[1:]  # "Turkish state-run media and Syrian opposition activists": not "and Syrian ..."
    return " ".join(words)


def _speaker(sdoc: Any, s: int, e: int, verbs: set[str]) -> tuple[str, int, int] | None:
    """(subject text, start, end) of the first speech/accusation verb among `verbs` in [s, e)."""
    span = sdoc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if tok.lower_ in verbs and tok.pos_ in ("VERB", "AUX"):
            if tok.i > 0 and tok.nbor(-1).lower_ == "as":  # "(as reported)": nobody in particular
                continue
            if tok.dep_ in ("amod", "acl"):
                continue  # "suspected poisonous gas", "gas believed to have been launched": no one speaks
            if any(c.dep_ == "dobj" and c.lower_ in ("life", "lives") for c in tok.children):
                continue  # "a conflict that has claimed 160,000 lives": a toll, not a claim
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if len(subj) > 1:
                # the parser may hang the reported clause's subject on the verb too ("Unknown assailants hacked ...
                # to death, a local civil society leader said"): the speaker is the one nearest before the verb
                subj = [max(subj, key=lambda t: t.i if t.i < tok.i else -1)]
            if not subj:  # "... was reported by X"
                subj = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not subj and tok.dep_ == "conj" and tok.head.pos_ == "VERB":  # "X said ... and added"
                subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ in NOT_SPEAKERS:
                continue  # "No fatalities reported": a toll, not someone reporting it
            if subj and subj[0].lower_ in ("who", "that") and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
                subj = [tok.head]  # "families who claim their children were kidnapped": the families
            if subj and subj[0].lower_ in PRONOUNS:
                continue  # "what they say is a dictatorship": nobody named
            if tok.i + 1 < len(sdoc) and tok.nbor(1).lower_ in ("of", "for") and tok.lower_ in ("accused", "blamed"):
                continue  # "activists accused of vandalising a bank": the accused, not the accuser
            if subj and subj[0].idx < s:
                # the parser took the dateline before the sentence for the subject ("KABUL, Feb 14, 2022 (Reuters) -
                # Afghanistan's Taliban administration said"): the words between the dateline and the verb
                words = sdoc.text[s:tok.idx].split()
                if 0 < len(words) <= 6:
                    return (" ".join(words), s, tok.idx)
                continue
            if subj:
                sub = subj[0]
                # (within the sentence: a dateline before it the parser hangs on the subject is nobody; "Al
                # Shabaab, the al Qaeda-linked group fighting the government, said": the name, not its apposition)
                toks = [t for t in sub.subtree if t.dep_ not in ("relcl", "acl", "punct", "appos") and t.idx >= s and
                        not any(a.dep_ in ("relcl", "acl", "appos") for a in t.ancestors
                                if a.i in range(sub.left_edge.i, sub.right_edge.i + 1))]
                if toks:
                    return (sdoc[toks[0].i: toks[-1].i + 1].text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    return None


def _accused(doc: Document, s: int, e: int, country: str | None, when: date | None = None) -> Actor | None:
    """The actor the accusation / suspicion names, normalised."""
    mentions = actors.find_mentions(doc.body, s, e, country, when=when)
    armed = [m for m in mentions if m.kind in ("armed", "state")]
    if not armed:
        return None
    text = doc.body
    # Prefer the one right after an accusation word ("accused X", "likely conducted by X", "suspected X").
    for m in armed:
        before = text[max(s, m.start - 60):m.start].lower()
        if re.search(r"(accus\w*|blam\w*|suspect\w*|likely|believed|by|alleged\w*|probably)\s+(?:\S+\s+){0,4}$",
                     before):
            return m.actor
    return armed[0].actor


def find_claim(doc: Document, start: int, end: int, *, following: int | None = None, when: date | None = None
               ) -> tuple[Claim, Actor | None]:
    """Claim status and source of the event told in doc.body[start:end] (and its context up to `following`);
    `when`, the event's date, names the parties as ACLED did then (the Taliban are Afghanistan's forces since 2021).

    Returns the claim and the accused / claiming perpetrator (normalised) when the claim names one."""
    text = doc.body
    stop = max(end, following or end)
    country = actors.country_name(doc.country_focus)
    sdoc = doc.spacy_doc
    # the event's doers, less those who only answered it ("Police arrested three people in connection with the
    # killing" of a man a mob lynched: the police are no party to the lynching they report; "Police said they killed a
    # second attacker": nor to the bombing)
    event_mentions = {a.name for s, e in _sentences(doc, start, end)
                      if not ARRESTED_OVER_IT.search(text, s, e) and not RESPONSE_SAID.search(text, s, e)
                      for a in actors.agents(doc, s, e, country, when=when)}
    found: dict[str, tuple[str | None, Actor | None]] = {}
    for s, e in _sentences(doc, start, stop):
        sent = text[s:e]

        def who(verbs: set[str], s: int = s, e: int = e, sent: str = sent) -> tuple[str | None, Actor | None]:
            closing = CLOSING_SAY_RE.search(sent)
            if closing and closing.group(2) in verbs \
                    and closing.group(1).split()[-1].lower() not in PRONOUNS | NOT_SPEAKERS | AUXILIARIES \
                    and closing.group(1).split()[0].lower() not in PRONOUNS:
                sp: tuple[str, int, int] | None = (closing.group(1), s + closing.start(1), s + closing.end(1))
            else:
                sp = _speaker(sdoc, s, e, verbs) if sdoc is not None else None
            if sp is not None and sp[0].split()[0].lower() in NEGATORS:
                return None, None  # "No group immediately claimed responsibility": nobody
            if sp is not None:
                found_in = [m.actor for m in actors.find_mentions(text, sp[1], sp[2], country, when=when)
                            if m.kind in ("armed", "state", "government")]
                return _short(sp[0]), (found_in[0] if found_in else None)
            m = SUBJECT_SAY_RE.search(sent)
            # ("No group has claimed the attack": nobody, and an auxiliary is no speaker's name)
            if m and m.group(1).split()[-1].lower() not in NOT_SPEAKERS | PRONOUNS | AUXILIARIES \
                    and m.group(1).split()[0].lower() not in NEGATORS:
                return _short(m.group(1)), actors.normalise_actor(m.group(1), country, when=when)
            return None, None

        if DENY_RE.search(sent) and "denied" not in found:
            by, actor = who({"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed"})
            found["denied"] = (by, actor)
        if CLAIM_RESP_RE.search(sent) and not NEG_CLAIM_RE.search(sent) and "claimed" not in found:
            by, actor = who({"claimed", "claims", "claim", "claiming", "took", "takes", "taking"})
            found["claimed"] = (by, actor)
            continue
        acc = ACCORDING_RE.search(sent)
        # the source of "according to X", unless X is only a pronoun ("according to it")
        source = SOURCE_ENDS.sub("", acc.group(1)) if acc else None
        if source is not None and source.lower() in PRONOUNS:
            source = None
        said_by, said_actor = who(SAY_VERBS)
        if source is not None and said_by is None:
            said_by, said_actor = _short(source), actors.normalise_actor(source, country, when=when)
        # (a party telling how it goes after the doers, "the army said its troops were pursuing the attackers",
        # "police said they had detained three people", claims no deed)
        speaker_is_party = said_actor is not None and not detect.PURSUIT.search(sent) \
            and not RESPONSE_SAID.search(sent) and (
            said_actor.name in event_mentions or said_actor.inter in (1, 2, 3, 8) and SELF_CLAIM_RE.search(sent) is not None)
        if not speaker_is_party and said_by is not None and event_mentions:
            # "The IRGC have got control of..., IRGC General X said": the speaker's organisation is the agent.
            speaker_is_party = any(tok.lower() in name.lower() for name in event_mentions
                                   for tok in re.findall(r"\b[A-Z]{2,6}\b", said_by))
        neg_claim = NEG_CLAIM_RE.search(sent)
        allege = ALLEGE_RE.search(VICTIMS_CHARGE.sub(" ", NEG_CLAIM_RE.sub(" ", sent)))
        if allege and "alleged" not in found:
            by, _ = who({"accused", "accuses", "accusing", "blamed", "blames", "blaming", "alleged", "alleges",
                         "say", "says", "said", "suspect", "suspected", "believe", "believed"})
            if by is None and source is not None:
                by = _short(source)
            found["alleged"] = (by, _accused(doc, s, e, country, when))
        elif speaker_is_party and not neg_claim and "claimed" not in found:
            found["claimed"] = (said_by, said_actor)
        elif said_by is not None and "reported" not in found:
            found["reported"] = (said_by, None)
    for status in ("denied", "claimed", "alleged", "reported"):
        if status in found:
            by, actor = found[status]
            return Claim(status=status, by=by), actor  # type: ignore[arg-type]
    return Claim(), None
