"""Source mentions: their kind, canonical name, role and affiliation.

:class:`MentionResolver` turns the character span of a source or recipient
phrase, as the attribution engine found it, into a :class:`~provenance.model.Mention`:

- known outlets, wires and public bodies come from the sources table
  ("The Pentagon" is government ``Pentagon``, "the AP" the wire ``Associated Press``);
- titles and roles are stripped from people's names and kept apart
  ("Pentagon spokesman John Kirby": ``John Kirby``, ``spokesman``, ``Pentagon``);
- back-references are resolved in the article ("Kirby", "the newspaper",
  "the agency", "the spokesman") to the latest fitting mention before them,
  anywhere in the text outside boilerplate (see :mod:`provenance.extract.coref`);
  "he" and "she" to the speaker of the passage; "me" and "we" outside quotes
  to the reporter's wire or publisher; "the Post", "CNS" and "the Vermont
  senator" to the outlet, body or person named before (see
  :mod:`provenance.extract.mention_refs`);
- a phrase cut inside a name ("told USA" before "Today") is typed as the whole
  name; a recipient host named with their outlet ("CNN's Wolf Blitzer") is the
  outlet when the engine says it is a recipient;
- unnamed sources ("a senior administration official who ...") are
  ``anonymous`` and keep their text as name, never merged with anything;
- documents ("a statement", "the report") are ``document``, unless they name
  who issued them ("the Pentagon's statement", "a report by Reuters"): then
  the mention is that issuer;
- other capitalised names are organisations when organisation words say so
  ("Acme Workers Union"), governments when they are countries, people otherwise.

What a phrase's own words say is read once per distinct phrase and
remembered across articles (:mod:`provenance.extract.mention_surface`);
only the resolution in the article is done per mention.

What it does not do: decide whether the phrase is a source at all (the engine
does), or merge sources across articles (``resolve.py`` does). It never
raises on odd text: a phrase it cannot type is ``anonymous`` (lowercase) or a
person (capitalised), under its own text.
"""

from __future__ import annotations

from ..model import Article, Mention, Span
from ..sources import SourceTable, known_sources
from .coref import Antecedent, ArticleIndex, Person
from .mention_lexicon import fast_key, mention_lexicon, source_keys
from .mention_names import canonical_affiliation, classify_name, parse_role_phrase, strip_possessive
from .mention_refs import completed_phrase, described_person, earlier_namesake, host_outlet
from .mention_surface import is_possessive, phrase_reader

__all__ = ["MentionResolver", "mention_from_text"]

_BODIES = ("organization", "government", "outlet", "wire")
#: Characters a relative pronoun may stand from its name ("John Kirby, the Pentagon spokesman, who").
_RELATIVE_REACH = 40
#: Words that may describe a person before the name ("Democratic presidential hopeful Martin O'Malley").
_DESCRIBER_WORDS = 4
_Typed = tuple[str, str, "str | None", "str | None"]


