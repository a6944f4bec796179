"""Time every export format on synthetic provenance graphs of a few sizes.

    python benchmarks/export.py                    # 50, 200 and 1000 nodes
    python benchmarks/export.py --sizes 300 2000 --formats svg

The graphs are layered like a real crawl: persons and public bodies at the
origin, each later source receiving three claims' worth of edges from earlier
ones. SVG uses the engine ``write_graph`` picks (``dot`` up to
``Settings.max_dot_nodes`` nodes, ``sfdp`` above) and the renderer
``find_renderer`` finds. Prints one Markdown table, seconds per export.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

# Run from a checkout without installing: the package sits beside this folder.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx  # noqa: E402

from provenance.export import SUPPORTED_FORMATS, to_format  # noqa: E402
from provenance.export.graphviz import find_renderer, layout_engine  # noqa: E402
from provenance.graph import ProvenanceGraph  # noqa: E402
from provenance.model import Claim  # noqa: E402

KINDS = ("person", "government", "outlet", "wire", "outlet", "organization")


def layered_graph(size: int, *, fanout: int = 3, claims: int = 50) -> ProvenanceGraph:
    """A graph of ``size`` sources, each fed by ``fanout`` earlier ones."""
    graph = nx.MultiDiGraph()
    for index in range(size):
        graph.add_node(
            f"s{index:05d}", name=f"Source number {index}", kind=KINDS[index % len(KINDS)],
            aliases=[], roles=[], affiliations=[], articles=1, article_ids=[f"a{index}"],
        )
    for index in range(fanout, size):
        for step in range(1, fanout + 1):
            parent = (index * 7 + step * 13) % index
            relation = "relayed" if step % 2 else "told"
            graph.add_edge(
                f"s{parent:05d}", f"s{index:05d}", key=relation, relation=relation, cues=["said"],
                claims=[f"c{index % claims}"], articles=[f"a{index}"],
                evidence=[{"article": f"a{index}", "start": 0, "end": 40}],
                first_date="2024-06-03T07:15:00", last_date="2024-06-03T07:15:00", quote=False,
            )
    texts = {f"c{index}": Claim(f"c{index}", f"claim number {index}") for index in range(claims)}
    return ProvenanceGraph(graph=graph, claims=texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--formats", nargs="+", default=[f for f in SUPPORTED_FORMATS if f != "pdf"])
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    renderer = find_renderer()
    print(f"renderer: {renderer.name if renderer else 'none'}\n")
    print("| nodes | edges | svg engine | " + " | ".join(arguments.formats) + " |")
    print("|--:|--:|---|" + "--:|" * len(arguments.formats))
    for size in arguments.sizes:
        graph = layered_graph(size)
        cells = []
        for fmt in arguments.formats:
            start = time.perf_counter()
            to_format(graph, fmt)
            cells.append(f"{time.perf_counter() - start:.2f}")
        edges = graph.graph.number_of_edges()
        print(f"| {size} | {edges} | {layout_engine(graph)} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
