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
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=files)
def test_no_file_breaks_a_build(data):
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
        read = read_every_output(out)
        assert any(c["doc"] == "en-sanctions" and c["type"] == "troop_deployment" for c in read["claims"])
