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
    #: How much more "mess" (charset-normalizer's share of unlikely characters)
    #: the Windows-1252 reading of a non-UTF-8 file may show than the detector's
    #: best guess and still win: Western text is the common legacy case, and on
    #: short texts the detector often picks a neighbouring code page (cp1250,
    #: cp1257) that turns "naïve" into "naļve".
    legacy_mess_tolerance: float = 0.1

    # --- article metadata and boilerplate (ingest/metadata.py, boilerplate.py)
    #: Non-blank lines at the top of a text searched for the masthead, title,
    #: byline, date and dateline: a news header (masthead, title, deck,
    #: byline, summary, dateline paragraph) fits well within 15.
    head_lines: int = 15
    #: Non-blank lines at the end of the body (before trailing boilerplate)
    #: searched for sign-offs and credit lines ("— AFP", "Source: Xinhua").
    tail_lines: int = 12
    #: Lines longer than this many characters are read by their start only:
    #: the longest page-furniture link list seen runs to about 1,000.
    max_line_chars: int = 2000
    #: Words a line needs (with a closing stop) to count as article prose; two
    #: such lines in a row end a block of related stories or links.
    prose_words: int = 12
    #: Longest line, in words, read as a title or as a one-line boilerplate
    #: item ("Sign up for our newsletter ..."); headlines run to about 20.
    max_heading_words: int = 30

    # --- syndication
    #: Words per shingle: 5 keeps shared phrases of ordinary prose apart while
    #: surviving a word changed every dozen words.
    shingle_size: int = 5
    #: MinHash permutations per text block (paragraph); 64 estimates a block's
    #: Jaccard within about +-0.12, plenty to tell a reused paragraph (near 1.0)
    #: from a neighbour on the same topic (near 0.0), at half the cost of 128.
    num_perm: int = 64
    #: LSH banding threshold on the estimated Jaccard of two *blocks'* shingle
    #: sets (16 bands of 4 rows at 64 permutations): a paragraph with a word or
    #: two changed (about 0.8) collides almost surely; blocks sharing a stock
    #: phrase (under 0.2) almost never. Blocks, not whole texts, are banded so
    #: that a few paragraphs reused inside a long article are still found.
    lsh_threshold: float = 0.5
    #: Seed of the MinHash permutations, so signatures match across runs.
    seed: int = 1
    #: Minimum share of the shorter article that must be shared to report a pair.
    min_shared: float = 0.3
    #: Texts with fewer words never match anything (too little to tell a copy).
    min_words: int = 40
    #: Longer paragraphs are cut at sentence ends into blocks of about this many
    #: words, so one huge paragraph (or a text without line breaks) still
    #: aligns piece by piece.
    block_words: int = 120
    #: Shorter lines (headlines, datelines, "Advertisement") are joined to the
    #: next block: too few words to be compared on their own.
    min_block_words: int = 8
    #: rapidfuzz ``ratio`` (0-100) at which two blocks count as the same text:
    #: 80 survives a word or two replaced in a paragraph, while paragraphs on
    #: the same topic in different words score 40-60.
    block_match_cutoff: float = 80.0
    #: A shingle found in more than this share of the texts (and in at least
    #: ``common_shingle_min_docs`` of them) is boilerplate or a stock phrase
    #: and is ignored when finding candidates.
    common_shingle_share: float = 0.01
    #: A block more than this share of whose shingles are that common is
    #: ignored altogether, in verification too (an unmarked shared footer).
    common_block_share: float = 0.5
    #: The floor of that cut, so a story reprinted by 50 outlets of a small
    #: collection is not mistaken for boilerplate.
    common_shingle_min_docs: int = 50
    #: Texts sampled (in a fixed order) to count how common shingles are; the
    #: share of a 1% shingle is measured within about +-0.45% on 2,000.
    common_shingle_sample: int = 2000
    #: In an LSH bucket, each text is compared with this many of the bucket's
    #: earliest texts, not with every member: a story copied 100 times gives
    #: 100 comparisons instead of 5,000, and the original is the earliest
    #: dated text (raise it when originals are often undated or misdated).
    bucket_leaders: int = 1
    #: How much larger one side's shared fraction must be for containment to
    #: tell the direction (the copy holds the original and more).
    containment_margin: float = 0.05
    #: Sources holding within this share of the copy of the best one are
    #: equally likely, and the earliest is taken: a reprint of a reprint often
    #: matches a headline or stock line more than the true original does.
    source_margin: float = 0.1

    # --- attribution extraction
    #: Cues whose weight in ``cues.tsv`` (the share of their attributions that
    #: matched PolNeAR's on its train split) is below this are not used: 0.25
    #: gave the best attribution-level F1 there (0.15 to 0.35 tried, with
    #: ``min_nested_cue_weight`` below; 0.3 was best before that knob).
    min_cue_weight: float = 0.25
    #: A cue inside the content or source of another attribution of its
    #: sentence ("he said voters want change", "voters who backed Trump
    #: said") is kept only with at least this weight:
    #: PolNeAR's annotators mark few such nested attributions, and on its
    #: train split those of cues weighted below 0.6 matched under 30%.
    min_nested_cue_weight: float = 0.6
    #: A cue verb that no attribution rule matched gets its roles by position
    #: (:mod:`provenance.extract.fallback`) only with at least this weight:
    #: on PolNeAR's train split those of cues from 0.8 were 79% right at
    #: attribution level, those from 0.7 to 0.8 under 40%.
    min_fallback_cue_weight: float = 0.8
    #: A nested cue that opens the other cue's complement clause, with no
    #: comma, conjunction or quotation between them ("Sputnik reported that
    #: the Pentagon said", "she said Monday that he knew"), or lies in an
    #: "according to" attribution, is a statement reported in the other: kept
    #: with ``Attribution.reported_in`` when its cue is strong (the chain runs
    #: on through the reporter; ``provenance extract`` leaves it out, as
    #: PolNeAR marks only the outer one), dropped when weak. On PolNeAR's
    #: train split 21% of the 413 such attributions had an annotated cue (a
    #: nested cue above the weight starting a clause of its own, "..., adding
    #: that", 65%). False treats them as any other nested cue.
    nest_reported_cues: bool = True
    #: A nested cue that is a second statement of the other attribution's
    #: source in a clause of its own ("Trump insisted ..., claiming that ...",
    #: "she said ... and admitted ...") needs only this weight instead: on
    #: PolNeAR's train split 44% of those between 0.5 and 0.6 had an
    #: annotated cue, 77% matched at attribution level.
    min_sibling_cue_weight: float = 0.5

    # --- resolution and claims
    #: rapidfuzz score (0-100) above which two names of one kind may be one entity.
    name_match_cutoff: float = 90.0
    #: rapidfuzz score (0-100) above which two normalised claim texts are one claim.
    claim_match_cutoff: float = 85.0
    #: Words a shared quoted fragment needs to tie two claims together.
    shared_quote_words: int = 4
    #: Claims of fewer words ("Trump", "for comment") are never merged with
    #: others: too short to tell one statement from another.
    min_claim_words: int = 4
    #: A quoted fragment found inside more than this many other, longer quotes
    #: is a stock phrase ("a lot of people", a slogan), not one statement quoted
    #: in part: it no longer ties the longer quotes' claims together.
    max_quote_hosts: int = 3

    # --- audit (provenance/auditing/)
    #: Share of the shorter wording's words that must match the other, in
    #: order, for two quotes of one source to be one quote worded twice
    #: (``quote_drift``): a changed word in a five-word quote leaves 0.8, two
    #: different sentences of one speaker share a few function words (under 0.4).
    quote_drift_min_shared: float = 0.6
    #: rapidfuzz ``partial_ratio`` (0-100) at which an attributed passage of an
    #: original is found again in its copy (``dropped_attribution``); 90
    #: survives a changed word or two in a sentence.
    copy_match_cutoff: float = 90.0
    #: Words an attributed content (or the part of it inside a copied
    #: passage) needs before its loss of attribution is reported.
    attributed_content_min_words: int = 6
    #: Attributions an article needs before a sentence in its own voice is
    #: reported as ``unattributed``: an article that never attributes is a
    #: different genre (an explainer, a notice), not a lapse.
    unattributed_min_attributions: int = 2
    #: Words a sentence needs to be reported as ``unattributed``: shorter ones
    #: are headlines, captions and transitions.
    unattributed_min_words: int = 8
    #: Longest cycle of sources reported as ``circular_reporting``: two to four
    #: outlets citing one another is a finding a reader can check; the long
    #: loops a widely carried story makes through wires and relays are not.
    max_cycle_length: int = 4

    # --- drawing
    #: Above this many nodes the dot layout is too slow; another engine is used.
    max_dot_nodes: int = 300
    #: Seconds a Graphviz render may run before it is stopped (sfdp draws
    #: thousands of nodes in seconds; only a runaway layout takes longer).
    render_timeout: float = 300.0
    #: Largest side of a PNG drawing, in inches at 96 dpi (100 in = 9,600 px):
    #: larger drawings are scaled down, since sfdp lays 1,000 nodes out over
    #: 400 x 250 in and rasterising that takes 100 s for an unreadable image.
    max_png_inches: float = 100.0

    def __post_init__(self) -> None:
        for name in ("lsh_threshold", "min_shared", "common_shingle_share", "common_block_share", "containment_margin", "source_margin"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"{name} must be in [0.0, 1.0], not {value!r}")
        for name in (
            "shingle_size", "num_perm", "min_words", "max_article_bytes", "shared_quote_words", "min_claim_words",
            "max_quote_hosts",
            "block_words", "min_block_words", "common_shingle_min_docs", "common_shingle_sample",
            "bucket_leaders",
        ):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)!r}")


DEFAULT_SETTINGS = Settings()
