"""The bulk import's payload text (`sync.mutations.insert_text`) is the payload a single use case queues
(`payload_of`): the same JSON, and the same size limit."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from sync import mutations
from sync.records import to_wire

VALUES = {"family_name": "Müller", "given_name": "Zoë", "dob": "1970-01-01", "sex": None,
          "created_at": datetime(2030, 5, 6, 8, 0, tzinfo=UTC)}


def test_insert_text_is_the_payload_of_the_same_insert() -> None:
    row = mutations.Row(entity="person", id="0194f3a2-7b1c-7def-8abc-0123456789ab", op="insert", values=VALUES)
    text = mutations.insert_text("person", row.id, to_wire(VALUES))
    assert json.loads(text) == mutations.payload_of([row], {})


def test_insert_text_refuses_a_payload_over_the_limit() -> None:
    with pytest.raises(mutations.MutationError, match="payload_too_large"):
        mutations.insert_text("person", "x", {"street": "a" * (mutations.MAX_PAYLOAD_BYTES + 1)})
