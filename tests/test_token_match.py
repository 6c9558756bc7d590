"""kg.token_match: spaCy's long token_match pattern, grouped, matches the same strings."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp import pipeline
from kg.token_match import grouped_pattern, quick_token_match

LETTERS = "a-zà-ÿ"
# the shape of spaCy's French exceptions: anchored alternatives, most ending in the same classes
SMALL = ("(?iu)" + "|".join(f"(?:{m})" for m in [
    f"^ab[-–][{LETTERS}]+$", f"^cd[-–][{LETTERS}]+$", f"^[{LETTERS}]+[-]en[-](?:l['’])?[{LETTERS}]+$",
    f"^e[-][{LETTERS}][-{LETTERS}'’]*$", f"^f[-][{LETTERS}][-{LETTERS}'’]*$", "^x$"]))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcdefxnlAÉé-–'’z", max_size=9))
def test_the_grouped_pattern_matches_the_same_strings(text):
    original, grouped = re.compile(SMALL), re.compile(grouped_pattern(SMALL))
    assert bool(grouped.match(text)) == bool(original.match(text))


def test_alternatives_are_grouped_by_the_classes_they_end_with():
    grouped = grouped_pattern(SMALL)
    assert grouped.count(f"[{LETTERS}]+$") == 2 and "(?:^ab|^cd)[-–]" in grouped


def test_a_pattern_of_another_shape_is_left_as_written():
    assert grouped_pattern("(?iu)(?:^a(?:b(?:c))$)") is None  # nested groups
    assert grouped_pattern("(?:^ab$)|(?:^cd$)") is None     # other flags
    assert grouped_pattern("(?iu)(?:^a|b$)") is None         # an alternation inside an alternative


def test_re_compile_is_itself_again_afterwards():
    before = re.compile
    with quick_token_match():
        assert re.compile is not before
    assert re.compile is before


def test_the_french_tokenizer_keeps_spacy_s_token_match():
    token_match = pipeline("fr").tokenizer.token_match
    assert len(token_match.__self__.pattern) < 100_000  # the grouped form was compiled
    words = ["après-midi", "New-York", "États-Unis", "arc-en-ciel", "entr'ouvert", "anti-américain",
             "pro-russe", "Saint-Pétersbourg", "hip-hop", "franco-allemand", "ex-président", "sous-marins",
             "contre-offensive", "porte-avions", "chef-d'œuvre", "drone", "Kiev", "a-b", "pet-en-l'air"]
    from spacy.lang.fr import tokenizer_exceptions

    # as spaCy writes it, compiled as written (about 2 s)
    original = re.compile("(?iu)" + "|".join(f"(?:{m})" for m in tokenizer_exceptions._regular_exp))
    assert [bool(token_match(w)) for w in words] == [bool(original.match(w)) for w in words]
    assert sum(bool(original.match(w)) for w in words) >= 5
