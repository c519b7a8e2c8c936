"""Name search at the check-in desk in bounded time, whatever the number of persons.

Two steps, each a handful of index lookups:

1. The typed words become candidate keys with a score, read from the small key tables the
   triggers keep (migration 0006): the exact key, keys it is a prefix of (the most common first),
   keys one typo away (the typed word and the key meet in `name_key_variant` once one letter is
   left out of each; two typos for longer names), and family keys of the same sound (Kölner
   Phonetik). One statement per word.
2. Persons are ranked and limited in SQL from covering indexes: today's bookings from ranges of
   `booking_search`, everyone else from `ix_person_name`, tier by tier of equal scores in index
   order, so no query reads more rows than it returns; the persons matching are counted up to a cap.

Scores: family key exact 1.0, prefix 0.9, one typo 0.85, two 0.75, same sound 0.7; a given name
that matches adds up to 1.0, and then only the persons who match are listed; a booking today adds 0.5.

The statements are SQL text run on the DB-API connection of the session's transaction
(`app.storage.statements`), got once per search: SQLAlchemy building a fresh statement costs ten times
what SQLite needs to answer it (measured: 260 µs against 20 µs), even running SQL text through its
Connection costs 200 µs a statement, and a search runs a dozen of them while the nurse types.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from itertools import combinations
from typing import Any

from app.domain.names import edit_distance, phonetic_key, search_key
from app.storage.schema import stored_datetime
from app.storage.statements import Driver
from app.storage.statements import rows as _rows

__all__ = [
    "COUNT_CAP",
    "PREFIX",
    "NameHit",
    "NameSearch",
    "booking_by_code",
    "family_candidates",
    "given_candidates",
    "listed",
    "names",
    "search_names",
]

MAX_CANDIDATE_KEYS = 40
COUNT_CAP = 5_000  # "50 of more than 5,000": counting on costs time and tells the nurse nothing new
_PREFIX_KEYS = 20  # a short prefix lists the commonest names; 50 rows come from fewer than that
_SOUND_KEYS = 100
_VARIANT_ROWS = 400
_GIVEN_ROWS = 1_000  # persons matching family and given name, scored in Python
_BOOKED_BONUS = 0.5  # more than any two family scores differ by: a booking today ranks first
# A booking counts as "due now" from half an hour before now: the desk still checks in a late arrival.
LATE_ARRIVAL = timedelta(minutes=30)
# Typos are looked for in words up to this long: a pasted 190-letter "name" would otherwise ask for its
# 18,000 two-letter deletions. Longer words are still found exactly and by prefix.
_TYPO_MAX_LENGTH = 32

EXACT, PREFIX, ONE_TYPO, TWO_TYPOS, SOUND = 1.0, 0.9, 0.85, 0.75, 0.7
assert _BOOKED_BONUS > EXACT - SOUND


@dataclass(frozen=True)
class NameHit:
    person_id: str
    family_key: str
    given_key: str
    family_score: float
    score: float
    appointment_id: str | None  # the booking today, when there is one


@dataclass(frozen=True)
class NameSearch:
    hits: tuple[NameHit, ...]  # best first, at most `limit`
    total: int  # persons matching the words (and date of birth), counted up to COUNT_CAP + 1
    given_matched: bool  # a given name was typed and matched: only those persons are listed

    @property
    def capped(self) -> bool:
        return self.total > COUNT_CAP


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


# ---- 1. candidate keys ---------------------------------------------------------------------------------

_TABLES = {"f": ("family_name_key", "family_key"), "g": ("given_name_key", "given_key")}


def _typo_limit(key: str) -> int:
    return 1 if len(key) <= 5 else 2


def _left_out(key: str, *, letters: int) -> set[str]:
    """`key` with one (or two) letters left out, each way."""
    found = {key[:i] + key[i + 1:] for i in range(len(key))}
    if letters == 2:
        found |= {key[:i] + key[i + 1:j] + key[j + 1:] for i, j in combinations(range(len(key)), 2)}
    return found


def _keys_for(db: Driver, kind: str, word: str) -> dict[str, float]:
    """One statement: keys that start with the word's key, keys a typo away, and (family) the same sound."""
    key = search_key(word)
    if not key:
        return {}
    table, column = _TABLES[kind]
    parts = [f"SELECT 'prefix', k FROM (SELECT {column} AS k FROM {table} WHERE {column} >= ? AND {column} < ? "
             f"ORDER BY persons DESC, {column} LIMIT {_PREFIX_KEYS})"]
    params: list[Any] = [key, key + "\uffff"]
    sound = phonetic_key(word) if kind == "f" else ""
    if 3 <= len(key) <= _TYPO_MAX_LENGTH:
        shorter = sorted(_left_out(key, letters=_typo_limit(key)))
        parts.append(f"SELECT 'typo', k FROM (SELECT key AS k FROM name_key_variant WHERE kind = ? "
                     f"AND variant IN ({_marks(shorter) + ', ?'}) LIMIT {_VARIANT_ROWS})")
        params += [kind, *shorter, key]
        parts.append(f"SELECT 'typo', {column} FROM {table} WHERE {column} IN ({_marks(shorter)})")
        params += shorter
        if sound:
            parts.append(f"SELECT 'sound', k FROM (SELECT family_key AS k FROM family_name_key "
                         f"WHERE phonetic_key = ? ORDER BY persons DESC LIMIT {_SOUND_KEYS})")
            params.append(sound)
    found: dict[str, float] = {}
    limit = _typo_limit(key)
    for how, k in _rows(db, " UNION ALL ".join(parts), params):
        if how == "prefix":
            score = EXACT if k == key else PREFIX
        else:
            distance = edit_distance(k, key, limit=limit)
            if distance <= limit:
                score = _typo_score(kind, k, key, distance)
            elif how == "sound" and k[:1] == key[:1]:
                score = SOUND
            else:
                continue
        if score > found.get(k, 0.0):
            found[k] = score
    return found


