"""Hypothesis strategies over the JSON schemas of the data files, wrong shapes included.

Each field is drawn either from its schema (so the file is mostly right, and
the damage lands deep inside it) or from :data:`hostile_json` (wrong types,
400-digit numbers, NaN, nesting, strings where lists belong).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from minutes_tui.core.model import DETAIL_FIELDS, SETTING_FIELDS, Kind
from tests.fuzz.strategies import storable_text

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.just(10**400), st.just(-(10**400)),
    st.floats(allow_nan=True, allow_infinity=True), storable_text,
)
#: Any JSON value, a few levels deep.
hostile_json = st.recursive(_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=6), inner, max_size=4)), max_leaves=12)


def maybe(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly the valid value, sometimes anything."""
    return st.one_of(valid, valid, valid, hostile_json)


_ids = st.text("0123456789abcdef", min_size=1, max_size=12)
line_row = st.fixed_dictionaries({
    "kind": maybe(st.sampled_from([kind.value for kind in Kind])),
    "text": maybe(storable_text),
    "owners": maybe(st.lists(storable_text, max_size=3)),
    "deadline": maybe(storable_text),
    "id": maybe(_ids),
    "created": maybe(st.floats(0, 2e9)),
    "pos": maybe(st.integers(0, 50)),
})
details = st.dictionaries(st.sampled_from(DETAIL_FIELDS), maybe(st.one_of(storable_text, st.lists(storable_text, max_size=2))),
                          max_size=5)
_op = st.fixed_dictionaries({"op": maybe(st.sampled_from(["insert", "delete", "update", "move", "detail"]))},
                            optional={"id": maybe(_ids), "index": maybe(st.integers(-2, 10)), "line": maybe(line_row),
                                      "changes": hostile_json, "name": maybe(st.sampled_from(DETAIL_FIELDS)),
                                      "value": hostile_json})
history_doc = st.fixed_dictionaries({"undo": maybe(st.lists(st.lists(_op, max_size=3), max_size=3)),
                                     "redo": maybe(st.lists(st.lists(_op, max_size=3), max_size=3))})


@st.composite
def meeting_tables(draw: st.DrawFn, meeting_id: str) -> Any:
    """A meeting file's content: a TinyDB document of tables, damaged here and there."""
    meta = draw(st.fixed_dictionaries({
        "schema": maybe(st.sampled_from([0, 1, 2])),
        "id": st.just(meeting_id),
        "created": maybe(st.floats(0, 2e9)),
        "seq": maybe(st.integers(0, 5)),
        "details": maybe(details),
    }))
    rows = draw(st.lists(line_row, max_size=6))
    tables: dict[str, Any] = {
        "meta": {"1": meta},
        "lines": {str(n + 1): row for n, row in enumerate(rows)},
        "history": {"1": draw(maybe(history_doc))},
    }
    if draw(st.booleans()):
        name = draw(st.sampled_from(["meta", "lines", "history", "notices", "extra"]))
        tables[name] = draw(hostile_json)
    return draw(st.one_of(st.just(tables), st.just(tables), st.just(tables), hostile_json))


journal_record = st.fixed_dictionaries(
    {"seq": maybe(st.integers(1, 12)), "t": maybe(st.sampled_from(["do", "undo", "redo"]))},
    optional={"ops": maybe(st.lists(_op, min_size=1, max_size=3)), "draft": hostile_json, "at": hostile_json},
)
index_row = st.fixed_dictionaries({
    "id": maybe(_ids), "date": maybe(storable_text), "title": maybe(storable_text),
    "counts": maybe(st.dictionaries(st.sampled_from([k.value for k in Kind]), st.integers(0, 9))),
    "lines": maybe(st.integers(0, 99)), "created": maybe(st.floats(0, 2e9)), "updated": maybe(st.floats(0, 2e9)),
}, optional={"stamp": hostile_json})
office = st.dictionaries(st.sampled_from(SETTING_FIELDS), maybe(st.one_of(storable_text, st.lists(storable_text))),
                         max_size=6)
settings_tables = st.fixed_dictionaries({
    "office": maybe(st.fixed_dictionaries({"1": maybe(office)})),
    "directory": maybe(st.fixed_dictionaries({"1": maybe(st.fixed_dictionaries({
        "aliases": maybe(st.dictionaries(storable_text, storable_text, max_size=3)),
        "owners": maybe(st.lists(storable_text, max_size=3)),
    }))})),
})
