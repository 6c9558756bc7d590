"""kg.schema: the checker of closed schemas, one line per problem naming the entry."""
import pytest

from kg.errors import DataError
from kg.schema import MapOf, OneOf, Range, Rule, Vocabulary, validate


@pytest.mark.parametrize("value, schema, message", [
    ({"months": {"juin": "six"}}, {"months": {"*": int}}, "f.yaml: months.juin: expected int, got str 'six'"),
    ({}, {"units": {"*": str}}, "f.yaml: (top level): missing key 'units'"),
    ({"units": {}, "extra": 1}, {"units": {"*": str}}, "f.yaml: extra: unknown key (allowed: units)"),
    ({"needs_units": []}, {"needs_unit?": [str]},
     "f.yaml: needs_units: unknown key; did you mean 'needs_unit'? (allowed: needs_unit)"),
    ({"cues": ["en", 3]}, {"cues": [str]}, "f.yaml: cues[1]: expected str, got int 3"),
    ({"rows": [{"id": "r.one", "phrases": []}]}, {"rows": [{"id": str, "phrases": [str], "days": int}]},
     "f.yaml: rows[0] (r.one): missing key 'days'"),
    ([1], {"a": int}, "f.yaml: (top level): expected a mapping, got a list"),
    ({"n": True}, {"n": int}, "f.yaml: n: expected int, got bool True"),
    ({"m": 13}, {"m": Range(1, 12)}, "f.yaml: m: 13 is out of range; give 1 to 12"),
    ({"pair": ["a"]}, {"pair": Rule([str], lambda v: len(v) == 2, "give two words")}, "f.yaml: pair: give two words"),
])
def test_errors_name_file_and_entry(value, schema, message):
    with pytest.raises(DataError) as error:
        validate(value, schema, "f.yaml")
    assert str(error.value) == message


def test_optional_keys_and_alternatives():
    schema = {"days?": int, "value": (int, float)}
    validate({"value": 1.5}, schema, "f.yaml")
    validate({"value": 2, "days": -1}, schema, "f.yaml")


def test_a_vocabulary_may_depend_on_a_sibling_key():
    roles = {"visit": Vocabulary.of(["visitor", "host"], "claim_types.yaml")}
    schema = [{"id": str, "type": str, "roles": MapOf(OneOf("roles", by="type", noun="role"), int)}]
    validate([{"id": "a", "type": "visit", "roles": {"host": 1}}], schema, "f.yaml", {"roles": roles})
    with pytest.raises(DataError) as error:
        validate([{"id": "a", "type": "visit", "roles": {"hots": 1}}], schema, "f.yaml", {"roles": roles})
    assert str(error.value) == ("f.yaml: [0] (a).roles.hots: unknown role 'hots'; did you mean 'host'? "
                                "known: host, visitor; or declare it in claim_types.yaml")