def _typo_score(kind: str, found: str, typed: str, distance: int) -> float:
    if distance == 0:
        return EXACT
    if kind == "f":
        return ONE_TYPO if distance == 1 else TWO_TYPOS
    # A given name scores by its similarity, as the desk always did: "Anan" is nearer to "Anna" than "Ana" is to "Anastasia".
    return round(1.0 - distance / max(len(found), len(typed)), 3)


def _best(parts: Iterable[dict[str, float]]) -> dict[str, float]:
    found: dict[str, float] = {}
    for part in parts:
        for k, s in part.items():
            found[k] = max(s, found.get(k, 0.0))
    return dict(sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_CANDIDATE_KEYS])


def family_candidates(db: Driver, words: Sequence[str]) -> dict[str, float]:
    """Family keys the typed words may mean, with their scores (at most MAX_CANDIDATE_KEYS)."""
    return _best(_keys_for(db, "f", word) for word in words)


def given_candidates(db: Driver, words: Sequence[str]) -> dict[str, float]:
    """Given-name keys the typed words may mean: exact or prefix 1.0, a typo by similarity."""
    return _best(_keys_for(db, "g", word) for word in words)


# ---- 2. ranked persons -----------------------------------------------------------------------------


def _where(family: Sequence[str], given: Sequence[str] | None, dob: str | None) -> tuple[str, list[Any]]:
    sql, params = f"family_key IN ({_marks(family)})", list(family)
    if given is not None:
        sql += f" AND given_key IN ({_marks(given)})"
        params += given
    if dob is not None:
        sql += " AND dob = ?"
        params.append(dob)
    return sql, params


# Today's bookings of one family key, from one range of `ix_booking_search_name_day` in slot order:
# those due from half an hour ago onwards, nearest first, then the earlier ones, latest first.
_BOOKED_KEY = ("SELECT * FROM (SELECT person_id, appointment_id, family_key, given_key, starts_at FROM booking_search "
               "INDEXED BY {index} WHERE family_key = ?{more} AND starts_at >= ? AND starts_at < ? "
               "AND state != 'cancelled' AND live = 1 ORDER BY starts_at {order} LIMIT {limit})")
_BOOKED_PERSONS = ("SELECT person_id, appointment_id, family_key, given_key, starts_at FROM booking_search "
                   "WHERE person_id IN ({marks}) AND starts_at >= ? AND starts_at < ? AND state != 'cancelled' "
                   "AND live = 1")
_PERSONS = "SELECT id, NULL, family_key, given_key, NULL FROM person WHERE {where} AND deleted_at IS NULL "


def _score_sql(family: dict[str, float], given: dict[str, float] | None) -> tuple[str, list[Any]]:
    """The name score as SQL: CASE over the candidate keys (bound parameters)."""
    sql = "CASE family_key" + " WHEN ? THEN ?" * len(family) + " ELSE 0 END"
    params: list[Any] = [x for pair in family.items() for x in pair]
    if given:
        sql += " + CASE given_key" + " WHEN ? THEN ?" * len(given) + " ELSE 0 END"
        params += [x for pair in given.items() for x in pair]
    return sql, params


