import json
import sys
from pathlib import Path

sys.path.insert(0, '.')
from sqlalchemy import JSON, Boolean, DateTime, Float, Integer, String, Text

from app.exchange.data import COMMUNE_T, EVENT_T, HOUSEHOLD_T, PERIOD_T, PERSON_T, SENT, SUBJECT_T

TABLES = {"commune_record": COMMUNE_T, "households": HOUSEHOLD_T, "persons": PERSON_T, "period_record": PERIOD_T,
          "events": EVENT_T, "subjects": SUBJECT_T}

def col_schema(col):
    t = col.type
    if isinstance(t, Boolean):
        return {"type": "boolean"}
    if isinstance(t, DateTime):
        return {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9:.]{8,15}$", "maxLength": 32}
    if isinstance(t, Integer):
        return {"type": "integer", "minimum": -2147483648, "maximum": 2147483647}
    if isinstance(t, Float):
        return {"type": "number", "minimum": -1e12, "maximum": 1e12}
    if isinstance(t, JSON):
        return {"type": ["object", "array", "string", "number", "boolean"], "maxProperties": 200, "maxItems": 1000,
                "maxLength": 10000}
    if isinstance(t, String) and t.length and not isinstance(t, Text):
        s = {"type": "string", "maxLength": t.length}
        if col.key == "id" or col.key.endswith("_id"):
            s = {"$ref": "#/definitions/uuid"}
        return s
    return {"type": "string", "maxLength": 10000}

def record(key, extra=None):
    table = TABLES[key]
    props = {n: col_schema(table.c[n]) for n in SENT[key]}
    if extra:
        props.update(extra)
    return {"type": "object", "additionalProperties": False, "required": ["id"], "properties": props}

SCHEMA = Path('resources/schemas/payload-data-v1.json')
schema = json.loads(SCHEMA.read_text(encoding='utf-8'))
schema["description"] = ("The period's data as the commune sends it: the commune, its whole register as it stands "
    "(every household and person, whatever their status), the period and the events it reports with their "
    "subjects. Records keep their UUIDs; an absent field is null. Generated from app/exchange/data.py SENT and the "
    "register's columns (tests/unit/test_exchange_schema.py keeps them equal).")
schema["required"] = ["format", "format_version", "commune", "period", "commune_record", "period_record",
                      "households", "persons", "events"]
schema["additionalProperties"] = False
schema.pop("propertyNames", None)
schema["maxProperties"] = 16
schema["properties"]["commune_record"] = {"$ref": "#/definitions/commune_record"}
schema["properties"]["period_record"] = {"$ref": "#/definitions/period_record"}
for key in ("households", "persons", "events"):
    schema["properties"][key] = {"type": "array", "maxItems": 1000000, "items": {"$ref": f"#/definitions/{key}"}}
defs = schema["definitions"]
defs["uuid"] = {"type": "string", "pattern": "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                "maxLength": 36}
for key in ("commune_record", "households", "persons", "period_record"):
    defs[key] = record(key)
defs["subjects"] = record("subjects")
defs["events"] = record("events", {"subjects": {"type": "array", "maxItems": 10000,
                                                 "items": {"$ref": "#/definitions/subjects"}}})
SCHEMA.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + '\n', encoding='utf-8')
