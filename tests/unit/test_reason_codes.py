"""Reasons, not sentences: every code the core raises has its English text, the desk's and booth's services
raise no sentence any more, and an arrival says how it fits its booking as a code with ISO facts."""

from __future__ import annotations

import ast
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.domain.queue import Arrival, classify_arrival
from app.errors import RuleViolation, ValidationError, VaxDeskError
from app.reasons import ENGLISH, english
from sync.server.admin_errors import AdminInputError
from sync.server.edge_settings import PublicSettings
from sync.server.provisioning import ProvisioningError, parse_provisioning

ROOT = Path(__file__).resolve().parents[2]
# What a nurse, doctor or the staff admin meets at the station: these raise codes only.
STATION_MODULES = [
    "app/services/checkin.py", "app/services/vaccinations.py", "app/services/scheduling.py",
    "app/services/staff.py", "app/services/lots.py", "app/services/vials.py", "app/services/persons.py",
    "app/services/covid_tests.py", "app/services/booking.py", "app/services/person_corrections.py",
    "app/domain/queue.py", "app/domain/rules.py", "app/domain/gs1.py", "app/domain/person_details.py",
    "app/domain/names.py", "app/domain/questionnaire.py", "app/services/stock.py",
]
# The rest of the core (issue 13): the site lead's configuration files, the database and its backups, the
# certificates, the command line, the simulated day and the station's side of sync raise codes too.
CORE_MODULES = sorted(
    str(path.relative_to(ROOT)) for path in [*ROOT.glob("app/**/*.py"), *ROOT.glob("sync/station/*.py")]
    if "/ui/" not in str(path) and "/migrations/" not in str(path) and str(path.relative_to(ROOT)) not in STATION_MODULES)
# The station's errors that do not end in Error (app/errors.py, sync/errors.py, the CLI's).
ERRORS = ("Error", "Violation", "NotFound", "AlreadyExists", "DatabaseMissing", "NotAVaxDeskDatabase",
          "WrongPassphrase", "CorruptDatabase", "CannotWrite", "ReadOnlyLocation", "DiskFull", "SchemaTooNew",
          "NotEnrolled", "DeviceRejected", "ServerUnreachable", "EnrollmentFailed", "ServerRefused",
          "NoPassphrase", "WrongTenant", "DuplicateSuspected", "OverrideReasonRequired")
# Python's own, for what only a bug can reach (a use case without its permissions entry, a naive datetime),
# and the wire's: sync/records.py and sync/mutations.py raise RecordError / MutationError with a wire code.
WIRE_ERRORS = ("RecordError", "MutationError")
INTERNAL = ("ValueError", "TypeError", "RuntimeError", "LookupError", "AssertionError", "KeyError",
            "ArgumentTypeError", "ResultClaimsError")


def _calls(path: Path) -> list[ast.Call]:
    return [node for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.Call)]


def _name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def test_every_code_the_station_names_has_an_english_text() -> None:
    # The tenant API's citizen pages word their own codes (sync/server); the station's are all here.
    unknown = []
    for path in [*ROOT.glob("app/**/*.py"), *ROOT.glob("sync/station/**/*.py")]:
        if "/ui/" in str(path):
            continue
        for call in _calls(path):
            literals = [k.value for k in call.keywords if k.arg == "code"]
            if _name(call) == "Reason" and call.args:
                literals.append(call.args[0])
            for value in literals:
                if isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value not in ENGLISH:
                    unknown.append(f"{path.relative_to(ROOT)}:{call.lineno} {value.value}")
    assert unknown == []


@pytest.mark.parametrize("module", [*STATION_MODULES, *CORE_MODULES])
def test_the_station_and_the_core_raise_no_sentences(module: str) -> None:
    sentences = [
        f"{module}:{call.lineno}" for call in _calls(ROOT / module)
        if _name(call).endswith(ERRORS)
        and _name(call) not in (*INTERNAL, *WIRE_ERRORS)
        and call.args and isinstance(call.args[0], (ast.Constant, ast.JoinedStr, ast.BinOp))
        and not (isinstance(call.args[0], ast.Constant) and not isinstance(call.args[0].value, str))
    ]
    assert sentences == []