def _booked(db: Driver, family: dict[str, float], keys: Sequence[str], *, given: dict[str, float] | None,
            today: tuple[datetime, datetime], now: datetime, limit: int) -> list[Any]:
    """Today's bookings for the keys, per key at most `limit` on each side of now, in one statement; of
    them the best `limit` by name score and, at equal scores, those due nearest now."""
    more, extra, index = "", list[Any](), "ix_booking_search_name_day"
    if given is not None:
        # A range per (family, given) pair: not every Schmidt booked today is read to find the Ayşes.
        extra, index = sorted(given), "ix_booking_search_names_day"
        more = f" AND given_key IN ({_marks(extra)})"
    start, end = stored_datetime(today[0]), stored_datetime(today[1])
    cut = stored_datetime(max(today[0], min(today[1], now - LATE_ARRIVAL)))
    # The keys of a tier score alike; with a given name the scores differ and lead the order.
    score, score_params = _score_sql(family, given) if given is not None else ("", [])
    found: list[Any] = []
    # Those due from now on first; the earlier ones of the day only when they are not enough.
    for low, high, order in ((cut, end, "ASC"), (start, cut, "DESC")):
        parts, params = [], []
        for key in keys:
            parts.append(_BOOKED_KEY.format(index=index, more=more, order=order, limit=limit))
            params += [key, *extra, low, high]
        ranked = (f" ORDER BY {score + ' DESC, ' if score else ''}starts_at {order}, family_key, given_key, "
                  f"person_id LIMIT {limit}")
        found += _rows(db, "SELECT * FROM (" + " UNION ALL ".join(parts) + ")" + ranked, [*params, *score_params])
        if len(found) >= limit and given is None:
            break  # a tier's keys score alike: the earlier ones would all rank after these
    return found


def _tiers(family: dict[str, float]) -> list[list[str]]:
    """The family keys grouped by equal score, best first: each group is one index-ordered query."""
    by_score: dict[float, list[str]] = {}
    for k, s in family.items():
        by_score.setdefault(s, []).append(k)
    return [sorted(keys) for _, keys in sorted(by_score.items(), reverse=True)]


def search_names(
    db: Driver, *, family: dict[str, float], given: dict[str, float], dob: str | None,
    today: tuple[datetime, datetime], now: datetime, limit: int,
) -> NameSearch:
    """The best `limit` persons for the candidate keys. At equal name scores today's bookings first, those
    due now first; then everyone else in alphabetical order of the keys."""
    given_filter: dict[str, float] | None = given or None
    if given_filter is not None:
        # Only those whose given name matches, when anyone does; otherwise the given word is ignored.
        where, params = _where(sorted(family), sorted(given_filter), dob)
        if not _rows(db, _PERSONS.format(where=where) + "LIMIT 1", params):
            given_filter = None
    cut = (now - LATE_ARRIVAL).timestamp()
    hits: dict[str, tuple[tuple[Any, ...], NameHit]] = {}

    def add(rows: Iterable[Any], *, booked: bool) -> int:
        n = 0
        for person_id, appointment_id, fk, gk, starts_at in rows:
            n += 1
            score = family[fk] + (given_filter.get(gk, 0.0) if given_filter is not None else 0.0)
            score += _BOOKED_BONUS if booked else 0.0
            rank = (-score, _when(starts_at, cut) if booked else (2, 0.0), fk, gk, person_id)
            if person_id not in hits or rank < hits[person_id][0]:
                hits[person_id] = rank, NameHit(person_id, fk, gk, family[fk], score, appointment_id)
        return n

    given_keys = sorted(given_filter) if given_filter is not None else None
    if dob is not None:
        # A date of birth leaves few persons (the name-and-birth index finds them); their bookings by person.
        where, params = _where(sorted(family), given_keys, dob)
        people = _rows(db, _PERSONS.format(where=where) + f"LIMIT {_GIVEN_ROWS}", params)
        add(people, booked=False)
        if people:
            ids = [row[0] for row in people]
            add(_rows(db, _BOOKED_PERSONS.format(marks=_marks(ids)),
                      [*ids, stored_datetime(today[0]), stored_datetime(today[1])]), booked=True)
    elif given_filter is not None:
        # Family and given name: scored in SQL, the best `limit` of the booked and of everyone.
        add(_booked(db, family, sorted(family), given=given_filter, today=today, now=now, limit=limit),
            booked=True)
        where, params = _where(sorted(family), given_keys, None)
        score, score_params = _score_sql(family, given_filter)
        # Ranked from the name index alone (it holds the rowid); the id is read for the best `limit` only.
        best = (f"SELECT rowid FROM person WHERE {where} AND deleted_at IS NULL "
                f"ORDER BY {score} DESC, family_key, given_key LIMIT {limit}")
        add(_rows(db, f"SELECT id, NULL, family_key, given_key, NULL FROM person WHERE rowid IN ({best})",
                  [*params, *score_params]), booked=False)
    else:
        # One score per family key: each tier is read in index order and stops at `limit`; once `limit`
        # persons are found, the tiers left score lower than all of them.
        for booked in (True, False):
            if not booked and len(hits) >= limit:
                break  # `limit` booked today: the bonus puts each of them above anyone not booked
            listed = 0
            for keys in _tiers(family):
                if listed >= limit:
                    break
                if booked:
                    rows = _booked(db, family, keys, given=None, today=today, now=now, limit=limit)
                else:
                    where, params = _where(keys, None, None)
                    rows = _rows(db, _PERSONS.format(where=where)
                                 + f"ORDER BY family_key, given_key LIMIT {limit}", params)
                listed += add(rows, booked=booked)
    ranked = [hit for _, hit in sorted(hits.values(), key=lambda pair: pair[0])[:limit]]
    where, params = _where(sorted(family), given_keys, dob)
    # From the name index alone: family_key, given_key, dob and deleted_at are in it, the id is not.
    (counted,), = _rows(db, f"SELECT count(*) FROM (SELECT family_key FROM person WHERE {where} "
                                 f"AND deleted_at IS NULL LIMIT {COUNT_CAP + 1})", params)
    return NameSearch(hits=tuple(ranked), total=max(int(counted), len(ranked)),
                      given_matched=given_filter is not None)


