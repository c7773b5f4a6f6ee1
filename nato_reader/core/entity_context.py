"""Consolidation rules that look at a mention's neighbours in the text.

Each is a general convention of English news prose:
- "the Kiel Institute" + "for the World Economy": an institution's name runs on
  through "for"/"of" (the model often cuts it in two);
- a capitalised name right before "exercise" or "drills" is a named event;
- a name that starts with a common given name is a person ("Hanna Dubois", however the
  model labelled it);
- a one-word "person" right after "in", "near", "towards" or "the town of" is a place,
  and so is a "nationality" after "the village of";
- a name before "pipeline", "cable", "bridge" or "palace" is a facility; one beside
  "tanker", "ship" or "carrier" is a vessel (PRODUCT); "the X and Y regions" are places;
  where "analysts at" work is an organisation;
- a one-word "person" opening a sentence and followed at once by a preposition is a
  capitalised common noun ("Turnout at the rally ..."), and so is any one-word name
  opening a sentence that the text writes elsewhere in lower case, and never capitalised
  inside a sentence ("Arson and bombings ..." beside "arson");
- a name right after a word for a person's role is a person ("the cleric Fethullah
  Gulen", "analyst Liis Petrov");
- a news-agency dateline ("MADRID (Reuters) -", "BUFFALO, N.Y. (AP)") names a place;
- a name before a feature's word is that feature ("Suwalki Gap", LOC), before "nuclear
  power plant" that plant (FAC); "the daily X" and "X, the grid operator," are bodies;
  "X 2023, a two-week exercise" is an event; "Millions" opening a sentence is no name;
- (entity_places, beside this module: places, waterways and bodies read from the words
  around them: "meeting in Tiraspol", "through the Bosphorus", "near Tokmak".)
"""

from __future__ import annotations

import re

from nato_reader.core import entity_hyphens as hyphens
from nato_reader.core import entity_places as places
from nato_reader.core.entity_rules import DESIGNATION, TITLE_WORDS, Candidate, SpanIndex
from nato_reader.core.gazetteer import Gazetteer

_HEADS = """
Institute Institution Council Centre Center Committee Agency Endowment Foundation Ministry
Department Office Commission Organisation Organization Association Union Fund Bank Court
Academy School University College Service Services Forces Command Assembly Parliament League
Movement Party Front Board Authority Bureau Corps Force Group Society Federation Alliance
"""
INSTITUTION_HEADS = frozenset(_HEADS.split())

_CONNECTOR = re.compile(r" (?:for|of|on)(?: the)? ")
_EXERCISES = r"(?:military |naval |joint )?(?:exercises?|drills?|manoeuvres|maneuvers|wargames?)"
_EXERCISE_AFTER = re.compile(rf"(?: \d{{4}})?['’]?s? {_EXERCISES}\b")
# in apposition, the exercise the head: "Iron Wolf 2023, a two-week exercise in which"
_EXERCISE_APPOSITION = re.compile(rf", an? (?:[\w-]+ ){{0,3}}{_EXERCISES}(?=[,.;:]| (?:in|that|"
                                  r"which|with|involving|by|for|of|near|at|on)\b)")
# "The exercise, called Lapland Steel,", "another NATO exercise, Dynamic Front,"
_EXERCISE_BEFORE = re.compile(rf"\b{_EXERCISES},? (called |named |dubbed |code-named )?$")
_LOCATIVE = re.compile(r"\b(?:in|near|outside|towards?|(?:town|city|village|region|port|province|"
                       r"oblast|capital|outskirts|suburbs|north|south|east|west) of)\s+$")
_DEMONYM_LIKE = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ch|ee|ees|ero|er|ers)$")
_ACRONYM_AFTER = re.compile(r" \(([A-Z][A-Z&]{1,7})\)")
_PLACE_OF = re.compile(r"\b(town|city|village|region|port|province|oblast|district|island|"
                       r"towns|cities|villages|regions|ports|provinces|districts|centre|"
                       r"center|outskirts|suburbs)"
                       r" of\s+$")
