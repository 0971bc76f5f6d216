"""JSON read as hostile input: bounded size and depth, strict UTF-8, no duplicate keys, no NaN, then checked against
the published schema in resources/schemas/ (JSON Schema draft-07).

Schemas are validated with fastjsonschema, which compiles a schema to Python once: on a 30,000-person data.json it
takes about 0.15 s where the reference `jsonschema` library takes 2 s. Regular expressions there are Python's, whose
`$` also matches before a final newline: every pattern-checked string also has a maxLength, and the small documents
(manifest, acknowledgement, notices) are walked for control characters, which catches a smuggled newline.
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

import fastjsonschema

from app import messages
from app.errors import HgdError
from app.paths import resource

messages.register({
    "json.too_large": ("Tệp {name} quá lớn ({size} byte; tối đa {limit}).",
                       "The file {name} is too large ({size} bytes; at most {limit})."),
    "json.invalid": ("Tệp {name} không phải JSON hợp lệ: {detail}.", "The file {name} is not valid JSON: {detail}."),
    "json.too_deep": ("Tệp {name} lồng nhau quá sâu (tối đa {limit} mức).",
                      "The file {name} is nested too deeply (at most {limit} levels)."),
    "json.schema": ("Tệp {name} không đúng định dạng đã công bố ({schema}): {detail}.",
                    "The file {name} does not follow its published format ({schema}): {detail}."),
    "json.bad_text": ("Tệp {name} chứa chuỗi ký tự không hợp lệ (ký tự điều khiển hoặc chưa chuẩn hóa NFC).",
                      "The file {name} holds invalid text (a control character, or text not in NFC form)."),
})


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # Two values for one key would let two readers see two documents under one signature.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        keys = [k for k, _ in pairs]
        dup = next(k for i, k in enumerate(keys) if k in keys[:i])
        raise ValueError(f"duplicate key {dup!r}")
    return obj


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse(raw: bytes, *, name: str, max_bytes: int, max_depth: int, strict_text: bool) -> Any:
    """The document in `raw`, or HgdError. `strict_text`: every string (keys too) NFC without control characters."""
    if len(raw) > max_bytes:
        raise HgdError("json.too_large", name=name, size=len(raw), limit=max_bytes)
    try:
        if raw.startswith(b"\xef\xbb\xbf"):
            raise ValueError("byte order mark")
        text = raw.decode("utf-8")
        doc = json.loads(text, object_pairs_hook=_unique, parse_constant=_no_constant)
    except RecursionError as err:
        raise HgdError("json.too_deep", name=name, limit=max_depth) from err
    except (UnicodeDecodeError, ValueError) as err:
        raise HgdError("json.invalid", name=name, detail=_short(str(err))) from err
    _walk(doc, name=name, max_depth=max_depth, strict_text=strict_text)
    return doc


def _walk(doc: Any, *, name: str, max_depth: int, strict_text: bool) -> None:
    """Depth (and text) over the parsed document, level by level, without recursion."""
    level = [doc]
    depth = 0
    while level:
        depth += 1
        nodes = [n for n in level if n.__class__ is dict or n.__class__ is list]
        if nodes and depth > max_depth:
            raise HgdError("json.too_deep", name=name, limit=max_depth)
        level = []
        for node in nodes:
            values = node.values() if node.__class__ is dict else node
            if strict_text:
                if node.__class__ is dict:
                    for key in node:
                        _check_text(key, name)
                for value in values:
                    if value.__class__ is str:
                        _check_text(value, name)
                level.extend(values)
            else:
                level += [v for v in values if v.__class__ is dict or v.__class__ is list]


def _check_text(text: str, name: str) -> None:
    if not unicodedata.is_normalized("NFC", text) or any(unicodedata.category(c) in ("Cc", "Cs") for c in text):
        raise HgdError("json.bad_text", name=name)


def dumps(doc: Any) -> bytes:
    """The one way hgd writes a small signed document: sorted keys, two-space indent, UTF-8, final newline — so a
    person can read it with any text viewer."""
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


@cache
def schema(schema_name: str) -> dict[str, Any]:
    with open(resource("schemas", schema_name), encoding="utf-8") as f:
        loaded: dict[str, Any] = json.load(f)
    return loaded


@cache
def _validator(schema_name: str) -> Callable[[Any], Any]:
    validator: Callable[[Any], Any] = fastjsonschema.compile(schema(schema_name))
    return validator


def validate(doc: Any, *, schema_name: str, name: str) -> None:
    try:
        _validator(schema_name)(doc)
    except fastjsonschema.JsonSchemaValueException as err:
        detail = err.message.replace("data", name, 1) if err.message.startswith("data") else err.message
        raise HgdError("json.schema", name=name, schema=schema_name, detail=_short(detail)) from err


def _short(text: str, limit: int = 200) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[:limit - 3] + "..."
