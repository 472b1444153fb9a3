"""The YAML reader: independent loads (no shared cache, no growth), safe on many threads."""

from __future__ import annotations

import gc
import tracemalloc
from concurrent.futures import ThreadPoolExecutor

import yaml

from bot.ladder import knowledge, yamlfile

from .conftest import ROOT

TYPED = "count: 0x1F\nratio: 1.5e+3\nflag: yes\nnothing: ~\nwhen: 2024-01-02\nname: senior\n"


def test_scalars_are_converted_as_yaml_says(tmp_path):
    path = tmp_path / "f.yaml"
    path.write_text(TYPED)
    value, problems = yamlfile.read_yaml(str(path))
    assert problems == []
    assert value == {
        "count": 31,
        "ratio": 1500.0,
        "flag": True,
        "nothing": None,
        "when": "2024-01-02",
        "name": "senior",
    }


def test_repeated_loads_do_not_grow_memory(tmp_path):
    path = tmp_path / "numbers.yaml"
    path.write_text("".join(f"n{i}: {i}\nf{i}: {i}.5\n" for i in range(2000)))
    for _ in range(3):  # warm up caches that are bounded (interned strings, regexes)
        yamlfile.read_yaml(str(path))
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(20):
        yamlfile.read_yaml(str(path))
    gc.collect()
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    # Before the fix every load kept its 4,000 numbers (several hundred KB a load).
    assert grown < 200_000, f"memory grew by {grown:,} bytes over 20 loads"


def test_loads_on_many_threads_at_once_agree():
    expected = knowledge.load(ROOT / "knowledge").roles.keys()
    with ThreadPoolExecutor(8) as pool:
        loaded = list(pool.map(lambda _: knowledge.load(ROOT / "knowledge"), range(16)))
    assert all(kb.roles.keys() == expected for kb in loaded)


def test_the_fast_path_matches_pyyaml_and_is_active():
    """Fails if a PyYAML release drops the resolver table the fast path reads (answers
    stay right without it, only slower): then look at yamlfile._Loader.resolve again."""
    assert yamlfile.MAY_BE_TYPED is not None
    for first in yaml.SafeLoader.yaml_implicit_resolvers:
        assert not first or first in yamlfile.MAY_BE_TYPED
