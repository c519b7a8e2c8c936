"""Reasons as codes: what the core says when it refuses, stops or warns.

The core never speaks in sentences to the UI. An error or a rule result carries a `Reason`: a stable
code, its parameters and (for input) the field it is about. The UI maps codes to translated texts in
one place (`app/ui/reasons.py`); the CLI and the logs use the English texts below, through `english()`.

A new code is added here (English) and in `app/ui/reasons.py` (German and English through `tr()`); a
test fails when either side lacks one.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Reason:
    """A code, its parameters (plain values: str, int, float, dates as ISO text) and, for input, the field."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    field: str | None = None

    def __str__(self) -> str:
        return english(self.code, self.params)


# English texts by code. Keep each group together; one block per area so additions do not collide.
ENGLISH: dict[str, str] = {
    # ---- general --------------------------------------------------------------------------
    "message": "{text}",  # a sentence from code that has no code of its own yet
    "internal": "Something went wrong inside VaxDesk; nothing was changed.",
    # ---- input ----------------------------------------------------------------------------
    "field_required": "{label} is required.",
    "field_too_long": "{label} is too long (at most {max} characters).",
    "field_invalid_characters": "{label} contains characters that cannot be stored.",
    # ---- sync (issue 12) ------------------------------------------------------------------
    "server_refused": "The sync server refused the request ({server_code}).",
    "mutation_refused": "This change cannot be recorded for sync ({code}); nothing was saved.",
    "role_refused": "Your role may not {action}.",
    "merge_same_person": "A person cannot be merged with themselves.",
    "review_task_not_open": "This review task is already resolved or is not a duplicate person.",
    # ---- certificates (issue 15) ----------------------------------------------------------
    "cert_family_name_missing": "The family name is missing. A person with a single name has it entered as family name.",
    "cert_family_name_unwritable": "The family name has no letters that can be written in the certificate.",
    "cert_name_needs_mrz": "The name has letters without an ICAO transliteration ({letters}): scan or type the "
                           "machine-readable zone (MRZ) of the person's passport or ID card.",
    "cert_text_too_long": "A name or the issuer is longer than {max} characters.",
    "cert_country_invalid": "The country must be a two-letter code such as DE.",
    "cert_dob_format": "The date of birth must look like 1964-08-12, 1964-08 or 1964.",
    "cert_dob_impossible": "The date of birth {dob} does not exist.",
    "cert_dose_number_range": "Dose number and number of doses must be between 1 and 9.",
    "cert_date_invalid": "The vaccination date {value} is not a date like 2021-06-11.",
    "cert_uvci_check_wrong": "The certificate identifier has a wrong check character.",
    "cert_schema": "The certificate data does not match the EU format: {problems}",
    "cert_recovery_too_early": "A recovery certificate is valid at the earliest from 11 days after the positive test "
                               "({date}).",
    "cert_recovery_window": "A recovery certificate is valid for at most 180 days after the positive test (until "
                            "{date}).",
    "cert_recovery_expired": "The positive test was more than 180 days ago: a recovery certificate can no longer be "
                             "issued.",
    "cert_recovery_needs_naat": "A recovery certificate needs a positive NAAT (PCR) test result recorded here; this "
                                "infection was recorded from a document or the questionnaire.",
    "cert_signer_not_valid_now": "The signer certificate is not valid now; a new one is needed.",
    "cert_signer_expired": "This signer certificate has expired.",
    "cert_signer_wrong_usage": "This signer certificate is not for vaccination certificates (its extended key usage "
                               "lacks the EU vaccination OID). Ask for a vaccination document signer.",
    "cert_signer_not_for_recovery": "The document signer may not sign recovery certificates (its extended key usage "
                                    "lacks the EU recovery OID).",
    "cert_signer_p12_unreadable": "The PKCS#12 file cannot be read (wrong password, or not a PKCS#12 file).",
    "cert_signer_p12_empty": "The PKCS#12 file holds no key and certificate.",
    "cert_signer_expires_soon": "The document signer expires on {date}: certificates signed now are valid only until "
                                "then. Ask for a new signer certificate.",
    "cert_signer_expiring": "The document signer expires on {date}, in less than 7 days, so it no longer signs. Install "
                            "a new one; until then the station hands out vouchers.",
    "cert_demo_signer": "This station signs with a DEMO signer: its certificates are marked NOT VALID.",
    "cert_pdf_mismatch": "The text to print differs from the signed code; the certificate is printed from the code.",
    "cert_pdf_kind": "Only vaccination and recovery certificates can be printed.",
    "cert_code_unreadable": "The certificate code cannot be read: {detail}",
    "cert_not_found": "That certificate does not exist.",
    "cert_vaccination_not_found": "That vaccination does not exist.",
    "cert_dose_voided": "This dose was voided; issue the certificate for the corrected record.",
    "cert_external_other_country": "This dose was given in {country}: only {country} issues its certificate "
                                   "(Regulation (EU) 2021/953, art. 5). The person asks there.",
    "cert_already_issued": "This dose already has a certificate: print it again, or correct it.",
    "cert_replaced_missing": "That certificate does not exist or was already replaced.",
    "cert_is_voucher": "This certificate is a voucher: it is signed as soon as a signer is at hand.",
    "cert_reason_required": "Give the reason for the correction.",
    "cert_reissue_nothing_changed": "The certificate already shows the person's data as recorded; nothing to re-issue.",
    "cert_voucher_unknown": "No voucher has the claim code {code}.",
    "cert_revoked_here": "This certificate was revoked by this center ({reason}).",
    "cert_issuer_invalid": "The certificate issuer is 1 to 80 printable characters.",
    "cert_validity_invalid": "Certificates are valid for 1 to {max} days.",
    "infection_not_found": "That infection record does not exist.",
    "infection_date_invalid": "The date of the infection must be on or after the date of birth and not in the future.",
    "infection_role": "Only a doctor or a nurse may record an infection.",
    "infection_test_type": "A positive test is a NAAT (PCR) or a rapid antigen test.",
    "infection_already_recorded": "An infection on {date} is already recorded for this person.",
    "mrz_format": "This is not the machine-readable zone of a passport or ID card (2 lines of 44 or 36, or 3 lines "
                  "of 30 characters A-Z, 0-9 and <).",
    "mrz_check_digit": "The MRZ check digit of the {part} does not match: the line was misread or mistyped.",
    "mrz_other_person": "This MRZ belongs to someone with another date of birth than this person.",
    "trust_unsupported_key": "Only EC and RSA signer certificates are supported.",
    "revocation_list_invalid": "The revocation list is not in the EU DCC revocation format (batches of base64 "
                               "hashes).",
    "person_not_found": "That person does not exist.",
    "person_correction_reason": "Give the reason for the correction (for example the ID document it was checked "
                                "against).",
    "person_correction_nothing": "Nothing to correct: change at least one field.",
    "person_correction_purged": "This person's data was removed after the retention period; it cannot be corrected.",
    # ---- roles, audit, storage (issue 16) -------------------------------------------------
    "storage_read_only": "Cannot write in '{path}': the folder or the drive is read-only (or not yours). The database is intact; move it to a writable place or fix the permissions.",
    "storage_disk_full": "The disk holding '{path}' is full. The database is intact and nothing was half-written; free some space and try again.",
    "storage_io_error": "The disk reported an input/output error for '{path}' ({detail}). The drive may be failing or was disconnected; check it before going on.",
    "storage_folder_missing": "The folder '{path}' does not exist.",
    "database_damaged": "'{path}' is damaged: {finding} (and {more} more finding(s)). Run 'vaxdesk check' for the full list; restore it from a backup. The file was left untouched.",
    "database_replaced": "'{path}' cannot be decrypted with its key: the file was replaced, or its key file belongs to another copy. Restore it from a backup; the file was left untouched.",
    "audit_anchor_altered": "The key file's record of the audit log was altered or does not belong to this database.",
    "audit_start_removed": "entries at the start of the audit log were removed (the log now begins at entry {seq})",
    "audit_entry_removed": "an entry before entry {seq} was removed or its order changed",
    "audit_entry_changed": "entry {seq} was changed after it was written, or the log was rewritten",
    "audit_tail_removed": "the last entries of the audit log were removed: entries from {seq} on are missing (it was anchored at entry {anchored})",
    "audit_all_removed": "every entry of the audit log was removed (it was anchored at entry {anchored})",
    "audit_not_anchored": "the audit log goes on past its anchor (entry {anchored}): entries were added outside VaxDesk",
    "audit_removed_earlier": "entries were removed or replaced before entry {seq}; VaxDesk noticed it on {noticed}",
    "audit_server_differs": "entry {seq} differs from the copy the sync server acknowledged: the log was rewritten",
    "audit_behind_server": "the sync server acknowledged entries up to {server_seq} that this station no longer has (from entry {seq}); was it restored from an older backup?",
    "staff_login_failed": "Wrong login or PIN.",
    "staff_locked_out": "Too many wrong PINs. Try again in {minutes} min or ask an admin.",
    "role_not_allowed": "Your role ({role}) may not do this ({use_case}). Log in with an account that may.",
    "output_exists": "'{path}' already exists; add --force to overwrite it.",
    # ---- public edge (issue 17) -----------------------------------------------------------
    "name_empty": "The name is empty.",
    "name_too_long": "The name is too long: at most {max} characters.",
    "name_control_character": "The name contains an invisible control character ({codepoint}); retype it.",
    "name_digit": "The name contains the digit '{char}'; names have no digits.",
    "name_character": "The name contains '{char}', which does not belong in a name (letters, spaces, hyphens, apostrophes and periods are allowed).",
    "name_no_letter": "The name must contain at least one letter.",
    "dob_format": "Date of birth must be written YYYY-MM-DD.",
    "dob_not_a_date": "That date of birth does not exist.",
    "dob_too_early": "Date of birth before {year}: please check it.",
    "dob_in_future": "Date of birth lies in the future.",
    "age_below_minimum": "{product} is given from {min} years; on the day of the appointment the person is younger.",
    "age_above_maximum": "{product} is given up to {max} years; on the day of the appointment the person is older.",
    "email_invalid": "That is not an e-mail address (for example name@example.org).",
    "phone_invalid": "A phone number has at least 5 digits and only digits, spaces and + ( ) / . -",
    "invalid_input": "Some details are not valid; see each field.",
    "unknown_slot": "There is no such time slot.",
    "slot_past": "This time slot has already begun; please choose a later one.",
    "full": "This time is fully booked. Please choose another one.",
    "invalid_booking_code": "That is not a booking code (it looks like ABCD-EFGH-J).",
    "unknown_booking": "No booking has this code.",
    "booking_not_changeable": "This booking can no longer be cancelled or moved (it is {state}).",
    "booking_details_mismatch": "The date of birth does not match this booking.",
    "same_slot": "The booking is already at this time.",
    "rate_limited": "Too many requests; please try again in {retry_after} seconds.",
    "challenge_required": "Please confirm you are not a robot (the page's check did not run).",
    "challenge_invalid": "The robot check failed or expired; please try again.",
    "challenge_used": "This robot check was already used; please try again.",
    "other_site": "This slot belongs to another site than the station's.",
    "station_exists": "This station is already enrolled; ask the administrator for a re-enrolment code for it.",
    "wrong_station": "This enrolment code was issued for another station.",
    "tenant_key_unusable": "The master key does not open the data key of {count} tenant(s).",
    # ---- tests and results (issue 18) -----------------------------------------------------
    "result_cannot_open": "This result cannot be opened with these details (name, date of birth, or the link is incomplete).",
    "result_link_missing": "The link from the e-mail is missing or incomplete.",
    "result_mail_not_configured": "Result mails need the tenant's mail_from and public_url settings.",
    "result_mail_language": "Result mails are written in German or English, not '{lang}'.",
    "result_kind_unknown": "'{kind}' is not a kind of result (test_result or a certificate).",
    "result_token_invalid": "That is not a result token (CS2:...).",
    "test_type_invalid": "A test is a rapid antigen test or a NAAT (PCR).",
    "test_visit_not_found": "That visit does not exist; check the person in first.",
    "test_not_found": "That test does not exist.",
    "test_mail_no_email": "The person has no e-mail address on record; add it before sending the result by e-mail.",
    "test_already_open": "This person already has a test waiting for its result.",
    "test_device_required": "Scan or choose the rapid test's device.",
    "test_device_unknown": "'{device}' is not a rapid test device on the EU list.",
    "test_device_inactive": "{device} is no longer on the EU list of accepted rapid tests.",
    "test_lab_required": "A NAAT (PCR) needs the name of the lab.",
    "test_sample_id_invalid": "The sample id is 1 to 40 letters, digits, spaces or . / _ -, as on the tube's label.",
    "test_already_sampled": "The sample of this test was already taken.",
    "test_not_sampled": "Take the sample before entering the result.",
    "test_result_invalid": "A result is positive, negative or invalid.",
    "test_too_early": "Too early: this rapid test may be read from {time} ({minutes} minutes after the sample). Wait and read it again.",
    "test_already_resulted": "This test already has its result; void it if it was wrong.",
    "test_voided": "This test was voided.",
    "cert_test_no_result": "A test certificate needs the test's result.",
    "cert_test_not_negative": "A test certificate is issued for a negative result only (a positive NAAT gives a recovery certificate).",
    "cert_test_needs_signer": "Test certificates are signed at the station: install the site's document signer.",
    "cert_signer_not_for_test": "The site's document signer may not sign test certificates.",
    # ---- search and the day (issue 19) ----------------------------------------------------
    "search_too_long": "Input too long ({count} characters). Scan again or type the name.",
    "search_not_understood": "Not a booking code, name or date of birth. Scan again or type a name.",
    "search_dob_needs_name": "Add the family name to the date of birth.",
    "search_needs_letter": "Type at least one letter of the name.",
    "search_code_unknown": "No booking with the code {code}.",
    "search_code_invalid": "This booking code is not valid (misread or mistyped). Scan again or type the name.",
    "search_nobody_found": "Nobody found. Check the spelling, or register a walk-in.",
    "search_more_add_dob": "{shown} of {total} — add the date of birth.",
    "search_many_add_dob": "{shown} of more than {total} — add the date of birth.",
    "vial_doses_left": "Open vial: {left} left · waiting: {waiting}",
    "vial_nobody_waiting": "No open vial · nobody waiting · due before a new vial would expire: {due}",
    "vial_open": "No open vial · waiting: {waiting} · due before it would expire: {due} — a new vial ({doses} doses) will be used up: open one",
    "vial_open_last": "No open vial · waiting: {waiting} · due until it would expire or the day ends: {due} — a new vial ({doses} doses) leaves {waste} unused",
    "vial_open_waited": "No open vial · the first person has waited {minutes} min — open one ({waste} may be left unused)",
    "vial_wait": "No open vial · waiting: {waiting} · due: {due} — wait for more before opening (a vial now leaves {waste} of {doses} unused)",
    # ---- desk and booth (issue 14) --------------------------------------------------------
    "consent_minor_needs_guardian": "The person is {age}: under {limit} a legal guardian gives consent. Choose “Legal guardian” and write the guardian's name.",
    "consent_guardian_for_adult": "The person is {age} and consents alone (from {limit}); a guardian's consent is not accepted.",
    "observation_early_needs_reason": "Observation is not over yet ({minutes} min left): give the reason for ending it early.",
    "vial_expired_at_opening": "This {product} vial would be expired when opened (usable until {use_by}): do not open it; discard it.",
    "vial_label_expired": "STOP: the label says lot {lot} expired on {expiry}. Do not use this vial.",
    "vial_label_expiry_differs": "STOP: the label of lot {lot} says it expires on {label}, but the lot was received as expiring on {recorded}. Check the lot before using it.",
    "dose_needs_identity": "No dose without the identity check at this visit: send the person back to the desk.",
    "dose_needs_consent": "No dose without consent at this visit: send the person back to the desk.",
    "vial_not_open": "Lot {lot} of {product}: no vial of it is open yet. Open this vial now?",
    "dose_needs_review_acknowledged": "{flags} answer(s) need the doctor's review: read them with the person and confirm first.",
    "rule_dob_after_day": "The date of birth {dob} is after {on}; correct it first.",
    "rule_age_min": "{product} is given from {min} years; the person is {age}.",
    "rule_age_max": "{product} is given up to {max} years; the person is {age}.",
    "rule_dose_after_day": "A dose is recorded on {given_on}, after {on}; correct the history first.",
    "rule_one_dose_per_day": "A dose was already given on {on}; only one dose per day.",
    "rule_unknown_product_dose": "The dose on {given_on} is of a product not in the catalogue ({product_code}); it is counted as part of a {series}-dose series.",
    "rule_booster_not_authorised": "The primary series is complete and {product} is not authorised as a booster; choose another product.",
    "rule_booster_too_early": "The primary series is complete and no booster is due yet: a {product} booster is allowed from {earliest} ({days} days after the dose on {last}).",
    "rule_too_early": "Too early for dose {dose}: allowed from {earliest} ({days} days after the dose on {last}).",
    "rule_later_than_recommended": "Dose {dose} is later than recommended: the window ended on {latest} ({days} days after the dose on {last}).",
    "rule_mixed_series": "Mixed primary series: earlier dose(s) of {others}, this dose is {product}.",
    "vial_wrong_product": "Wrong vial: it holds {holds}, but this dose is {wanted}. Take a vial of the right product.",
    "vial_lot_blocked": "Lot {lot} is blocked ({why}). Do not use this vial; discard it.",
    "vial_discarded": "This vial was discarded at {at}. Open a new one.",
    "vial_empty": "This vial is empty: all {capacity} doses are drawn. Discard it and open a new one.",
    "vial_expired_printed": "This vial expired at {at} (lot {lot} expired on {expiry}). Discard it and open a new one.",
    "vial_expired_thawed": "This vial expired at {at} ({hours} h after thawing). Discard it and open a new one.",
    "vial_expired_opened": "This vial expired at {at} ({hours} h after opening). Discard it and open a new one.",
    "visit_already_in_queue": "This person is already in the queue.",
    "visit_consent_missing": "Consent and questionnaire are missing: complete them at the desk first.",
    "consent_refused": "Without consent no vaccination can be given. The person may leave the queue.",
    "dose_visit_observation": "This person is already in observation: the dose of this visit is recorded.",
    "dose_visit_checked_in": "This person is still waiting; call them from the queue first.",
    "dose_visit_not_with_doctor": "This visit is '{state}', not with the doctor; call the person from the queue first.",
    "visit_cannot_move": "Cannot go from '{from}' to '{to}'.",
    "lot_unknown": "That lot does not exist; receive it first.",
    "lot_blocked_no_open": "Lot {lot} is blocked ({why}); do not open its vials.",
    "lot_expired_no_open": "Lot {lot} expired on {expiry}; do not open its vials.",
    "vial_thaw_time_needed": "{product} is stored frozen: enter when this vial was thawed.",
    "vial_thaw_in_future": "The thawing time lies in the future; check it.",
    "vial_not_thawed_product": "{product} is not thawed before use; leave the thawing time empty.",
    "lot_all_vials_open": "All {count} vials of lot {lot} are already opened. Check the lot, or receive the vials you hold.",
    "vial_serial_already_open": "Vial {serial} of lot {lot} was already opened; take another vial.",
    "gtin_unknown": "GTIN {gtin} is not in the catalogue, so no vial of it was received here.",
    "lot_not_received": "Lot {lot} of {product} was not received here; receive it on the lots page.",
    "vial_scan_ambiguous": "{count} vials of lot {lot} are open and the code has no serial number; pick the vial from the list.",
    # ---- desk, booth, schedule, lots and staff as codes (issue 14, the rest) -----------------
    "arrival_on_time": "Booked for {time}.",
    "arrival_early": "Early: booked for {time} ({minutes} min from now).",
    "arrival_late": "Late: booked for {time} ({minutes} min ago).",
    "arrival_other_day": "The booking is for {day} at {time}, not today.",
    "arrival_other_day_past": "The booking was for {day} at {time}, not today.",
    "arrival_early_unconfirmed": "Early: booked for {time} ({minutes} min from now). Confirm to check in anyway.",
    "arrival_late_unconfirmed": "Late: booked for {time} ({minutes} min ago). Confirm to check in anyway.",
    "arrival_other_day_unconfirmed": "The booking is for {day} at {time}, not today. Confirm to check in anyway.",
    "arrival_other_day_past_unconfirmed": "The booking was for {day} at {time}, not today. Confirm to check in anyway.",
    "arrival_cancelled": "This booking was cancelled. Register the person as a walk-in.",
    "arrival_other_site": "This booking is for another site: {site}.",
    "arrival_already_here": "This person is already checked in and in the queue.",
    "arrival_finished": "This booking was already used.",
    "booking_not_found": "That booking does not exist.",
    "person_not_registered": "That person is not registered (any more).",
    "visit_person_not_found": "The person of this visit does not exist.",
    "visit_not_found": "That visit does not exist.",
    "visit_not_found_queue": "That visit does not exist; pick the person from the queue.",
    "vial_not_found": "That vial does not exist; scan it again or pick it from the list.",
    "dose_record_not_found": "That dose record does not exist.",
    "slot_gone": "That slot does not exist any more.",
    "lot_not_found": "That lot does not exist.",
    "staff_not_found": "That staff member does not exist.",
    "id_document_unknown": "Unknown document type. Choose one of: {choices}.",
    "consent_by_invalid": "Consent is given by the person or by a legal guardian.",
    "sex_invalid": "Sex must be one of f, m, d, x.",
    "duplicate_suspected": "{count} person(s) with the same or a similar name and date of birth are already registered. Choose the existing person, or confirm that this is someone new.",
    "pin_format": "A PIN has 4 to 12 digits.",
    "pin_trivial": "This PIN is too easy to guess; choose another.",
    "login_format": "A login has 2 to 32 characters: letters, digits, '.', '_' or '-'.",
    "staff_name_invalid": "Enter the staff member's name (at most 100 characters).",
    "role_unknown": "Unknown role '{role}'. Roles: {roles}.",
    "login_taken": "The login '{login}' is taken.",
    "staff_own_admin_role": "You cannot take the admin role from yourself.",
    "staff_deactivate_self": "You cannot deactivate yourself.",
    "staff_last_admin": "The last active admin cannot be deactivated.",
    "dose_void_reason_required": "Give the reason for voiding the dose.",
    "dose_correction_reason_required": "Give the reason for the correction.",
    "dose_text_too_long": "{What} has at most {max} printable characters.",
    "injection_site_invalid": "Choose the injection site: {choices}.",
    "override_reason_required": "Give a reason to go ahead despite: {warnings}",
    "country_code_invalid": "The country is a two-letter code such as DE, AT or FR.",
    "product_unknown_choose": "Unknown product '{product}'; choose one from the catalogue.",
    "product_unknown": "Unknown product '{product}'.",
    "dose_date_in_future": "{date} lies in the future; check the date on the record.",
    "dose_date_impossible": "{date} cannot be a COVID-19 dose of this person; check it.",
    "dose_same_day_recorded": "A dose on {date} is already recorded; only one dose per day.",
    "dose_already_voided": "This dose record was already voided at {at}.",
    "dose_external_no_vial": "A dose given elsewhere has no vial or injection site here.",
    "dose_here_keeps_time": "A dose given here keeps its time and takes its product from the vial; correct the vial instead.",
    "dose_correction_nothing": "Nothing to correct: change at least one field, or void the dose.",
    "reaction_kind_invalid": "Choose the kind of reaction: {choices}.",
    "reaction_severity_invalid": "Choose the severity: {choices}.",
    "onset_needs_zone": "The onset time needs a time zone.",
    "thaw_time_needs_zone": "The thawing time needs a time zone.",
    "reaction_onset_future": "The onset lies in the future; check the time.",
    "reaction_other_person": "That dose belongs to another person; pick the person's own dose.",
    "reaction_before_dose": "The onset is before the dose was given ({at}); check the time.",
    "opening_time_format": "Opening time must be a time of day as HH:MM.",
    "closing_time_format": "Closing time must be a time of day as HH:MM.",
    "weekday_invalid": "Weekday must be 0 (Monday) to 6 (Sunday).",
    "hours_end_before_start": "Opening hours end before they start.",
    "slot_length_range": "Slot length must be between {min} and {max} minutes.",
    "slot_longer_than_hours": "The slot is longer than the opening hours.",
    "stations_capacity_range": "Stations and capacity per station must be positive (at most 100).",
    "plan_products_unknown": "Choose products from the catalogue (unknown: {unknown}).",
    "plan_ends_before_start": "The plan ends before it starts.",
    "closure_reason_required": "Give a reason for the closure (at most 200 characters).",
    "closure_day_booked": "{count} person(s) are booked on {day}. Reschedule them first.",
    "open_days_range": "Choose a range of at most a year, ending after it starts.",
    "open_days_past": "Slots cannot be opened in the past.",
    "follow_up_no_first_dose": "This person has no recorded dose yet: book the first dose at the desk instead.",
    "follow_up_needs_first_dose": "This person has no recorded dose yet: a follow-up needs a first dose.",
    "follow_up_none_due": "No further dose of {product} is due.",
    "slot_in_past": "That slot is in the past.",
    "follow_up_too_early": "Too early: the next dose may be given from {day} on.",
    "follow_up_too_late": "Too late: the next dose should be given by {day}.",
    "center_closed": "The center is closed that day.",
    "product_not_offered": "{product} is not offered on {day}.",
    "slot_full": "This slot is full. Choose another time.",
    "stock_all_promised": "Not enough {product} in stock for {day}: all doses are promised.",
    "booking_not_cancellable": "Only a booking not yet used can be cancelled or moved.",
    "slot_length_day": "Slot length must be between 1 minute and a day.",
    "slot_capacity_invalid": "Capacity per slot must be a positive number.",
    "lot_manual_product_reason": "Give a reason for choosing the product by hand.",
    "lot_block_reason": "Give a reason for blocking the lot (recall notice, cold-chain break, …).",
    "lot_reason_too_long": "The reason has at most {max} printable characters.",
    "lot_vials_range": "The number of vials must be a whole number from 1 to {max}.",
    "lot_number_invalid": "A lot number has 1 to 20 printable characters, as printed on the carton.",
    "gtin_choose_by_hand": "GTIN {gtin} is not in the vaccine catalogue. Choose the product by hand and give a reason, or ask the site lead to add the GTIN to the catalogue.",
    "lot_choose_product": "Choose the product by hand.",
    "carton_other_product": "The code is a {found} carton, not {product}. Check the carton.",
    "gtin_invalid": "{gtin!r} is not a valid GTIN-14; check the 14 digits on the carton.",
    "gtin_not_in_catalogue": "GTIN {gtin} is not in the vaccine catalogue; leave it empty to choose the product by hand.",
    "gtin_other_product": "GTIN {gtin} belongs to {found}, not {product}.",
    "lot_expired_not_received": "Lot {lot} expired on {expiry}; an expired lot is not received.",
    "lot_already_blocked": "Lot {lot} is already blocked ({why}).",
    "discard_reason_invalid": "Choose why the vial is discarded: {choices}.",
    "vial_already_discarded": "This vial was already discarded at {at}.",
    "vial_serial_invalid": "A vial serial number has 1 to {max} printable characters.",
    "gtin_not_digits": "A GTIN contains only digits, not {value!r}.",
    "gs1_too_long": "The scan is {count} characters long; a vial code has far fewer. Scan the code again.",
    "gs1_other_symbology": "The scan starts with symbology {prefix!r}, which is not a GS1 code. Scan the DataMatrix on the vial or carton.",
    "gs1_empty": "The scan is empty. Scan the DataMatrix on the vial or carton.",
    "gs1_expiry_year": "An expiry in {year} cannot be written as YYMMDD.",
    "gs1_unknown_ai": "Unknown GS1 application identifier at position {position} ({shown!r}); the scan is damaged or is not a vial code.",
    "gs1_field_cut": "The scan ends inside field ({ai}): expected {length} digits, got {count}. Scan the code again.",
    "gs1_field_too_long_gs": "Field ({ai}) is {count} characters long, at most {length} are allowed; the scanner probably dropped a group separator (GS). Check the scanner setup.",
    "gs1_bracket_start": "The scan starts with '(' but not with a GS1 application identifier like (01).",
    "gs1_field_length": "Field ({ai}) must have {length} digits, the scan has {count}.",
    "gs1_field_too_long": "Field ({ai}) is {count} characters long, at most {length} are allowed.",
    "gs1_field_twice": "Field ({ai}) appears twice in the scan; scan the code again.",
    "gs1_field_empty": "Field ({ai}) is empty in the scan.",
    "gs1_field_not_digits": "Field ({ai}) must contain digits only, the scan has {value!r}.",
    "gs1_fields_missing": "The scan has no {fields}; scan the DataMatrix on the vial or carton.",
    "gs1_gtin_check_digit": "GTIN {gtin} has a wrong check digit; the scan is damaged. Scan it again.",
    "gs1_bad_character": "The {label} contains {what}, which a GS1 code cannot carry; check the scanner's keyboard layout.",
    "gs1_expiry_month": "Expiry {value} has month {month}, which does not exist.",
    "gs1_expiry_day": "Expiry {value} names day {day} of a month with {days} days.",
    "answers_unknown_questions": "Answers to unknown question(s): {questions}.",
    "answers_missing": "Please answer: {questions}.",
    "consent_yes_or_no": "Consent must be answered yes or no.",
    "answer_takes_text": "{question}: this question takes a text answer.",
    "answer_too_long": "{question}: the answer is longer than {max} characters.",
    "answer_control_character": "{question}: the answer contains a control character.",
    "answer_yes_or_no": "{question}: answer yes or no.",
    "answer_takes_yes_no": "{question}: this question takes yes or no, not text.",
    "answer_dates_unasked": "{question}: dates are only given with a yes answer to a question that asks for them.",
    "answer_date_missing": "{question}: please give the date.",
    "answer_one_date": "{question}: only one date is asked for.",
    "answer_date_in_future": "{question}: {date} is in the future.",
    "answer_date_twice": "{question}: the same date is given twice.",
    "stock_vials_range": "Number of vials must be between 1 and {max}.",
    "stock_lot_number_invalid": "A lot number has 1 to 20 printable characters.",
    "lot_already_received": "Lot {lot} of {product} was already received.",
    # ---- the tenant API server (issue 13, branch 13srv) --------------------------------------
    # Its HTTP refusals: the wire's `code` stays, `message` is this English (ApiError, certificates.Refused).
    "unknown_tenant": "There is no such tenant.",
    "invalid_day": "Ask for a day between 2000 and 2200.",
    "booking_slot_unknown": "There is no such slot.",  # the words of unknown_slot when a booking names it
    "move_other_site": "The new time must be at the same site as the booking.",  # other_site, moving a booking
    "signing_not_configured": "This tenant has no document signer on the server; sign on the station or add one.",
    "invalid_certificate": "{problem}",  # the certificate check's own English, at most 300 characters
    "wrong_certificate_kind": "A {kind} request must carry one '{entry}' entry.",
    "signer_expiring": "The tenant's document signer expires within {days} days; install a new one.",
    "issuer_mismatch": "The certificate issuer differs from the tenant's configured one.",
    "validity_exceeds_policy": "The tenant signs for at most {max_days} days.",
    "payload_mismatch": "The certificate does not match the server's record.",
    "uvci_reused": "This certificate identifier belongs to another certificate.",
    "unknown_dose": "The server does not hold this dose (yet); sync first.",
    "dose_voided": "This dose was voided.",
    "unknown_infection": "The server does not hold this positive test (yet); sync first.",
    "enrollment_refused": "This enrollment code is unknown, used or expired.",
    "wrong_tenant": "This code belongs to another tenant than the station's.",
    "wrong_site": "This code is for another site than the station's.",
    "station_site_mismatch": "This station's site id belongs to another site than the code's.",  # wrong_site too
    "invalid_token": "The device token is not valid.",
    "token_malformed": "The device token is malformed.",  # the words of invalid_token for a token of no shape
    "token_revoked": "This station's token was revoked; enroll it again.",
    # What the admin gave it (sync/server/admin_errors.py): the message names the place first ("timezone: ...").
    "provisioning_not_a_plan": "expected a mapping with one key, 'tenants', holding a list",
    "provisioning_entry_keys": "expected 'name' and optionally 'public' and 'mail_templates'",
    "provisioning_tenant_name": "1-40 lowercase letters, digits or hyphens",
    "provisioning_listed_twice": "{name} is listed twice",
    "provisioning_not_a_mapping": "expected a mapping",
    "provisioning_templates_folder": "a folder of mail templates",
    "provisioning_syntax": "not valid {format} ({error})",
    "file_unreadable": "{error}",  # the operating system's words (No such file or directory)
    "setting_unknown": "unknown public setting(s): {names}",
    "setting_not_a_rate": "{value!r} is not a rate such as '10/minute'",
    "setting_yes_no": "true or false",
    "setting_whole_number": "a whole number from {low} to {high}",
    "setting_time_zone": "{value!r} is not a time zone such as 'Europe/Berlin'",
    "setting_email": "{value!r} is not an e-mail address",
    "setting_text": "text of at most {max} characters",
    "mail_templates_too_many": "at most {max} templates",
    "mail_template_name": "not a mail template name (<kind>.<de|en>.<mjml|html|txt> of {kinds}, or _layout.mjml)",
    "mail_template_file_name": "not a mail template name",
    "mail_template_too_large": "larger than {kib} KiB",
    "mail_template_fails": "{error}: {detail}",  # the template engine's own words
    "mail_template_not_text": "cannot be read as UTF-8 text ({error})",
    "not_a_folder": "not a folder",
    "rate_storage_not_sync": "rate-limit storage {storage!r} is not a synchronous storage",
    "rate_storage_unknown": "rate-limit storage: memory, database or a limits URI such as redis://host:6379",
    "proxy_not_a_network": "not an address or network: {part!r}",
    "smtp_url_scheme": "smtp://host:port, smtp+starttls://host:port or smtps://host:port",
    "smtp_url_port": "the port is not a number from 1 to 65535",
    "mail_retry_seconds": "a number of seconds",
    "site_code_invalid": "A site code is 1-40 lowercase letters, digits or hyphens.",
    "station_id_length": "A station id is 1-64 characters.",
    "backup_not_a_backup": "This file is not a VaxDesk tenant backup.",
    "backup_other_tenant": "This backup belongs to tenant {found!r}, not {tenant!r}.",
    "backup_schema_version": "This backup was made by a server with another schema version.",
    "backup_unreadable": "The backup cannot be read ({error}).",
    "backup_incomplete": "The backup lacks the tenant's key or epoch.",
    "master_key_unreadable": "The master key file {path} cannot be read ({error}).",
    "master_key_missing": "No master key: {env} is not set and {path} does not exist, but tenants exist. "
                          "Restore the key they were created with; a new key would open none of them.",
    "master_key_not_base64": "{source} is not base64 (expected 32 random bytes, base64-encoded).",
    "master_key_length": "{source} must hold 32 bytes (base64), not {count}.",
    "master_key_wrong": "The master key does not open tenant {tenant}'s data key.",
    "tenant_name_invalid": "A tenant name is 1-40 lowercase letters, digits or hyphens, starting with a letter or digit.",
    "tenant_exists": "Tenant {tenant} already exists.",
    "tenant_being_created": "Tenant {tenant} is being created (if an earlier creation was interrupted, remove {path}).",
    "tenant_schema_mismatch": "Tenant {tenant} has schema version {found}; this server needs {needed}. Restore it from "
                              "a backup made with this server version.",
}


class _Lenient(string.Formatter):
    """Formats with what is there: a missing parameter shows as {name}, never raises."""

    def get_value(self, key: int | str, args: Any, kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str):
            return kwargs.get(key, "{" + key + "}")
        return super().get_value(key, args, kwargs)


_FORMATTER = _Lenient()


def fill(template: str, params: Mapping[str, Any] | None = None) -> str:
    """`template` with its {name} parameters filled in; a missing one stays visible as {name}."""
    return _FORMATTER.format(template, **dict(params or {}))


def english(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The English sentence for a code (the CLI's and the logs' words). Unknown codes show as the code."""
    template = ENGLISH.get(code)
    if template is None:
        return code if not params else f"{code} {dict(params)}"
    return fill(template, params)


def known(code: str) -> bool:
    return code in ENGLISH
