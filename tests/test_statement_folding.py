"""One statement per speaker, stance and targets in an article (kg.extract.pipeline._said_again):
a speaker who says the same again, named alone or with the state he speaks for, makes one
claim; a state that speaks on its own after a joint statement makes one of its own."""
from extraction_helpers import extract, labels, of_type


def _statements(corpus):
    return sorted((sorted(labels(c, "speaker")), sorted(labels(c, "target")), c.stance)
                  for c in of_type(corpus, "statement"))


def test_a_speaker_saying_it_again_is_one_statement():
    corpus = extract("Secretary of State Antony Blinken underscored continued U.S. support for Ukraine on Monday. "
                     "Blinken also praised Ukraine for its courage.", lang="en")
    assert _statements(corpus) == [(["Antony Blinken", "United States"], ["Ukraine"], "support")]


def test_a_state_speaking_after_a_joint_statement_is_another():
    corpus = extract("Saudi Arabia, Jordan and Egypt condemned Israel's strikes. "
                     "The Saudi foreign ministry also denounced Israel.", lang="en")
    assert _statements(corpus) == [(["Egypt", "Jordan", "Saudi Arabia"], ["Israel"], "oppose"),
                                   (["Saudi Arabia"], ["Israel"], "oppose")]
