"""Rules that clean one raw entity span from the statistical model before consolidation.

General English news conventions, not fixes for particular texts:
- a leading article ("the Alliance") and a trailing possessive ("NATO's") are not part
  of the name;
- titles and honorifics are not part of a person's name ("Finance Minister Trygve
  Slagsvold Vedum" -> PERSON "Trygve Slagsvold Vedum");
- a demonym followed only by title words is a NORP, not an organisation ("British
  Defence [Secretary]" -> NORP "British");
- a known country or demonym at the head of a person span is its own mention ("US
  President Joe Biden" -> GPE "US" + PERSON "Joe Biden");
- proper names are capitalised, and neither end in lower-case words ("Javelin anti-tank"
  -> "Javelin") nor start with a hyphenated modifier ("U.S.-based Boeing" -> GPE "U.S."
  + "Boeing"); spans without letters, or that are dates, are junk; a "person" with a
  digit in the name is a product ("Leopard 2").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from nato_reader.core.gazetteer import Gazetteer

# OntoNotes name types the reader shows. DATE and TIME come from the timex tagger into
# the timeline; numbers, money and percentages are not entities a reader follows.
ENTITY_LABELS = frozenset({
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
    "LAW", "LANGUAGE",
})

_TITLES = """
President Vice Prime Minister Ministers Secretary General Deputy Foreign Defence Defense
Finance Interior Economy Chancellor Spokesman Spokeswoman Spokesperson Premier Leader
Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Prof Prof. Sir Dame Lord Lady King Queen Prince Princess
Pope Gen Gen. Lt Lt. Col Col. Maj Maj. Capt Capt. Adm Adm. Sgt Sgt. Admiral Commander
Chief Ambassador Senator Sen. Rep. Representative Governor Gov. Mayor Speaker Chairman
Chairwoman Chair Director Envoy Commissioner High Supreme Allied Field Marshal Major
Colonel Captain Sergeant Lieutenant Brigadier Air Staff State Home Justice Trade
Health Minster Secretary-General Former Acting Opposition Ex
Treasurer Attorney Judge Rev. Rabbi Bishop Archbishop Cardinal Sheik Sheikh Emir Ayatollah
Congressman Congresswoman Assemblyman Councilman Councilwoman Cpl. Pvt. Sens. Reps. Gens.
Msgr. Supt. Det.
"""
TITLE_WORDS = frozenset(_TITLES.split())

# A company's legal form after its name ("Crane Co.", "Gazprom PJSC", "Leonardo S.p.A.")
_FORMS = """
Inc Inc. Corp Corp. Co Co. Cos Cos. Ltd Ltd. LLC PLC Plc plc AG SA S.A. NV N.V. GmbH LP L.P.
Bhd Pty S.p.A. SpA Oy Oyj AB ASA A/S B.V. BV K.K. Cie. Cie PJSC JSC OJSC PAO OAO a.s. SE
"""
LEGAL_FORMS = frozenset(_FORMS.split())
# Abbreviations that end a name with their own full stop ("Crane Co.", "Sammy Davis Jr.")
KEEP_PERIOD = frozenset({"Inc", "Corp", "Co", "Cos", "Ltd", "Bros", "Jr", "Sr", "Mfg", "Assn",
                         "Dept", "Intl"})

# A model or hull designation after a name, not a count of something
DESIGNATION = re.compile(r" (?:\d[A-Z0-9]{0,4}|[A-Z]{1,2}\d[A-Z0-9]{0,3})\b(?![.,]?\d)"
                          r"(?! (?:days?|weeks?|months?|years?|hours?|percent|per|million|"
                          r"billion|times|people|points|votes|seats|to|of|and|or|in|at)\b)")
# A sentence's opening adverb or conjunction before "the" and a name ("Later the Council
# ..."); not a name's own word ("Ivan the Terrible", "Alexander the Great").
_OPENER_THE = re.compile(r"(?:Later|Then|Earlier|Meanwhile|Now|Also|Yesterday|Today|Instead|"
                         r"Separately|Finally|But|And|So|Still|Since|When|After|Before|While|"
                         r"Once|As|If|Under|Inside|Outside|Afterwards|Eventually|Soon|"
                         r"Nevertheless|However|Elsewhere|There|Here) the (?=[A-Z])")
_VARIANT = re.compile(r"[A-Z0-9]{1,4}")
_SHIP_PREFIXES = (r"(?:HMS|USS|HMCS|HMAS|HMNZS|RFS|TCG|FGS|HNLMS|KRI|HDMS|HNoMS|HSwMS|ORP|ESPS|"
                  r"ITS|BNS|NRP)")
_SHIP_PREFIX_BEFORE = re.compile(rf"(?<![\w-]){_SHIP_PREFIXES} $")
_NAME_SYLLABLE = re.compile(r"-(?!(?:[a-z]+ed|run|made|born|style|era|led|based)\b)[a-z]{2,5}\b")
_SHIP_PREFIX = re.compile(rf"{_SHIP_PREFIXES} [A-Z]")
_BANK_WORD = re.compile(r"[A-Z][a-z]+bank")
_BASE_END = re.compile(r"\s(?:Air Base|Airbase|Naval Base|Space Base|Base|Airport|Airfield|"
                       r"Air Station)$")
# a word and a serial number, not a year or an illness: "Volgoneft-212", not "Zapad-2025",
# "Covid-19"
_NUMBERED_NAME = re.compile(r"(?!Covid|COVID)([A-Z][a-z]{3,})-(?!(?:19|20)\d\d\b)\d{1,4}")
# not "G-7", a group, or "Zapad-2025", an exercise and its year
_MODEL_CODE = re.compile(r"(?!G-|[A-Z][a-z]{3,}-(?:19|20)\d\d\b)[A-Z][A-Za-z]{0,4}-\d{1,4}[A-Z]?")
_LAW_END = re.compile(r"\s(?:Act|Treaty|Convention|Accords?|Agreement|Charter|Protocol|"
                      r"Law|Bill|Amendment|Resolution|Declaration|Memorandum|Communiqu[eé])$")
_SERVICE_END = re.compile(r"\b(?:Army|Navy|Air Force|Marines|Marine Corps|Coast Guard|"
                          r"National Guard|Guard|Armed Forces|Forces)$")
_EDGE_PUNCT = "\"'“”‘’()[]{},;:!?*«»"
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_LETTER = re.compile(r"[^\W\d_]")
_WS = re.compile(r"\s+")
_MODIFIER = re.compile(r"\S+-[a-z]+")  # "30%-owned", "U.S.-based", "state-run"
# "anti-Soviet", "Pro-Kremlin": the prefix of one hyphenated word is not part of the name
# ("Anti-Defamation League", with a space, is a name of its own and keeps it).
NAME_PREFIX = re.compile(r"(?i:anti|pro|non|ex|post|pre|neo|pan|mid)-(?=[A-Z])")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
           "December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|"
           "Oct\\.?|Nov\\.?|Dec\\.?")
_DATE_LIKE = re.compile(rf"(?:\d{{1,2}}\s+)?(?:{_MONTHS})(?:\s+\d{{1,2}})?,?(?:\s+\d{{4}})?|"
                        r"\d{4}(?:s)?")


@dataclass
class Candidate:
    """A mention on its way to consolidation; canonical is None until it is decided."""

    start: int
    end: int
    label: str
    canonical: str | None = None
    locked: bool = False  # the label is known (gazetteer or person link), not voted

    def surface(self, text: str) -> str:
        return text[self.start:self.end]


class SpanIndex:
    """The candidates overlapping a stretch of text, found by bisection, so rules that
    ask once per match stay linear in the text (a megabyte has tens of thousands)."""

    def __init__(self, cands: list[Candidate]) -> None:
        self.cands = sorted(cands, key=lambda c: c.start)
        self.starts = [c.start for c in self.cands]
        self.longest = max((c.end - c.start for c in self.cands), default=0)

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        i = bisect.bisect_left(self.starts, end) - 1
        found = []
        while i >= 0 and self.starts[i] > start - self.longest:
            c = self.cands[i]
            if c.end > start:
                found.append(c)
            i -= 1
        return found[::-1]


def normalise_name(surface: str) -> str:
    return _WS.sub(" ", surface).strip()


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, edge punctuation, a leading "the" and a trailing possessive."""
    cut = text.find("\n", start, end)
    if cut != -1:  # a name never crosses a line break
        end = cut
    cut = text.find(" (", start, end)
    if cut != -1:  # nor a bracket: "Office of Sanctions (OFS" is the name, then its acronym
        end = cut
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
            start, changed = start + 1, True
        while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
            end, changed = end - 1, True
        if text.startswith(("the ", "The ", "THE "), start) and end - start > 4:
            start, changed = start + 4, True
        m = _POSSESSIVE.search(text, start, end)
        if m and end - start > 3 and m.start() > start:
            # "Wales'" keeps its s; "allies'" would not be a name anyway
            end, changed = (m.start() + 1 if m.group()[0] == "s" else m.start()), True
        if (end - start > 2 and text[end - 1] == "." and "." not in text[start:end - 1]
                and text[start:end - 1].rsplit(None, 1)[-1] not in KEEP_PERIOD):
            end, changed = end - 1, True  # a full stop, not an abbreviation like U.S.
    return start, end


