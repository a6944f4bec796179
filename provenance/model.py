"""The plain records passed between the pipeline's stages.

Every stage takes and returns these frozen dataclasses; none of them does I/O.
Offsets are half-open :class:`Span` ranges into ``Article.text``, so
``article.text[span.start:span.end]`` always shows the words behind a fact.

Each class has one ``to_dict``/``from_dict`` pair that round-trips through
JSON-compatible values (tuples become lists, datetimes ISO 8601 strings).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = [
    "KINDS",
    "Article",
    "Attribution",
    "Chain",
    "Claim",
    "CopyPair",
    "Entity",
    "Evidence",
    "FINDING_TYPES",
    "Failure",
    "Finding",
    "HOP_ROLES",
    "Hop",
    "Mention",
    "Passage",
    "Span",
    "stable_id",
]

#: The kinds a source mention, entity or graph node can have.
KINDS = (
    "person",
    "organization",
    "government",
    "outlet",
    "wire",
    "anonymous",
    "document",
)


def stable_id(*parts: str) -> str:
    """Return a short id that depends only on ``parts``, identical in every process.

    Examples
    --------
    >>> stable_id("a", "b") == stable_id("a", "b")
    True
    >>> len(stable_id("anything"))
    16
    """
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).hexdigest()


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Article.text``.

    Examples
    --------
    >>> span = Span(4, 9)
    >>> "The Pentagon said"[span.start:span.end]
    'Penta'
    >>> len(span)
    5
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Return True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Return True when ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, int]) -> Span:
        return cls(int(data["start"]), int(data["end"]))


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of: {', '.join(sorted(KINDS))}")


def _spans_to_list(spans: tuple[Span, ...]) -> list[dict[str, int]]:
    return [span.to_dict() for span in spans]


def _spans_from_list(items: Any) -> tuple[Span, ...]:
    return tuple(Span.from_dict(item) for item in items or ())


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from a file, URL, JSONL line or WARC record.

    ``text`` is the article text exactly as read (after decoding); every offset
    elsewhere indexes it. ``boilerplate`` marks regions (related stories, link
    lists, footers, share bars) that extraction must ignore; they stay in
    ``text`` so offsets remain valid.

    ``credits`` names the sources whose text the publisher republished, in the
    order they appear ("UrduPoint News / Sputnik" gives ``("Sputnik",)``).
    """

    id: str
    text: str
    path: str | None = None
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    dateline: str | None = None
    credits: tuple[str, ...] = ()
    boilerplate: tuple[Span, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"article text must be str, not {type(self.text).__name__}")
        for span in self.boilerplate:
            if span.end > len(self.text):
                raise ValueError(f"boilerplate span {span} beyond text of length {len(self.text)}")

    def is_boilerplate(self, span: Span) -> bool:
        """Return True when ``span`` overlaps a boilerplate region."""
        return any(region.overlaps(span) for region in self.boilerplate)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "path": self.path,
            "url": self.url,
            "publisher": self.publisher,
            "title": self.title,
            "author": self.author,
            "published": self.published.isoformat() if self.published else None,
            "dateline": self.dateline,
            "credits": list(self.credits),
            "boilerplate": _spans_to_list(self.boilerplate),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        return cls(
            id=data["id"],
            text=data["text"],
            path=data.get("path"),
            url=data.get("url"),
            publisher=data.get("publisher"),
            title=data.get("title"),
            author=data.get("author"),
            published=datetime.fromisoformat(published) if published else None,
            dateline=data.get("dateline"),
            credits=tuple(data.get("credits") or ()),
            boilerplate=_spans_from_list(data.get("boilerplate")),
        )


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read: where it was, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "reason": self.reason, "line": self.line}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Failure:
        return cls(data["path"], data["reason"], data.get("line"))


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a source inside one article.

    ``text`` is the surface form at ``span`` ("the newspaper", "he",
    "Pentagon spokesman John Kirby"). ``name`` is the name it stands for after
    in-article coreference ("The Washington Post", "John Kirby"); for a full
    mention it is the mention stripped of titles and roles. ``role`` and
    ``affiliation`` keep what was stripped ("spokesman", "Pentagon").
    """

    text: str
    span: Span
    kind: str
    name: str
    role: str | None = None
    affiliation: str | None = None

    def __post_init__(self) -> None:
        _check_kind(self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": self.span.to_dict(),
            "kind": self.kind,
            "name": self.name,
            "role": self.role,
            "affiliation": self.affiliation,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(
            text=data["text"],
            span=Span.from_dict(data["span"]),
            kind=data["kind"],
            name=data["name"],
            role=data.get("role"),
            affiliation=data.get("affiliation"),
        )


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed claim: who said what, through which cue, to whom.

    ``source`` is the origin of the content (``None`` when the text does not
    state one). ``recipient`` is the party the statement was given to or that
    relayed it ("told Sputnik", "The Washington Post, citing X", "in a CNN
    interview"): it becomes the next hop of the chain. The ``*_spans`` tuples
    hold the character pieces of each role (a content split around "he said"
    is two pieces), as PolNeAR annotates them. ``reported_in`` holds the cue
    spans of the attribution whose content reports this one ("Sputnik
    reported that the Pentagon said ...": the Pentagon's statement is reported
    in Sputnik's), which makes that attribution's source a further hop of the
    chain; it is empty for an attribution of the article's own voice.
    """

    article_id: str
    source: Mention | None
    cue: str
    cue_spans: tuple[Span, ...]
    content_spans: tuple[Span, ...]
    content: str
    source_spans: tuple[Span, ...] = ()
    recipient: Mention | None = None
    recipient_spans: tuple[Span, ...] = ()
    quote: bool = False
    reported_in: tuple[Span, ...] = ()

    @property
    def kind(self) -> str | None:
        """The kind of the source, or None when no source is stated."""
        return self.source.kind if self.source else None

    @property
    def evidence(self) -> tuple[Span, ...]:
        """All spans of the attribution, sorted: what a reader should be shown."""
        return tuple(
            sorted(
                (*self.source_spans, *self.cue_spans, *self.content_spans, *self.recipient_spans)
            )
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue,
            "cue_spans": _spans_to_list(self.cue_spans),
            "content_spans": _spans_to_list(self.content_spans),
            "content": self.content,
            "source_spans": _spans_to_list(self.source_spans),
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "recipient_spans": _spans_to_list(self.recipient_spans),
            "quote": self.quote,
            "reported_in": _spans_to_list(self.reported_in),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        return cls(
            article_id=data["article_id"],
            source=Mention.from_dict(data["source"]) if data.get("source") else None,
            cue=data["cue"],
            cue_spans=_spans_from_list(data.get("cue_spans")),
            content_spans=_spans_from_list(data.get("content_spans")),
            content=data["content"],
            source_spans=_spans_from_list(data.get("source_spans")),
            recipient=Mention.from_dict(data["recipient"]) if data.get("recipient") else None,
            recipient_spans=_spans_from_list(data.get("recipient_spans")),
            quote=bool(data.get("quote", False)),
            reported_in=_spans_from_list(data.get("reported_in")),
        )


#: The part a hop plays in a chain.
HOP_ROLES = ("origin", "relay", "credit", "publisher")


@dataclass(frozen=True, slots=True)
class Hop:
    """One node of a chain: a named source and the part it plays.

    ``role`` is ``origin`` (who first said it), ``relay`` (an outlet or party
    it was told to or cited by), ``credit`` (a wire the publisher credits) or
    ``publisher``. ``mention`` is the in-text mention when there is one.
    """

    name: str
    kind: str
    role: str
    mention: Mention | None = None

    def __post_init__(self) -> None:
        _check_kind(self.kind)
        if self.role not in HOP_ROLES:
            raise ValueError(f"unknown hop role {self.role!r}; expected one of: {', '.join(HOP_ROLES)}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "mention": self.mention.to_dict() if self.mention else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Hop:
        mention = data.get("mention")
        return cls(data["name"], data["kind"], data["role"], Mention.from_dict(mention) if mention else None)


@dataclass(frozen=True, slots=True)
class Chain:
    """The path of one claim from its origin to the article's publisher.

    ``hops`` run origin first, publisher last. ``evidence`` holds the spans of
    the attribution behind the chain, into the article's text.
    """

    article_id: str
    hops: tuple[Hop, ...]
    claim: str
    cue: str
    quote: bool
    evidence: tuple[Span, ...]
    attribution: Attribution | None = None
    id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.hops:
            raise ValueError("a chain needs at least one hop")
        if not self.id:
            starts = ",".join(str(span.start) for span in self.evidence)
            names = "|".join(hop.name for hop in self.hops)
            object.__setattr__(self, "id", stable_id(self.article_id, names, starts, self.claim))

    @property
    def path(self) -> tuple[str, ...]:
        """The hop names, origin first."""
        return tuple(hop.name for hop in self.hops)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "hops": [hop.to_dict() for hop in self.hops],
            "claim": self.claim,
            "cue": self.cue,
            "quote": self.quote,
            "evidence": _spans_to_list(self.evidence),
            "attribution": self.attribution.to_dict() if self.attribution else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chain:
        attribution = data.get("attribution")
        return cls(
            article_id=data["article_id"],
            hops=tuple(Hop.from_dict(hop) for hop in data["hops"]),
            claim=data["claim"],
            cue=data["cue"],
            quote=bool(data["quote"]),
            evidence=_spans_from_list(data.get("evidence")),
            attribution=Attribution.from_dict(attribution) if attribution else None,
            id=data.get("id", ""),
        )


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world source after resolution across articles."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _check_kind(self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "affiliations": list(self.affiliations),
            "articles": list(self.articles),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            kind=data["kind"],
            aliases=tuple(data.get("aliases") or ()),
            roles=tuple(data.get("roles") or ()),
            affiliations=tuple(data.get("affiliations") or ()),
            articles=tuple(data.get("articles") or ()),
        )


@dataclass(frozen=True, slots=True)
class Claim:
    """The same claim as carried by one or more articles."""

    id: str
    text: str
    quotes: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    chains: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "quotes": list(self.quotes),
            "articles": list(self.articles),
            "chains": list(self.chains),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Claim:
        return cls(
            id=data["id"],
            text=data["text"],
            quotes=tuple(data.get("quotes") or ()),
            articles=tuple(data.get("articles") or ()),
            chains=tuple(data.get("chains") or ()),
        )


@dataclass(frozen=True, slots=True)
class Passage:
    """Aligned text shared by two articles: a span in each."""

    original: Span
    copy: Span

    def to_dict(self) -> dict[str, Any]:
        return {"original": self.original.to_dict(), "copy": self.copy.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Passage:
        return cls(Span.from_dict(data["original"]), Span.from_dict(data["copy"]))


@dataclass(frozen=True, slots=True)
class CopyPair:
    """Two articles that share substantial text, the likely original first."""

    original: str
    copy: str
    credited: bool
    shared_original: float
    shared_copy: float
    passages: tuple[Passage, ...]
    reason: str
    confidence: float

    def __post_init__(self) -> None:
        for name in ("shared_original", "shared_copy", "confidence"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be in [0, 1], not {value!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "original": self.original,
            "copy": self.copy,
            "credited": self.credited,
            "shared_original": self.shared_original,
            "shared_copy": self.shared_copy,
            "passages": [passage.to_dict() for passage in self.passages],
            "reason": self.reason,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CopyPair:
        return cls(
            original=data["original"],
            copy=data["copy"],
            credited=bool(data["credited"]),
            shared_original=float(data["shared_original"]),
            shared_copy=float(data["shared_copy"]),
            passages=tuple(Passage.from_dict(item) for item in data.get("passages") or ()),
            reason=data["reason"],
            confidence=float(data["confidence"]),
        )


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding can be checked: an article and a span of its text."""

    article_id: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article_id, "start": self.span.start, "end": self.span.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evidence:
        return cls(data["article"], Span(int(data["start"]), int(data["end"])))


#: The finding types an audit reports.
FINDING_TYPES = (
    "anonymous_only",
    "attribution_conflict",
    "circular_reporting",
    "dropped_attribution",
    "quote_drift",
    "single_origin",
    "unattributed",
    "uncredited_copy",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """One audit finding: its type, the claim, a one-line explanation, evidence."""

    type: str
    claim: str | None
    detail: str
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in FINDING_TYPES:
            raise ValueError(
                f"unknown finding type {self.type!r}; expected one of: {', '.join(FINDING_TYPES)}"
            )

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "claim": self.claim,
            "detail": self.detail,
            "evidence": [item.to_dict() for item in self.evidence],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        return cls(
            type=data["type"],
            claim=data.get("claim"),
            detail=data["detail"],
            evidence=tuple(Evidence.from_dict(item) for item in data.get("evidence") or ()),
        )