_FACILITY_AFTER = re.compile(r" (?:(?:gas|oil|power|undersea|subsea|data) )?(?:pipeline|"
                             r"cable|interconnector|power line|nuclear plant|power plant|"
                             r"dam|bridge|convention cent(?:re|er)|palace|castle|stadium|"
                             r"arena|cathedral|airport|air base)s?\b")
_REGION_AFTER = re.compile(r"(?:,? (?:(?:and|or) )?[A-Z][\w'’-]+){0,3},? (?:regions?|oblasts?|"
                           r"provinces?|districts?|regional (?:military )?(?:administration|"
                           r"government|council|governor|authorities))\b")
_ORG_STAFF_BEFORE = re.compile(r"\b(?i:analysts?|economists?|strategists?|researchers?|"
                               r"experts?|traders?|bankers?|lawyers?) at $")
_VESSELS = (r"(?:tanker|ship|vessel|carrier|freighter|frigate|cruiser|destroyer|corvette|"
            r"submarine|icebreaker|ferry|warship|flagship|yacht|superyacht|minehunter|"
            r"minesweeper|trawler|tug|barge)")
# "the bulk carrier", and in apposition: "Amadea, a 348-foot superyacht"
_VESSEL_AFTER = re.compile(rf"(?: |, an? (?:[\w-]+ ){{0,3}})(?:(?:bulk|cargo|oil|aircraft|"
                           rf"container) )?{_VESSELS}\b|, which (?:sails|sailed|was sailing)\b")
_VESSEL_BEFORE = re.compile(rf"\b(?:the|a) (?:(?:[\w-]+ ){{0,2}}{_VESSELS}|[\w-]+-flagged) $")
_CRUDE_AFTER = re.compile(r" (?:crude|blend)\b")  # "Urals crude": an oil grade
# "Typhoon jets", "GlobalEye surveillance aircraft"; not "the Ministry said drones"
_MACHINE_AFTER = re.compile(r" (?:(?:surveillance|combat|fighter|attack|transport|trainer|"
                            r"reconnaissance|patrol|stealth|ballistic|cruise|anti-ship|"
                            r"anti-tank|air-defen[cs]e|multirole|main battle|self-propelled) )?"
                            rf"(?!fighters\b){hyphens.MACHINES}\b")  # "Hamas fighters": people
_MODEL_LIKE = re.compile(r"\d|[a-z][A-Z]")  # "GlobalEye", "CV90": a product's name
# "the Suwalki Gap", "the Lachin Corridor": a name with the generic word of a feature
# (the whole name: not "Silicon Valley" of "Silicon Valley Bank")
_FEATURE_HEAD = re.compile(rf" {places.FEATURE_HEADS}(?![\w'’-]| [A-Z])")
_NUCLEAR_PLANT = re.compile(rf" {places.NUCLEAR_PLANT}\b")
_HEAD_AT_END = re.compile(rf" (?:(Boulevard|Avenue|Street|Square|Convention Cent(?:er|re)|"
                          rf"Arena|Stadium)|(Missiles?|Rockets?|Drones?|Howitzers?|Launchers?)"
                          rf"|{places.FEATURE_HEADS})$")
# "Ukrenergo, the national grid operator," and "the daily Hurriyet" are bodies
_BODY_APPOSITION = re.compile(rf", (?:the|a|an) (?:(?!of |at |for |with |and )[\w-]+ ){{0,3}}"
                              rf"{places.BODY_NOUNS}(?=[,.;:])")
_BODY_BEFORE = re.compile(r"\b(?:the|a) (?:[\w-]+ ){0,2}(?:daily|newspaper|weekly|tabloid|"
                          r"broadcaster|news agency|magazine|news website) $")
