"""kg build against random files: random bytes, random text, random front matter,
each beside a good article. Whatever the file holds, the build ends with status
0 or 1 and a message (never a traceback), the good article gives its claims, and
every output reads back with its standard reader.
"""
import shutil
import tempfile
from pathlib import Path

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings, strategies as st

from kg.cli import main
from output_readers import read_every_output

GOOD = Path(__file__).parent / "fixtures" / "articles" / "good" / "en-sanctions.txt"
BODY = "Iran delivered drones to Russia, Washington said on Tuesday.\n"

_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40))
_values = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                          st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                       max_leaves=8)
_front = st.dictionaries(st.sampled_from(["title", "published", "lang", "url", "tags", "x"]), _values, max_size=5)

files = st.one_of(
    st.binary(max_size=3_000),
    st.text(max_size=3_000).map(lambda t: t.encode("utf-8", "surrogatepass")),
    # a body in kg's languages with random characters inside
    st.text(max_size=300).map(lambda t: ("---\nlang: en\n---\n" + BODY[:30] + t + BODY).encode("utf-8", "surrogatepass")),
    _front.map(lambda f: ("---\n" + yaml.safe_dump(f, allow_unicode=True) + "---\n" + BODY).encode("utf-8")),
    st.text(max_size=200).map(lambda t: ("---\n" + t + "\n---\n" + BODY).encode("utf-8", "surrogatepass")),
    # front matter nested deeper than a parser's stack
    st.integers(1_000, 3_000).map(lambda n: ("---\ntitle: " + "[" * n + "]" * n + "\n---\n" + BODY).encode()),
)
#: characters one does not see, that the rules must read through
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=files)
def test_no_file_breaks_a_build(data):
    read = _build_beside_good(data)
    assert any(c["doc"] == "en-sanctions" and c["type"] == "troop_deployment" for c in read["claims"])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_invisible_characters_anywhere_cost_no_claim(data):
    """Zero-width, bidirectional and soft-hyphen characters sprinkled anywhere in an
    article's text change none of its claims."""
    text = list(BODY)
    for _ in range(data.draw(st.integers(1, 12))):
        text.insert(data.draw(st.integers(0, len(text))), data.draw(st.sampled_from(INVISIBLE)))
    read = _build_beside_good(("---\nlang: en\n---\n" + "".join(text)).encode())
    assert [c["type"] for c in read["claims"] if c["doc"] == "fuzz"] == ["military_aid"]


def _build_beside_good(data: bytes) -> dict:
    """Build ``data`` (as fuzz.md) beside a good article; every output, read back."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        (folder / "fuzz.md").write_bytes(data)
        shutil.copy(GOOD, folder / GOOD.name)
        out = Path(tmp) / "out"
        result = CliRunner().invoke(main, ["build", "--quiet", str(folder), "-o", str(out)])
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code in (0, 1), result.output
        return read_every_output(out)
