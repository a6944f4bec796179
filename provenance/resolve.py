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
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from .lexicon import load_table
from .model import KINDS, Entity, Evidence, Hop, Mention, Span, stable_id
from .settings import DEFAULT_SETTINGS, Settings
from .sources import KnownSource, SourceTable, known_sources, normalize_name

if TYPE_CHECKING:  # the pipeline imports extraction, which resolution does not need
    from .pipeline import Traced

__all__ = ["Resolution", "resolve_entities", "split_person_name"]

#: Kinds resolved by name as one family: an outlet and a wire of one name are one source.
ORGANIZATION_KINDS = frozenset({"government", "organization", "outlet", "wire"})
#: Lowercase words this short are particles and prepositions ("of", "von", "de"), never
#: a role: "Secretary of Defense Lloyd Austin" is not split at "of".
MAX_PARTICLE_LENGTH = 3
#: Longest name a short form may stand for: longer "names" are phrases extraction
#: took whole ("9 outrageous things Donald Trump"), not names.
MAX_FULL_NAME_WORDS = 5
#: A leading abbreviated title: "Gen.", "Sen.", "Dr.", "Mr.".
RE_ABBREVIATED_TITLE = re.compile(r"^[A-Z][a-z]{1,4}\.$")
#: Generational suffixes, dropped from the matching key ("Martin Luther King Jr.").
RE_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)$")


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


@dataclass(slots=True)
class _Observation:
    """One appearance of a source: a hop, or an article's publisher."""

    @property
    def start(self) -> int:
        return self.span.start if self.span is not None else 0

    ref: tuple[str, int] | str
    article_id: str
    name: str
    kind: str
    surface: tuple[str, ...]  # the forms in the article's text (or its metadata)
    span: Span | None = None
    roles: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()


@dataclass(slots=True)
class _Group:
    """Observations found to be one source, with what is known about it."""

    key: str
    family: str
    members: list[_Observation] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)

    def absorb(self, other: _Group) -> None:
        self.members.extend(other.members)
        self.roles |= other.roles
        self.affiliations |= other.affiliations


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


def split_person_name(text: str) -> tuple[str, str | None, str | None]:
    """Split "Pentagon spokesman John Kirby" into name, role and affiliation.

    A lowercase run before the name ending in a title of ``titles.tsv`` is the
    role, and the capitalised words before it the affiliation; other words
    before the name ("Shortly after") are dropped and give neither. Leading
    one-word titles ("Minister", "Gen.") and abbreviations like them are
    dropped too, keeping the role they give. Extraction usually splits
    mentions already; this is for names that reach resolution whole.

    Examples
    --------
    >>> split_person_name("Port Authority chief spokeswoman Maria Novak")
    ('Maria Novak', 'chief spokeswoman', 'Port Authority')
    >>> split_person_name("Gen. Mark Milley")
    ('Mark Milley', 'general', None)
    >>> split_person_name("Minister Ivan Novak")
    ('Ivan Novak', 'minister', None)
    >>> split_person_name("Shortly after Hillary Clinton")
    ('Hillary Clinton', None, None)
    """
    words = text.split()
    titles = _titles()
    title_role = None
    while len(words) > 1 and (RE_ABBREVIATED_TITLE.match(words[0]) or words[0].casefold() in titles):
        title_role = titles.get(words[0].casefold()) or title_role
        words = words[1:]
    lower = [i for i, word in enumerate(words) if word[:1].islower()]
    if not lower or lower[-1] == len(words) - 1 or _is_particle(words[lower[-1]]):
        return " ".join(words), title_role, None
    end = lower[-1]
    start = end
    while start > 0 and words[start - 1][:1].islower() and not _is_particle(words[start - 1]):
        start -= 1
    name = " ".join(words[end + 1 :])
    if words[end].casefold() not in titles:  # "Shortly after Hillary Clinton": no role, no body
        return name, title_role, None
    affiliation = " ".join(word for word in words[:start] if word.casefold() != "the") or None
    return name, " ".join(words[start : end + 1]), affiliation


def _is_particle(word: str) -> bool:
    return len(word) <= MAX_PARTICLE_LENGTH and word.islower()


@lru_cache(maxsize=1 << 16)
def _normal(name: str) -> str:
    """``normalize_name``, cached: the same names recur in every article."""
    return normalize_name(name)


@lru_cache(maxsize=1 << 16)
def _lookup(table: SourceTable, name: str) -> KnownSource | None:
    """``table.lookup``, cached for the same reason."""
    return table.lookup(name)


@lru_cache(maxsize=1)
def _titles() -> dict[str, str | None]:
    """One-word titles of ``titles.tsv`` ("Minister", "Gen.") and the role each gives."""
    return {
        row[0].casefold(): (row[1] if len(row) > 1 and row[1] != "-" else None)
        for row in load_table("titles.tsv")
        if " " not in row[0]
    }


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