# not "In Tiraspol, the company said ...", where the place opens the sentence
_OPENING_PREPOSITION = re.compile(r"(?:^|[.!?]\s+|\n)(?:In|At|From|On|Near|Outside) $")
_QUANTITIES = frozenset({"Millions", "Thousands", "Hundreds", "Dozens", "Billions", "Scores",
                         "Tens"})
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"'”’)]*\s+|\n\s*)$")
_ACTS_AFTER = re.compile(r" (?:said|says|told|added|announced|warned|wrote|argued|denied|"
                         r"confirmed|has|had|is|was|will|would|plans|planned)\b")
_PREPOSITION_AFTER = re.compile(r" (?:at|of|for|on|in|among|across)\b")
_ROLES = (r"(?:cleric|analyst|spokesman|spokeswoman|spokesperson|minister|president|"
          r"chancellor|leader|commander|general|colonel|envoy|ambassador|official|diplomat|"
          r"journalist|reporter|professor|researcher|lawmaker|senator|activist|businessman|"
          r"businesswoman|oligarch|blogger|dissident|negotiator|adviser|advisor|economist|"
          r"secretary|director|chairman|chairwoman|admiral|founder|mayor|governor|"
          r"fisherman|farmer|forester|resident|veteran|soldier|officer|lawyer|judge)")
_ROLE_BEFORE = re.compile(rf"\b{_ROLES}\s$", re.IGNORECASE)
# "Ilan Shor, a fugitive businessman", "Selcuk Bayraktar, Baykar's chairman"
_ROLE_APPOSITION = re.compile(rf", (?:a|an|the|[A-Z][\w-]*['’]s) (?:[\w-]+ ){{0,3}}{_ROLES}\b")
_GENRES = frozenset({"Explainer", "Analysis", "Factbox", "Opinion", "Comment", "Interview",
                     "Update", "Exclusive", "Breaking", "Live", "Editorial", "Feature",
                     "Profile", "Insight", "Wrapup"})
_NOT_PLACES = frozenset({"UPDATE", "BREAKING", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "WRAPUP",
                         "OPINION", "LIVE", "NEWS", "EDITORIAL", "COMMENT", "INTERVIEW"})
# "MADRID (Reuters) -", "WASHINGTON _", "BUFFALO, N.Y. (AP) --", "BAGHDAD, Iraq (AP)_"
# "LONDON/FRANKFURT, March 3 (Reuters) -" (two places), "KIEL, Germany —" (no agency)
_CAPS_NAME = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)*"
_DATELINE = re.compile(rf"(?:^|\n)({_CAPS_NAME}(?:/{_CAPS_NAME})*)"
                       r"(?=,? ?(?:\(|[-–—_]+\s)|, [A-Z][\w.]*(?:,? [\w.]+){0,4}"
                       r"(?:,? ?\(| [-–—]+\s))")
_SLASH_PART = re.compile(r"[^/]+")


def join_institutions(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"Kiel Institute" + " for the " + "World Economy" -> one ORG."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev and prev.label == "ORG" and _CONNECTOR.fullmatch(text, prev.end, c.start)
                and text[prev.start:prev.end].split()[-1] in INSTITUTION_HEADS
                and text[c.start].isupper()):
            prev.end = c.end
            continue
        out.append(c)
    return out