def _is_variant_of_product(surface: str, gaz: Gazetteer) -> bool:
    base, sep, variant = surface.rpartition("-")
    entry = gaz.lookup(base) if sep and _VARIANT.fullmatch(variant) else None
    return entry is not None and entry.label == "PRODUCT"


def at_sentence_start(text: str, start: int) -> bool:
    """Whether text[start] opens a sentence (a quote mark before it aside)."""
    before = text[max(0, start - 3):start].rstrip(" \"'“‘")
    return not before or before[-1] in ".!?:\n"


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in re.finditer(r"\S+", text[start:end])]


# Breaks no name runs across: a spaced dash ("GORIS, Armenia - Anahit Grigoryan", "13:50 -
# Volodymyr Zelenskiy") and a comma between names ("Coalition for Change, Unity-National
# Movement"), though not before a legal form or a suffix ("Foo, Inc.", "Smith, Jr.")
_BREAK_INSIDE = re.compile(r"\s[-\u2013\u2014]\s|,\s(?!(?:Inc|Ltd|LLC|Corp|Co|plc|PLC|AG|SA|"
                           r"Jr|Sr|D\.C)\b)")
# time zones are no bodies: "0800 GMT" with "GMT" taken for an organisation
_ZONE_NAMES = "GMT UTC CET CEST EET EEST BST EST EDT CST CDT PST PDT MSK"
_ZONES = frozenset(_ZONE_NAMES.split())