@pytest.mark.parametrize("module", ["sync/records.py", "sync/mutations.py", "sync/station/apply.py"])
def test_the_wire_refuses_with_codes_the_server_already_returns(module: str) -> None:
    # RecordError("invalid_field", ...), MutationError("unknown_kind", detail): a code first, never a sentence.
    raised = [call for call in _calls(ROOT / module) if _name(call) in WIRE_ERRORS]
    assert raised

    def a_code(arg: ast.expr) -> bool:  # a code literal, or the code of the error it passes on
        if isinstance(arg, ast.Constant):
            return isinstance(arg.value, str) and arg.value.isidentifier() and arg.value.islower()
        return isinstance(arg, (ast.Name, ast.Attribute))

    not_codes = [f"{module}:{call.lineno}" for call in raised if not (call.args and a_code(call.args[0]))]
    assert not_codes == []


TZ = ZoneInfo("Europe/Berlin")
SLOT = datetime(2030, 5, 22, 10, 10, tzinfo=TZ)


def _arrival(now: datetime, state: str = "booked", site: str = "here"):  # type: ignore[no-untyped-def]
    return classify_arrival(state=state, slot_start=SLOT, slot_end=SLOT + timedelta(minutes=10),
                            booked_site_id=site, booked_site_name="Messe Nord", here_site_id="here", now=now)


def test_an_arrival_is_a_code_with_its_facts_and_the_english_of_old() -> None:
    early = _arrival(SLOT - timedelta(minutes=45))
    assert (early.kind, early.reason.code, dict(early.reason.params)) == (
        Arrival.EARLY, "arrival_early", {"time": "10:10", "minutes": 45})
    assert early.message == "Early: booked for 10:10 (45 min from now)."
    other_day = _arrival(SLOT - timedelta(days=2))
    assert other_day.reason.code == "arrival_other_day" and other_day.reason.params["day"] == "2030-05-22"
    assert _arrival(SLOT + timedelta(days=1)).reason.code == "arrival_other_day_past"
    assert _arrival(SLOT, site="there").reason == _arrival(SLOT, site="there").refusal()
    assert _arrival(SLOT, site="there").message == "This booking is for another site: Messe Nord."


def test_an_unconfirmed_early_arrival_is_refused_with_its_own_code() -> None:
    refusal = _arrival(SLOT - timedelta(minutes=45)).refusal()
    err = RuleViolation.of(refusal)
    assert err.code == "arrival_early_unconfirmed" and err.params["minutes"] == 45
    assert str(err) == "Early: booked for 10:10 (45 min from now). Confirm to check in anyway."


def test_the_english_of_a_code_is_the_cli_sentence_and_the_error_carries_its_field() -> None:
    err: VaxDeskError = ValidationError(code="login_taken", params={"login": "nurse"}, field="login")
    assert str(err) == "The login 'nurse' is taken." and err.field == "login"
    assert english("closure_day_booked", {"count": 3, "day": "2030-05-22"}) == (
        "3 person(s) are booked on 2030-05-22. Reschedule them first.")


def test_the_core_s_refusals_carry_codes_and_read_as_before() -> None:
    from app.domain.questionnaire import parse_questionnaire
    from app.errors import CatalogueError
    from sync.station.client import SyncClient

    with pytest.raises(CatalogueError) as config:
        parse_questionnaire({"format": 2, "default_observation_minutes": 15, "consent": {}, "questions": []})
    assert (config.value.code, dict(config.value.params)) == ("config_format_unknown", {"path": "questionnaire.format"})
    assert str(config.value) == "questionnaire.format: only format 1 is understood by this VaxDesk version."
    with pytest.raises(ValidationError) as address:  # `vaxdesk enroll --server ftp://…`: a refusal, not a traceback
        SyncClient("ftp://tenant.example")
    assert (address.value.code, address.value.field) == ("sync_server_address", "server")


