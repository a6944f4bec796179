"""Entity resolution: one entity per real-world source across many articles.

Every hop of every chain (and every article's publisher) is assigned to an
:class:`~provenance.model.Entity`:

- outlets, wires and public bodies go through the known-sources table
  (aliases, domains), then through their normalised name; names of one family
  closer than ``Settings.name_match_cutoff`` (rapidfuzz) are one source. A
  short form ("the Gazette", "the Post") means the source of that name the same
  article names in full.
- people are keyed on first name and surname, with titles, roles and middle
  initials stripped ("Pentagon spokesman John F. Kirby" is ``John Kirby`` with
  role ``spokesman`` and affiliation ``Pentagon``). A surname alone means the
  person of that surname the same article names in full. People with the same
  name stay apart when their affiliations conflict and no role is shared;
  near spellings of the surname ("Zelensky", "Zelenskyy") merge, but a
  different first name ("Maria", "Marta") is a different person.
- anonymous sources are never merged across articles (one entity per article
  and phrase); documents likewise, unless they carry a proper name (a capital
  past the first word: "the Harbor Safety Report").

It does not guess beyond that: a surname alone in an article that never gives
the full name joins a person named in full elsewhere only when one full name
in the corpus has that surname (its person in the most articles, if the name
was split) and nothing (role, affiliation) conflicts; otherwise it stays its
own entity. Two people of the same full
name are one unless their affiliations conflict. Entity ids are derived from
content (:func:`~provenance.model.stable_id`), so they are the same in every run.

People are matched in :mod:`provenance.resolve_people`; the records both
modules work on are in :mod:`provenance.resolve_common`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import KINDS, Entity, Evidence, Hop, Mention, Span, stable_id
from .resolve_common import _Group, _lookup, _normal, _near_pairs, _Observation
from .resolve_people import _name_key, _person_groups, _titles, split_person_name
from .settings import DEFAULT_SETTINGS, Settings
from .sources import SourceTable, known_sources

if TYPE_CHECKING:  # the pipeline imports extraction, which resolution does not need
    from .pipeline import Traced

__all__ = ["Resolution", "resolve_entities"]

#: Kinds resolved by name as one family: an outlet and a wire of one name are one source.
ORGANIZATION_KINDS = frozenset({"government", "organization", "outlet", "wire"})
#: Longest name a short form may stand for: longer "names" are phrases extraction
#: took whole ("9 outrageous things Donald Trump"), not names.
MAX_FULL_NAME_WORDS = 5


@dataclass(frozen=True, slots=True)
class Resolution:
    """The entities found and which entity each hop stands for.

    ``hops`` maps ``(chain id, hop index)`` to an entity id, ``publishers``
    maps an article id to the entity id of its publisher, and ``affiliations``
    maps ``(person id, body id)`` to the mentions that state the tie.
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    hops: dict[tuple[str, int], str] = field(default_factory=dict)
    publishers: dict[str, str] = field(default_factory=dict)
    affiliations: dict[tuple[str, str], tuple[Evidence, ...]] = field(default_factory=dict)

    def entity_of(self, chain_id: str, index: int) -> Entity:
        """Return the entity of hop ``index`` of chain ``chain_id``."""
        return self.entities[self.hops[(chain_id, index)]]


