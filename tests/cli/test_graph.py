"""``provenance graph`` (summary, focus, aliases, output) and ``provenance trace --claim``."""

from __future__ import annotations

import json

import networkx as nx

from provenance.cli import cli
from tests.conftest import SAMPLES

STRIKE = SAMPLES / "harbor-strike"
QUOTE = "The port will remain closed until every crane has been inspected"


def test_summary_counts_sources_edges_and_shared_claims(runner):
    result = runner.invoke(cli, ["graph", str(STRIKE), "--quiet"])
    assert result.exit_code == 0, result.output
    first, second, third, *claims = result.stdout.splitlines()
    assert " person" in first and " outlet" in first and " anonymous" in first
    assert " told" in second and " published" in second
    assert "carried by more than one" in third
    assert any(QUOTE in line and "Maria Novak" in line and line.startswith("  5 articles") for line in claims)


def test_json_summary_is_deterministic(runner):
    first = runner.invoke(cli, ["graph", str(STRIKE), "--format", "json", "--quiet"])
    second = runner.invoke(cli, ["graph", str(STRIKE), "--format", "json", "--quiet"])
    assert first.exit_code == 0, first.output
    assert first.stdout == second.stdout
    facts = json.loads(first.stdout)
    assert facts["nodes_by_kind"]["person"] >= 3
    assert facts["shared_claims"][0]["origins"] == ["Maria Novak"]


def test_focus_narrows_the_graph(runner):
    whole = json.loads(runner.invoke(cli, ["graph", str(STRIKE), "--format", "json", "-q"]).stdout)
    result = runner.invoke(cli, ["graph", str(STRIKE), "--format", "json", "-q", "--focus", "Petr Novak"])
    assert result.exit_code == 0, result.output
    focused = json.loads(result.stdout)
    assert 0 < focused["nodes"] < whole["nodes"]
    assert "anonymous" not in focused["nodes_by_kind"]


def test_unknown_focus_is_a_usage_error(runner):
    result = runner.invoke(cli, ["graph", str(STRIKE), "-q", "--focus", "Nobody Whatsoever"])
    assert result.exit_code == 2
    assert "no source named 'Nobody Whatsoever'" in result.stderr


def test_aliases_file_merges_sources(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Bay Times\n\nPort shut\n\nThe HG said the port was shut for the week.\n", encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text("Bay Times\n\nPort news\n\nHarbor Gazette said fuel prices rose sharply.\n", encoding="utf-8")
    aliases = tmp_path / "aliases.tsv"
    aliases.write_text("# name\tkind\taliases\tdomains\nHarbor Gazette\toutlet\tThe HG|HG\t\n", encoding="utf-8")
    plain = json.loads(runner.invoke(cli, ["graph", str(article), str(other), "--format", "json", "-q"]).stdout)
    merged = runner.invoke(cli, ["graph", str(article), str(other), "--format", "json", "-q", "--aliases", str(aliases)])
    assert merged.exit_code == 0, merged.output
    assert json.loads(merged.stdout)["nodes"] == plain["nodes"] - 1


def test_output_must_not_overwrite_an_input(runner, tmp_path):
    article = tmp_path / "a.json"
    article.write_text('{"text": "Reuters said the port was shut."}\n', encoding="utf-8")
    result = runner.invoke(cli, ["graph", str(article), "-o", str(article)])
    assert result.exit_code == 2
    assert "is also an input" in result.stderr


def test_output_file_follows_the_extension(runner, tmp_path):
    graphml, node_link = tmp_path / "strike.graphml", tmp_path / "strike.json"
    for output in (graphml, node_link):
        result = runner.invoke(cli, ["graph", str(STRIKE), "-q", "-o", str(output)])
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
    names = {data["name"] for _, data in nx.read_graphml(graphml).nodes(data=True)}
    assert {"Maria Novak", "Petr Novak", "Harbor Gazette"} <= names
    assert "Maria Novak" in {node.get("name") for node in json.loads(node_link.read_text(encoding="utf-8"))["nodes"]}


def test_same_input_gives_byte_identical_files(runner, tmp_path):
    first, second = tmp_path / "first.graphml", tmp_path / "second.graphml"
    for output in (first, second):
        assert runner.invoke(cli, ["graph", str(STRIKE), "-q", "-o", str(output)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_focused_output(runner, tmp_path):
    output = tmp_path / "novak.graphml"
    result = runner.invoke(cli, ["graph", str(STRIKE), "-q", "-o", str(output), "--focus", "Petr Novak"])
    assert result.exit_code == 0, result.output
    names = {data["name"] for _, data in nx.read_graphml(output).nodes(data=True)}
    assert "Petr Novak" in names and "Maria Novak" not in names


def test_unknown_output_format_is_refused_before_any_work(runner, tmp_path):
    result = runner.invoke(cli, ["graph", str(STRIKE), "-q", "-o", str(tmp_path / "strike.svgz")])
    assert result.exit_code == 2
    assert "unknown export format 'svgz'" in result.stderr
    assert not (tmp_path / "strike.svgz").exists()


def test_unreadable_input_still_gives_a_graph_and_exit_1(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    result = runner.invoke(cli, ["graph", str(STRIKE), str(bad), "-q"])
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and "sources:" in result.stdout


def test_trace_claim_shows_only_that_claims_chains(runner):
    result = runner.invoke(cli, ["trace", str(STRIKE), "--claim", "port remain closed until cranes inspected", "-q"])
    assert result.exit_code == 0, result.output
    chains = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    assert len(chains) == 5
    assert all(QUOTE in line and line.lstrip().startswith("Maria Novak") for line in chains)


def test_trace_claim_without_a_match_says_so(runner):
    result = runner.invoke(cli, ["trace", str(STRIKE), "--claim", "the moon is made of cheese", "-q"])
    assert result.exit_code == 0
    assert result.stdout == "" and "no claim matches" in result.stderr


def test_without_any_renderer_the_dot_is_still_written(runner, tmp_path, monkeypatch, seed_path):
    from provenance.export import graphviz as graphviz_export

    monkeypatch.setattr(graphviz_export, "find_renderer", lambda: None)
    target = tmp_path / "seed.svg"
    result = runner.invoke(cli, ["graph", str(seed_path), "-o", str(target), "--quiet"])
    assert result.exit_code == 1
    assert "graphviz" in result.stderr.lower() and "seed.dot" in result.stderr
    assert not target.exists()
    assert (tmp_path / "seed.dot").read_text(encoding="utf-8").startswith("digraph")