def _two_known_places(text: str, start: int, end: int, gaz: Gazetteer) -> list[Candidate] | None:
    """Two known places side by side taken as one span, as two; None otherwise."""
    tokens = _tokens(text, start, end)
    if len(tokens) != 2 or gaz.lookup(text[start:end]) is not None:
        return None
    places = [gaz.lookup(text[s:e]) for s, e in tokens]
    if all(p is not None and p.label == "GPE" and not p.context for p in places):
        return [Candidate(s, e, "GPE") for s, e in tokens]
    return None


def clean_span(text: str, start: int, end: int, label: str, gaz: Gazetteer) -> list[Candidate]:
    """Zero or more candidates for one raw span (title/demonym peeling may split it)."""
    if label not in ENTITY_LABELS:
        return []
    start, end = trim(text, start, end)
    if end <= start or text[start:end] in _ZONES:
        return []
    if (cut := _BREAK_INSIDE.search(text, start, end)) and gaz.lookup(text[start:end]) is None:
        return [*clean_span(text, start, cut.start(), label, gaz),
                *clean_span(text, cut.end(), end, label, gaz)]
    if (pair := _two_known_places(text, start, end, gaz)) is not None:
        return pair  # "to give Ukraine Germany's Taurus missiles": two countries
    if label != "PERSON" and (opener := _OPENER_THE.match(text, start, end)) and (
            at_sentence_start(text, start)):
        start = opener.end()  # "Later the Council of the EU": the name starts after "the"
    if (prefix := _SHIP_PREFIX_BEFORE.search(text, max(0, start - 8), start)):
        start = prefix.start()  # "HMS" before the ship's name the model found
    if label == "PERSON" and (rest := _NAME_SYLLABLE.match(text, end)):
        end = rest.end()  # "Yoon Suk-yeol": a hyphen inside a personal name
    surface = text[start:end]
    if gaz.lookup(surface) is not None:
        return [Candidate(start, end, label)]
    prefix = NAME_PREFIX.match(surface)
    if prefix and not any(ch.isspace() for ch in surface):
        start += prefix.end()
        surface = text[start:end]
    out: list[Candidate] = []
    tokens = _tokens(text, start, end)
    while len(tokens) > 1 and _MODIFIER.fullmatch(text, *tokens[0]):
        # "30%-owned Innopac", "U.S.-based Boeing": a modifier, not the name's head
        s, e = tokens.pop(0)
        head = text[s:text.index("-", s, e)]
        entry = gaz.lookup(head)
        if entry is not None and not entry.context:
            out.append(Candidate(s, s + len(head), entry.label))
        start = tokens[0][0]
        surface = text[start:end]
    if len(tokens) > 1:
        tokens, more = _peel_head(text, tokens, label, gaz)
        out.extend(more)
        if not tokens:
            return out
        start = tokens[0][0]
        surface = text[start:end]
        if gaz.lookup(surface) is not None:
            return [*out, Candidate(start, end, label)]
    while len(tokens) > 1 and text[tokens[-1][0]].islower():
        tokens.pop()  # "Javelin anti-tank", "Bayraktar TB2 drones"
        end = tokens[-1][1]
        surface = text[start:end]
        if gaz.lookup(surface) is not None:
            return [*out, Candidate(start, end, label)]
    if (not _LETTER.search(surface) or len(surface) < 2
            or (_DATE_LIKE.fullmatch(surface) and any(ch.isdigit() for ch in surface))):
        return out
    if not (surface[0].isupper() or surface[0].isdigit()):
        return out
    if all(text[s:e] in TITLE_WORDS for s, e in tokens):
        return out
    if (label == "PERSON" and any(ch.isdigit() for ch in surface)) or (
            label in ("GPE", "LOC", "FAC", "NORP", "ORG") and _MODEL_CODE.fullmatch(surface)):
        label = "PRODUCT"  # "Leopard 2"; "AIM-9", "S-300", "MiG-29" are weapons, not places
    if _SHIP_PREFIX.match(surface):
        label = "PRODUCT"  # "HMS Grimsby", "USS Gerald R. Ford": a named ship
    if label in ("GPE", "ORG", "NORP") and (numbered := _NUMBERED_NAME.fullmatch(surface)) and (
            getattr(gaz.lookup(numbered.group(1)), "label", None) != "GPE"):
        label = "PRODUCT"  # "Volgoneft-212": a vessel or a machine of a numbered series
    if _is_variant_of_product(surface, gaz):
        label = "PRODUCT"  # "Iskander-M", "Shahed-136": a known weapon's variant
    if label in ("PERSON", "GPE", "NORP") and _BANK_WORD.fullmatch(surface):
        label = "ORG"  # "Gazprombank", "Sberbank": a bank, not a person
    if len(tokens) > 1 and text[slice(*tokens[-1])] in LEGAL_FORMS:
        label = "ORG"  # "Leonardo S.p.A.", "Novatek PJSC": a company
    if label in ("LOC", "GPE", "ORG", "PERSON") and _BASE_END.search(surface):
        label = "FAC"  # "Amari Air Base", "Boryspil Airport"
    if label == "ORG" and len(tokens) > 1 and _MODEL_CODE.fullmatch(text, *tokens[-1]):
        label = "PRODUCT"  # "Patriot PAC-3": a system and its variant, not a company
    if label == "NORP" and len(tokens) > 1 and _SERVICE_END.search(surface):
        label = "ORG"  # "U.S. Marines", "Iraqi Army": an armed service, not a people
    if label in ("WORK_OF_ART", "ORG", "EVENT") and _LAW_END.search(surface):
        label = "LAW"  # "the Clean Air Act", "the Washington Treaty"
    out.append(Candidate(start, end, label))
    return out