def add_bracketed_acronyms(text: str, cands: list[Candidate],
                           gaz: Gazetteer | None = None) -> list[Candidate]:
    """"the Office of Financial Sanctions Implementation (OFSI)": the acronym in brackets
    is that body, here and wherever the text uses it later (see entities._propagate). A
    known weapon's acronym gives the name its type ("Army Tactical Missile Systems
    (ATACMS)")."""
    if " (" not in text:
        return cands
    added = []
    index = SpanIndex(cands)
    joined: set[int] = set()
    for i, c in enumerate(cands):
        m = _ACRONYM_AFTER.match(text, c.end)
        if m is None or c.label not in ("ORG", "FAC", "LAW", "EVENT", "PRODUCT"):
            continue
        first = _first_of_acronym(text, cands, i, m.group(1))
        if first < i:  # "Party of Action" + "and" + "Solidarity" (PAS): one name
            c.start, c.canonical = cands[first].start, None
            joined.update(id(x) for x in cands[first:i])
        name = " ".join(text[c.start:c.end].split())
        known = gaz.lookup(m.group(1)) if gaz is not None else None
        if known is not None and known.label == "PRODUCT" and " " in name:
            # a weapon's acronym; a body's is defined by the name before it ("Portland
            # General Electric (PGE)" is not the Polish PGE)
            c.label, c.canonical, c.locked = known.label, known.canonical, True
            continue
        found = index.overlapping(m.start(1), m.end(1))
        # a name of two words or more may be translated: "Save Romania Union (USR)",
        # "State Security Service (VDD)"; never a country's code ("(UK)")
        if m.group(1)[0] != name[0] and (" " not in name or c.label != "ORG"
                                          or any(f.label == "GPE" for f in found)):
            continue
        for other in found:  # the model found it too
            other.canonical, other.label, other.locked = c.canonical or name, c.label, True
        if not found:
            added.append(Candidate(m.start(1), m.end(1), c.label, c.canonical or name,
                                   locked=True))
    kept = [c for c in cands if id(c) not in joined]
    return sorted(kept + added, key=lambda c: c.start) if added or joined else cands


_JOINER = re.compile(r" (?:and|of|for|on|&)(?: the)? ")
_SMALL = frozenset({"and", "of", "for", "on", "the", "&", "in", "de", "du", "la"})


def _first_of_acronym(text: str, cands: list[Candidate], i: int, acronym: str) -> int:
    """The first of the candidates ending at cands[i], joined by "and", "of" ..., whose
    initials spell `acronym` (i itself when none do, or the name alone already does)."""
    first = i
    while first > 0 and i - first < 3 and _JOINER.fullmatch(text, cands[first - 1].end,
                                                            cands[first].start):
        first -= 1
        words = text[cands[first].start:cands[i].end].split()
        if "".join(w[0] for w in words if w.lower() not in _SMALL).upper() == acronym:
            return first
    return i


def persons_by_surname(text: str, cands: list[Candidate]) -> None:
    """"Bidzina Ivanishvili" (the model's ORG) when "Ivanishvili" alone is a person."""
    alone = {text[c.start:c.end] for c in cands
             if c.label == "PERSON" and " " not in text[c.start:c.end]}
    for c in cands:
        if c.locked or c.label == "PERSON":
            continue
        words = text[c.start:c.end].split()
        if (2 <= len(words) <= 3 and words[-1] in alone
                and all(w[:1].isupper() for w in words)
                and not any(w in INSTITUTION_HEADS or w in TITLE_WORDS for w in words)):
            c.label = "PERSON"


def places_by_context(text: str, cands: list[Candidate]) -> None:
    """"fighting in Avdiivka", "advancing towards Verbove" -- unless possessive ("in
    Smith's view"); after "the village of" even a "nationality" is the place, and so is
    a "nationality" that does not look like one after "in" ("in Amherst"). A one-word
    name before ", Ontario" is a town there ("Hamilton, Ontario")."""
    region_starts = {c.start for c in cands if c.label == "GPE"}
    for c in cands:
        word = text[c.start:c.end]
        if c.locked or " " in word or text[c.end:c.end + 1] in ("'", "’"):
            continue
        # "the village of Cobasna", "the island of Vaindloo": whatever the model said
        place_of = _PLACE_OF.search(text, max(0, c.start - 40), c.start)
        island = place_of is not None and place_of.group(1) == "island"
        if c.label not in ("PERSON", "NORP"):
            region = c.label in ("ORG", "LOC") and _REGION_AFTER.match(text, c.end)
            if (place_of or region) and c.label != "GPE":
                c.label = "LOC" if island else "GPE"  # "the Sumy regional administration"
            continue
        if island:
            c.label = "LOC"
            continue
        if c.label == "PERSON" or not _DEMONYM_LIKE.search(word):
            locative = _LOCATIVE.search(text, max(0, c.start - 40), c.start)
        else:  # a real demonym ("Iraqis in Basra") only after "the village of"
            locative = place_of
        before_region = text.startswith(", ", c.end) and (c.end + 2) in region_starts
        region_after = _REGION_AFTER.match(text, c.end)  # "Podlaskie and Lublin provinces"
        if before_region or region_after or locative:
            c.label = "GPE"  # also "the Volyn and Lviv regions"


