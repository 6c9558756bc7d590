"""Shared fixtures: a small hand-made build (tests/fixtures/build) that any test may read."""
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def fixture_build_dir() -> Path:
    """A build folder with claims.jsonl, entities.jsonl and documents.jsonl of three
    articles: a treaty signing, a ratification, a defence obligation, two reports of one
    deployment (11,000 vs 12,000 soldiers; claimed by Kiev and Seoul's intelligence
    service, denied by Pyongyang, no comment from Moscow), military aid, a statement."""
    return FIXTURES / "build"


@pytest.fixture
def fixture_corpus(fixture_build_dir):
    from kg.store import load_corpus

    return load_corpus(fixture_build_dir)