# ---- the tenant API server (issue 13): its refusals are codes too ------------------------------------
# What an admin (a setting, a file, a command's argument), a station (the HTTP refusals) or a citizen (the
# pages) meets from the server. mail.py's template shape check and PermanentFailure are internal: the first
# reaches the admin only inside mail_template_fails, the second is the mail log's own note.
SERVER_MODULES = [
    "sync/server/provisioning.py", "sync/server/mail_templates.py", "sync/server/edge_settings.py",
    "sync/server/challenge.py", "sync/server/certificates.py", "sync/server/backup.py", "sync/server/crypto.py",
    "sync/server/rate_limits.py", "sync/server/mail.py", "sync/server/public.py", "sync/server/devices.py",
    "sync/server/tenants.py",
]
CODED = ("ApiError", "Refused", "AdminInputError", "ProvisioningError", "BackupError", "MasterKeyError",
         "ChallengeRefused", "TenantExists", "TenantSchemaMismatch")
def _server_calls(module: str) -> list[tuple[str, ast.Call]]:
    return [(f"{module}:{call.lineno}", call) for call in _calls(ROOT / module)]
@pytest.mark.parametrize("module", SERVER_MODULES)
def test_the_server_refuses_with_codes_not_sentences(module: str) -> None:
    sentences, unknown = [], []
    for where, call in _server_calls(module):
        name = _name(call)
        text_args = [a for a in call.args if isinstance(a, ast.JoinedStr | ast.BinOp)
                     or (isinstance(a, ast.Constant) and isinstance(a.value, str))]
        # A ledger hook's ValueError("uvci") names the field of a mutation it rejects: not a sentence.
        if name == "ValueError" and not module.endswith("mail.py") and any(
                not (isinstance(a, ast.Constant) and str(a.value).isidentifier()) for a in text_args):
            sentences.append(where)
        if name not in CODED:
            continue
        if name in ("ApiError", "Refused"):  # (status, code, ...): a third text argument is a sentence
            codes, rest = call.args[1:2], call.args[2:]
            if any(a in text_args for a in rest) or any(k.arg == "message" for k in call.keywords):
                sentences.append(where)
        else:
            codes = call.args[:1]
            if any(isinstance(a, ast.JoinedStr | ast.BinOp) for a in codes):
                sentences.append(where)
        codes = [*codes, *(k.value for k in call.keywords if k.arg in ("code", "text"))]
        unknown += [f"{where} {c.value}" for c in codes
                    if isinstance(c, ast.Constant) and isinstance(c.value, str) and c.value not in ENGLISH]
    assert (sentences, unknown) == ([], [])
def test_the_server_check_sees_a_sentence() -> None:
    tree = ast.parse('ApiError(404, "unknown_slot", "There is no such slot.")\nValueError(f"{x}: bad")\n'
                     'ApiError(404, "unknown_slot", text="booking_slot_unknown")\n')
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    assert [len(c.args) for c in calls if _name(c) == "ApiError"] == [3, 2]
    assert isinstance(calls[1].args[0], ast.JoinedStr)
def test_an_admins_refusal_is_a_code_with_its_place_and_the_english_of_old() -> None:
    with pytest.raises(AdminInputError) as caught:
        PublicSettings.parse({"timezone": "Mars/Olympus"})
    assert (caught.value.code, dict(caught.value.params), caught.value.field) == (
        "setting_time_zone", {"value": "Mars/Olympus"}, "timezone")
    with pytest.raises(ProvisioningError) as wrapped:
        parse_provisioning({"tenants": [{"name": "a", "public": {"booking_per_client": "lots"}}]}, source="t.yaml")
    assert wrapped.value.code == "setting_not_a_rate" and wrapped.value.exit_code == 2
    assert str(wrapped.value) == "t.yaml: tenants[0].public: booking_per_client: 'lots' is not a rate such as '10/minute'"