class MentionResolver:
    """Types the source and recipient phrases of one article and resolves back-references.

    The article is indexed for coreference on first need, once.

    Parameters
    ----------
    article : Article
        The article the spans point into.
    sources : SourceTable, optional
        Known outlets, wires and bodies; the packaged table by default.

    Examples
    --------
    >>> from provenance.model import Article, Span
    >>> text = ("The Washington Post, citing Pentagon spokesman John Kirby, said so. "
    ...         "The newspaper quoted Kirby as saying it was true.")
    >>> resolver = MentionResolver(Article(id="a", text=text))
    >>> found = resolver.mention(Span(28, 57))
    >>> (found.kind, found.name, found.role, found.affiliation)
    ('person', 'John Kirby', 'spokesman', 'Pentagon')
    >>> resolver.mention(Span(text.index("The newspaper"), text.index(" quoted"))).name
    'The Washington Post'
    >>> kirby = text.rindex("Kirby")
    >>> resolver.mention(Span(kirby, kirby + 5)).role
    'spokesman'
    """

    def __init__(self, article: Article, *, sources: SourceTable | None = None) -> None:
        self.article = article
        self.sources = sources or known_sources()
        self._lexicon = mention_lexicon()
        self._keys = source_keys(self.sources)
        self._index: ArticleIndex | None = None
        words = self._lexicon.words
        self._determiners, self._particles = words("determiner"), words("particle")
        self._reader = phrase_reader(self.sources)

    @property
    def index(self) -> ArticleIndex:
        """The article's coreference index (built on first use)."""
        if self._index is None:
            self._index = ArticleIndex(self.article, sources=self.sources, lexicon=self._lexicon)
        return self._index

    def mention(self, span: Span, *, recipient: bool = False) -> Mention:
        """Return the Mention for the phrase at ``span``.

        Parameters
        ----------
        span : Span
            Character range of the phrase in ``article.text``. A phrase cut
            inside a name ("told USA" before "Today") is typed as the whole name.
        recipient : bool, optional
            The phrase is whom a claim was told to: a host named with their
            outlet ("CNN's Wolf Blitzer", "Bill O'Reilly of Fox News") is that outlet.

        Returns
        -------
        Mention
            ``text`` is exactly ``article.text[span.start:span.end]``; ``name``
            is the canonical name after coreference.
        """
        full_text = self.article.text
        text = full_text[span.start : span.end]
        if recipient:
            outlet = host_outlet(full_text, span.end, text, keys=self._keys)
            if outlet is not None:
                return Mention(text, span, outlet.kind, outlet.name, None, None)
        phrase = text
        if span.end < len(full_text) - 1 and full_text[span.end + 1 : span.end + 2].isupper():
            phrase = completed_phrase(full_text, span.end, text, keys=self._keys, index=self.index)
        kind, name, role, affiliation = self._type(phrase, span.start, depth=0)
        return Mention(text, span, kind, name, role, affiliation)

    # --- typing

    def _type(self, text: str, before: int, *, depth: int) -> _Typed:
        """Kind, name, role and affiliation of a phrase that starts at ``before``."""
        surface = self._reader.read(text)
        words = surface.words
        if not words:
            return "anonymous", text.strip() or text, None, None
        if surface.pronoun is not None:
            return self._pronoun(surface.core, surface.pronoun, before)
        if surface.record is not None:
            return self._known(surface.record, words, before)
        if surface.is_acronym:
            body = self.index.named_body(words[0], before=before)  # "CNS" after "Christian News Service"
            if body is not None:
                return body.kind, body.name, None, None
        typed = self._document(surface.document, surface.head, before, depth=depth)
        if typed is None:
            typed = self._anonymous(surface.anonymous, " ".join(words), before)
        if typed is None:
            typed = self._named(surface.head, surface.appositive, before)
        if typed[0] in ("anonymous", "person") and typed[2] is not None and surface.is_appositive_name:
            # "Sanders's campaign manager, Jeff Weaver" and "one of his advisers, Tad Devine": the name follows
            named = self._named(surface.appositive, (), before)
            return "person", named[1], named[2] or typed[2], named[3] or typed[3]
        if typed[0] == "anonymous" and surface.is_appositive_name:
            return self._named(surface.appositive, (), before)
        if typed[0] == "anonymous" and surface.leading is not None and depth < 2:
            return self._type(surface.leading, before, depth=depth + 1)
        return typed

    def _known(self, record, words: list[str], before: int) -> _Typed:
        """A known source, unless one word of it stands for a source or person named before ("the Post", "Jordan")."""
        bare = [word for word in words if word.casefold() not in self._determiners]
        earlier = earlier_namesake(record, bare, index=self.index, before=before) if len(bare) == 1 else None
        if earlier is None:
            return record.kind, record.name, None, None
        if isinstance(earlier, Person):
            return "person", earlier.name, earlier.role, earlier.affiliation
        return earlier.kind, earlier.name, None, None

    def _until_clause(self, words: list[str]) -> list[str]:
        """The words of an appositive before its clause ("the spokesman who said" -> "the spokesman")."""
        ends = self._lexicon.words("clause_end")
        kept = []
        for word in words:
            if word.casefold() in ends:
                break
            kept.append(word)
        return kept

    def _pronoun(self, core: str, pronoun: str, before: int) -> _Typed:
        """A pronoun: the latest fitting antecedent, or itself."""
        target, fallback = self._lexicon.pronouns[pronoun]
        found = None
        if target in ("m", "f"):
            found = self.index.speaker(before, gender=target)
        elif target == "nonperson":
            found = self.index.latest(before, _BODIES, ordered=False)
        elif target == "relative":  # "John Kirby, who said": the name just before, in the same clause
            found = self.index.latest(before, ("person", *_BODIES), ordered=False)
            between = self.article.text[found.end : before] if found else ""
            if found is None or len(between) > _RELATIVE_REACH or any(mark in between for mark in ".!?;\n"):
                found = None
        elif target == "writer" and not self.index.is_quoted(before):  # "he told me": the reporter's outlet
            writer = (*self.article.credits, self.article.publisher or core)[0]
            record = self.sources.lookup(writer) if writer != core else None
            return (record.kind, record.name, None, None) if record else (fallback, writer, None, None)
        return _from_antecedent(found) if found else (fallback, core, None, None)

    def _document(self, parts, words: tuple[str, ...], before: int, *, depth: int) -> _Typed | None:
        """A document, or the body that issued it when the phrase names one (``parts``: ``PhraseSurface.document``)."""
        if parts is None:
            return None
        owner_text, is_modifier, owner_words = parts
        if owner_text is not None and depth < 2:
            typed = self._type(owner_text, before, depth=depth + 1)
            if typed[0] == "person" and is_modifier and typed[2] is None and self.index.person(
                owner_words, before=before
            ) is None:
                return "organization", typed[1], None, None  # "a Gallup poll": polls come from bodies
            if typed[0] != "document":
                return typed
        return "document", " ".join(words), None, None

    def _anonymous(self, parts, core: str, before: int) -> _Typed | None:
        """An unnamed source ("a senior administration official who ..."), with its affiliation."""
        if parts is None:
            return None
        affiliation_words, head, role = parts
        affiliation = self._affiliation(affiliation_words, before)
        if role:
            return self._unnamed(head, role, affiliation, before)
        return "anonymous", core, None, affiliation

    def _named(self, words: list[str], appositive: list[str], before: int) -> _Typed:
        """A named person or body, or an unnamed role ("the Pentagon spokesman")."""
        parsed = parse_role_phrase(words, self._lexicon)
        name = list(parsed.name)
        while name and name[0].casefold() in self._determiners:
            name = name[1:]
        role, affiliation = parsed.role or None, self._affiliation(parsed.affiliation, before)
        if appositive and affiliation is None:
            extra = parse_role_phrase(self._until_clause(appositive), self._lexicon)
            extra_affiliation = self._affiliation(extra.affiliation, before)
            if extra.role and not extra.name and (role is None or extra_affiliation):
                role, affiliation = extra.role, extra_affiliation
        if not name:
            return self._unnamed(words, role, affiliation, before)
        lowercase = [i for i, word in enumerate(name) if word.islower() and word not in self._particles]
        if lowercase and lowercase[-1] + 1 < len(name) and name[-1][:1].isupper():
            described, name = name[: lowercase[-1] + 1], name[lowercase[-1] + 1 :]
            if len(described) > _DESCRIBER_WORDS or any(word in self._particles for word in described):
                return "anonymous", " ".join(words), role, affiliation  # a clause, not a description
            # "Republican front-runner Donald Trump": the words before the name describe the person
            if role is None:
                role = " ".join(word for word in described if word.islower())
                affiliation = affiliation or self._affiliation(
                    tuple(word for word in described if word[:1].isupper()), before
                )
        if name[0].islower():
            backref = self._backref(words, before)
            if backref is not None:
                return backref
            return "anonymous", " ".join(words), role, affiliation
        owner = next((i for i, word in enumerate(name[:-1]) if is_possessive(word)), None)
        if owner is not None:
            affiliation = affiliation or self._affiliation(tuple(name[: owner + 1]), before)
            name = name[owner + 1 :]
            if name and not name[0][:1].isupper():  # "Trump's campaign", "Murphy's spokeswoman"
                if role is not None:
                    return self._unnamed(name, role, affiliation, before)
                return self._type(" ".join(words[: len(words) - len(name)]), before, depth=1)
        if name and name[-1][:1].islower():  # a common noun phrase: "The Afro-Colombian journalist"
            return self._backref(words, before) or ("anonymous", " ".join(words), role, affiliation)
        if "of" in name[1:] and name[0].casefold() in self._lexicon.first_names:
            cut = name.index("of")
            name, affiliation = name[:cut], affiliation or self._affiliation(tuple(name[cut + 1 :]), before)
        name[-1] = strip_possessive(name[-1])
        record = self._keys.get(fast_key(" ".join(name)))
        if record is not None and role is None:
            return record.kind, record.name, None, None
        kind = "person" if role is not None else classify_name(name, self._lexicon)
        if kind == "government" and len(name) == 1:
            person = self.index.earlier_person(name[0], before=before)  # "Jordan said" after "Rep. Jim Jordan"
            if person is not None:
                return "person", person.name, person.role, person.affiliation
        if kind != "person":
            return kind, " ".join(name), None, None
        person = self.index.person(name, before=before)
        if person is None:
            return "person", " ".join(name), role, affiliation
        return "person", person.name, role or person.role, affiliation or person.affiliation

    def _unnamed(self, words: list[str], role: str | None, affiliation: str | None, before: int) -> _Typed:
        """A role without a name: the person it refers back to, or an unnamed one."""
        definite = bool(words) and words[0].casefold() in ("the", "this", "that")
        if definite:
            backref = self._backref(words, before, affiliation=affiliation)
            if backref is not None:
                return backref
        if role and words and (definite or (words[0][:1].isupper() and is_possessive(words[0]))):
            title = self._lexicon.titles.get(tuple(role.split()))
            person = described_person(
                self.index, self._lexicon, words=words, role=role, affiliation=affiliation,
                gender=title.gender if title else None, before=before, keys=self._keys,
            )  # "the Vermont senator", "Obama's former campaign strategist"
            if person is not None:
                return "person", person.name, person.role or role, person.affiliation or affiliation
        core = " ".join(words)
        if role and affiliation:
            return "person", f"{affiliation} {role}", role, affiliation
        return "anonymous", core, role, affiliation

    def _backref(
        self, words: list[str], before: int, *, affiliation: str | None = None, resolved_only: bool = False
    ) -> _Typed | None:
        """ "The newspaper", "the agency", "the spokesman": the latest fitting antecedent."""
        folded = [word.casefold() for word in words]
        if not folded or folded[0] not in ("the", "this", "that"):
            return None
        for length in range(min(3, len(folded) - 1), 0, -1):
            backref = self._lexicon.backrefs.get(" ".join(folded[-length:]))
            if backref is None:
                continue
            found = self.index.latest(before, backref.kinds, words=backref.words, affiliation=affiliation)
            if found is not None:
                return _from_antecedent(found)
            if backref.kinds[0] == "person" or resolved_only:
                return None
            return backref.kinds[0], " ".join(words), None, None
        return None

    def _affiliation(self, words: tuple[str, ...], before: int) -> str | None:
        """The canonical body a role belongs to: known, referred back to ("the ministry"), or as written."""
        if not words:
            return None
        if all(word.islower() for word in words):
            backref = self._backref(list(words), before, resolved_only=True)
            return backref[1] if backref is not None else None
        kept = tuple(word for word in words if not word.islower() or word in self._particles)
        return canonical_affiliation(kept, self._keys)


def mention_from_text(text: str, *, article: Article | None = None) -> Mention:
    """Type a phrase on its own, or as the end of ``article``'s text for back-references.

    Parameters
    ----------
    text : str
        The phrase ("Pentagon spokesman John Kirby", "the newspaper").
    article : Article, optional
        An article whose text comes before the phrase, for its antecedents.

    Returns
    -------
    Mention
        As :meth:`MentionResolver.mention` would type the phrase.

    Examples
    --------
    >>> mention_from_text("the AP").name
    'Associated Press'
    >>> mention_from_text("Treasury Secretary Steve Mnuchin").role
    'treasury secretary'
    """
    if article is None:
        article = Article(id="text", text=text)
        span = Span(0, len(text))
    else:
        article = Article(id=article.id, text=article.text + " " + text, boilerplate=article.boilerplate)
        span = Span(len(article.text) - len(text), len(article.text))
    return MentionResolver(article).mention(span)


def _from_antecedent(found: Antecedent) -> _Typed:
    person = found.person
    if person is not None:
        return "person", person.name, person.role, person.affiliation
    return found.kind, found.name, None, None

