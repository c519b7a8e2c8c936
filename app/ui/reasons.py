"""Reason codes in the station's language: the one place the UI turns the core's codes into words.

Every code in `app.reasons.ENGLISH` has a text here, marked for translation; the translation test fails
otherwise. Parameters are filled with `str.format` names, so translators see `{label}`, `{max}`, ...
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from app.reasons import Reason, fill
from app.ui.translate import QT_TRANSLATE_NOOP

_CONTEXT = "Reasons"

# One block per area, in the same order as app/reasons.py, so additions do not collide.
TEXTS: dict[str, str] = {
    # ---- general --------------------------------------------------------------------------
    "message": "{text}",
    "internal": QT_TRANSLATE_NOOP("Reasons", "Something went wrong inside VaxDesk; nothing was changed."),
    # ---- input ----------------------------------------------------------------------------
    "field_required": QT_TRANSLATE_NOOP("Reasons", "{label} is required."),
    "field_too_long": QT_TRANSLATE_NOOP("Reasons", "{label} is too long (at most {max} characters)."),
    "field_invalid_characters": QT_TRANSLATE_NOOP("Reasons", "{label} contains characters that cannot be stored."),
    # ---- sync (issue 12) ------------------------------------------------------------------
    "server_refused": QT_TRANSLATE_NOOP("Reasons", "The sync server refused the request ({server_code})."),
    "mutation_refused": QT_TRANSLATE_NOOP(
        "Reasons", "This change cannot be recorded for sync ({code}); nothing was saved."),
    "role_refused": QT_TRANSLATE_NOOP("Reasons", "Your role may not {action}."),
    "merge_same_person": QT_TRANSLATE_NOOP("Reasons", "A person cannot be merged with themselves."),
    "review_task_not_open": QT_TRANSLATE_NOOP(
        "Reasons", "This review task is already resolved or is not a duplicate person."),
    # ---- certificates (issue 15) ----------------------------------------------------------
    "cert_family_name_missing": QT_TRANSLATE_NOOP(
        "Reasons", "The family name is missing. A person with a single name has it "
        "entered as family name."),
    "cert_family_name_unwritable": QT_TRANSLATE_NOOP(
        "Reasons", "The family name has no letters that can be written in "
        "the certificate."),
    "cert_name_needs_mrz": QT_TRANSLATE_NOOP(
        "Reasons", "The name has letters without an ICAO transliteration ({letters}): scan or type the "
        "machine-readable zone (MRZ) of the person's passport or ID card."),
    "cert_text_too_long": QT_TRANSLATE_NOOP("Reasons", "A name or the issuer is longer than {max} characters."),
    "cert_country_invalid": QT_TRANSLATE_NOOP("Reasons", "The country must be a two-letter code such as DE."),
    "cert_dob_format": QT_TRANSLATE_NOOP("Reasons", "The date of birth must look like 1964-08-12, 1964-08 or 1964."),
    "cert_dob_impossible": QT_TRANSLATE_NOOP("Reasons", "The date of birth {dob} does not exist."),
    "cert_dose_number_range": QT_TRANSLATE_NOOP(
        "Reasons", "Dose number and number of doses must be between "
        "1 and 9."),
    "cert_date_invalid": QT_TRANSLATE_NOOP("Reasons", "The vaccination date {value} is not a date like 2021-06-11."),
    "cert_date_before_birth": QT_TRANSLATE_NOOP(
        "Reasons", "The vaccination date {date} is before the date of birth {dob}; correct the dose or the "
                   "person's date of birth."),
    "cert_uvci_check_wrong": QT_TRANSLATE_NOOP("Reasons", "The certificate identifier has a wrong check character."),
    "cert_schema": QT_TRANSLATE_NOOP("Reasons", "The certificate data does not match the EU format: {problems}"),
    "cert_recovery_too_early": QT_TRANSLATE_NOOP(
        "Reasons", "A recovery certificate is valid at the earliest from 11 days after "
        "the positive test ({date})."),
    "cert_recovery_window": QT_TRANSLATE_NOOP(
        "Reasons", "A recovery certificate is valid for at most 180 days after the "
        "positive test (until {date})."),
    "cert_recovery_expired": QT_TRANSLATE_NOOP(
        "Reasons", "The positive test was more than 180 days ago: a recovery "
        "certificate can no longer be issued."),
    "cert_recovery_needs_naat": QT_TRANSLATE_NOOP(
        "Reasons", "A recovery certificate needs a positive NAAT (PCR) test result recorded here; "
        "this infection was recorded from a document or the questionnaire."),
    "cert_signer_not_valid_now": QT_TRANSLATE_NOOP(
        "Reasons", "The signer certificate is not valid now; a new "
        "one is needed."),
    "cert_signer_expired": QT_TRANSLATE_NOOP("Reasons", "This signer certificate has expired."),
    "cert_signer_wrong_usage": QT_TRANSLATE_NOOP(
        "Reasons", "This signer certificate is not for vaccination certificates (its extended key usage lacks the "
        "EU vaccination OID). Ask for a vaccination document signer."),
    "cert_signer_not_for_recovery": QT_TRANSLATE_NOOP(
        "Reasons", "The document signer may not sign recovery certificates (its extended key "
        "usage lacks the EU recovery OID)."),
    "cert_signer_p12_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "The PKCS#12 file cannot be read (wrong password, or not "
        "a PKCS#12 file)."),
    "cert_signer_p12_empty": QT_TRANSLATE_NOOP("Reasons", "The PKCS#12 file holds no key and certificate."),
    "cert_signer_expires_soon": QT_TRANSLATE_NOOP(
        "Reasons", "The document signer expires on {date}: certificates signed now are valid only "
        "until then. Ask for a new signer certificate."),
    "cert_signer_expiring": QT_TRANSLATE_NOOP(
        "Reasons", "The document signer expires on {date}, in less than 7 days, so it no longer signs. Install "
        "a new one; until then the station hands out vouchers."),
    "cert_demo_signer": QT_TRANSLATE_NOOP(
        "Reasons", "This station signs with a DEMO signer: its certificates "
        "are marked NOT VALID."),
    "cert_pdf_mismatch": QT_TRANSLATE_NOOP(
        "Reasons", "The text to print differs from the signed code; the certificate "
        "is printed from the code."),
    "cert_pdf_kind": QT_TRANSLATE_NOOP("Reasons", "Only vaccination and recovery certificates can be printed."),
    "cert_code_unreadable": QT_TRANSLATE_NOOP("Reasons", "The certificate code cannot be read: {detail}"),
    "cert_not_found": QT_TRANSLATE_NOOP("Reasons", "That certificate does not exist."),
    "cert_vaccination_not_found": QT_TRANSLATE_NOOP("Reasons", "That vaccination does not exist."),
    "cert_dose_voided": QT_TRANSLATE_NOOP(
        "Reasons", "This dose was voided; issue the certificate for the "
        "corrected record."),
    "cert_external_other_country": QT_TRANSLATE_NOOP(
        "Reasons", "This dose was given in {country}: only {country} issues its certificate (Regulation "
        "(EU) 2021/953, art. 5). The person asks there."),
    "cert_already_issued": QT_TRANSLATE_NOOP(
        "Reasons", "This dose already has a certificate: print it again, "
        "or correct it."),
    "cert_replaced_other_subject": QT_TRANSLATE_NOOP(
        "Reasons", "That certificate is for another dose, test or recovery; a correction re-issues the "
                   "certificate of the same one. Nothing was changed."),
    "cert_replaced_missing": QT_TRANSLATE_NOOP("Reasons", "That certificate does not exist or was already replaced."),
    "cert_is_voucher": QT_TRANSLATE_NOOP(
        "Reasons", "This certificate is a voucher: it is signed as soon as a "
        "signer is at hand."),
    "cert_reason_required": QT_TRANSLATE_NOOP("Reasons", "Give the reason for the correction."),
    "cert_reissue_nothing_changed": QT_TRANSLATE_NOOP(
        "Reasons", "The certificate already shows the person's data as "
        "recorded; nothing to re-issue."),
    "cert_voucher_revoked": QT_TRANSLATE_NOOP(
        "Reasons", "This voucher is no longer valid: its dose record was voided or corrected ({reason}). Look the "
                   "person up; a corrected dose gets a new certificate."),
    "cert_voucher_unknown": QT_TRANSLATE_NOOP("Reasons", "No voucher has the claim code {code}."),
    "cert_revoked_here": QT_TRANSLATE_NOOP("Reasons", "This certificate was revoked by this center ({reason})."),
    "cert_issuer_invalid": QT_TRANSLATE_NOOP("Reasons", "The certificate issuer is 1 to 80 printable characters."),
    "cert_validity_invalid": QT_TRANSLATE_NOOP("Reasons", "Certificates are valid for 1 to {max} days."),
    "infection_not_found": QT_TRANSLATE_NOOP("Reasons", "That infection record does not exist."),
    "infection_date_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "The date of the infection must be on or after the date of "
        "birth and not in the future."),
    "infection_role": QT_TRANSLATE_NOOP("Reasons", "Only a doctor or a nurse may record an infection."),
    "infection_test_type": QT_TRANSLATE_NOOP("Reasons", "A positive test is a NAAT (PCR) or a rapid antigen test."),
    "infection_already_recorded": QT_TRANSLATE_NOOP(
        "Reasons", "An infection on {date} is already recorded for "
        "this person."),
    "mrz_format": QT_TRANSLATE_NOOP(
        "Reasons", "This is not the machine-readable zone of a passport or ID card (2 lines of 44 or "
        "36, or 3 lines of 30 characters A-Z, 0-9 and <)."),
    "mrz_check_digit": QT_TRANSLATE_NOOP(
        "Reasons", "The MRZ check digit of the {part} does not match: the line "
        "was misread or mistyped."),
    "mrz_other_person": QT_TRANSLATE_NOOP(
        "Reasons", "This MRZ belongs to someone with another date of birth "
        "than this person."),
    "trust_unsupported_key": QT_TRANSLATE_NOOP("Reasons", "Only EC and RSA signer certificates are supported."),
    "revocation_list_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "The revocation list is not in the EU DCC revocation format "
        "(batches of base64 hashes)."),
    "person_not_found": QT_TRANSLATE_NOOP("Reasons", "That person does not exist."),
    "person_correction_reason": QT_TRANSLATE_NOOP(
        "Reasons", "Give the reason for the correction (for example the ID document "
        "it was checked against)."),
    "person_correction_nothing": QT_TRANSLATE_NOOP("Reasons", "Nothing to correct: change at least one field."),
    "person_correction_purged": QT_TRANSLATE_NOOP(
        "Reasons", "This person's data was removed after the retention period; "
        "it cannot be corrected."),
    # ---- roles, audit, storage (issue 16) -------------------------------------------------
    "storage_read_only": QT_TRANSLATE_NOOP("Reasons", "Cannot write the station database: the folder or the drive is read-only. The data is intact; ask the site lead to check the drive."),
    "storage_disk_full": QT_TRANSLATE_NOOP("Reasons", "The disk is full. Nothing was half-written and the data is intact; free some space and try again."),
    "storage_io_error": QT_TRANSLATE_NOOP("Reasons", "The disk reported an error reading or writing the station database. The drive may be failing; tell the site lead."),
    "storage_folder_missing": QT_TRANSLATE_NOOP("Reasons", "The folder '{path}' does not exist."),
    "database_damaged": QT_TRANSLATE_NOOP("Reasons", "The station database is damaged: {finding}. Restore it from a backup; the file was left untouched."),
    "database_replaced": QT_TRANSLATE_NOOP("Reasons", "'{path}' cannot be decrypted with its key: the file was replaced, or its key file belongs to another copy. Restore it from a backup; the file was left untouched."),
    "audit_anchor_altered": QT_TRANSLATE_NOOP("Reasons", "The key file's record of the audit log was altered or does not belong to this database."),
    "audit_start_removed": QT_TRANSLATE_NOOP("Reasons", "entries at the start of the audit log were removed (the log now begins at entry {seq})"),
    "audit_entry_removed": QT_TRANSLATE_NOOP("Reasons", "an entry before entry {seq} was removed or its order changed"),
    "audit_entry_changed": QT_TRANSLATE_NOOP("Reasons", "entry {seq} was changed after it was written, or the log was rewritten"),
    "audit_tail_removed": QT_TRANSLATE_NOOP("Reasons", "the last entries of the audit log were removed: entries from {seq} on are missing (it was anchored at entry {anchored})"),
    "audit_all_removed": QT_TRANSLATE_NOOP("Reasons", "every entry of the audit log was removed (it was anchored at entry {anchored})"),
    "audit_not_anchored": QT_TRANSLATE_NOOP("Reasons", "the audit log goes on past its anchor (entry {anchored}): entries were added outside VaxDesk"),
    "audit_removed_earlier": QT_TRANSLATE_NOOP("Reasons", "entries were removed or replaced before entry {seq}; VaxDesk noticed it on {noticed}"),
    "audit_server_differs": QT_TRANSLATE_NOOP("Reasons", "entry {seq} differs from the copy the sync server acknowledged: the log was rewritten"),
    "audit_behind_server": QT_TRANSLATE_NOOP("Reasons", "the sync server acknowledged entries up to {server_seq} that this station no longer has (from entry {seq}); was it restored from an older backup?"),
    "staff_login_failed": QT_TRANSLATE_NOOP("Reasons", "Wrong PIN. Please try again."),
    "staff_locked_out": QT_TRANSLATE_NOOP("Reasons", "Too many wrong PINs. Try again in {minutes} min or ask an admin."),
    "role_not_allowed": QT_TRANSLATE_NOOP("Reasons", "Your role may not do this. Log in with an account that may."),
    "staff_session_stale": QT_TRANSLATE_NOOP(
        "Reasons", "Your account was deactivated or given another role since you logged in. Log in again."),
    "output_exists": QT_TRANSLATE_NOOP("Reasons", "'{path}' already exists; add --force to overwrite it."),
    # ---- public edge (issue 17) -----------------------------------------------------------
    "name_empty": QT_TRANSLATE_NOOP("Reasons", "The name is empty."),
    "name_too_long": QT_TRANSLATE_NOOP("Reasons", "The name is too long: at most {max} characters."),
    "name_control_character": QT_TRANSLATE_NOOP("Reasons", "The name contains an invisible control character ({codepoint}); retype it."),
    "name_digit": QT_TRANSLATE_NOOP("Reasons", "The name contains the digit '{char}'; names have no digits."),
    "name_character": QT_TRANSLATE_NOOP("Reasons", "The name contains '{char}', which does not belong in a name (letters, spaces, hyphens, apostrophes and periods are allowed)."),
    "name_no_letter": QT_TRANSLATE_NOOP("Reasons", "The name must contain at least one letter."),
    "dob_format": QT_TRANSLATE_NOOP("Reasons", "Date of birth must be written YYYY-MM-DD."),
    "dob_not_a_date": QT_TRANSLATE_NOOP("Reasons", "That date of birth does not exist."),
    "dob_too_early": QT_TRANSLATE_NOOP("Reasons", "Date of birth before {year}: please check it."),
    "dob_in_future": QT_TRANSLATE_NOOP("Reasons", "Date of birth lies in the future."),
    "age_below_minimum": QT_TRANSLATE_NOOP("Reasons", "{product} is given from {min} years; on the day of the appointment the person is younger."),
    "age_above_maximum": QT_TRANSLATE_NOOP("Reasons", "{product} is given up to {max} years; on the day of the appointment the person is older."),
    "email_invalid": QT_TRANSLATE_NOOP("Reasons", "That is not an e-mail address (for example name@example.org)."),
    "phone_invalid": QT_TRANSLATE_NOOP("Reasons", "A phone number has at least 5 digits and only digits, spaces and + ( ) / . -"),
    "invalid_input": QT_TRANSLATE_NOOP("Reasons", "Some details are not valid; see each field."),
    "unknown_slot": QT_TRANSLATE_NOOP("Reasons", "There is no such time slot."),
    "slot_past": QT_TRANSLATE_NOOP("Reasons", "This time slot has already begun; please choose a later one."),
    "full": QT_TRANSLATE_NOOP("Reasons", "This time is fully booked. Please choose another one."),
    "already_booked": QT_TRANSLATE_NOOP(
        "Reasons", "This person has booked this time already; the booking code is in the confirmation e-mail."),
    "invalid_booking_code": QT_TRANSLATE_NOOP("Reasons", "That is not a booking code (it looks like ABCD-EFGH-J)."),
    "unknown_booking": QT_TRANSLATE_NOOP("Reasons", "No booking has this code."),
    "booking_not_changeable": QT_TRANSLATE_NOOP("Reasons", "This booking can no longer be cancelled or moved (it is {state})."),
    "booking_details_mismatch": QT_TRANSLATE_NOOP("Reasons", "The date of birth does not match this booking."),
    "same_slot": QT_TRANSLATE_NOOP("Reasons", "The booking is already at this time."),
    "rate_limited": QT_TRANSLATE_NOOP("Reasons", "Too many requests; please try again in {retry_after} seconds."),
    "challenge_required": QT_TRANSLATE_NOOP("Reasons", "Please confirm you are not a robot (the page's check did not run)."),
    "challenge_invalid": QT_TRANSLATE_NOOP("Reasons", "The robot check failed or expired; please try again."),
    "challenge_used": QT_TRANSLATE_NOOP("Reasons", "This robot check was already used; please try again."),
    "other_site": QT_TRANSLATE_NOOP("Reasons", "This slot belongs to another site than the station's."),
    "station_exists": QT_TRANSLATE_NOOP("Reasons", "This station is already enrolled; ask the administrator for a re-enrolment code for it."),
    "wrong_station": QT_TRANSLATE_NOOP("Reasons", "This enrolment code was issued for another station."),
    "tenant_key_unusable": QT_TRANSLATE_NOOP("Reasons", "The master key does not open the data key of {count} tenant(s)."),
    # ---- tests and results (issue 18) -----------------------------------------------------
    "result_cannot_open": QT_TRANSLATE_NOOP("Reasons", "This result cannot be opened with these details (name, date of birth, or the link is incomplete)."),
    "result_link_missing": QT_TRANSLATE_NOOP("Reasons", "The link from the e-mail is missing or incomplete."),
    "result_mail_not_configured": QT_TRANSLATE_NOOP("Reasons", "Result mails need the tenant's mail_from and public_url settings."),
    "result_mail_language": QT_TRANSLATE_NOOP("Reasons", "Result mails are written in German or English, not '{lang}'."),
    "result_kind_unknown": QT_TRANSLATE_NOOP("Reasons", "'{kind}' is not a kind of result (test_result or a certificate)."),
    "result_token_invalid": QT_TRANSLATE_NOOP("Reasons", "That is not a result token (CS2:...)."),
    "test_type_invalid": QT_TRANSLATE_NOOP("Reasons", "A test is a rapid antigen test or a NAAT (PCR)."),
    "test_visit_not_found": QT_TRANSLATE_NOOP("Reasons", "That visit does not exist; check the person in first."),
    "test_not_found": QT_TRANSLATE_NOOP("Reasons", "That test does not exist."),
    "test_mail_no_email": QT_TRANSLATE_NOOP("Reasons", "The person has no e-mail address on record; add it before sending the result by e-mail."),
    "test_already_open": QT_TRANSLATE_NOOP("Reasons", "This person already has a test waiting for its result."),
    "test_device_required": QT_TRANSLATE_NOOP("Reasons", "Scan or choose the rapid test's device."),
    "test_device_unknown": QT_TRANSLATE_NOOP("Reasons", "'{device}' is not a rapid test device on the EU list."),
    "test_device_inactive": QT_TRANSLATE_NOOP("Reasons", "{device} is no longer on the EU list of accepted rapid tests."),
    "test_lab_required": QT_TRANSLATE_NOOP("Reasons", "A NAAT (PCR) needs the name of the lab."),
    "test_sample_id_invalid": QT_TRANSLATE_NOOP("Reasons", "The sample id is 1 to 40 letters, digits, spaces or . / _ -, as on the tube's label."),
    "test_already_sampled": QT_TRANSLATE_NOOP("Reasons", "The sample of this test was already taken."),
    "test_not_sampled": QT_TRANSLATE_NOOP("Reasons", "Take the sample before entering the result."),
    "test_result_invalid": QT_TRANSLATE_NOOP("Reasons", "A result is positive, negative or invalid."),
    "test_clock_before_sample": QT_TRANSLATE_NOOP(
        "Reasons", "This station's clock reads earlier than the sample time ({time}): the clock was set back. How "
        "long the test has developed cannot be told: void it and take a new sample."),
    "test_too_early": QT_TRANSLATE_NOOP("Reasons", "Too early: this rapid test may be read from {time} ({minutes} minutes after the sample). Wait and read it again."),
    "test_already_resulted": QT_TRANSLATE_NOOP("Reasons", "This test already has its result; void it if it was wrong."),
    "test_voided": QT_TRANSLATE_NOOP("Reasons", "This test was voided."),
    "cert_test_no_result": QT_TRANSLATE_NOOP("Reasons", "A test certificate needs the test's result."),
    "cert_test_not_negative": QT_TRANSLATE_NOOP("Reasons", "A test certificate is issued for a negative result only (a positive NAAT gives a recovery certificate)."),
    "cert_test_needs_signer": QT_TRANSLATE_NOOP("Reasons", "Test certificates are signed at the station: install the site's document signer."),
    "cert_signer_not_for_test": QT_TRANSLATE_NOOP("Reasons", "The site's document signer may not sign test certificates."),
    # ---- search and the day (issue 19) ----------------------------------------------------
    "search_too_long": QT_TRANSLATE_NOOP("Reasons", "Input too long ({count} characters). Scan again or type the name."),
    "search_not_understood": QT_TRANSLATE_NOOP(
        "Reasons", "Not a booking code, name or date of birth. Scan again or type a name."),
    "search_dob_needs_name": QT_TRANSLATE_NOOP("Reasons", "Add the family name to the date of birth."),
    "search_needs_letter": QT_TRANSLATE_NOOP("Reasons", "Type at least one letter of the name."),
    "search_code_unknown": QT_TRANSLATE_NOOP("Reasons", "No booking with the code {code}."),
    "search_code_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "This booking code is not valid (misread or mistyped). Scan again or type the name."),
    "search_certificate_scanned": QT_TRANSLATE_NOOP(
        "Reasons", "A COVID certificate, not a booking: scan the booking confirmation's QR code or type the name."),
    "search_nobody_found": QT_TRANSLATE_NOOP("Reasons", "Nobody found. Check the spelling, or register a walk-in."),
    "search_more_add_dob": QT_TRANSLATE_NOOP("Reasons", "{shown} of {total} — add the date of birth."),
    "search_many_add_dob": QT_TRANSLATE_NOOP("Reasons", "{shown} of more than {total} — add the date of birth."),
    "vial_doses_left": QT_TRANSLATE_NOOP(
        "Reasons", "Open vial: {left} left · waiting: {waiting}"),
    "vial_nobody_waiting": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · nobody waiting · due before a new vial would expire: {due}"),
    "vial_open": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · waiting: {waiting} · due before it would expire: {due} — a new vial ({doses} doses) will be used up: open one"),
    "vial_open_last": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · waiting: {waiting} · due until it would expire or the day ends: {due} — a new vial ({doses} doses) leaves {waste} unused"),
    "vial_open_waited": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · the first person has waited {minutes} min — open one ({waste} may be left unused)"),
    "vial_wait": QT_TRANSLATE_NOOP(
        "Reasons", "No open vial · waiting: {waiting} · due: {due} — wait for more before opening (a vial now leaves {waste} of {doses} unused)"),
    # ---- desk and booth (issue 14) --------------------------------------------------------
    "visit_steps_closed": QT_TRANSLATE_NOOP(
        "Reasons", "This visit is over or its dose is recorded: its identity check and answers stay as they were given."),
    "consent_minor_needs_guardian": QT_TRANSLATE_NOOP(
        "Reasons", "The person is {age}: under {limit} a legal guardian gives consent. Choose “Legal guardian” and write the guardian's name."),
    "consent_guardian_for_adult": QT_TRANSLATE_NOOP(
        "Reasons", "The person is {age} and consents alone (from {limit}); a guardian's consent is not accepted."),
    "observation_early_needs_reason": QT_TRANSLATE_NOOP(
        "Reasons", "Observation is not over yet ({minutes} min left): give the reason for ending it early."),
    "vial_expired_at_opening": QT_TRANSLATE_NOOP(
        "Reasons", "This {product} vial would be expired when opened (usable until {use_by}): do not open it; discard it."),
    "vial_label_expired": QT_TRANSLATE_NOOP(
        "Reasons", "STOP: the label says lot {lot} expired on {expiry}. Do not use this vial."),
    "vial_label_expiry_differs": QT_TRANSLATE_NOOP(
        "Reasons", "STOP: the label of lot {lot} says it expires on {label}, but the lot was received as expiring on {recorded}. Check the lot before using it."),
    "dose_needs_identity": QT_TRANSLATE_NOOP(
        "Reasons", "No dose without the identity check at this visit: send the person back to the desk."),
    "dose_needs_consent": QT_TRANSLATE_NOOP(
        "Reasons", "No dose without consent at this visit: send the person back to the desk."),
    "vial_not_open": QT_TRANSLATE_NOOP(
        "Reasons", "Lot {lot} of {product}: no vial of it is open yet. Open this vial now?"),
    "dose_needs_review_acknowledged": QT_TRANSLATE_NOOP(
        "Reasons", "{flags} answer(s) need the doctor's review: read them with the person and confirm first."),
    "rule_dob_after_day": QT_TRANSLATE_NOOP(
        "Reasons", "The date of birth {dob} is after {on}; correct it first."),
    "rule_age_min": QT_TRANSLATE_NOOP(
        "Reasons", "{product} is given from {min} years; the person is {age}."),
    "rule_age_max": QT_TRANSLATE_NOOP(
        "Reasons", "{product} is given up to {max} years; the person is {age}."),
    "rule_dose_after_day": QT_TRANSLATE_NOOP(
        "Reasons", "A dose is recorded on {given_on}, after {on}; correct the history first."),
    "rule_one_dose_per_day": QT_TRANSLATE_NOOP(
        "Reasons", "A dose was already given on {on}; only one dose per day."),
    "rule_unknown_product_dose": QT_TRANSLATE_NOOP(
        "Reasons", "The dose on {given_on} is of a product not in the catalogue ({product_code}); it is counted as part of a {series}-dose series."),
    "rule_booster_not_authorised": QT_TRANSLATE_NOOP(
        "Reasons", "The primary series is complete and {product} is not authorised as a booster; choose another product."),
    "rule_booster_too_early": QT_TRANSLATE_NOOP(
        "Reasons", "The primary series is complete and no booster is due yet: a {product} booster is allowed from {earliest} ({days} days after the dose on {last})."),
    "rule_too_early": QT_TRANSLATE_NOOP(
        "Reasons", "Too early for dose {dose}: allowed from {earliest} ({days} days after the dose on {last})."),
    "rule_later_than_recommended": QT_TRANSLATE_NOOP(
        "Reasons", "Dose {dose} is later than recommended: the window ended on {latest} ({days} days after the dose on {last})."),
    "rule_mixed_series": QT_TRANSLATE_NOOP(
        "Reasons", "Mixed primary series: earlier dose(s) of {others}, this dose is {product}."),
    "vial_wrong_product": QT_TRANSLATE_NOOP(
        "Reasons", "Wrong vial: it holds {holds}, but this dose is {wanted}. Take a vial of the right product."),
    "vial_lot_blocked": QT_TRANSLATE_NOOP(
        "Reasons", "Lot {lot} is blocked ({why}). Do not use this vial; discard it."),
    "dose_booked_product_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "The booking is for {product}, which this station's vaccine catalogue does not list: the dose is "
        "{vial_product}, as the vial holds. Give a reason to go ahead."),
    "vial_product_not_in_catalogue": QT_TRANSLATE_NOOP(
        "Reasons", "This vial's product ({product}) is not in this station's vaccine catalogue. Take a vial of a "
        "listed product."),
    "vial_discarded": QT_TRANSLATE_NOOP(
        "Reasons", "This vial was discarded at {at}. Open a new one."),
    "vial_empty": QT_TRANSLATE_NOOP(
        "Reasons", "This vial is empty: all {capacity} doses are drawn. Discard it and open a new one."),
    "vial_expired_printed": QT_TRANSLATE_NOOP(
        "Reasons", "This vial expired at {at} (lot {lot} expired on {expiry}). Discard it and open a new one."),
    "vial_expired_thawed": QT_TRANSLATE_NOOP(
        "Reasons", "This vial expired at {at} ({hours} h after thawing). Discard it and open a new one."),
    "vial_expired_opened": QT_TRANSLATE_NOOP(
        "Reasons", "This vial expired at {at} ({hours} h after opening). Discard it and open a new one."),
    "visit_already_in_queue": QT_TRANSLATE_NOOP(
        "Reasons", "This person is already in the queue."),
    "visit_consent_missing": QT_TRANSLATE_NOOP(
        "Reasons", "Consent and questionnaire are missing: complete them at the desk first."),
    "consent_refused": QT_TRANSLATE_NOOP(
        "Reasons", "Without consent no vaccination can be given. The person may leave the queue."),
    "dose_visit_observation": QT_TRANSLATE_NOOP(
        "Reasons", "This person is already in observation: the dose of this visit is recorded."),
    "dose_visit_checked_in": QT_TRANSLATE_NOOP(
        "Reasons", "This person is still waiting; call them from the queue first."),
    "dose_visit_not_with_doctor": QT_TRANSLATE_NOOP(
        "Reasons", "This visit is '{state}', not with the doctor; call the person from the queue first."),
    "visit_cannot_move": QT_TRANSLATE_NOOP(
        "Reasons", "This step is not possible for this visit in its current state; the queue shows where it is now."),
    "lot_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "That lot does not exist; receive it first."),
    "lot_blocked_no_open": QT_TRANSLATE_NOOP(
        "Reasons", "Lot {lot} is blocked ({why}); do not open its vials."),
    "lot_expired_no_open": QT_TRANSLATE_NOOP(
        "Reasons", "Lot {lot} expired on {expiry}; do not open its vials."),
    "vial_thaw_time_needed": QT_TRANSLATE_NOOP(
        "Reasons", "{product} is stored frozen: enter when this vial was thawed."),
    "vial_thaw_in_future": QT_TRANSLATE_NOOP(
        "Reasons", "The thawing time lies in the future; check it."),
    "vial_not_thawed_product": QT_TRANSLATE_NOOP(
        "Reasons", "{product} is not thawed before use; leave the thawing time empty."),
    "lot_all_vials_open": QT_TRANSLATE_NOOP(
        "Reasons", "All {count} vials of lot {lot} are already opened. Check the lot, or receive the vials you hold."),
    "vial_serial_already_open": QT_TRANSLATE_NOOP(
        "Reasons", "Vial {serial} of lot {lot} was already opened; take another vial."),
    "gtin_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "GTIN {gtin} is not in the catalogue, so no vial of it was received here."),
    "lot_not_received": QT_TRANSLATE_NOOP(
        "Reasons", "Lot {lot} of {product} was not received here; receive it on the lots page."),
    "vial_scan_ambiguous": QT_TRANSLATE_NOOP(
        "Reasons", "{count} vials of lot {lot} are open and the code has no serial number; pick the vial from the list."),
    # ---- desk, booth, schedule, lots and staff as codes (issue 14, the rest) -----------------
    "arrival_on_time": QT_TRANSLATE_NOOP(
        "Reasons", "Booked for {time}."),
    "arrival_early": QT_TRANSLATE_NOOP(
        "Reasons", "Early: booked for {time} ({minutes} min from now)."),
    "arrival_late": QT_TRANSLATE_NOOP(
        "Reasons", "Late: booked for {time} ({minutes} min ago)."),
    "arrival_other_day": QT_TRANSLATE_NOOP(
        "Reasons", "The booking is for {day} at {time}, not today."),
    "arrival_other_day_past": QT_TRANSLATE_NOOP(
        "Reasons", "The booking was for {day} at {time}, not today."),
    "arrival_early_unconfirmed": QT_TRANSLATE_NOOP(
        "Reasons", "Early: booked for {time} ({minutes} min from now). Confirm to check in anyway."),
    "arrival_late_unconfirmed": QT_TRANSLATE_NOOP(
        "Reasons", "Late: booked for {time} ({minutes} min ago). Confirm to check in anyway."),
    "arrival_other_day_unconfirmed": QT_TRANSLATE_NOOP(
        "Reasons", "The booking is for {day} at {time}, not today. Confirm to check in anyway."),
    "arrival_other_day_past_unconfirmed": QT_TRANSLATE_NOOP(
        "Reasons", "The booking was for {day} at {time}, not today. Confirm to check in anyway."),
    "arrival_cancelled": QT_TRANSLATE_NOOP(
        "Reasons", "This booking was cancelled. Register the person as a walk-in."),
    "arrival_other_site": QT_TRANSLATE_NOOP(
        "Reasons", "This booking is for another site: {site}."),
    "arrival_already_here": QT_TRANSLATE_NOOP(
        "Reasons", "This person is already checked in and in the queue."),
    "arrival_finished": QT_TRANSLATE_NOOP(
        "Reasons", "This booking was already used."),
    "booking_not_found": QT_TRANSLATE_NOOP(
        "Reasons", "That booking does not exist."),
    "person_not_registered": QT_TRANSLATE_NOOP(
        "Reasons", "That person is not registered (any more)."),
    "visit_person_not_found": QT_TRANSLATE_NOOP(
        "Reasons", "The person of this visit does not exist."),
    "visit_not_found": QT_TRANSLATE_NOOP(
        "Reasons", "That visit does not exist."),
    "visit_not_found_queue": QT_TRANSLATE_NOOP(
        "Reasons", "That visit does not exist; pick the person from the queue."),
    "vial_not_found": QT_TRANSLATE_NOOP(
        "Reasons", "That vial does not exist; scan it again or pick it from the list."),
    "dose_record_not_found": QT_TRANSLATE_NOOP(
        "Reasons", "That dose record does not exist."),
    "slot_gone": QT_TRANSLATE_NOOP(
        "Reasons", "That slot does not exist any more."),
    "lot_not_found": QT_TRANSLATE_NOOP(
        "Reasons", "That lot does not exist."),
    "staff_not_found": QT_TRANSLATE_NOOP(
        "Reasons", "That staff member does not exist."),
    "id_document_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "Unknown document type. Choose one of: {choices}."),
    "consent_by_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Consent is given by the person or by a legal guardian."),
    "sex_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Sex must be one of f, m, d, x."),
    "duplicate_suspected": QT_TRANSLATE_NOOP(
        "Reasons", "{count} person(s) with the same or a similar name and date of birth are already registered. Choose the existing person, or confirm that this is someone new."),
    "pin_format": QT_TRANSLATE_NOOP(
        "Reasons", "A PIN has 4 to 12 digits."),
    "pin_trivial": QT_TRANSLATE_NOOP(
        "Reasons", "This PIN is too easy to guess; choose another."),
    "login_format": QT_TRANSLATE_NOOP(
        "Reasons", "A login has 2 to 32 characters: it starts with a letter, then letters, digits, '.', '_' or '-'."),
    "staff_name_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Enter the staff member's name (at most 100 characters)."),
    "role_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "Unknown role '{role}'. Roles: {roles}."),
    "login_taken": QT_TRANSLATE_NOOP(
        "Reasons", "The login “{login}” is taken; choose another."),
    "staff_own_admin_role": QT_TRANSLATE_NOOP(
        "Reasons", "You cannot take the admin role from yourself."),
    "staff_deactivate_self": QT_TRANSLATE_NOOP(
        "Reasons", "You cannot deactivate yourself."),
    "staff_last_admin": QT_TRANSLATE_NOOP(
        "Reasons", "The last active admin cannot be deactivated."),
    "dose_void_reason_required": QT_TRANSLATE_NOOP(
        "Reasons", "Give the reason for voiding the dose."),
    "dose_correction_reason_required": QT_TRANSLATE_NOOP(
        "Reasons", "Give the reason for the correction."),
    "dose_text_too_long": QT_TRANSLATE_NOOP(
        "Reasons", "{What} has at most {max} printable characters."),
    "injection_site_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Choose the injection site: {choices}."),
    "override_reason_required": QT_TRANSLATE_NOOP(
        "Reasons", "Give a reason to go ahead despite: {warnings}"),
    "country_code_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "The country is a two-letter code such as DE, AT or FR."),
    "product_unknown_choose": QT_TRANSLATE_NOOP(
        "Reasons", "Unknown product '{product}'; choose one from the catalogue."),
    "product_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "Unknown product '{product}'."),
    "dose_date_in_future": QT_TRANSLATE_NOOP(
        "Reasons", "{date} lies in the future; check the date on the record."),
    "dose_date_impossible": QT_TRANSLATE_NOOP(
        "Reasons", "{date} cannot be a COVID-19 dose of this person; check it."),
    "dose_same_day_recorded": QT_TRANSLATE_NOOP(
        "Reasons", "A dose on {date} is already recorded; only one dose per day."),
    "dose_already_voided": QT_TRANSLATE_NOOP(
        "Reasons", "This dose record was already voided at {at}."),
    "dose_external_no_vial": QT_TRANSLATE_NOOP(
        "Reasons", "A dose given elsewhere has no vial or injection site here."),
    "dose_here_keeps_time": QT_TRANSLATE_NOOP(
        "Reasons", "A dose given here keeps its time and takes its product from the vial; correct the vial instead."),
    "dose_correction_nothing": QT_TRANSLATE_NOOP(
        "Reasons", "Nothing to correct: change at least one field, or void the dose."),
    "reaction_kind_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Choose the kind of reaction: {choices}."),
    "reaction_severity_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Choose the severity: {choices}."),
    "onset_needs_zone": QT_TRANSLATE_NOOP(
        "Reasons", "The onset time needs a time zone."),
    "thaw_time_needs_zone": QT_TRANSLATE_NOOP(
        "Reasons", "The thawing time needs a time zone."),
    "reaction_onset_future": QT_TRANSLATE_NOOP(
        "Reasons", "The onset lies in the future; check the time."),
    "reaction_other_person": QT_TRANSLATE_NOOP(
        "Reasons", "That dose belongs to another person; pick the person's own dose."),
    "reaction_before_dose": QT_TRANSLATE_NOOP(
        "Reasons", "The onset is before the dose was given ({at}); check the time."),
    "opening_time_format": QT_TRANSLATE_NOOP(
        "Reasons", "Opening time must be a time of day as HH:MM."),
    "closing_time_format": QT_TRANSLATE_NOOP(
        "Reasons", "Closing time must be a time of day as HH:MM."),
    "weekday_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Weekday must be 0 (Monday) to 6 (Sunday)."),
    "hours_end_before_start": QT_TRANSLATE_NOOP(
        "Reasons", "Opening hours end before they start."),
    "slot_length_range": QT_TRANSLATE_NOOP(
        "Reasons", "Slot length must be between {min} and {max} minutes."),
    "slot_longer_than_hours": QT_TRANSLATE_NOOP(
        "Reasons", "The slot is longer than the opening hours."),
    "stations_capacity_range": QT_TRANSLATE_NOOP(
        "Reasons", "Stations and capacity per station must be positive (at most 100)."),
    "plan_products_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "Choose products from the catalogue (unknown: {unknown})."),
    "plan_ends_before_start": QT_TRANSLATE_NOOP(
        "Reasons", "The plan ends before it starts."),
    "closure_reason_required": QT_TRANSLATE_NOOP(
        "Reasons", "Give a reason for the closure (at most 200 characters)."),
    "closure_day_booked": QT_TRANSLATE_NOOP(
        "Reasons", "{count} person(s) are booked on {day}. Reschedule them first."),
    "open_days_range": QT_TRANSLATE_NOOP(
        "Reasons", "Choose a range of at most a year, ending after it starts."),
    "day_out_of_range": QT_TRANSLATE_NOOP(
        "Reasons", "Choose a day between {first} and {last}."),
    "open_days_past": QT_TRANSLATE_NOOP(
        "Reasons", "Slots cannot be opened in the past."),
    "follow_up_no_first_dose": QT_TRANSLATE_NOOP(
        "Reasons", "This person has no recorded dose yet: book the first dose at the desk instead."),
    "follow_up_needs_first_dose": QT_TRANSLATE_NOOP(
        "Reasons", "This person has no recorded dose yet: a follow-up needs a first dose."),
    "follow_up_none_due": QT_TRANSLATE_NOOP(
        "Reasons", "No further dose of {product} is due."),
    "follow_up_window_passed": QT_TRANSLATE_NOOP(
        "Reasons", "The window for the next dose has passed; the doctor decides."),
    "follow_up_no_slot": QT_TRANSLATE_NOOP(
        "Reasons", "No slot with free capacity and {product} in stock between {first} and {last}."),
    "slot_in_past": QT_TRANSLATE_NOOP(
        "Reasons", "That slot is in the past."),
    "follow_up_too_early": QT_TRANSLATE_NOOP(
        "Reasons", "Too early: the next dose may be given from {day} on."),
    "follow_up_too_late": QT_TRANSLATE_NOOP(
        "Reasons", "Too late: the next dose should be given by {day}."),
    "center_closed": QT_TRANSLATE_NOOP(
        "Reasons", "The center is closed that day."),
    "product_not_offered": QT_TRANSLATE_NOOP(
        "Reasons", "{product} is not offered on {day}."),
    "slot_full": QT_TRANSLATE_NOOP(
        "Reasons", "This slot is full. Choose another time."),
    "stock_all_promised": QT_TRANSLATE_NOOP(
        "Reasons", "Not enough {product} in stock for {day}: all doses are promised."),
    "booking_not_cancellable": QT_TRANSLATE_NOOP(
        "Reasons", "Only a booking not yet used can be cancelled or moved."),
    "slot_length_day": QT_TRANSLATE_NOOP(
        "Reasons", "Slot length must be between 1 minute and a day."),
    "slot_capacity_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Capacity per slot must be a positive number."),
    "lot_manual_product_reason": QT_TRANSLATE_NOOP(
        "Reasons", "Give a reason for choosing the product by hand."),
    "lot_block_reason": QT_TRANSLATE_NOOP(
        "Reasons", "Give a reason for blocking the lot (recall notice, cold-chain break, …)."),
    "lot_reason_too_long": QT_TRANSLATE_NOOP(
        "Reasons", "The reason has at most {max} printable characters."),
    "lot_vials_range": QT_TRANSLATE_NOOP(
        "Reasons", "The number of vials must be a whole number from 1 to {max}."),
    "lot_number_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "A lot number has 1 to 20 printable characters, as printed on the carton."),
    "gtin_choose_by_hand": QT_TRANSLATE_NOOP(
        "Reasons", "GTIN {gtin} is not in the vaccine catalogue. Choose the product by hand and give a reason, or ask the site lead to add the GTIN to the catalogue."),
    "lot_choose_product": QT_TRANSLATE_NOOP(
        "Reasons", "Choose the product by hand."),
    "carton_other_product": QT_TRANSLATE_NOOP(
        "Reasons", "The code is a {found} carton, not {product}. Check the carton."),
    "gtin_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "{gtin!r} is not a valid GTIN-14; check the 14 digits on the carton."),
    "gtin_not_in_catalogue": QT_TRANSLATE_NOOP(
        "Reasons", "GTIN {gtin} is not in the vaccine catalogue; leave it empty to choose the product by hand."),
    "gtin_other_product": QT_TRANSLATE_NOOP(
        "Reasons", "GTIN {gtin} belongs to {found}, not {product}."),
    "lot_expired_not_received": QT_TRANSLATE_NOOP(
        "Reasons", "Lot {lot} expired on {expiry}; an expired lot is not received."),
    "lot_already_blocked": QT_TRANSLATE_NOOP(
        "Reasons", "Lot {lot} is already blocked ({why})."),
    "discard_reason_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Choose why the vial is discarded: {choices}."),
    "vial_already_discarded": QT_TRANSLATE_NOOP(
        "Reasons", "This vial was already discarded at {at}."),
    "vial_serial_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "A vial serial number has 1 to {max} printable characters."),
    "gtin_not_digits": QT_TRANSLATE_NOOP(
        "Reasons", "A GTIN contains only digits, not {value!r}."),
    "gs1_too_long": QT_TRANSLATE_NOOP(
        "Reasons", "The scan is {count} characters long; a vial code has far fewer. Scan the code again."),
    "gs1_other_symbology": QT_TRANSLATE_NOOP(
        "Reasons", "The scan starts with symbology {prefix!r}, which is not a GS1 code. Scan the DataMatrix on the vial or carton."),
    "gs1_empty": QT_TRANSLATE_NOOP(
        "Reasons", "The scan is empty. Scan the DataMatrix on the vial or carton."),
    "gs1_expiry_year": QT_TRANSLATE_NOOP(
        "Reasons", "An expiry in {year} cannot be written as YYMMDD."),
    "gs1_unknown_ai": QT_TRANSLATE_NOOP(
        "Reasons", "Unknown GS1 application identifier at position {position} ({shown!r}); the scan is damaged or is not a vial code."),
    "gs1_field_cut": QT_TRANSLATE_NOOP(
        "Reasons", "The scan ends inside field ({ai}): expected {length} digits, got {count}. Scan the code again."),
    "gs1_field_too_long_gs": QT_TRANSLATE_NOOP(
        "Reasons", "Field ({ai}) is {count} characters long, at most {length} are allowed; the scanner probably dropped a group separator (GS). Check the scanner setup."),
    "gs1_bracket_start": QT_TRANSLATE_NOOP(
        "Reasons", "The scan starts with '(' but not with a GS1 application identifier like (01)."),
    "gs1_field_length": QT_TRANSLATE_NOOP(
        "Reasons", "Field ({ai}) must have {length} digits, the scan has {count}."),
    "gs1_field_too_long": QT_TRANSLATE_NOOP(
        "Reasons", "Field ({ai}) is {count} characters long, at most {length} are allowed."),
    "gs1_field_twice": QT_TRANSLATE_NOOP(
        "Reasons", "Field ({ai}) appears twice in the scan; scan the code again."),
    "gs1_field_empty": QT_TRANSLATE_NOOP(
        "Reasons", "Field ({ai}) is empty in the scan."),
    "gs1_field_not_digits": QT_TRANSLATE_NOOP(
        "Reasons", "Field ({ai}) must contain digits only, the scan has {value!r}."),
    "gs1_fields_missing": QT_TRANSLATE_NOOP(
        "Reasons", "The scan has no {fields}; scan the DataMatrix on the vial or carton."),
    "gs1_gtin_check_digit": QT_TRANSLATE_NOOP(
        "Reasons", "GTIN {gtin} has a wrong check digit; the scan is damaged. Scan it again."),
    "gs1_bad_character": QT_TRANSLATE_NOOP(
        "Reasons", "The {label} contains {what}, which a GS1 code cannot carry; check the scanner's keyboard layout."),
    "gs1_expiry_month": QT_TRANSLATE_NOOP(
        "Reasons", "Expiry {value} has month {month}, which does not exist."),
    "gs1_expiry_day": QT_TRANSLATE_NOOP(
        "Reasons", "Expiry {value} names day {day} of a month with {days} days."),
    "answers_unknown_questions": QT_TRANSLATE_NOOP(
        "Reasons", "Answers to unknown question(s): {questions}."),
    "answers_missing": QT_TRANSLATE_NOOP(
        "Reasons", "Please answer: {questions}."),
    "consent_yes_or_no": QT_TRANSLATE_NOOP(
        "Reasons", "Consent must be answered yes or no."),
    "answer_takes_text": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: this question takes a text answer."),
    "answer_too_long": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: the answer is longer than {max} characters."),
    "answer_control_character": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: the answer contains a control character."),
    "answer_yes_or_no": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: answer yes or no."),
    "answer_takes_yes_no": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: this question takes yes or no, not text."),
    "answer_dates_unasked": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: dates are only given with a yes answer to a question that asks for them."),
    "answer_date_missing": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: please give the date."),
    "answer_one_date": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: only one date is asked for."),
    "answer_date_in_future": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: {date} is in the future."),
    "answer_date_twice": QT_TRANSLATE_NOOP(
        "Reasons", "{question}: the same date is given twice."),
    "stock_vials_range": QT_TRANSLATE_NOOP(
        "Reasons", "Number of vials must be between 1 and {max}."),
    "stock_lot_number_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "A lot number has 1 to 20 printable characters."),
    "lot_already_received": QT_TRANSLATE_NOOP(
        "Reasons", "Lot {lot} of {product} was already received."),
    # ---- the rest of the core as codes (issue 13, branch 13core) ---------------------------------
    # configuration files: the catalogue, the questionnaire, export formats (the site lead's files)
    "config_format_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: only format 1 is understood by this VaxDesk version."),
    "config_expected_object": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected an object."),
    "config_expected_object_found": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected an object, found {found}."),
    "config_keys_missing": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: missing key(s) {keys}."),
    "config_keys_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: unknown key(s) {keys}."),
    "config_expected_list": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected a list."),
    "config_expected_texts": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected a list of non-empty strings."),
    "config_expected_text": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected a non-empty string."),
    "config_text_form": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: {value!r} is not in the expected form."),
    "config_expected_flag": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected true or false."),
    "config_expected_whole": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected a whole number."),
    "config_below_minimum": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: {value} is below the minimum {minimum}."),
    "config_not_one_of": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: {value!r} is not one of {choices}."),
    "config_not_one_of_or_null": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: {value!r} is not one of {choices} or null."),
    "catalogue_value_set_empty": QT_TRANSLATE_NOOP(
        "Reasons", "A value set file has no 'valueSetValues' object."),
    "catalogue_no_product": QT_TRANSLATE_NOOP(
        "Reasons", "catalogue.products: the catalogue lists no product."),
    "catalogue_code_inactive": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: {value!r} is not an active code of the EU value set {file}."),
    "catalogue_intervals_count": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: a {doses}-dose series needs {needed} intervals, the file has {count}."),
    "catalogue_ages": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: {max_age} is below min_age_years {min_age}."),
    "catalogue_no_presentation": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: a product needs at least one vial presentation."),
    "catalogue_thawed_hours_missing": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: a product that is thawed needs a value."),
    "catalogue_thawed_hours_unused": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: must be null when needs_thawing is false."),
    "catalogue_interval_order": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: need min_days <= recommended_days <= max_days, got {min_days}, {recommended}, {max_days}."),
    "catalogue_gtin_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: {gtin!r} is not a valid GTIN-14 (14 digits with a correct GS1 check digit)."),
    "catalogue_product_twice": QT_TRANSLATE_NOOP(
        "Reasons", "catalogue.products: product code {code!r} appears twice."),
    "catalogue_gtin_twice": QT_TRANSLATE_NOOP(
        "Reasons", "catalogue.products: GTIN {gtin} appears twice."),
    "questionnaire_consent_age": QT_TRANSLATE_NOOP(
        "Reasons", "questionnaire.consent.own_consent_from_age: a whole number of years from 0 to 21."),
    "questionnaire_consent_id": QT_TRANSLATE_NOOP(
        "Reasons", "questionnaire.consent.id: must be 'consent'."),
    "questionnaire_no_questions": QT_TRANSLATE_NOOP(
        "Reasons", "questionnaire.questions: expected a non-empty list."),
    "questionnaire_ids_twice": QT_TRANSLATE_NOOP(
        "Reasons", "questionnaire.questions: question id(s) used twice: {ids}."),
    "questionnaire_id_form": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected an ASCII identifier like 'acute_illness', got {value!r}."),
    "questionnaire_review_misfit": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: {value!r} does not fit a {type} question."),
    "questionnaire_multiple_dates": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: only a yes_no_date question may set it, to true or false."),
    "questionnaire_texts_object": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected an object with the languages {languages}."),
    "questionnaire_text_missing": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: text missing for language(s) {languages}."),
    "questionnaire_minutes_range": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected whole minutes between 1 and {max}."),
    # configuration files read from disk; the privacy officer's and the importer's commands; the station database, its key file and backups
    "config_file_missing": QT_TRANSLATE_NOOP(
        "Reasons", "{path} is missing; reinstall VaxDesk or restore the file."),
    "config_file_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "{path} cannot be read: {detail}"),
    "config_file_not_json": QT_TRANSLATE_NOOP(
        "Reasons", "{path} is not valid JSON (line {line}, column {column}): {detail}"),
    "config_file_not_object": QT_TRANSLATE_NOOP(
        "Reasons", "{path}: expected a JSON object at the top level."),
    "questionnaire_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "Cannot read the questionnaire {path}: {detail}"),
    "export_format_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "No export format '{country}' (looked for {file} in resources/exports)."),
    "export_format_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "The export format {file} cannot be read: {detail}"),
    "export_format_fields": QT_TRANSLATE_NOOP(
        "Reasons", "The export format {file} names unknown fields: {fields}. Known: {known}."),
    "export_folder_unwritable": QT_TRANSLATE_NOOP(
        "Reasons", "Cannot write the export to {path}: {detail}."),
    "retention_too_short": QT_TRANSLATE_NOOP(
        "Reasons", "The retention period must be at least {days} days."),
    "retention_too_long": QT_TRANSLATE_NOOP(
        "Reasons", "The retention period must be at most {days} days."),
    "import_row_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "Row {row}: {detail}"),
    "import_slot_full": QT_TRANSLATE_NOOP(
        "Reasons", "Slot {slot} is full; the import stopped before this batch."),
    "import_slot_missing": QT_TRANSLATE_NOOP(
        "Reasons", "Slot {slot} does not exist."),
    "backup_exists": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' already exists; choose a new file name for the backup."),
    "file_exists": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' already exists."),
    "file_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "Cannot read '{path}': {detail}."),
    "backup_missing": QT_TRANSLATE_NOOP(
        "Reasons", "No backup file at '{path}'."),
    "backup_not_ours": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' is not a VaxDesk backup file."),
    "backup_damaged": QT_TRANSLATE_NOOP(
        "Reasons", "The backup '{path}' is truncated or damaged; it cannot be restored."),
    "backup_version_unknown": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' is a backup of an unknown format version."),
    "backup_other_tenant": QT_TRANSLATE_NOOP(
        "Reasons", "This backup belongs to tenant '{tenant}', not '{expected}'. Nothing was restored."),
    "restore_target_exists": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' already exists; restore into a new path."),
    "backup_header_mismatch": QT_TRANSLATE_NOOP(
        "Reasons", "The backup's header does not match its database; nothing was restored."),
    "backup_database_damaged": QT_TRANSLATE_NOOP(
        "Reasons", "The database inside the backup is damaged; nothing was restored."),
    "storage_no_sqlcipher": QT_TRANSLATE_NOOP(
        "Reasons", "This build's SQLite has no SQLCipher 4; refusing to store personal data unencrypted."),
    "keyfile_no_anchor": QT_TRANSLATE_NOOP(
        "Reasons", "The key file beside the database has lost its audit anchor."),
    "database_missing": QT_TRANSLATE_NOOP(
        "Reasons", "No station database at '{path}'. Create one with 'vaxdesk init'."),
    "database_not_a_file": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' is not a file."),
    "database_plain_sqlite": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' is a plain, unencrypted SQLite file, not a VaxDesk station database."),
    "keyfile_other_database": QT_TRANSLATE_NOOP(
        "Reasons", "The key file beside '{name}' belongs to another database."),
    "init_finished_late": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' was created by an earlier init that was interrupted as it finished; it is complete now."),
    "database_exists": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' already exists; VaxDesk never overwrites a database."),
    "passphrase_too_short": QT_TRANSLATE_NOOP(
        "Reasons", "The station passphrase must have at least {min} characters."),
    "init_wal_left": QT_TRANSLATE_NOOP(
        "Reasons", "The new database still has an unfinished write-ahead log; nothing was created."),
    "init_raced": QT_TRANSLATE_NOOP(
        "Reasons", "'{path}' appeared while it was being created; nothing was overwritten."),
    "new_passphrase_too_short": QT_TRANSLATE_NOOP(
        "Reasons", "The new passphrase must have at least {min} characters."),
    "keyfile_damaged": QT_TRANSLATE_NOOP(
        "Reasons", "The key file beside the database is not a VaxDesk key file or is damaged."),
    "passphrase_wrong": QT_TRANSLATE_NOOP(
        "Reasons", "Wrong passphrase for this station database."),
    "backup_passphrase_wrong": QT_TRANSLATE_NOOP(
        "Reasons", "Wrong passphrase for this backup: it opens with the passphrase the station had when the "
                   "backup was made ({created}), even if it was changed since. Nothing was restored."),
    "keyfile_missing": QT_TRANSLATE_NOOP(
        "Reasons", "No key file '{name}' beside the database: this is not a VaxDesk station database, or its key file was moved."),
    "keyfile_not_ours": QT_TRANSLATE_NOOP(
        "Reasons", "The key file beside the database is not a VaxDesk key file."),
    "schema_too_new": QT_TRANSLATE_NOOP(
        "Reasons", "This station database was written by a newer VaxDesk. Install the newer version; the database was left untouched."),
    # certificates: `vaxdesk cert`, signer files, trust lists, identifiers; the command line; the station's side of sync
    "cert_file_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "Cannot read {path}: {detail}."),
    "cert_file_unwritable": QT_TRANSLATE_NOOP(
        "Reasons", "Cannot write {path}: {detail}."),
    "cert_folder_unwritable": QT_TRANSLATE_NOOP(
        "Reasons", "Cannot write to {path}: {detail}."),
    "cert_payload_not_json": QT_TRANSLATE_NOOP(
        "Reasons", "{path} is not valid JSON (line {line})."),
    "cert_payload_not_object": QT_TRANSLATE_NOOP(
        "Reasons", "{path} must hold one JSON object."),
    "cert_time_invalid": QT_TRANSLATE_NOOP(
        "Reasons", "{value!r} is not an ISO 8601 time such as 2021-06-01T12:00:00Z."),
    "cert_line_not_object": QT_TRANSLATE_NOOP(
        "Reasons", "Each line must be a JSON object."),
    "cert_line_trust_invalid": QT_TRANSLATE_NOOP(
        "Reasons", '"trust" must be a list of base64 DER certificates.'),
    "cert_line_at_invalid": QT_TRANSLATE_NOOP(
        "Reasons", '"at" must be an ISO 8601 time or null.'),
    "cert_signer_files_missing": QT_TRANSLATE_NOOP(
        "Reasons", "Give --key and --cert, or --p12."),
    "cert_configure_nothing": QT_TRANSLATE_NOOP(
        "Reasons", "Give --issuer and/or --validity-days."),
    "cert_x509_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "The file is not a readable X.509 certificate (PEM or DER)."),
    "cert_key_not_p256": QT_TRANSLATE_NOOP(
        "Reasons", "The signing key must be an ECDSA P-256 key (ES256)."),
    "cert_key_mismatch": QT_TRANSLATE_NOOP(
        "Reasons", "The signing key does not belong to the signer certificate."),
    "cert_key_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "The signing key file cannot be read (PEM, wrong or missing password?)."),
    "cert_der_truncated": QT_TRANSLATE_NOOP(
        "Reasons", "Truncated certificate."),
    "cert_der_length": QT_TRANSLATE_NOOP(
        "Reasons", "Unsupported certificate length encoding."),
    "cert_trust_entry_unreadable": QT_TRANSLATE_NOOP(
        "Reasons", "A trust list entry is not a readable X.509 certificate."),
    "cert_uvci_character": QT_TRANSLATE_NOOP(
        "Reasons", "The character {character!r} is not allowed in a certificate identifier."),
    "cert_uvci_issuer_characters": QT_TRANSLATE_NOOP(
        "Reasons", "The issuer code and identifier may only contain A-Z, 0-9 and '/'."),
    "corsign_family_name_missing": QT_TRANSLATE_NOOP(
        "Reasons", "The family name is needed to seal or open the code."),
    "corsign_dob_format": QT_TRANSLATE_NOOP(
        "Reasons", "The date of birth must look like 1964-08-12 or 12.08.1964."),
    "qr_not_alphanumeric": QT_TRANSLATE_NOOP(
        "Reasons", "The text cannot be put in an alphanumeric QR code."),
    "cert_server_could_not_sign": QT_TRANSLATE_NOOP(
        "Reasons", "The tenant server could not sign: {detail}"),
    "passphrase_none": QT_TRANSLATE_NOOP(
        "Reasons", "No passphrase: set {env} or run the command in a terminal."),
    "passphrases_differ": QT_TRANSLATE_NOOP(
        "Reasons", "The two passphrases differ."),
    "simulation_server_exited": QT_TRANSLATE_NOOP(
        "Reasons", "The simulation's tenant server exited at start-up; see {log}."),
    "simulation_server_silent": QT_TRANSLATE_NOOP(
        "Reasons", "The simulation's tenant server did not answer /health within {seconds} s."),
    "simulation_admin_failed": QT_TRANSLATE_NOOP(
        "Reasons", "vaxdesk-server {command} failed: {detail}"),
    "sync_not_enrolled": QT_TRANSLATE_NOOP(
        "Reasons", "This station is not enrolled yet: run 'vaxdesk enroll' with a code from the tenant admin."),
    "sync_epoch_unsettled": QT_TRANSLATE_NOOP(
        "Reasons", "The sync server changed its epoch three times in one round; try again later."),
    "sync_enrollment_refused": QT_TRANSLATE_NOOP(
        "Reasons", "Enrollment refused ({server_code}). Ask the tenant admin for a new code for this station's tenant and site."),
    "sync_no_token": QT_TRANSLATE_NOOP(
        "Reasons", "This station is not enrolled with a sync server."),
    "sync_unreachable": QT_TRANSLATE_NOOP(
        "Reasons", "The sync server could not be reached ({problem} after {tries} tries). Work continues offline; sync will try again."),
    "sync_answer_without_code": QT_TRANSLATE_NOOP(
        "Reasons", "The sync server answered {status} without an error code."),
    "sync_server_address": QT_TRANSLATE_NOOP(
        "Reasons", "The server address must start with https:// (or http:// on a test network)."),
    "sync_token_refused": QT_TRANSLATE_NOOP(
        "Reasons", "The sync server no longer accepts this station's token ({server_code}). Enroll the station again with a new code."),
    # the certificate code's layers (base45, COSE, CBOR): the verifier words its own verdict, these are its details
    "base45_length": QT_TRANSLATE_NOOP(
        "Reasons", "Invalid base45 length."),
    "base45_character": QT_TRANSLATE_NOOP(
        "Reasons", "Invalid base45 character."),
    "base45_range": QT_TRANSLATE_NOOP(
        "Reasons", "Base45 value out of range."),
    "cose_not_sign1": QT_TRANSLATE_NOOP(
        "Reasons", "Not a COSE_Sign1 structure."),
    "cose_header_not_map": QT_TRANSLATE_NOOP(
        "Reasons", "The COSE protected header is not a map."),
    "cbor_ends_early": QT_TRANSLATE_NOOP(
        "Reasons", "CBOR data ends early."),
    "cbor_reserved_info": QT_TRANSLATE_NOOP(
        "Reasons", "Reserved CBOR additional information."),
    "cbor_length_exceeds": QT_TRANSLATE_NOOP(
        "Reasons", "CBOR length exceeds the data."),
    "cbor_too_deep": QT_TRANSLATE_NOOP(
        "Reasons", "CBOR data is nested too deeply."),
    "cbor_indefinite_integer": QT_TRANSLATE_NOOP(
        "Reasons", "Indefinite length on an integer."),
    "cbor_utf8": QT_TRANSLATE_NOOP(
        "Reasons", "Invalid UTF-8 in CBOR text."),
    "cbor_indefinite_tag": QT_TRANSLATE_NOOP(
        "Reasons", "Indefinite length on a tag."),
    "cbor_unexpected_break": QT_TRANSLATE_NOOP(
        "Reasons", "Unexpected CBOR break."),
    "cbor_simple_value": QT_TRANSLATE_NOOP(
        "Reasons", "Unsupported CBOR simple value."),
    "cbor_chunk": QT_TRANSLATE_NOOP(
        "Reasons", "Invalid chunk in CBOR string."),
    "cbor_nested_indefinite": QT_TRANSLATE_NOOP(
        "Reasons", "Nested indefinite CBOR string."),
    "cbor_map_key": QT_TRANSLATE_NOOP(
        "Reasons", "Invalid CBOR map key."),
    "cbor_duplicate_key": QT_TRANSLATE_NOOP(
        "Reasons", "Duplicate CBOR map key."),
    "cbor_trailing_data": QT_TRANSLATE_NOOP(
        "Reasons", "Unexpected data after the CBOR item."),
}


def _as_day(value: Any) -> date | datetime | None:
    """A parameter that is a date (the core sends ISO text: 2030-05-22, or 2030-05-22T10:15), else None."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10 or value[4:5] != "-" or value[7:8] != "-":
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        return None  # 2030-02-30, or a mistyped date the reason is about: shown as it was typed


def localised(value: Any) -> Any:
    """A date parameter as the desk's language writes dates (22.05.2030 in German); anything else as it is.
    English desks keep the ISO form the English texts use (2030-05-22)."""
    day = _as_day(value)
    if day is None or QLocale().language() != QLocale.Language.German:
        return value.isoformat() if isinstance(day, date) and not isinstance(value, str) else value
    if isinstance(day, datetime):
        return day.strftime("%d.%m.%Y %H:%M")
    return day.strftime("%d.%m.%Y")


def reason_text(code: str, params: Mapping[str, Any] | None = None, *, fallback: str | None = None) -> str:
    """The translated sentence for a code, dates written as the desk's language writes them; `fallback`
    (the core's English) for a code without a text."""
    template = TEXTS.get(code)
    if template is None:
        return fallback if fallback is not None else code
    if code == "message":
        return fill(template, params)
    translated = QCoreApplication.translate(_CONTEXT, template)
    return fill(translated, {key: localised(value) for key, value in (params or {}).items()})


def reason(value: Reason) -> str:
    return reason_text(value.code, value.params, fallback=str(value))