def organisations_by_staff(text: str, cands: list[Candidate]) -> None:
    """"analysts at Jefferies": where analysts or economists work is an organisation."""
    for c in cands:
        if (not c.locked and c.label in ("GPE", "PERSON", "NORP")
                and _ORG_STAFF_BEFORE.search(text, max(0, c.start - 24), c.start)):
            c.label = "ORG"


def things_by_their_noun(text: str, cands: list[Candidate]) -> None:
    """"the Druzhba pipeline", "the Estlink 2 cable" are facilities; "the tanker Eagle S",
    "the bulk carrier Yi Peng 3" are vessels (PRODUCT, with their hull number), whatever
    the model said. A name with a feature's word ("Suwalki Gap") or "nuclear power plant"
    after it is that feature, even a known city; "the daily Hurriyet" and "Ukrenergo,
    the grid operator," are bodies."""
    for i, c in enumerate(cands):
        next_start = cands[i + 1].start if i + 1 < len(cands) else len(text)
        head = _FEATURE_HEAD.match(text, c.end) or _NUCLEAR_PLANT.match(text, c.end)
        if head and next_start >= head.end() and not (c.locked and c.label == "PERSON"):
            c.end, c.canonical, c.locked = head.end(), None, True
            c.label = "FAC" if head.re is _NUCLEAR_PLANT else "LOC"
            continue
        if c.locked:
            continue
        if " " in text[c.start:c.end] and (end := _HEAD_AT_END.search(text, c.start, c.end)):
            # "Bialowieza Forest", "Stefan cel Mare Boulevard", "Naval Strike Missile":
            # the name's own last word
            c.label = "FAC" if end.group(1) else "PRODUCT" if end.group(2) else "LOC"
        elif _FACILITY_AFTER.match(text, c.end):
            c.label = "FAC"
        elif ((c.label in ("WORK_OF_ART", "PERSON", "LOC") or (
                c.label == "ORG" and _MODEL_LIKE.search(text, c.start, c.end)))
              and _MACHINE_AFTER.match(text, c.end)) or (
                c.label in ("ORG", "PERSON", "LOC") and _CRUDE_AFTER.match(text, c.end)):
            # "Typhoon jets", "GlobalEye surveillance aircraft", "Urals crude"; a group's
            # name before "rockets" stays the group's ("Hezbollah rockets")
            c.label = "PRODUCT"
        elif (_VESSEL_AFTER.match(text, c.end)
              or _VESSEL_BEFORE.search(text, max(0, c.start - 30), c.start)):
            c.label = "PRODUCT"
            number = DESIGNATION.match(text, c.end)
            if number and next_start >= number.end():
                c.end = number.end()
        elif c.label in ("PERSON", "GPE", "NORP", "LOC") and (
                _BODY_BEFORE.search(text, max(0, c.start - 40), c.start)
                or (_BODY_APPOSITION.match(text, c.end)
                    and not _OPENING_PREPOSITION.search(text, max(0, c.start - 10), c.start))):
            c.label = "ORG"


def events_by_context(text: str, cands: list[Candidate]) -> None:
    for c in cands:
        if not c.locked and (_EXERCISE_AFTER.match(text, c.end)
                             or _EXERCISE_APPOSITION.match(text, c.end)
                             or _exercise_named_before(text, c)):
            c.label, c.locked = "EVENT", True


def _exercise_named_before(text: str, c: Candidate) -> bool:
    """"The exercise, called Lapland Steel," and "another exercise, Dynamic Front, is":
    named, or in apposition closed by a comma (not "after the exercise, Kowalski said")."""
    m = _EXERCISE_BEFORE.search(text, max(0, c.start - 40), c.start)
    return m is not None and (bool(m.group(1)) or text.startswith(",", c.end))


