"""Every packaged data file parses, is sorted and has no duplicate entries."""

import pytest

from provenance.lexicon import data_files, load_table
from provenance.sources import known_sources, normalize_name


@pytest.mark.parametrize("name", data_files())
def test_data_file_is_sorted_without_duplicates(name):
    keys = [row[0].casefold() for row in load_table(name)]
    assert keys, f"{name} is empty"
    assert keys == sorted(keys), f"{name} is not sorted"
    assert len(keys) == len(set(keys)), f"{name} has duplicate entries"


def test_every_alias_points_to_one_source():
    seen = {}
    for record in known_sources().records:
        for alias in (record.name, *record.aliases):
            key = normalize_name(alias)
            assert seen.setdefault(key, record.name) == record.name, f"{alias!r} is ambiguous"
