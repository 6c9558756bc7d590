"""kg.yaml_cache: a long YAML file is read from a JSON copy the second time, with the same data."""
import pytest
import yaml

import kg.yaml_cache
from kg.yaml_cache import load_yaml

LONG = "entries:\n" + "".join(f"  - {{id: e{n}, label: 'Entrée {n}', forms: {{fr: [a, b]}}}}\n" for n in range(300))


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "kg" / "yaml"


def copies(cache):
    return sorted(cache.glob("*.json")) if cache.exists() else []


def test_a_second_read_comes_from_the_copy(cache, monkeypatch):
    first = load_yaml(LONG)
    assert len(copies(cache)) == 1

    def no_yaml(*_args, **_kwargs):
        raise AssertionError("read as YAML again")

    monkeypatch.setattr(kg.yaml_cache.yaml, "load", no_yaml)
    assert load_yaml(LONG) == first


def test_a_changed_file_is_read_afresh(cache):
    load_yaml(LONG)
    changed = load_yaml(LONG.replace("e299", "e300"))
    assert changed["entries"][-1]["id"] == "e300" and len(copies(cache)) == 2


@pytest.mark.parametrize("extra", ["when: 2024-10-02\n", "1: one\n"])
def test_data_json_would_change_is_never_copied(cache, extra):
    data = load_yaml(LONG + extra)
    assert data == yaml.safe_load(LONG + extra) and copies(cache) == []


def test_a_damaged_copy_is_no_copy(cache):
    load_yaml(LONG)
    copies(cache)[0].write_text("{not json", encoding="utf-8")
    assert load_yaml(LONG) == yaml.safe_load(LONG)


def test_invalid_yaml_is_still_an_error():
    with pytest.raises(yaml.YAMLError):
        load_yaml(LONG + "  - [unclosed\n")
