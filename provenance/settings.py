"""Numeric knobs of the pipeline, in one frozen, documented object.

Pass ``settings=Settings(...)`` to a stage to change them; every default is
explained where it is defined. Stages never hold bare thresholds of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_SETTINGS", "Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    """Thresholds and sizes used across the stages.

    Examples
    --------
    >>> Settings().max_article_bytes > 0
    True
    >>> Settings(shingle_size=7).shingle_size
    7
    """

    # --- reading
    #: Larger files are refused as "too large to be an article" (20 MB holds
    #: any real article with its page markup several times over).
    max_article_bytes: int = 20_000_000
    #: Seconds to wait for a URL before giving up on it.
    fetch_timeout: float = 20.0

    # --- syndication
    #: Words per shingle: 5 keeps shared phrases of ordinary prose apart while
    #: surviving a word changed every dozen words.
    shingle_size: int = 5
    #: MinHash permutations; 128 gives a Jaccard estimate within about +-0.09.
    num_perm: int = 128
    #: LSH banding threshold on estimated Jaccard of shingle sets.
    lsh_threshold: float = 0.1
    #: Seed of the MinHash permutations, so signatures match across runs.
    seed: int = 1
    #: Minimum share of the shorter article that must be shared to report a pair.
    min_shared: float = 0.3
    #: Texts with fewer words never match anything (too little to tell a copy).
    min_words: int = 40

    # --- resolution and claims
    #: rapidfuzz score (0-100) above which two names of one kind may be one entity.
    name_match_cutoff: float = 90.0
    #: rapidfuzz score (0-100) above which two normalised claim texts are one claim.
    claim_match_cutoff: float = 85.0
    #: Words a shared quoted fragment needs to tie two claims together.
    shared_quote_words: int = 4

    # --- drawing
    #: Above this many nodes the dot layout is too slow; another engine is used.
    max_dot_nodes: int = 300

    def __post_init__(self) -> None:
        for name in ("lsh_threshold", "min_shared"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be in [0.0, 1.0], not {value!r}")
        for name in ("shingle_size", "num_perm", "min_words", "max_article_bytes", "shared_quote_words"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)!r}")


DEFAULT_SETTINGS = Settings()
