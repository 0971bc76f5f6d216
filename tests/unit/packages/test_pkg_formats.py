"""The building blocks: the canonical zip, strict JSON, the published schemas."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from app.errors import HgdError
from app.packages import jsonstrict, limits, zipsafe
from app.paths import resource

SMALL = zipsafe.ReadLimits(max_members=10, max_member=1 << 20, max_total=1 << 20,
                           methods=frozenset({zipsafe.STORED, zipsafe.DEFLATED}))


def test_the_canonical_zip_is_deterministic_and_any_zip_tool_reads_it():
    members = [zipsafe.Member("a.json", b"{}"), zipsafe.Member("b.pdf", b"x" * 5000, zipsafe.DEFLATED)]
    data = zipsafe.write_zip(members)
    assert zipsafe.write_zip(members) == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None and z.read("b.pdf") == b"x" * 5000
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) and i.external_attr >> 16 == 0o100644 for i in z.infolist())
    assert zipsafe.read_zip(data, name="t", expected=None, limit=SMALL) == {"a.json": b"{}", "b.pdf": b"x" * 5000}


def test_a_zip_written_by_another_tool_is_not_canonical():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("manifest.json", b"{}")
    with pytest.raises(HgdError) as err:
        zipsafe.read_zip(buffer.getvalue(), name="t", expected=["manifest.json"], limit=SMALL, canonical=True)
    assert err.value.key in ("zip.not_canonical", "zip.damaged")


def test_the_writer_refuses_names_that_are_not_plain():
    for name in ("../a", "a/b", "", ".a", "a\\b", "ả.pdf"):
        with pytest.raises(ValueError):
            zipsafe.write_zip([zipsafe.Member(name, b"")])


def test_strict_json_parsing():
    def parse(raw):
        return jsonstrict.parse(raw, name="t.json", max_bytes=1000, max_depth=3, strict_text=True)
    assert parse('{"a": [1, {"b": "Xã"}]}'.encode()) == {"a": [1, {"b": "Xã"}]}
    for raw, key in [(b'{"a": 1, "a": 2}', "json.invalid"), (b'{"a": Infinity}', "json.invalid"),
                     (b'{"a": -NaN}', "json.invalid"), (b"\xef\xbb\xbf{}", "json.invalid"),
                     (b'{"a": 1} x', "json.invalid"), (b'{"a": "\xff"}', "json.invalid"),
                     (b'{"a": ' + b"9" * 5000 + b"}", "json.too_large"),
                     (b'[[[[1]]]]', "json.too_deep"), (b"[" * 990 + b"]" * 990, "json.too_large"),
                     (b'{"a": "\\ud800"}', "json.bad_text"), (b'{"a\\u0000": 1}', "json.bad_text"),
                     (b'{"a": "x\\u0085"}', "json.bad_text"), (b'{"a": "a\\u0301"}', "json.bad_text")]:
        with pytest.raises(HgdError) as err:
            parse(raw)
        assert err.value.key == key, raw[:30]


def test_json_nested_beyond_the_interpreter_stack_is_refused_cleanly():
    with pytest.raises(HgdError) as err:
        jsonstrict.parse(b"[" * 100_000 + b"]" * 100_000, name="d.json", max_bytes=1 << 20, max_depth=32,
                         strict_text=False)
    assert err.value.key == "json.too_deep"


def test_written_documents_are_sorted_indented_utf8_with_a_final_newline():
    assert jsonstrict.dumps({"b": 1, "a": "Xã"}) == '{\n  "a": "Xã",\n  "b": 1\n}\n'.encode()


@pytest.mark.parametrize("name", ["manifest-v1.json", "ack-v1.json", "unit-v1.json", "rotation-v1.json",
                                  "keys-v1.json", "payload-data-v1.json"])
def test_each_published_schema_is_a_closed_draft_07_schema(name):
    schema = json.loads(resource("schemas", name).read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#" and schema["title"]
    with pytest.raises(HgdError):
        jsonstrict.validate({"format": "?"}, schema_name=name, name="x.json")


def test_every_pattern_checked_string_in_the_schemas_has_a_length_bound():
    """Python's `$` matches before a final newline: a maxLength closes that door."""
    def walk(node, where):
        if isinstance(node, dict):
            if "pattern" in node and "propertyNames" not in where:
                assert "maxLength" in node, where
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}/{i}")
    for path in resource("schemas").glob("*.json"):
        walk(json.loads(path.read_text(encoding="utf-8")), path.name)


def test_the_data_schema_describes_the_registers_records():
    from tests.corpus.packages.make_bad_packages import period_data

    data = period_data()
    jsonstrict.validate(data, schema_name="payload-data-v1.json", name="data.json")
    for bad in ({**data, "Bad Key": 1}, {**data, "persons": [{"id": "p"}]},
                {**data, "persons": [{**data["persons"][0], "colour": "red"}]}):
        with pytest.raises(HgdError):
            jsonstrict.validate(bad, schema_name="payload-data-v1.json", name="data.json")


def test_the_data_schema_lists_the_columns_sent():
    import json

    from app.exchange.data import SENT
    from app.paths import resource

    schema = json.loads(resource("schemas").joinpath("payload-data-v1.json").read_text(encoding="utf-8"))
    for key, names in SENT.items():
        props = set(schema["definitions"][key]["properties"]) - {"subjects"}
        assert props == set(names), key


def test_limits_leave_ten_times_a_large_commune():
    persons, per_person = 30_000, 300
    assert limits.MAX_DATA_JSON_BYTES >= 10 * persons * per_person


def test_the_fast_check_of_flat_records_accepts_only_what_the_schema_accepts_and_says_it_the_same_way():
    import fastjsonschema

    from tests.corpus.packages.make_bad_packages import period_data

    name = "payload-data-v1.json"
    fast = jsonstrict._fast_validator(name)
    assert fast is not None
    full = fastjsonschema.compile(jsonstrict.schema(name))
    data = period_data()
    assert fast(data)
    person, household = data["persons"][0], data["households"][0]
    values = [None, True, False, 1, 1.0, -2**40, 2**40, "", "x" * 41, "0" * 8, "a" * 10001, [], {},
              person["id"] + "\n", person["id"].upper(), "2026-01-01 00:00:00\n", "2026-01-01 00:00:00"]
    variants = []
    for key, record in (("persons", person), ("households", household)):
        for field in [*record, "birth_year", "zzz"]:
            for value in values:
                variants.append({**data, key: [*data[key], {**record, field: value}]})
        variants.append({**data, key: [*data[key], {k: v for k, v in record.items() if k != "id"}]})
        variants += [{**data, key: [*data[key], bad]} for bad in (None, [], "x", 1)]
        variants += [{**data, key: bad} for bad in (None, {}, "x", (record,))]
    for doc in variants:
        try:
            full(doc)
            accepted, message = True, None
        except fastjsonschema.JsonSchemaValueException as err:
            accepted, message = False, err.message
        if fast(doc):
            assert accepted, doc
        if not accepted:
            with pytest.raises(HgdError) as raised:
                jsonstrict.validate(doc, schema_name=name, name="data.json")
            assert message.replace("data", "data.json", 1)[:150] in str(raised.value)
        else:
            jsonstrict.validate(doc, schema_name=name, name="data.json")
