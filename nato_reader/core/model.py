"""Plain data shared by the core, the store and the UI.

Offsets are always character offsets into an article's body text (Python `str`
indices), end exclusive, as in the `extract --json` contract.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class ParsedArticle:
    """An article as read from a file, before it is stored."""

    title: str
    published: date | None
    body: str
    headings: tuple[Span, ...] = ()
    title_from_file: bool = False  # True when the file named its title explicitly
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    id: int
    uri: str
    source: str
    content_hash: str
    title: str
    published: date | None
    body: str
    headings: tuple[Span, ...]
    imported_at: str
    note: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleSummary:
    """What the library list needs, without the body."""

    id: int
    uri: str
    source: str
    title: str
    published: date | None
    tags: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "uri": self.uri,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "tags": list(self.tags),
        }


@dataclass(frozen=True)
class Mention:
    """One entity mention; `canonical` names the real-world entity it refers to."""

    start: int
    end: int
    text: str
    label: str
    canonical: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Timex:
    """A temporal expression normalised as a TimeML TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str  # e.g. 2022-10, 2023-09-30, 2023-FA, P1Y, PRESENT_REF; "" when unresolved
    sentence: Span

    @property
    def resolved(self) -> bool:
        return bool(self.value) and "X" not in self.value[:4]

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "sentence": {"start": self.sentence.start, "end": self.sentence.end},
        }


@dataclass(frozen=True)
class Analysis:
    """Everything the reader shows about one text, cacheable as JSON."""

    mentions: tuple[Mention, ...]
    timexes: tuple[Timex, ...]
    sentences: tuple[Span, ...]
    pipeline_version: str

    def to_json(self) -> dict:
        return {
            "pipeline_version": self.pipeline_version,
            "entities": [m.to_json() for m in self.mentions],
            "timeline": [t.to_json() for t in self.timexes],
            "sentences": [[s.start, s.end] for s in self.sentences],
        }

    @classmethod
    def from_json(cls, data: dict) -> Analysis:
        return cls(
            mentions=tuple(Mention(**m) for m in data["entities"]),
            timexes=tuple(
                Timex(
                    start=t["start"],
                    end=t["end"],
                    text=t["text"],
                    type=t["type"],
                    value=t["value"],
                    sentence=Span(t["sentence"]["start"], t["sentence"]["end"]),
                )
                for t in data["timeline"]
            ),
            sentences=tuple(Span(s, e) for s, e in data["sentences"]),
            pipeline_version=data["pipeline_version"],
        )


@dataclass(frozen=True)
class EntityCorrection:
    """A user's correction to the analysis, applied to every article.

    kind is one of: "retype" (value = new label), "rename" (value = new name),
    "merge" (value = canonical name to merge into), "hide" (value unused).
    """

    id: int
    kind: str
    canonical: str
    value: str = ""


@dataclass(frozen=True)
class Annotation:
    """A highlight on an article: W3C TextQuoteSelector + TextPositionSelector."""

    id: int
    article_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    colour: str
    note: str = ""
    tags: tuple[str, ...] = ()
    orphan: bool = False
    created_at: str = ""
    updated_at: str = ""


@dataclass(frozen=True)
class Colour:
    """A named highlight colour; the name carries meaning ("claim", "evidence")."""

    name: str
    hex: str


@dataclass
class ImportReport:
    """What one import did, file by file, for the command line and the UI."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    article_ids: list[int] = field(default_factory=list)
