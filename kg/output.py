"""One writer for every command that prints rows: table, json, jsonl or csv."""
from __future__ import annotations

import csv
import io
import json
import re

__all__ = ["FORMATS", "render_rows", "csv_safe", "terminal_safe"]

FORMATS = ("table", "json", "jsonl", "csv")

# Cells a spreadsheet would run as a formula (OWASP "CSV injection")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# C0 and C1 controls, DEL, and bidirectional overrides: ANSI escapes or a reordered
# line in a terminal; tabs and newlines are already flattened in tables
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def csv_safe(text: str) -> str:
    """A CSV cell that no spreadsheet runs as a formula.

    >>> csv_safe("=1+2")
    "'=1+2"
    >>> csv_safe("-12"), csv_safe("Russie")
    ('-12', 'Russie')
    """
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def terminal_safe(text: str) -> str:
    """``text`` without the control characters a terminal would act on.

    >>> terminal_safe("Kiev\x1b[31m dit\u202e")
    'Kiev[31m dit'
    """
    return _CONTROL.sub("", text)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render_rows(rows: list[dict], fmt: str = "table", columns: list[str] | None = None,
                max_width: int = 60, formulas: bool = False, width: int | None = None) -> str:
    """Render ``rows`` (dicts) in one of FORMATS.

    CSV cells that a spreadsheet would run as formulas are quoted with a leading
    ``'`` unless ``formulas`` is true; table cells lose control characters, are cut
    at ``max_width`` characters, and the widest columns are narrowed (their cells
    cut with "…") until a line fits in ``width`` characters (a terminal's width).

    >>> print(render_rows([{"a": 1, "b": "x"}, {"a": 22, "b": None}]), end="")
    a   b
    --  -
    1   x
    22
    >>> render_rows([{"a": 1}], "csv")
    'a\\r\\n1\\r\\n'
    >>> print(render_rows([{"id": 7, "text": "Selon Kiev, des soldats sont arrivés"}], width=20), end="")
    id  text
    --  ----------------
    7   Selon Kiev, des…
    """
    columns = columns or list(dict.fromkeys(k for row in rows for k in row))
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        from .store import jsonl_lines

        return jsonl_lines(rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            cells = {c: _cell(row.get(c)) for c in columns}
            writer.writerow(cells if formulas else {c: csv_safe(v) for c, v in cells.items()})
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    cells = [[terminal_safe(_cell(row.get(c)).replace("\n", " ")) for c in columns] for row in rows]
    cells = [[_cut(v, max_width) for v in line] for line in cells]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    if width:
        widths = _fit(widths, width)
    lines = [[_cut(c, w) for c, w in zip(columns, widths)], ["-" * w for w in widths]]
    lines += [[_cut(v, w) for v, w in zip(line, widths)] for line in cells]
    return "".join("  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() + "\n" for line in lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


#: no column is narrowed below this, even if the line then overflows the terminal
_NARROWEST = 4


def _fit(widths: list[int], width: int) -> list[int]:
    """Column widths whose line (two spaces between columns) fits in ``width``: the
    widest column loses a character at a time, so short columns stay whole.

    >>> _fit([10, 40, 5], 40)
    [10, 21, 5]
    >>> _fit([30, 30], 20)
    [9, 9]
    """
    widths = list(widths)
    spare = width - (sum(widths) + 2 * (len(widths) - 1))
    while spare < 0:
        widest = max(range(len(widths)), key=lambda i: (widths[i], -i))
        if widths[widest] <= _NARROWEST:
            break
        widths[widest] -= 1
        spare += 1
    return widths