def _peel_head(text, tokens, label, gaz):
    """Peel titles, and known places or demonyms standing before them, off a span's head."""
    out: list[Candidate] = []
    rest = list(tokens)
    if len(rest) == 2:  # "Kosovo Serbs", "Moldova Russians": a place, then a people
        place, people = (gaz.lookup(text[s:e]) for s, e in rest)
        if place and people and (place.label, people.label) == ("GPE", "NORP"):
            return [], [Candidate(*rest[0], "GPE"), Candidate(*rest[1], "NORP")]
    if label != "PERSON":
        # other types: only "demonym + title words" ("British Defence") is peeled;
        # "Russian Defence Ministry" is a real organisation and stays whole.
        head = text[rest[0][0]:rest[0][1]]
        entry = gaz.lookup(head)
        if entry and entry.label in ("NORP", "GPE") and all(
                text[s:e] in TITLE_WORDS for s, e in rest[1:]):
            return [], [Candidate(rest[0][0], rest[0][1], entry.label)]
        # "U.S. State Department": a country before a body the gazetteer knows on its
        # own is a mention of its own (a demonym, "Russian Defence Ministry", is not)
        tail = gaz.lookup(text[rest[1][0]:rest[-1][1]])
        if (entry and entry.label == "GPE" and tail and tail.label in ("ORG", "PRODUCT")
                and not tail.context):  # also "U.S. Bradley" (vehicles)
            return rest[1:], [Candidate(rest[0][0], rest[0][1], "GPE")]
        return rest, out
    while len(rest) > 1:
        s, e = rest[0]
        word = text[s:e]
        entry = gaz.lookup(word)
        if word in TITLE_WORDS:
            rest.pop(0)
        elif (entry and entry.label in ("NORP", "GPE")
              and text[rest[1][0]:rest[1][1]] in TITLE_WORDS):
            out.append(Candidate(s, e, entry.label))
            rest.pop(0)
        else:
            break
    return rest, out
