"""A covid_test row on the wire is checked field by field (sync.records / sync.mutations): hostile device
ids, unknown test types and results, and a station setting the server's mail state are refused."""

from __future__ import annotations

from typing import Any

import pytest

from sync import mutations

ROW = {"id": "01a2", "person_id": "p1", "site_id": "s1", "test_type": "rat", "ordered_at": "2026-12-01T09:00:00+00:00",
       "mail_result": True, "mail_lang": "de"}


def ordered(**values: Any) -> dict[str, Any]:
    return {"rows": [{"entity": "covid_test", "id": "01a2", "op": "insert", "values": {**ROW, **values}}]}


def updated(**values: Any) -> dict[str, Any]:
    return {"rows": [{"entity": "covid_test", "id": "01a2", "op": "update", "values": values}]}


def test_a_well_formed_test_passes() -> None:
    parsed = mutations.parse("test.ordered", ordered())
    assert parsed.rows[0].values["test_type"] == "rat"
    assert mutations.parse("test.sampled", updated(device_id="1232", reading_minutes=15,
                                                   sampled_at="2026-12-01T09:01:00+00:00")).rows[0].values


@pytest.mark.parametrize(("kind", "payload", "field"), [
    ("test.ordered", ordered(test_type="antibody"), "test_type"),
    ("test.ordered", ordered(mail_result="yes"), "mail_result"),
    ("test.ordered", ordered(mail_lang="fr"), "mail_lang"),
    ("test.sampled", updated(device_id="1232\u202e"), "device_id"),
    ("test.sampled", updated(device_id="1232'; DROP TABLE x;--"), "device_id"),
    ("test.sampled", updated(reading_minutes=-5), "reading_minutes"),
    ("test.sampled", updated(reading_minutes=10**9), "reading_minutes"),
    ("test.sampled", updated(lab_name="x" * 81), "lab_name"),
    ("test.resulted", updated(result="maybe"), "result"),
    ("test.resulted", updated(resulted_at="2026-12-01T09:20:00"), "resulted_at"),  # no time zone
])
def test_hostile_values_are_refused_with_their_field(kind: str, payload: dict[str, Any], field: str) -> None:
    with pytest.raises(mutations.MutationError) as refused:
        mutations.parse(kind, payload)
    assert refused.value.code == "invalid_field" and refused.value.field == field


def test_a_station_cannot_set_the_servers_mail_state_or_write_other_rows() -> None:
    with pytest.raises(mutations.MutationError) as owned:
        mutations.parse("test.resulted", updated(result="negative", mail_state="sent"))
    assert owned.value.code == "row_not_allowed"
    with pytest.raises(mutations.MutationError) as other:
        mutations.parse("test.resulted", {"rows": [{"entity": "vaccination", "id": "v1", "op": "update",
                                                     "values": {"dose_number": 2}}]})
    assert other.value.code == "row_not_allowed"
    with pytest.raises(mutations.MutationError) as insert:
        mutations.parse("test.resulted", ordered())
    assert insert.value.code == "row_not_allowed"
