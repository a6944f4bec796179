"""People across articles: a person's name split from their title, and one entity per person.

People are keyed on first name and surname, with titles, roles and middle
initials stripped ("Pentagon spokesman John F. Kirby" is ``John Kirby`` with
role ``spokesman`` and affiliation ``Pentagon``, :func:`split_person_name`). A
surname alone means the person of that surname the same article names in
full. People with the same name stay apart when their affiliations conflict
and no role is shared; near spellings of the surname ("Zelensky",
"Zelenskyy") merge, but a different first name ("Maria", "Marta") is a
different person. A surname alone in an article that never gives the full
name joins a person named in full elsewhere only when one full name in the
corpus has that surname (its person in the most articles, if the name was
split) and nothing (role, affiliation) conflicts; otherwise it stays its own
entity. The rest of resolution is :mod:`provenance.resolve`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import fuzz

from .lexicon import load_table
from .resolve_common import _Group, _lookup, _near_pairs, _normal, _Observation
from .settings import Settings
from .sources import SourceTable

__all__ = ["split_person_name"]

#: Lowercase words this short are particles and prepositions ("of", "von", "de"), never
#: a role: "Secretary of Defense Lloyd Austin" is not split at "of".
MAX_PARTICLE_LENGTH = 3
#: A leading abbreviated title: "Gen.", "Sen.", "Dr.", "Mr.".
RE_ABBREVIATED_TITLE = re.compile(r"^[A-Z][a-z]{1,4}\.$")
#: Generational suffixes, dropped from the matching key ("Martin Luther King Jr.").
RE_SUFFIX = re.compile(r"^(?:jr|sr|ii|iii|iv)$")


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


@lru_cache(maxsize=1)
def _titles() -> dict[str, str | None]:
    """One-word titles of ``titles.tsv`` ("Minister", "Gen.") and the role each gives."""
    return {
        row[0].casefold(): (row[1] if len(row) > 1 and row[1] != "-" else None)
        for row in load_table("titles.tsv")
        if " " not in row[0]
    }


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
