"""One writer for every command that prints rows: table, json, jsonl or csv."""
from __future__ import annotations

import csv
import io
import json

__all__ = ["FORMATS", "render_rows"]

FORMATS = ("table", "json", "jsonl", "csv")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render_rows(rows: list[dict], fmt: str = "table", columns: list[str] | None = None,
                max_width: int = 60) -> str:
    """Render ``rows`` (dicts) in one of FORMATS.

    >>> print(render_rows([{"a": 1, "b": "x"}, {"a": 22, "b": None}]), end="")
    a   b
    --  -
    1   x
    22
    >>> render_rows([{"a": 1}], "csv")
    'a\\r\\n1\\r\\n'
    """
    columns = columns or list(dict.fromkeys(k for row in rows for k in row))
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _cell(row.get(c)) for c in columns})
        return buffer.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    cells = [[_cell(row.get(c)).replace("\n", " ") for c in columns] for row in rows]
    cells = [[v if len(v) <= max_width else v[: max_width - 1] + "…" for v in line] for line in cells]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    lines = [columns, ["-" * w for w in widths]] + cells
    return "".join("  ".join(v.ljust(w) for v, w in zip(line, widths)).rstrip() + "\n" for line in lines)