def drop_capitalised_nouns(text: str, cands: list[Candidate]) -> list[Candidate]:
    keep = []
    words = None
    for c in cands:
        word = text[c.start:c.end]
        if (c.locked or c.canonical is not None or " " in word
                or not _SENTENCE_START.search(text, max(0, c.start - 6), c.start)):
            keep.append(c)
            continue
        if c.label == "PERSON" and _PREPOSITION_AFTER.match(text, c.end):
            continue
        if word in _QUANTITIES:  # "Millions of Ukrainians ..."
            continue
        if word.capitalize() in _GENRES and text.startswith(":", c.end):
            continue  # "Explainer: How ...", a headline's label
        if _common_noun(text, c, words := words or _WordIndex(text)):
            continue
        keep.append(c)
    return keep


class _WordIndex:
    """The text's lower-case words, and the capitalised words it writes inside a sentence:
    read once (asking per mention where else its word stands was quadratic in a long
    text that repeats it)."""

    def __init__(self, text: str) -> None:
        self.lower = set(re.findall(r"(?<![\w-])[a-z]+(?![\w-])", text))
        self.mid_sentence: set[str] = set()
        for m in re.finditer(r"(?<![\w-])[A-Z][a-z]+(?![\w-])", text):
            if m.group() not in self.mid_sentence and not _SENTENCE_START.search(
                    text, max(0, m.start() - 6), m.start()):
                self.mid_sentence.add(m.group())


def _common_noun(text: str, c: Candidate, words: _WordIndex) -> bool:
    """"Arson and bombings ...": a word the text also writes in lower case, and never
    capitalised except where a sentence starts, is a common noun -- unless it then
    says or does something, as people and companies do ("Rice said", "Shell has")."""
    word = text[c.start:c.end]
    if not word.isalpha() or not word[1:].islower() or len(word) < 3:
        return False
    if word.lower() not in words.lower or _ACTS_AFTER.match(text, c.end):
        return False
    return word not in words.mid_sentence


def persons_by_role(text: str, cands: list[Candidate]) -> None:
    for c in cands:
        if c.locked or c.label == "PERSON":
            continue
        words = text[c.start:c.end].split()
        if (len(words) in (2, 3) and all(w[:1].isupper() for w in words)
                and not any(w in INSTITUTION_HEADS for w in words)
                and (_ROLE_BEFORE.search(text, max(0, c.start - 20), c.start)
                     or _ROLE_APPOSITION.match(text, c.end))):
            c.label = "PERSON"


def add_datelines(text: str, cands: list[Candidate], gaz: Gazetteer) -> list[Candidate]:
    """"MADRID (Reuters) -" at a paragraph's start: the place the story was filed from."""
    added, dropped = [], []
    index = None
    parts = ((m.start(1) + p.start(), m.start(1) + p.end())
             for m in _DATELINE.finditer(text) for p in _SLASH_PART.finditer(m.group(1)))
    for start, end in parts:
        if text[start:end] in _NOT_PLACES:
            continue
        name = " ".join(w.capitalize() for w in text[start:end].split())
        entry = gaz.lookup(name)
        index = index or SpanIndex(cands)
        inside = index.overlapping(start, end)
        same = [c for c in inside if (c.start, c.end) == (start, end)]
        if same and entry is None and same[0].label not in ("GPE", "LOC", "FAC"):
            same[0].label = "GPE"  # "BUFFALO, N.Y." is the city, whatever the model said
        if same or any(c.start < start or c.end > end for c in inside):
            continue
        dropped.extend(inside)  # "KUWAIT CITY (AP)" that the model cut to "KUWAIT"
        added.append(Candidate(start, end, entry.label if entry else "GPE",
                               entry.canonical if entry else name, locked=True))
    if not added:
        return cands
    gone = {id(c) for c in dropped}
    return sorted([c for c in cands if id(c) not in gone] + added, key=lambda c: c.start)