def _person_groups(observations: list[_Observation], table: SourceTable, settings: Settings) -> list[_Group]:
    """In-article people first (surnames joined to full names), then across articles."""
    local: dict[tuple[str, str], _Group] = {}
    surnames: list[_Observation] = []
    for observation in sorted(observations, key=lambda o: (o.article_id, o.start)):
        first, last = _name_key(observation.name)
        if first is None:
            surnames.append(observation)
            continue
        key = f"{first} {last}"
        _add(local.setdefault((observation.article_id, key), _Group(key, "person")), observation)
    named: dict[tuple[str, str], list[_Group]] = defaultdict(list)  # (article, surname) -> people
    for (article_id, key), group in local.items():
        named[(article_id, key.split()[-1])].append(group)
    for observation in surnames:
        _, last = _name_key(observation.name)
        candidates = named.get((observation.article_id, last))
        if candidates:
            preceding = [g for g in candidates if _first_seen(g) <= observation.start] or candidates
            _add(max(preceding, key=_first_seen), observation)  # the nearest one named before
        else:
            key = (observation.article_id, last)
            _add(local.setdefault(key, _Group(f"{observation.article_id}\x1f{last}", "surname")), observation)
    people: dict[str, list[_Group]] = defaultdict(list)
    kept: list[_Group] = []
    for group in local.values():
        if group.family == "surname":
            kept.append(group)
            continue
        for cluster in people[group.key]:
            if _compatible(cluster, group, table, settings):
                cluster.absorb(group)
                break
        else:
            people[group.key].append(group)
    for key_a, key_b in _near_pairs(sorted(people), settings, block=lambda key: key.split()[0]):
        for cluster_a in people[key_a]:
            for cluster_b in list(people[key_b]):
                if cluster_a.members and cluster_b.members and _compatible(cluster_a, cluster_b, table, settings):
                    cluster_a.absorb(cluster_b)
                    cluster_b.members.clear()
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    for clusters in people.values():
        for cluster in clusters:
            if cluster.members:
                by_surname[cluster.key.split()[-1]].append(cluster)
    alone = []
    for group in kept:  # a bare surname joins the one person of that surname, unless they conflict
        known = by_surname.get(group.key.split("\x1f")[-1], [])
        # one name split by conflicting descriptions is still one name: take its main person
        best = max(known, key=lambda c: (len({m.article_id for m in c.members}), c.key), default=None)
        if best is not None and len({c.key for c in known}) == 1 and _compatible(
            best, group, table, settings, strict=True
        ):
            best.absorb(group)
        else:
            alone.append(group)
    return alone + [group for clusters in people.values() for group in clusters if group.members]


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


def _near_pairs(keys: list[str], settings: Settings, *, block) -> list[tuple[str, str]]:
    """Pairs of keys spelled alike (rapidfuzz ratio), compared only within a block."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        blocks[block(key)].append(key)
    pairs = []
    for members in blocks.values():
        if len(members) < 2:
            continue
        scores = process.cdist(members, members, scorer=fuzz.ratio, score_cutoff=settings.name_match_cutoff)
        for i, j in zip(*scores.nonzero()):
            if i < j:
                pairs.append((float(scores[i, j]), members[i], members[j]))
    return [(a, b) for _, a, b in sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))]


def _first_seen(group: _Group) -> int:
    return min(member.start for member in group.members)


def _add(group: _Group, observation: _Observation) -> None:
    group.members.append(observation)
    group.roles.update(observation.roles)
    group.affiliations.update(observation.affiliations)


def _name_key(name: str) -> tuple[str | None, str]:
    """First name and surname, casefolded, accents and initials dropped."""
    words = [w for w in _normal(name).replace(".", " ").split() if not RE_SUFFIX.match(w)]
    if len(words) > 2:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    if not words:
        return None, _normal(name)
    return (words[0] if len(words) > 1 else None), words[-1]


def _compatible(a: _Group, b: _Group, table: SourceTable, settings: Settings, *, strict: bool = False) -> bool:
    """False when the two cannot be one person.

    Named people conflict when their affiliations do and no role is shared
    ("GOP" and "Republican" front-runner stay one; the Port Authority's
    spokeswoman and the bakery's owner do not): one person is described in
    many ways, two people rarely share a full name. ``strict`` (for a bare
    surname) makes any conflict of affiliations or of roles count.
    """
    affiliations_conflict = bool(a.affiliations and b.affiliations) and not _overlap(
        a.affiliations, b.affiliations, table, settings
    )
    roles_known = bool(a.roles and b.roles)
    roles_conflict = roles_known and not _overlap(a.roles, b.roles, table, settings)
    if strict:
        return not (affiliations_conflict or roles_conflict)
    return not (affiliations_conflict and (roles_conflict or not roles_known))


def _overlap(left: set[str], right: set[str], table: SourceTable, settings: Settings) -> bool:
    """True when some item of ``left`` names the same thing as some item of ``right``."""

    def canonical(text: str) -> str:
        record = _lookup(table, text)
        return _normal(record.name if record else text)

    return any(
        fuzz.token_set_ratio(canonical(x), canonical(y)) >= settings.name_match_cutoff
        for x in left
        for y in right
    )


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
