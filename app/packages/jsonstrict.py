"""JSON read as hostile input: bounded size and depth, strict UTF-8, no duplicate keys, no NaN, then checked against
the published schema in resources/schemas/ (JSON Schema draft-07).

Schemas are validated with fastjsonschema, which compiles a schema to Python once. A document's long arrays of flat
records (data.json's households and persons: objects of strings and integers) are checked column by column first
(`_FlatRecords`, the same keywords' meaning, ~10 times faster than fastjsonschema's per-record code); whatever that
fast path does not accept is validated again by fastjsonschema, whose message is the one given. Regular expressions there are Python's, whose
`$` also matches before a final newline: every pattern-checked string also has a maxLength, and the small documents
(manifest, acknowledgement, notices) are walked for control characters, which catches a smuggled newline.
"""
from __future__ import annotations

import json
import re
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
    fast = _fast_validator(schema_name)
    if fast is not None and fast(doc):
        return
    try:
        _validator(schema_name)(doc)
    except fastjsonschema.JsonSchemaValueException as err:
        detail = err.message.replace("data", name, 1) if err.message.startswith("data") else err.message
        raise HgdError("json.schema", name=name, schema=schema_name, detail=_short(detail)) from err


# The keywords the column-wise check understands, on a record and on each of its properties.
_FLAT_RECORD_KEYS = frozenset({"type", "additionalProperties", "required", "properties"})
_FLAT_VALUE_KEYS = {"string": frozenset({"type", "maxLength", "minLength", "pattern"}),
                    "integer": frozenset({"type", "minimum", "maximum"})}


class _FlatRecords:
    """The check of an array of flat records: objects (no other properties than the listed ones, the required ones
    present) whose every property is a string (maxLength, minLength, pattern) or an integer (minimum, maximum),
    compiled to one Python function with fewer steps per value than fastjsonschema's general code.
    `ok` is True only when fastjsonschema would accept the array too; False says nothing (validate it fully)."""

    def __init__(self, definition: dict[str, Any], resolve: Callable[[dict[str, Any]], dict[str, Any]]):
        if (set(definition) - _FLAT_RECORD_KEYS or definition.get("type") != "object"
                or definition.get("additionalProperties") is not False):
            raise ValueError("not a flat record")
        required = set(definition.get("required", ()))
        names: dict[str, Any] = {"MISSING": _MISSING, "str": str, "int": int}
        lines = ["def ok(records):",
                 "    for r in records:",
                 "        if r.__class__ is not dict or not r.keys() <= ALLOWED:",
                 "            return False",
                 "        get = r.get"]
        for i, (key, prop) in enumerate(definition["properties"].items()):
            prop = resolve(prop)
            kind = prop.get("type")
            if not isinstance(kind, str) or kind not in _FLAT_VALUE_KEYS or set(prop) - _FLAT_VALUE_KEYS[kind]:
                raise ValueError(f"not a flat property: {key}")
            bad = [f"v.__class__ is not {'str' if kind == 'string' else 'int'}"]   # never a bool or a float
            if "maxLength" in prop:
                bad.append(f"len(v) > {int(prop['maxLength'])}")
            if "minLength" in prop:
                bad.append(f"len(v) < {int(prop['minLength'])}")
            if "pattern" in prop:
                # fastjsonschema reads a pattern's `$` as the end of the text; without a newline, Python's too.
                names[f"P{i}"] = re.compile(prop["pattern"]).search
                bad.append(f"'\\n' in v or not P{i}(v)")
            if "minimum" in prop:
                bad.append(f"v < {int(prop['minimum'])}")
            if "maximum" in prop:
                bad.append(f"v > {int(prop['maximum'])}")
            test = " or ".join(bad)
            lines += [f"        v = get({key!r}, MISSING)",
                      f"        if v is MISSING: {'return False' if key in required else 'pass'}",
                      f"        elif {test}: return False"]
        lines.append("    return True")
        if required - set(definition["properties"]):
            raise ValueError("a required property not listed")
        names["ALLOWED"] = frozenset(definition["properties"])
        self.source = "\n".join(lines)
        exec(compile(self.source, "<flat records>", "exec"), names)  # noqa: S102
        self._ok: Callable[[list[Any]], bool] = names["ok"]

    def ok(self, records: Any) -> bool:
        return records.__class__ is list and self._ok(records)


_MISSING = object()


@cache
def _fast_validator(schema_name: str) -> Callable[[Any], bool] | None:
    """For a schema whose top-level object holds arrays of flat records: those arrays checked column by column,
    the rest of the document by fastjsonschema (a schema without those arrays' items). None for other schemas."""
    full = schema(schema_name)
    definitions = full.get("definitions", {})

    def resolve(node: dict[str, Any]) -> dict[str, Any]:
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/definitions/") and set(node) == {"$ref"}:
            return resolve(definitions[ref.removeprefix("#/definitions/")])
        return node

    arrays: dict[str, _FlatRecords] = {}
    rest = dict(full.get("properties", {}))
    for key, prop in rest.items():
        if isinstance(prop, dict) and prop.get("type") == "array" and isinstance(prop.get("items"), dict):
            try:
                arrays[key] = _FlatRecords(resolve(prop["items"]), resolve)
            except (ValueError, KeyError, TypeError, re.error):
                continue
    if full.get("type") != "object" or not arrays:
        return None
    for key in arrays:
        rest[key] = {k: v for k, v in rest[key].items() if k != "items"}
    others: Callable[[Any], Any] = fastjsonschema.compile({**full, "properties": rest})

    def check(doc: Any) -> bool:
        if doc.__class__ is not dict:
            return False
        try:
            others(doc)
        except fastjsonschema.JsonSchemaValueException:
            return False
        return all(key not in doc or flat.ok(doc[key]) for key, flat in arrays.items())
    return check


def _short(text: str, limit: int = 200) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= limit else text[:limit - 3] + "..."
