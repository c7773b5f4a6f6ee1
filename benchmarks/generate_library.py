"""Generate a library of varied, realistic NATO/Ukraine/defence news articles as .txt files.

    python benchmarks/generate_library.py [--count 10000] [--seed 7] [--out DIR]

Every article is built from its own RNG (seed, index), so article i is the same whatever
--count is, and the same seed always gives byte-identical files. Articles have a title
(sometimes a Markdown heading, sometimes derived from the first sentence), a `date
YYYY-MM-DD` token, sub-headings and paragraphs; 150-1500 words; people, places,
organisations, absolute dates and relative time expressions ("last Thursday", "earlier
this year") for the analysis and the timeline to find.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

GENERATOR_VERSION = 2
OUT_DIR = Path(__file__).resolve().parent / "out"


def _lines(text: str) -> list[str]:
    """Entries one per line, or several on a line separated by "; "."""
    return [item.strip() for line in text.strip().split("\n") for item in line.split("; ")
            if item.strip()]


# (name, role) — public figures of the period; `role` reads as an appositive.
PEOPLE = [tuple(p.split(" | ")) for p in _lines("""
Jens Stoltenberg | NATO Secretary General; Mark Rutte | NATO Secretary General
Mircea Geoana | NATO Deputy Secretary General; Rob Bauer | chair of the NATO Military Committee
Christopher Cavoli | NATO's Supreme Allied Commander Europe
Volodymyr Zelensky | Ukrainian President; Dmytro Kuleba | Ukrainian Foreign Minister
Oleksii Reznikov | Ukrainian Defence Minister; Rustem Umerov | Ukrainian Defence Minister
Valerii Zaluzhnyi | commander-in-chief of Ukraine's armed forces
Oleksandr Syrskyi | commander of Ukraine's ground forces
Andriy Yermak | head of the Ukrainian presidential office; Joe Biden | US President
Lloyd Austin | US Defense Secretary; Antony Blinken | US Secretary of State
Jake Sullivan | US National Security Adviser; Olaf Scholz | German Chancellor
Boris Pistorius | German Defence Minister; Annalena Baerbock | German Foreign Minister
Emmanuel Macron | French President; Sebastien Lecornu | French Armed Forces Minister
Rishi Sunak | British Prime Minister; Ben Wallace | British Defence Secretary
Grant Shapps | British Defence Secretary; Andrzej Duda | Polish President
Mariusz Blaszczak | Polish Defence Minister; Kaja Kallas | Estonian Prime Minister
Gabrielius Landsbergis | Lithuanian Foreign Minister; Edgars Rinkevics | Latvian President
Sauli Niinisto | Finnish President; Sanna Marin | Finnish Prime Minister
Ulf Kristersson | Swedish Prime Minister; Recep Tayyip Erdogan | Turkish President
Viktor Orban | Hungarian Prime Minister; Giorgia Meloni | Italian Prime Minister
Pedro Sanchez | Spanish Prime Minister; Justin Trudeau | Canadian Prime Minister
Jonas Gahr Store | Norwegian Prime Minister; Mette Frederiksen | Danish Prime Minister
Klaus Iohannis | Romanian President; Petr Pavel | Czech President
Ursula von der Leyen | European Commission President; Josep Borrell | EU foreign policy chief
Vladimir Putin | Russian President; Sergei Lavrov | Russian Foreign Minister
Sergei Shoigu | Russian Defence Minister; Dmitry Peskov | Kremlin spokesman
Valery Gerasimov | chief of Russia's general staff; Alexander Lukashenko | Belarusian leader
Yevgeny Prigozhin | founder of the Wagner group
Rafael Grossi | head of the International Atomic Energy Agency
Antonio Guterres | UN Secretary-General
""")]

FIRST_NAMES = _lines("""
Anna Piotr Olena Mykola Sofia Jonas Ingrid Tomas Elena Marta Lukas Camille Pierre Julia
Henrik Aino Laura Ivan Katarzyna David Sarah Michael Rachel Daniel Agnieszka Andrius Liis
Matteo Clara Emre Zeynep Kristina Viktor Oksana Taras Hanna Sven Maria Jan Eva Paul
""".replace(" ", "\n"))
LAST_NAMES = _lines("""
Kowalska Nowak Shevchenko Kovalenko Berg Lindqvist Novak Petrov Schneider Dubois Martin
Moreau Jensen Virtanen Tamm Ozols Kaminski Rossi Yilmaz Demir Horvath Popescu Ionescu
Bondarenko Melnyk Hansen Larsen Fischer Weber Smith Johnson Brown Clarke Walsh Murphy
""".replace(" ", "\n"))
THINK_TANKS = _lines("""
the International Institute for Strategic Studies; the Royal United Services Institute
Chatham House; the Institute for the Study of War; the Kiel Institute for the World Economy
the Center for Strategic and International Studies; the Atlantic Council
the European Council on Foreign Relations; the Polish Institute of International Affairs
the Finnish Institute of International Affairs
the Stockholm International Peace Research Institute
the Carnegie Endowment for International Peace
""")

# (city, country, adjective) for places on and around the Alliance's eastern flank.
PLACES = [tuple(p.split(" | ")) for p in _lines("""
Kyiv | Ukraine | Ukrainian; Kharkiv | Ukraine | Ukrainian; Odesa | Ukraine | Ukrainian
Lviv | Ukraine | Ukrainian; Kherson | Ukraine | Ukrainian; Zaporizhzhia | Ukraine | Ukrainian
Bakhmut | Ukraine | Ukrainian; Avdiivka | Ukraine | Ukrainian; Dnipro | Ukraine | Ukrainian
Mykolaiv | Ukraine | Ukrainian; Moscow | Russia | Russian; St Petersburg | Russia | Russian
Belgorod | Russia | Russian; Kaliningrad | Russia | Russian; Minsk | Belarus | Belarusian
Brussels | Belgium | Belgian; Vilnius | Lithuania | Lithuanian; Riga | Latvia | Latvian
Tallinn | Estonia | Estonian; Warsaw | Poland | Polish; Rzeszow | Poland | Polish
Berlin | Germany | German; Ramstein | Germany | German; Paris | France | French
London | the United Kingdom | British; Washington | the United States | American
Helsinki | Finland | Finnish; Stockholm | Sweden | Swedish; Oslo | Norway | Norwegian
Copenhagen | Denmark | Danish; Bucharest | Romania | Romanian; Sofia | Bulgaria | Bulgarian
Ankara | Turkey | Turkish; Budapest | Hungary | Hungarian; Bratislava | Slovakia | Slovak
Prague | the Czech Republic | Czech; Rome | Italy | Italian; Madrid | Spain | Spanish
Ottawa | Canada | Canadian; The Hague | the Netherlands | Dutch; Chisinau | Moldova | Moldovan
Tbilisi | Georgia | Georgian
""")]

FRONT = [city for city, country, _ in PLACES if country == "Ukraine"] + [
    "Kupiansk", "Vuhledar", "Robotyne", "Marinka", "Lyman", "Pokrovsk", "Izium", "Sumy"]
PORTS = ["Odesa", "Mykolaiv", "Izmail", "Chornomorsk", "Pivdennyi"]

ORGS = _lines("""
NATO; the European Union; the UN Security Council; the Pentagon; the Kremlin
the Ukraine Defense Contact Group; the NATO-Ukraine Council
the Organization for Security and Co-operation in Europe
the International Atomic Energy Agency; the European Commission; the European Parliament
the US Congress; the Bundestag; the Verkhovna Rada
the International Committee of the Red Cross; the Wagner group; the European Defence Agency
""")
COMPANIES = _lines("""
Rheinmetall; Lockheed Martin; Raytheon; BAE Systems; Saab; Thales; Nammo; Krauss-Maffei Wegmann
Baykar; General Dynamics; Northrop Grumman; Hanwha Aerospace
""")
WEAPONS = _lines("""
Leopard 2 tanks; F-16 fighter jets; HIMARS rocket launchers; Patriot air defence systems
IRIS-T air defence systems; NASAMS batteries; Storm Shadow cruise missiles; ATACMS missiles
155mm artillery shells; Bayraktar TB2 drones; Javelin anti-tank missiles
CV90 infantry fighting vehicles; Abrams tanks; Challenger 2 tanks; Gripen fighter jets
Taurus cruise missiles; Caesar howitzers; Gepard anti-aircraft guns; Bradley fighting vehicles
sea drones
""")
EXERCISES = _lines("""
Steadfast Defender; BALTOPS; Defender Europe; Air Defender; Cold Response; Trident Juncture
Dynamic Mongoose; Ramstein Legacy; Iron Wolf; Saber Strike
""")
TOPICS = _lines("""
defence spending; the eastern flank; air policing; ammunition production; the grain corridor
sanctions against Moscow; energy security; cyber attacks; hybrid threats; nuclear deterrence
the membership bid; the accession protocol; military aid; the counteroffensive
reconstruction funding; the air defence shield; the Black Sea; undersea cables; border security
refugee support
""")
REPORTING_VERBS = ["said", "told reporters", "said in a statement", "wrote on social media",
                   "told a news conference", "said in an interview", "added", "warned"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "12", "15", "20",
           "dozens of", "hundreds of", "several", "more than 30", "about 40", "nearly 100"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SEASONS = ["spring", "summer", "autumn", "winter"]
RELATIVE = [
    "last week", "next week", "earlier this year", "later this year", "last month",
    "next month", "in the coming weeks", "over the past 18 months", "two years ago",
    "in recent days", "this autumn", "last spring", "by the end of the year", "yesterday",
    "on Monday evening", "at the end of the month", "for three days", "every year",
    "since the start of the full-scale invasion", "in the past decade", "this week",
    "earlier this month", "next year", "last year", "within six months",
]


class Writer:
    """Fills templates for one article, anchored at its publication date."""

    def __init__(self, rng: random.Random, published: date) -> None:
        self.rng = rng
        self.published = published
        # Each article centres on a few people, places and subjects, as real ones do.
        self.people = rng.sample(PEOPLE, rng.randint(2, 5))
        self.places = rng.sample(PLACES, rng.randint(2, 4))
        self.weapons = rng.sample(WEAPONS, 3)
        self.topics = rng.sample(TOPICS, 3)
        self.introduced: set[str] = set()
        self.in_sentence: set[str] = set()

    def pick(self, items):
        return self.rng.choice(items)

    def person(self) -> str:
        # Never the same person twice in one sentence ("X met X").
        choices = [p for p in self.people if p[0] not in self.in_sentence] or self.people
        name, role = self.pick(choices)
        self.in_sentence.add(name)
        if name in self.introduced:
            return name.split()[-1] if self.rng.random() < 0.7 else name
        self.introduced.add(name)
        return f"{role} {name}" if self.rng.random() < 0.5 else f"{name}, the {role},"

    def analyst(self) -> str:
        name = f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"
        return f"{name}, an analyst at {self.pick(THINK_TANKS)},"

    def when(self) -> str:
        """An absolute or relative time expression around the publication date."""
        rng, pub = self.rng, self.published
        kind = rng.random()
        if kind < 0.25:
            return f"on {WEEKDAYS[(pub - timedelta(days=rng.randint(1, 6))).weekday()]}"
        if kind < 0.5:
            day = pub + timedelta(days=rng.randint(-400, 120))
            return f"on {day.day} {MONTHS[day.month - 1]}" + (
                f" {day.year}" if day.year != pub.year or rng.random() < 0.3 else "")
        if kind < 0.62:
            day = pub + timedelta(days=rng.randint(-900, 400))
            return f"in {MONTHS[day.month - 1]} {day.year}"
        if kind < 0.7:
            return f"in {rng.randint(pub.year - 9, pub.year + 6)}"
        if kind < 0.75:
            return f"this {self.pick(SEASONS)}"
        return self.pick(RELATIVE)

    def fill(self, template: str) -> str:
        city, country, adj = self.pick(self.places)
        self.in_sentence = set()
        values = {
            "person": self.person, "name": lambda: self.pick(self.people)[0],
            "analyst": self.analyst, "when": self.when,
            "city": lambda: city, "country": lambda: country, "adj": lambda: adj,
            "front": lambda: self.pick(FRONT), "port": lambda: self.pick(PORTS),
            "org": lambda: self.pick(ORGS), "company": lambda: self.pick(COMPANIES),
            "weapon": lambda: self.pick(self.weapons), "topic": lambda: self.pick(self.topics),
            "exercise": lambda: self.pick(EXERCISES), "num": lambda: self.pick(NUMBERS),
            "verb": lambda: self.pick(REPORTING_VERBS),
            "pct": lambda: f"{self.rng.randint(11, 35) / 10:.1f}",
            "bn": lambda: f"{self.rng.choice([0.5, 1, 1.3, 2, 2.5, 3, 5, 8, 12, 50])}",
            "year": lambda: str(self.published.year + self.rng.choice([1, 2, 3, 5, 6])),
        }
        text = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)](), template)
        return text[0].upper() + text[1:]


SENTENCES = _lines("""
{person} {verb} {when} that allies would step up deliveries of {weapon} to Ukraine.
Ministers meeting in {city} {when} discussed {topic} and the next steps for {org}.
{adj} officials said {num} {weapon} had arrived {when}, earlier than planned.
The announcement came {when}, days after {person} visited {city}.
"We will support Ukraine for as long as it takes," {person} {verb}.
"This is not a moment for hesitation," {person} {verb} {when}.
{analyst} said the decision reflected growing concern over {topic}.
{analyst} noted that {country} had raised its defence budget to {pct} per cent of GDP.
Russian forces shelled the outskirts of {front} {when}, according to local authorities.
Air raid sirens sounded across Ukraine {when} as drones approached {front}.
{company} said it would open a new plant in {country} to produce {weapon}.
{company} signed a contract worth {bn} billion euros with the {adj} government {when}.
The package, worth {bn} billion dollars, includes {weapon} and spare parts.
{org} is expected to discuss {topic} at a meeting in {city} {when}.
{num} soldiers took part in the {exercise} exercise {when}.
The {exercise} drills, held {when}, tested how quickly reinforcements could reach {country}.
Diplomats in {city} said {person} had pressed allies on {topic} behind closed doors.
{person} met {person} in {city} {when} to discuss {topic}.
Critics in {country} argued that the plan did not go far enough on {topic}.
The Kremlin dismissed the move as a provocation, and {person} {verb} that Moscow would respond.
{person} {verb} that Moscow had no intention of negotiating {when}.
Parliament in {city} approved the measure {when} by a large majority.
{org} has pledged to reach the target of two per cent of GDP by {year}.
The first {weapon} are due to arrive {when}, officials in {city} said.
Training of {adj} crews on {weapon} began {when} at a base in {country}.
Satellite images published {when} showed new fortifications near {front}.
Ukrainian troops have advanced several kilometres south of {front} {when}, the general staff said.
Power was cut to parts of {front} {when} after a missile strike on an energy facility.
Officials said the talks in {city} {when} had been "frank and constructive".
{person} {verb} {when} that the Alliance must prepare for a long confrontation.
The agreement still has to be ratified by {org}, which will vote {when}.
Shipments of grain from {port} resumed {when} after a pause of {num} days.
The European Union agreed {when} on a new round of sanctions targeting {topic}.
Investigators in {country} opened an inquiry {when} into damage to {topic}.
{analyst} warned that stocks of {weapon} in {country} were running low.
Allies have so far delivered {num} {weapon}, according to figures from {org}.
The battlegroup in {country} will grow to brigade size by {year}, {person} {verb}.
{person} is due to travel to {city} {when} for talks on {topic}.
The summit in {city} {when} is expected to endorse new regional defence plans.
Turnout at the rally in {city} {when} was the largest since 2014.
Both sides reported heavy losses around {front} {when}.
Officials in {city} declined to comment on the report {when}.
""")
HEADINGS = _lines("""
What comes next
A change of plans in {city}
Pressure on {country}
{weapon} on the way
The view from {city}
Reaction in {country}
Questions over {topic}
A long road to {city}
Doubts in {city}
Industry races to keep up
Fighting around {front}
Talks in {city}
Money and {topic}
Lessons from {exercise}
Why {topic} matters
{name} under pressure
Allies divided on {topic}
The eastern flank
""")
TITLES = _lines("""
{name} pledges more {weapon} for Ukraine
Allies meet in {city} as {topic} tops the agenda
{country} to buy {weapon} in {bn} billion euro deal
{org} agrees new package on {topic}
Russian strikes hit {front} as talks stall
{exercise} exercise tests NATO's eastern flank
{name} visits {city} ahead of summit
{company} to expand production of {weapon}
Debate over {topic} divides allies
{country} raises defence spending to {pct} per cent of GDP
""")


def article_text(seed: int, index: int) -> str:
    """The full file text of article `index` (deterministic for a given seed)."""
    rng = random.Random(f"{seed}:{index}")
    published = date(2014, 1, 1) + timedelta(days=rng.randint(0, 11 * 365))
    w = Writer(rng, published)
    # Mostly 300-900 words, a long tail up to ~1500, never under 150.
    target = int(min(1400, max(150, rng.lognormvariate(6.4, 0.5))))
    title = w.fill(w.pick(TITLES))
    paragraphs: list[str] = []
    words = 0
    lead = " ".join(w.fill(w.pick(SENTENCES)) for _ in range(rng.randint(2, 3)))
    paragraphs.append(lead)
    words += len(lead.split())
    while words < target:
        if len(paragraphs) > 2 and rng.random() < 0.3:
            heading = w.fill(w.pick(HEADINGS))
            paragraphs.append(heading)
            words += len(heading.split())
        paragraph = " ".join(w.fill(w.pick(SENTENCES)) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    token = f"date {published.isoformat()}"
    style = rng.random()
    if style < 0.01:  # a few undated articles, as real collections have
        return f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
    if style < 0.6:  # the seeds' form: the date token leads the first paragraph
        return f"{token} " + "\n\n".join(paragraphs) + "\n"
    if style < 0.9:
        return f"# {title}\n\n{token}\n\n" + "\n\n".join(paragraphs) + "\n"
    return f"{token}\n" + "\n\n".join(paragraphs) + "\n"


def write_library(folder: Path, count: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{index:05d}.txt"
        path.write_text(article_text(seed, index), encoding="utf-8")
        paths.append(path)
    return paths


def ensure_library(count: int, seed: int = 7, out_dir: Path = OUT_DIR) -> Path:
    """A generated folder of `count` articles, cached under benchmarks/out/."""
    folder = out_dir / f"library-{count}-s{seed}-v{GENERATOR_VERSION}"
    marker = folder / "complete.json"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        write_library(folder, count, seed)
        marker.write_text(json.dumps({"count": count, "seed": seed}))
    return folder


def ensure_library_db(count: int, seed: int = 7, out_dir: Path = OUT_DIR) -> Path:
    """A library file holding the generated articles, built once and cached. Benchmarks
    that write must copy it first (see copy_db)."""
    from nato_reader.store.importer import import_paths
    from nato_reader.store.library import Library

    folder = ensure_library(count, seed, out_dir)
    db_path = out_dir / f"{folder.name}.db"
    marker = db_path.with_suffix(".db.complete")
    if not marker.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        with Library(db_path) as library:
            import_paths(library, [folder])
        marker.write_text("ok")
    return db_path


def copy_db(source: Path, target: Path) -> Path:
    """Copy a (closed, checkpointed) library file, so a benchmark can write to it."""
    import sqlite3

    conn = sqlite3.connect(source)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with sqlite3.connect(target) as dest:
            conn.backup(dest)
    finally:
        conn.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="folder to write (default: cached in "
                        "benchmarks/out/)")
    args = parser.parse_args(argv)
    if args.out:
        write_library(args.out, args.count, args.seed)
        folder = args.out
    else:
        folder = ensure_library(args.count, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))
    print(json.dumps({"folder": str(folder), "articles": args.count, "words": words}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