def resolve_entities(
    traced: Iterable[Traced],
    *,
    sources: SourceTable | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Resolution:
    """Resolve the hops of every chain, and every publisher, to entities.

    Parameters
    ----------
    traced : iterable of Traced
        Articles with their chains, as :func:`~provenance.pipeline.trace_articles` returns.
    sources : SourceTable, optional
        Known sources; the packaged table by default (a user's aliases file
        extends it through :func:`~provenance.sources.load_aliases`).
    settings : Settings, optional
        ``name_match_cutoff`` decides when two spellings are one name.

    Returns
    -------
    Resolution

    Examples
    --------
    >>> from provenance.model import Article, Chain, Hop, Mention, Span
    >>> from provenance.pipeline import Traced
    >>> def chain(article_id, text, name):
    ...     person = Mention(text, Span(0, len(text)), "person", name)
    ...     hops = (Hop(name, "person", "origin", person), Hop("Reuters", "wire", "publisher"))
    ...     return Chain(article_id, hops, "it was so", "said", False, (Span(0, len(text)),))
    >>> one = Traced(Article("a", "", publisher="Reuters"), (), (chain("a", "John F. Kirby", "John F. Kirby"),))
    >>> two = Traced(Article("b", "", publisher="Reuters"), (), (chain("b", "Kirby", "John Kirby"),))
    >>> sorted(entity.name for entity in resolve_entities([one, two]).entities.values())
    ['John Kirby', 'Reuters']
    """
    table = sources or known_sources()
    observations = list(_observations(traced))
    groups = _resolve_groups(observations, table, settings)
    return _resolution(groups, table, settings)


# --- observations ------------------------------------------------------------


def _observations(traced: Iterable[Traced]) -> Iterator[_Observation]:
    """Every hop and publisher, with roles and affiliations read off its mention."""
    for item in traced:
        article = item.article
        if article.publisher:
            yield _Observation(article.id, article.id, article.publisher, "outlet", (article.publisher,))
        for chain in item.chains:
            for index, hop in enumerate(chain.hops):
                yield _hop_observation(chain.id, index, article.id, hop)


def _hop_observation(chain_id: str, index: int, article_id: str, hop: Hop) -> _Observation:
    mention: Mention | None = hop.mention
    # the words of the article itself; hop.name may already be a table's canonical name
    surface = tuple(dict.fromkeys(s for s in (mention.text, mention.name) if s)) if mention else (hop.name,)
    name, described = hop.name, []
    if mention is not None:
        described.append((mention.role, mention.affiliation))
        if hop.kind == "person":
            name = mention.name or hop.name
    if hop.kind == "person":
        name, role, affiliation = split_person_name(name)
        described.append((role, affiliation))
    roles, affiliations = [], []
    for role, affiliation in described:  # only what reads as a job: "spokesman", not "anxiety about"
        is_job = bool(role) and role.split()[-1].casefold() in _titles()
        roles += [role] if is_job else []
        if affiliation and (is_job or _lookup(known_sources(), affiliation)):
            affiliations.append(affiliation)
    return _Observation(
        (chain_id, index), article_id, name, hop.kind, surface, mention.span if mention else None,
        tuple(roles), tuple(affiliations),
    )


# --- grouping ----------------------------------------------------------------


def _resolve_groups(observations: list[_Observation], table: SourceTable, settings: Settings) -> list[_Group]:
    """Sort observations into source groups, family by family."""
    _settle_families(observations, table)
    by_family: dict[str, list[_Observation]] = defaultdict(list)
    for observation in observations:
        kind = observation.kind
        by_family["organization" if kind in ORGANIZATION_KINDS else kind].append(observation)
    groups = _organization_groups(by_family["organization"], table, settings)
    groups += _person_groups(by_family["person"], table, settings)
    for kind in ("anonymous", "document"):
        groups += _local_groups(by_family[kind], kind)
    return groups


def _settle_families(observations: list[_Observation], table: SourceTable) -> None:
    """Give each name one family: a known source's, else the one most of its mentions have.

    Extraction sometimes types "Reuters" as a person or "Donald Trump" as an
    organisation; a name is a body when the table knows it or when it is
    typed (or named as an affiliation) as a body more often than as a person.
    """
    votes: dict[str, Counter] = defaultdict(Counter)
    for observation in observations:
        if observation.kind == "person" or observation.kind in ORGANIZATION_KINDS:
            votes[_normal(observation.name)][observation.kind == "person"] += 1
        for body in observation.affiliations:
            votes[_normal(body)][False] += 1
    for observation in observations:
        if observation.kind == "person":
            counts = votes[_normal(observation.name)]
            if _lookup(table, observation.name) or counts[False] > counts[True]:
                observation.kind = "organization"
        elif observation.kind in ORGANIZATION_KINDS and not _lookup(table, observation.name):
            counts = votes[_normal(observation.name)]
            if counts[True] > counts[False]:
                observation.kind = "person"


def _organization_groups(
    observations: list[_Observation], table: SourceTable, settings: Settings
) -> list[_Group]:
    """Known sources by their canonical name, others by their (fuzzy) normalised name."""
    full_names: dict[str, dict[str, str]] = defaultdict(dict)  # article -> last word -> full name
    for observation in observations:
        for name in observation.surface:
            words = _normal(name).split()
            if 1 < len(words) <= MAX_FULL_NAME_WORDS:
                full_names[observation.article_id].setdefault(words[-1], name)
    groups: dict[str, _Group] = {}
    for observation in observations:
        key = _organization_key(observation, table, full_names[observation.article_id])
        groups.setdefault(key, _Group(key, "organization")).members.append(observation)
    return _merge_near_spellings(groups, settings)


def _organization_key(observation: _Observation, table: SourceTable, full_names: dict[str, str]) -> str:
    """Canonical key: a short form the article names in full, else the table, else the name."""
    for text in observation.surface:
        words = _normal(text).split()
        if len(words) == 1 and words[0] in full_names:  # "the Post" where "New York Post" is named
            record = _lookup(table, full_names[words[0]])
            return _normal(record.name if record else full_names[words[0]])
    for text in (observation.name, *observation.surface):
        record = _lookup(table, text)
        if record is not None:
            return _normal(record.name)
    return _normal(observation.name)


def _local_groups(observations: list[_Observation], kind: str) -> list[_Group]:
    """Anonymous sources per article; documents per article unless they carry a proper name."""
    groups: dict[str, _Group] = {}
    for observation in observations:
        phrase = _normal(observation.name)
        # a proper name has a capital past its first word: "the Mueller Report", not "A statement"
        named = kind == "document" and any(word[:1].isupper() for word in observation.name.split()[1:])
        key = phrase if named else f"{observation.article_id}\x1f{phrase}"
        groups.setdefault(key, _Group(key, kind)).members.append(observation)
    return list(groups.values())


def _merge_near_spellings(groups: dict[str, _Group], settings: Settings) -> list[_Group]:
    for key_a, key_b in _near_pairs(sorted(groups), settings, block=lambda key: key[:1]):
        if groups[key_b].members:
            groups[key_a].absorb(groups[key_b])
            groups[key_b].members.clear()
    return [group for group in groups.values() if group.members]


# --- entities ----------------------------------------------------------------


def _resolution(groups: list[_Group], table: SourceTable, settings: Settings) -> Resolution:
    entities: dict[str, Entity] = {}
    hops: dict[tuple[str, int], str] = {}
    publishers: dict[str, str] = {}
    by_organization_key: dict[str, str] = {}
    person_groups: list[tuple[str, _Group]] = []
    name_counts = Counter(group.key for group in groups if group.family == "person")
    for group in sorted(groups, key=lambda g: (g.family, g.key, min(m.article_id for m in g.members))):
        _expand_short_bodies(group)
        entity = _entity(group, table, name_counts[group.key] > 1)
        while entity.id in entities:  # two same-named people with the same attributes
            entity = Entity(stable_id(entity.id, entity.articles[0]), entity.name, entity.kind, entity.aliases,
                            entity.roles, entity.affiliations, entity.articles)
        entities[entity.id] = entity
        if group.family == "organization":
            by_organization_key[group.key] = entity.id
        if group.affiliations:
            person_groups.append((entity.id, group))
        for member in group.members:
            if isinstance(member.ref, str):
                publishers[member.ref] = entity.id
            else:
                hops[member.ref] = entity.id
    affiliations: dict[tuple[str, str], set[Evidence]] = defaultdict(set)
    bodies: dict[str, _Group] = {}  # bodies only ever named as someone's affiliation
    for person_id, group in person_groups:
        for member in group.members:
            for body in member.affiliations:
                record = _lookup(table, body)
                key = _normal(record.name if record else body)
                if key not in by_organization_key:
                    kind = record.kind if record else "organization"
                    bodies.setdefault(key, _Group(key, "organization")).members.append(
                        _Observation("", member.article_id, body, kind, (body,))
                    )
                body_id = by_organization_key.get(key, stable_id("source", key))
                evidence = affiliations[(person_id, body_id)]
                if member.span is not None:
                    evidence.add(Evidence(member.article_id, member.span))
    for group in bodies.values():
        entity = _entity(group, table, False)
        entities[entity.id] = entity
    return Resolution(
        dict(sorted(entities.items())),
        hops,
        publishers,
        {pair: tuple(sorted(found, key=_evidence_order)) for pair, found in sorted(affiliations.items())},
    )


def _entity(group: _Group, table: SourceTable, shares_name: bool) -> Entity:
    members = group.members
    articles = tuple(sorted({m.article_id for m in members}))
    surface = Counter(name for m in members for name in (*m.surface, m.name))
    kinds = Counter(m.kind for m in members)
    kind = min(kinds, key=lambda k: (-kinds[k], KINDS.index(k)))
    if group.family == "organization":
        record = _lookup(table, group.key)
        name = record.name if record else _display_name(Counter(m.name for m in members))
        kind = record.kind if record else kind
        entity_id = stable_id("source", group.key)
    elif group.family == "person":
        name = _display_name(Counter(m.name for m in members if _name_key(m.name)[0] is not None))
        discriminator = "|".join(sorted(group.affiliations) or sorted(group.roles)) if shares_name else ""
        entity_id = stable_id("person", group.key, *([discriminator] if shares_name else []))
    else:
        name = _display_name(Counter(m.name for m in members))
        entity_id = stable_id(kind, group.key)
    # a mention with a clause attached ("Petr Novak, who runs a chandlery,") is no alias
    aliases = tuple(sorted(alias for alias in surface if alias != name and "," not in alias))
    return Entity(entity_id, name, kind, aliases, tuple(sorted(group.roles)),
                  tuple(sorted(_canonical_bodies(group.affiliations, table))), articles)


def _display_name(counts: Counter) -> str:
    """The most used spelling not in capitals (a masthead); ties go to accented, shorter, first."""
    return min(
        counts, key=lambda n: (n.isupper(), -counts[n], -sum(not c.isascii() for c in n), len(n.split()), n)
    )


def _evidence_order(evidence: Evidence) -> tuple[str, Span]:
    return evidence.article_id, evidence.span


def _expand_short_bodies(group: _Group) -> None:
    """Read a person's "Union" as the "Dockworkers Union" they are elsewhere said to speak for."""
    longer = sorted(group.affiliations, key=lambda body: (-len(body), body))
    expanded = {
        body: next((other for other in longer if _normal(other).endswith(" " + _normal(body))), body)
        for body in group.affiliations
    }
    if any(body != full for body, full in expanded.items()):
        group.affiliations = set(expanded.values())
        for member in group.members:
            member.affiliations = tuple(expanded[body] for body in member.affiliations)


def _canonical_bodies(affiliations: Iterable[str], table: SourceTable) -> set[str]:
    return {(record.name if (record := _lookup(table, body)) else body) for body in affiliations}