def _when(stored: str, cut: float) -> tuple[int, float]:
    """A booking's place among today's: due from half an hour ago on (`cut`, a POSIX timestamp), nearest
    first; then earlier, latest first."""
    moment = _aware(stored).timestamp()
    return (0, moment) if moment >= cut else (1, -moment)


# ---- 3. what the list shows ------------------------------------------------------------------------

_BOOKING = ("SELECT a.id, a.booking_code, a.state, a.product_code, a.dose_number, a.site_id, s.starts_at, s.ends_at, "
            "site.name, site.timezone, p.id, p.family_name, p.given_name, p.dob FROM appointment AS a "
            "JOIN slot AS s ON s.id = a.slot_id JOIN site ON site.id = a.site_id JOIN person AS p ON p.id = a.person_id ")
_BY_CODE = _BOOKING + "WHERE a.booking_code = ?"
# The same columns from the `booking_search` rows the hits were ranked by (migration 0010): one lookup a
# hit in the table the search has just read, where the join above makes four in `appointment` and
# `person`, whose pages a large station no longer holds in its cache.
_LISTED = ("SELECT b.appointment_id, b.booking_code, b.state, b.product_code, b.dose_number, b.site_id, s.starts_at, "
           "s.ends_at, site.name, site.timezone, b.person_id, b.family_name, b.given_name, b.dob FROM booking_search AS b "
           "JOIN slot AS s ON s.id = b.slot_id JOIN site ON site.id = b.site_id WHERE b.appointment_id IN ({booked})")
_NAMES = "SELECT id, family_name, given_name, dob FROM person WHERE id IN ({marks})"
_UNBOOKED = "SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, id, family_name, given_name, dob " \
            "FROM person WHERE id IN ({marks})"


def _booking(row: Sequence[Any]) -> tuple[Any, ...]:
    return (*row[:6], _aware(row[6]), _aware(row[7]), *row[8:10])


def listed(db: Driver, hits: Sequence[NameHit]) -> tuple[list[tuple[Any, ...]], dict[str, tuple[str, str, str]]]:
    """What the list shows of the hits, in one statement: each booking today as `booking_by_code` gives
    its first ten columns, and the family name, given name and date of birth of each person."""
    booked = [h.appointment_id for h in hits if h.appointment_id]
    others = [h.person_id for h in hits if not h.appointment_id]
    parts = ([_LISTED.format(booked=_marks(booked))] if booked else []) + \
            ([_UNBOOKED.format(marks=_marks(others))] if others else [])
    if not parts:
        return [], {}
    bookings, people = [], {}
    for row in _rows(db, " UNION ALL ".join(parts), [*booked, *others]):
        if row[0] is not None:
            bookings.append(_booking(row))
        people[row[10]] = (row[11], row[12], row[13])
    # A booking's person is the hit's (booking_search is kept from the appointment); should they ever
    # differ, the hit's own name is still read.
    missing = [h.person_id for h in hits if h.person_id not in people]
    if missing:
        people.update(names(db, missing))
    return bookings, people


def booking_by_code(db: Driver, code: str) -> tuple[Any, ...] | None:
    """A scanned code's booking: (id, code, state, product, dose, site id, slot start, slot end, site name,
    site time zone), the times aware UTC datetimes; then (person id, family, given, date of birth)."""
    rows = _rows(db, _BY_CODE, (code,))
    return (*_booking(rows[0]), *rows[0][10:]) if rows else None


def names(db: Driver, person_ids: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    """Family name, given name and date of birth of each person."""
    if not person_ids:
        return {}
    return {row[0]: (row[1], row[2], row[3]) for row in _rows(db, _NAMES.format(marks=_marks(person_ids)), person_ids)}


# The bookings listed share a few dozen slot times a day: each stored time is parsed once.
@lru_cache(maxsize=4096)
def _aware(stored: str) -> datetime:
    return datetime.fromisoformat(stored).replace(tzinfo=UTC)
