"""A webhook body read as strict JSON: what is stored is what every worker can read back.

`json.loads` on bytes accepts UTF-16 and UTF-32 and a UTF-8 byte order mark, and `\\ud800`
escapes decode to lone surrogates that cannot be written as UTF-8: such a body used to be
answered 200 and then fail in the worker until set aside, or answered 500. The platforms send
UTF-8 JSON (RFC 8259 forbids a BOM), so anything else is refused with a 400, before it is stored.
"""

from __future__ import annotations

import json
from typing import Any

UTF8_BOM = b"\xef\xbb\xbf"


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: Python's extension, not the platforms'


def read_json(body: bytes) -> Any | None:
    """The parsed body, or None when it is not strict UTF-8 JSON whose strings are all writable."""
    if body.startswith(UTF8_BOM):
        return None
    try:
        data = json.loads(body.decode("utf-8"), parse_constant=_no_constant)
        # A lone surrogate (from a \ud800 escape) cannot be encoded; finding it costs one dump of a few KB.
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError):  # UnicodeDecodeError and UnicodeEncodeError are ValueErrors
        return None
    return data
