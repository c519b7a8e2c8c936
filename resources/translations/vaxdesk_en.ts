<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminExitDialog</name>
    <message>
        <source>Close VaxDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station runs in kiosk mode. Only an admin can close VaxDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay in kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station is still locked with its passphrase, so no admin PIN can be checked. Unlock the station first; VaxDesk stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an admin&apos;s login and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only an admin can close VaxDesk in kiosk mode. VaxDesk stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong admin login or PIN. VaxDesk stays open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdverseEventForm</name>
    <message>
        <source>Record an adverse reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. lying down, legs raised; recovered after 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onset (today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record reaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons (viewed, created, exported, purged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visits and check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation type="unfinished">Certificates</translation>
    </message>
    <message>
        <source>Vaccine lots</source>
        <translation type="unfinished">Vaccine lots</translation>
    </message>
    <message>
        <source>Vials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff and logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station (setup, backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff</source>
        <translation type="unfinished">Staff</translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person or record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that no entry of the audit log was changed or removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click an entry to see everything about its record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (deactivated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The start of the time range is after its end. Correct the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest {count} entries are shown; narrow the filters to see older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every entry of the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Audit log intact: %n entries, the hash chain is unbroken.</source>
        <translation>
            <numerusform>Audit log intact: %n entry, the hash chain is unbroken.</numerusform>
            <numerusform>Audit log intact: %n entries, the hash chain is unbroken.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log broken: {problem}. Keep this computer as it is and tell the data-protection officer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Adverse reaction recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in on the booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment slip printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: role not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine catalogue installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate voucher issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate voucher printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure day set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for the health authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pseudonym key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infection recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infection voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered despite a similar person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person&apos;s data exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose history viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persons merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletion postponed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review task resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document signer installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment slots opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff member added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier dose entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial discarded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left without vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent and questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged answers discussed by the doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Called to the doctor</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateWords</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher (signed after sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is an EU certificate code (HC1:)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code can be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code unpacks completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It contains a signed certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate data can be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by a trusted issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content follows the EU format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issuer may issue this type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a certificate: the scanned text is far too long for one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not an EU Digital COVID Certificate. Scan the certificate&apos;s QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is damaged or incomplete and cannot be read. Scan it again; if that fails, it cannot be checked here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature is not from a trusted issuer. The certificate may be genuine but from an issuer this station does not know: load the trust list and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is signed with a method this station cannot check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signature does not match: the certificate was altered or forged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate&apos;s content does not follow the EU format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is not valid yet (issued {when}). Check the station&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate expired on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate carries no validity dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate&apos;s dates lie outside the validity of its issuer&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong type for the signer: this issuer may not issue this kind of certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate could not be checked. Scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccination: {product}, dose {dose} of {doses}, on {date} in {country}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test certificate (not a vaccination)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery certificate (not a vaccination)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Type a name to find the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the person by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of the vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinated on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinations of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vaccinations recorded on this day yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vouchers: ready to print, and waiting for a signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a person on the left to see their certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in the QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signer at this station: issuing records a voucher, and the certificate is signed after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names from the passport&apos;s machine-readable zone (scan or type its lines):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine-readable zone of the travel document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use these names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names from the passport (MRZ)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person confirmed the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print voucher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct person…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set when the certificate is signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a doctor or an admin can approve a correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked: {uvci} (issued {when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is printed on the certificate. Ask the person to check the spelling of the name and the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate issued: {uvci}
Next: print it, or save it as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signer at this station: a voucher was recorded (claim code {code}); the certificate is signed as soon as a signer is at hand. Print the voucher for the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a nurse or an admin can correct a person&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the person&apos;s data in their record first.
The certificate {uvci} will be revoked and a new one issued with a new identifier.

Reason for the correction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the correction; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected. The old certificate {old} is revoked; the new one {new} is ready to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person&apos;s data was corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-issue the certificates?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} certificate(s) were signed with the old data. Re-issue them now? The old ones are revoked and stop being valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-issued {n} certificate(s); the old ones are revoked. Print the new ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for a signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vouchers: {ready} ready to print, {waiting} waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That voucher&apos;s certificate was printed already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate was sent to the printer {printer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate-{name}-{day}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the certificate as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path} ({reason}). Choose another folder and save again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <source>Scan the booking QR code, or type a name (and date of birth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search for the booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in (no booking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: search · ↓↑: choose · Enter: open, then check in · Esc: clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the booking code, or type the family name.
The person and the next step appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} people found. ↓↑ to choose, Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in taken up again. Next: what is missing below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check this person in anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Checked in at {time}. Next: identity, consent and questions below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is checked in and waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questionnaire is still loading. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questionnaire is not complete yet: see the red marks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is in the queue. Observation after the vaccination: {minutes} min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers need the doctor&apos;s review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person may already be registered. Nothing was saved yet: choose below.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInWords</name>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time: booked for {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early: booked for {time} ({duration} from now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late: booked for {time} ({duration} ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other day: booked for {day} at {time}, not today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: this booking was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other site: booked at {site}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already checked in and in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking was already used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left without vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no booking today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity document checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent and questionnaire done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent and questionnaire missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; the details are in the log file {path}</source>
        <translation>VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; the details are in the log file {path}</translation>
    </message>
    <message>
        <source>VaxDesk – unexpected problem</source>
        <translation>VaxDesk – unexpected problem</translation>
    </message>
</context>
<context>
    <name>DoctorForms</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <source>Nobody is waiting for the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is called to the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the thawing time as HH:MM, e.g. 08:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial opened: {vial}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason to go ahead despite the warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} goes back to the desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write why there is no vaccination today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} leaves without vaccination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the dose in the history first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{dose} {product} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no dose today (reaction not linked to a dose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier dose added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose voided. It stays in the record, marked void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose corrected: the old record is void, the corrected one is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adverse reaction recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoctorWords</name>
    <message>
        <source>Fever or acute illness today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergies, possibly to vaccine ingredients (PEG, polysorbate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergic reaction, anaphylaxis or fainting after an earlier vaccination (30 min observation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anticoagulants or bleeding disorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pregnant or breastfeeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immunodeficiency or immunosuppressive medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Says they had COVID-19 vaccinations before: check the history below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed SARS-CoV-2 infection before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left a remark for the doctor on the questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dates given: {dates}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remark: “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left upper arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right upper arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fainting (syncope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dizziness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergic reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anaphylaxis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local reaction at the injection site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Life-threatening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elsewhere ({country})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here / synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOID: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning overridden: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoseColumn</name>
    <message>
        <source>Scan the vial or pick it below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial code from the scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vial is open. Scan the label of a new vial to open it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injection site (upper arm):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning – you may go ahead only with a reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for going ahead (required, audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thawed at (today, HH:MM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP – do not vaccinate. This cannot be overridden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why no vaccination today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaves, no dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: call the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose recorded. Next step: call the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is not with the doctor; call them from the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: read the flagged answers with the person, then press “Answers discussed”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: scan the vial or pick it from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dose can be recorded: see the red box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: choose the injection site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: write the reason for going ahead despite the warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then book the follow-up on the “Schedule” page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The follow-up is booked at the exit desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Recorded: dose {dose} {product}, {site}, {vial}.
Observation until {ends}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose {dose} · {product} · {left} doses left in the vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: press “Record dose”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EarlierDoseForm</name>
    <message>
        <source>Add a dose given elsewhere (from the vaccination card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. DE, AT, PL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country (2 letters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the country as two letters, e.g. DE, AT or PL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the vaccine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>This passphrase does not unlock the station. Check it and try again.</source>
        <translation>This passphrase does not unlock the station. Check it and try again.</translation>
    </message>
    <message>
        <source>There is no station database here yet. Ask your site lead to set up this station.</source>
        <translation>There is no station database here yet. Ask your site lead to set up this station.</translation>
    </message>
    <message>
        <source>This file is not a VaxDesk station database, or its key file belongs to another one. Nothing was changed.</source>
        <translation>This file is not a VaxDesk station database, or its key file belongs to another one. Nothing was changed.</translation>
    </message>
    <message>
        <source>The station database is damaged and cannot be opened. It was left untouched; ask your site lead to restore it from the backup.</source>
        <translation>The station database is damaged and cannot be opened. It was left untouched; ask your site lead to restore it from the backup.</translation>
    </message>
    <message>
        <source>This database was written by a newer VaxDesk. Update VaxDesk on this computer.</source>
        <translation>This database was written by a newer VaxDesk. Update VaxDesk on this computer.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Lock the station (Ctrl+L)</source>
        <translation>Lock the station (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Who is working at this station?</source>
        <translation>Who is working at this station?</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Choose your name on the left.</source>
        <translation>Choose your name on the left.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>In observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{initials} until {time} ({minutes} min left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{initials}: observation over since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello {name}, please enter your PIN.</source>
        <translation>Hello {name}, please enter your PIN.</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Choose your name first.</translation>
    </message>
    <message>
        <source>Enter your PIN (at least 4 digits).</source>
        <translation>Enter your PIN (at least 4 digits).</translation>
    </message>
</context>
<context>
    <name>LotsPage</name>
    <message>
        <source>Receive a lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the code on the carton (GS1 DataMatrix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carton code from the scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the product is chosen by hand (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vials received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receive lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show used-up lots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thawed at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason to block the lot, e.g. recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard because:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lots in stock ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open vials ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code could not be read: {why} Scan it again or type the fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} · expiry {expiry} · GTIN {gtin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown GTIN: this code is not in the vaccine catalogue. Choose the product by hand and give a reason, or ask the site lead to add the GTIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} · {doses} doses per vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan the carton, or press “Type it instead”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for choosing the product by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the lot number as printed on the carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter how many vials you received (1 to {max}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>= {doses} doses ({per} per vial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} of {product} received: {vials} vials = {doses} doses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the lot in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click again to open anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial opened: {vial}. Use by {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write why the lot is blocked (recall notice, cold-chain break, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click again to block lot {lot}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} is blocked: no vial of it can be opened or used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the vial in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click again: discard, {left} doses wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial discarded ({reason}): {vial}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LotsWords</name>
    <message>
        <source>Expired after opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contamination suspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial broken or damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unused at the end of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vials opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes}:{seconds:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} {lot}{serial}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use by {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use (product chosen by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{opened} of {received}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccine lots</source>
        <translation>Vaccine lots</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <source>Verify certificate</source>
        <translation>Verify certificate</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpeningPlanTab</name>
    <message>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places per station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure reason, e.g. public holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close first day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No closures ahead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <source>The document could not be read for printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer did not accept the page. Check that it is switched on, has paper and is connected, then print again. Nothing was lost; you can also save it as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>Check in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register as walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born {dob}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No booking today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not booked: check in as a walk-in if the person should be vaccinated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking {code} · {time} · {product} · dose {dose}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to do here: see the Queue page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking cannot be used. Check the person in as a walk-in instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in, but not finished: identity, consent or questions are missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish check-in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in on the booking of today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in, no booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonColumn</name>
    <message>
        <source>Check before vaccinating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers discussed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dose recorded yet. Ask for the vaccination card: doses given elsewhere are added with “Earlier dose”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier dose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void / correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adverse reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No person selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press “Next person” to call whoever is next in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{age} years · born {dob}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Discussed and confirmed by the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{time}: {kind} ({severity}){action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonCorrectionDialog</name>
    <message>
        <source>Correct the person&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the data as written in the ID document. The change is recorded with your name and the reason, and reaches every station. Certificates already signed keep the old data until they are re-issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. checked against the passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to correct: change at least one field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the correction (for example the ID document it was checked against).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page is coming in a later update.</source>
        <translation>This page is coming in a later update.</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>⚠ The doctor will review this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates, e.g. 12.03.2021, 20.09.2021</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date, e.g. 12.03.2021</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please answer yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write dates as DD.MM.YYYY, e.g. 12.03.2021.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only one date is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same date is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueBar</name>
    <message>
        <source>Next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a doctor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is waiting for the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 person is ready for the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} persons are ready for the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Show finished (last hour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call to doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity, consent or questions are missing: finish them at the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason, e.g. did not want to wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left without vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaves without vaccination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason, e.g. feels well, picked up by family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End observation early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep observing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation over: {names}. They may leave: select and press “Left observation”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: {waiting} · With the doctor: {doctor} · In observation: {observation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} has left observation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is called to the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} left without vaccination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: observation is not over ({minutes} min left). Why does it end early?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write why the observation ends early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reason for leaving first (e.g. “did not want to wait”).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Something went wrong inside VaxDesk; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is too long (at most {max} characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} contains characters that cannot be stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server refused the request ({server_code}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change cannot be recorded for sync ({code}); nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role may not {action}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person cannot be merged with themselves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This review task is already resolved or is not a duplicate person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family name is missing. A person with a single name has it entered as family name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family name has no letters that can be written in the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name has letters without an ICAO transliteration ({letters}): scan or type the machine-readable zone (MRZ) of the person&apos;s passport or ID card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name or the issuer is longer than {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The country must be a two-letter code such as DE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth must look like 1964-08-12, 1964-08 or 1964.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth {dob} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose number and number of doses must be between 1 and 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vaccination date {value} is not a date like 2021-06-11.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The vaccination date {date} is before the date of birth {dob}; correct the dose or the person&apos;s date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate identifier has a wrong check character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate data does not match the EU format: {problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recovery certificate is valid at the earliest from 11 days after the positive test ({date}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recovery certificate is valid for at most 180 days after the positive test (until {date}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The positive test was more than 180 days ago: a recovery certificate can no longer be issued.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recovery certificate needs a positive NAAT (PCR) test result recorded here; this infection was recorded from a document or the questionnaire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signer certificate is not valid now; a new one is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This signer certificate has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This signer certificate is not for vaccination certificates (its extended key usage lacks the EU vaccination OID). Ask for a vaccination document signer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document signer may not sign recovery certificates (its extended key usage lacks the EU recovery OID).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PKCS#12 file cannot be read (wrong password, or not a PKCS#12 file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PKCS#12 file holds no key and certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document signer expires on {date}: certificates signed now are valid only until then. Ask for a new signer certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document signer expires on {date}, in less than 7 days, so it no longer signs. Install a new one; until then the station hands out vouchers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station signs with a DEMO signer: its certificates are marked NOT VALID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text to print differs from the signed code; the certificate is printed from the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only vaccination and recovery certificates can be printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate code cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That certificate does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That vaccination does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dose was voided; issue the certificate for the corrected record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dose was given in {country}: only {country} issues its certificate (Regulation (EU) 2021/953, art. 5). The person asks there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dose already has a certificate: print it again, or correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That certificate is for another dose, test or recovery; a correction re-issues the certificate of the same one. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That certificate does not exist or was already replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate is a voucher: it is signed as soon as a signer is at hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate already shows the person&apos;s data as recorded; nothing to re-issue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This voucher is no longer valid: its dose record was voided or corrected ({reason}). Look the person up; a corrected dose gets a new certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No voucher has the claim code {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate was revoked by this center ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate issuer is 1 to 80 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates are valid for 1 to {max} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That infection record does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the infection must be on or after the date of birth and not in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a doctor or a nurse may record an infection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A positive test is a NAAT (PCR) or a rapid antigen test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An infection on {date} is already recorded for this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not the machine-readable zone of a passport or ID card (2 lines of 44 or 36, or 3 lines of 30 characters A-Z, 0-9 and &lt;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The MRZ check digit of the {part} does not match: the line was misread or mistyped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This MRZ belongs to someone with another date of birth than this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only EC and RSA signer certificates are supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revocation list is not in the EU DCC revocation format (batches of base64 hashes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That person does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for the correction (for example the ID document it was checked against).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to correct: change at least one field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person&apos;s data was removed after the retention period; it cannot be corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the station database: the folder or the drive is read-only. The data is intact; ask the site lead to check the drive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Nothing was half-written and the data is intact; free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported an error reading or writing the station database. The drive may be failing; tell the site lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder &apos;{path}&apos; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station database is damaged: {finding}. Restore it from a backup; the file was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; cannot be decrypted with its key: the file was replaced, or its key file belongs to another copy. Restore it from a backup; the file was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file&apos;s record of the audit log was altered or does not belong to this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries at the start of the audit log were removed (the log now begins at entry {seq})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an entry before entry {seq} was removed or its order changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry {seq} was changed after it was written, or the log was rewritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last entries of the audit log were removed: entries from {seq} on are missing (it was anchored at entry {anchored})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every entry of the audit log was removed (it was anchored at entry {anchored})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit log goes on past its anchor (entry {anchored}): entries were added outside VaxDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entries were removed or replaced before entry {seq}; VaxDesk noticed it on {noticed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry {seq} differs from the copy the sync server acknowledged: the log was rewritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sync server acknowledged entries up to {server_seq} that this station no longer has (from entry {seq}); was it restored from an older backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong PIN. Please try again.</source>
        <translation type="unfinished">Wrong PIN. Please try again.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {minutes} min or ask an admin.</source>
        <translation type="unfinished">Too many wrong PINs. Try again in {minutes} min or ask an admin.</translation>
    </message>
    <message>
        <source>Your role may not do this. Log in with an account that may.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account was deactivated or given another role since you logged in. Log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists; add --force to overwrite it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name is too long: at most {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains an invisible control character ({codepoint}); retype it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains the digit &apos;{char}&apos;; names have no digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name contains &apos;{char}&apos;, which does not belong in a name (letters, spaces, hyphens, apostrophes and periods are allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name must contain at least one letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth must be written YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That date of birth does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth before {year}: please check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} is given from {min} years; on the day of the appointment the person is younger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} is given up to {max} years; on the day of the appointment the person is older.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not an e-mail address (for example name@example.org).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phone number has at least 5 digits and only digits, spaces and + ( ) / . -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some details are not valid; see each field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no such time slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time slot has already begun; please choose a later one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This time is fully booked. Please choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has booked this time already; the booking code is in the confirmation e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a booking code (it looks like ABCD-EFGH-J).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No booking has this code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking can no longer be cancelled or moved (it is {state}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth does not match this booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking is already at this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests; please try again in {retry_after} seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please confirm you are not a robot (the page&apos;s check did not run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The robot check failed or expired; please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This robot check was already used; please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This slot belongs to another site than the station&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station is already enrolled; ask the administrator for a re-enrolment code for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This enrolment code was issued for another station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The master key does not open the data key of {count} tenant(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This result cannot be opened with these details (name, date of birth, or the link is incomplete).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link from the e-mail is missing or incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result mails need the tenant&apos;s mail_from and public_url settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result mails are written in German or English, not &apos;{lang}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of result (test_result or a certificate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a result token (CS2:...).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test is a rapid antigen test or a NAAT (PCR).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That visit does not exist; check the person in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That test does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person has no e-mail address on record; add it before sending the result by e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person already has a test waiting for its result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or choose the rapid test&apos;s device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{device}&apos; is not a rapid test device on the EU list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} is no longer on the EU list of accepted rapid tests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A NAAT (PCR) needs the name of the lab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample id is 1 to 40 letters, digits, spaces or . / _ -, as on the tube&apos;s label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample of this test was already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the sample before entering the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A result is positive, negative or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station&apos;s clock reads earlier than the sample time ({time}): the clock was set back. How long the test has developed cannot be told: void it and take a new sample.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early: this rapid test may be read from {time} ({minutes} minutes after the sample). Wait and read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This test already has its result; void it if it was wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This test was voided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test certificate needs the test&apos;s result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test certificate is issued for a negative result only (a positive NAAT gives a recovery certificate).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test certificates are signed at the station: install the site&apos;s document signer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site&apos;s document signer may not sign test certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input too long ({count} characters). Scan again or type the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a booking code, name or date of birth. Scan again or type a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the family name to the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type at least one letter of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No booking with the code {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking code is not valid (misread or mistyped). Scan again or type the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A COVID certificate, not a booking: scan the booking confirmation&apos;s QR code or type the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling, or register a walk-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} — add the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of more than {total} — add the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open vial: {left} left · waiting: {waiting}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open vial · nobody waiting · due before a new vial would expire: {due}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open vial · waiting: {waiting} · due before it would expire: {due} — a new vial ({doses} doses) will be used up: open one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open vial · waiting: {waiting} · due until it would expire or the day ends: {due} — a new vial ({doses} doses) leaves {waste} unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open vial · the first person has waited {minutes} min — open one ({waste} may be left unused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open vial · waiting: {waiting} · due: {due} — wait for more before opening (a vial now leaves {waste} of {doses} unused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit is over or its dose is recorded: its identity check and answers stay as they were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person is {age}: under {limit} a legal guardian gives consent. Choose “Legal guardian” and write the guardian&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person is {age} and consents alone (from {limit}); a guardian&apos;s consent is not accepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation is not over yet ({minutes} min left): give the reason for ending it early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {product} vial would be expired when opened (usable until {use_by}): do not open it; discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP: the label says lot {lot} expired on {expiry}. Do not use this vial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STOP: the label of lot {lot} says it expires on {label}, but the lot was received as expiring on {recorded}. Check the lot before using it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dose without the identity check at this visit: send the person back to the desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No dose without consent at this visit: send the person back to the desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} of {product}: no vial of it is open yet. Open this vial now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{flags} answer(s) need the doctor&apos;s review: read them with the person and confirm first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth {dob} is after {on}; correct it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} is given from {min} years; the person is {age}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} is given up to {max} years; the person is {age}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dose is recorded on {given_on}, after {on}; correct the history first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dose was already given on {on}; only one dose per day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dose on {given_on} is of a product not in the catalogue ({product_code}); it is counted as part of a {series}-dose series.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary series is complete and {product} is not authorised as a booster; choose another product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The primary series is complete and no booster is due yet: a {product} booster is allowed from {earliest} ({days} days after the dose on {last}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early for dose {dose}: allowed from {earliest} ({days} days after the dose on {last}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose {dose} is later than recommended: the window ended on {latest} ({days} days after the dose on {last}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mixed primary series: earlier dose(s) of {others}, this dose is {product}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong vial: it holds {holds}, but this dose is {wanted}. Take a vial of the right product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} is blocked ({why}). Do not use this vial; discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking is for {product}, which this station&apos;s vaccine catalogue does not list: the dose is {vial_product}, as the vial holds. Give a reason to go ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vial&apos;s product ({product}) is not in this station&apos;s vaccine catalogue. Take a vial of a listed product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vial was discarded at {at}. Open a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vial is empty: all {capacity} doses are drawn. Discard it and open a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vial expired at {at} (lot {lot} expired on {expiry}). Discard it and open a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vial expired at {at} ({hours} h after thawing). Discard it and open a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vial expired at {at} ({hours} h after opening). Discard it and open a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is already in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent and questionnaire are missing: complete them at the desk first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without consent no vaccination can be given. The person may leave the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is already in observation: the dose of this visit is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is still waiting; call them from the queue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This visit is &apos;{state}&apos;, not with the doctor; call the person from the queue first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step is not possible for this visit in its current state; the queue shows where it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That lot does not exist; receive it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} is blocked ({why}); do not open its vials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} expired on {expiry}; do not open its vials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} is stored frozen: enter when this vial was thawed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thawing time lies in the future; check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} is not thawed before use; leave the thawing time empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {count} vials of lot {lot} are already opened. Check the lot, or receive the vials you hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial {serial} of lot {lot} was already opened; take another vial.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN {gtin} is not in the catalogue, so no vial of it was received here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} of {product} was not received here; receive it on the lots page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} vials of lot {lot} are open and the code has no serial number; pick the vial from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked for {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early: booked for {time} ({minutes} min from now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late: booked for {time} ({minutes} min ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking is for {day} at {time}, not today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking was for {day} at {time}, not today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early: booked for {time} ({minutes} min from now). Confirm to check in anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late: booked for {time} ({minutes} min ago). Confirm to check in anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking is for {day} at {time}, not today. Confirm to check in anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The booking was for {day} at {time}, not today. Confirm to check in anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking was cancelled. Register the person as a walk-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking is for another site: {site}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person is already checked in and in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This booking was already used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That booking does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That person is not registered (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person of this visit does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That visit does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That visit does not exist; pick the person from the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That vial does not exist; scan it again or pick it from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That dose record does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That slot does not exist any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That lot does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That staff member does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown document type. Choose one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent is given by the person or by a legal guardian.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex must be one of f, m, d, x.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} person(s) with the same or a similar name and date of birth are already registered. Choose the existing person, or confirm that this is someone new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This PIN is too easy to guess; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A login has 2 to 32 characters: it starts with a letter, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s name (at most 100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;. Roles: {roles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login “{login}” is taken; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot take the admin role from yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last active admin cannot be deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason for voiding the dose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{What} has at most {max} printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the injection site: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason to go ahead despite: {warnings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The country is a two-letter code such as DE, AT or FR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown product &apos;{product}&apos;; choose one from the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown product &apos;{product}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} lies in the future; check the date on the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{date} cannot be a COVID-19 dose of this person; check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dose on {date} is already recorded; only one dose per day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This dose record was already voided at {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dose given elsewhere has no vial or injection site here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A dose given here keeps its time and takes its product from the vial; correct the vial instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to correct: change at least one field, or void the dose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the kind of reaction: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the severity: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The onset time needs a time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The thawing time needs a time zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The onset lies in the future; check the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That dose belongs to another person; pick the person&apos;s own dose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The onset is before the dose was given ({at}); check the time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening time must be a time of day as HH:MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing time must be a time of day as HH:MM.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekday must be 0 (Monday) to 6 (Sunday).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours end before they start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot length must be between {min} and {max} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slot is longer than the opening hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stations and capacity per station must be positive (at most 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose products from the catalogue (unknown: {unknown}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for the closure (at most 200 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} person(s) are booked on {day}. Reschedule them first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a range of at most a year, ending after it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a day between {first} and {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slots cannot be opened in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has no recorded dose yet: book the first dose at the desk instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This person has no recorded dose yet: a follow-up needs a first dose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No further dose of {product} is due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window for the next dose has passed; the doctor decides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No slot with free capacity and {product} in stock between {first} and {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That slot is in the past.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too early: the next dose may be given from {day} on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too late: the next dose should be given by {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The center is closed that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} is not offered on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This slot is full. Choose another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough {product} in stock for {day}: all doses are promised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a booking not yet used can be cancelled or moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot length must be between 1 minute and a day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capacity per slot must be a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for choosing the product by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason for blocking the lot (recall notice, cold-chain break, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason has at most {max} printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of vials must be a whole number from 1 to {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lot number has 1 to 20 printable characters, as printed on the carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN {gtin} is not in the vaccine catalogue. Choose the product by hand and give a reason, or ask the site lead to add the GTIN to the catalogue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the product by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is a {found} carton, not {product}. Check the carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{gtin!r} is not a valid GTIN-14; check the 14 digits on the carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN {gtin} is not in the vaccine catalogue; leave it empty to choose the product by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN {gtin} belongs to {found}, not {product}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} expired on {expiry}; an expired lot is not received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} is already blocked ({why}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose why the vial is discarded: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This vial was already discarded at {at}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A vial serial number has 1 to {max} printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A GTIN contains only digits, not {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan is {count} characters long; a vial code has far fewer. Scan the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan starts with symbology {prefix!r}, which is not a GS1 code. Scan the DataMatrix on the vial or carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan is empty. Scan the DataMatrix on the vial or carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An expiry in {year} cannot be written as YYMMDD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown GS1 application identifier at position {position} ({shown!r}); the scan is damaged or is not a vial code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan ends inside field ({ai}): expected {length} digits, got {count}. Scan the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field ({ai}) is {count} characters long, at most {length} are allowed; the scanner probably dropped a group separator (GS). Check the scanner setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan starts with &apos;(&apos; but not with a GS1 application identifier like (01).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field ({ai}) must have {length} digits, the scan has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field ({ai}) is {count} characters long, at most {length} are allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field ({ai}) appears twice in the scan; scan the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field ({ai}) is empty in the scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field ({ai}) must contain digits only, the scan has {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan has no {fields}; scan the DataMatrix on the vial or carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GTIN {gtin} has a wrong check digit; the scan is damaged. Scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {label} contains {what}, which a GS1 code cannot carry; check the scanner&apos;s keyboard layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry {value} has month {month}, which does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry {value} names day {day} of a month with {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers to unknown question(s): {questions}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please answer: {questions}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent must be answered yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: this question takes a text answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: the answer is longer than {max} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: the answer contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: answer yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: this question takes yes or no, not text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: dates are only given with a yes answer to a question that asks for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: please give the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: only one date is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: {date} is in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{question}: the same date is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of vials must be between 1 and {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A lot number has 1 to 20 printable characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} of {product} was already received.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: only format 1 is understood by this VaxDesk version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected an object, found {found}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: missing key(s) {keys}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: unknown key(s) {keys}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected a list of non-empty strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected a non-empty string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {value!r} is not in the expected form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {value} is below the minimum {minimum}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {value!r} is not one of {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {value!r} is not one of {choices} or null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value set file has no &apos;valueSetValues&apos; object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue.products: the catalogue lists no product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {value!r} is not an active code of the EU value set {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: a {doses}-dose series needs {needed} intervals, the file has {count}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {max_age} is below min_age_years {min_age}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: a product needs at least one vial presentation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: a product that is thawed needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: must be null when needs_thawing is false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: need min_days &lt;= recommended_days &lt;= max_days, got {min_days}, {recommended}, {max_days}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {gtin!r} is not a valid GTIN-14 (14 digits with a correct GS1 check digit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue.products: product code {code!r} appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catalogue.products: GTIN {gtin} appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questionnaire.consent.own_consent_from_age: a whole number of years from 0 to 21.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questionnaire.consent.id: must be &apos;consent&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questionnaire.questions: expected a non-empty list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>questionnaire.questions: question id(s) used twice: {ids}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected an ASCII identifier like &apos;acute_illness&apos;, got {value!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: {value!r} does not fit a {type} question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: only a yes_no_date question may set it, to true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected an object with the languages {languages}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: text missing for language(s) {languages}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected whole minutes between 1 and {max}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is missing; reinstall VaxDesk or restore the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {line}, column {column}): {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path}: expected a JSON object at the top level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the questionnaire {path}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No export format &apos;{country}&apos; (looked for {file} in resources/exports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export format {file} cannot be read: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export format {file} names unknown fields: {fields}. Known: {known}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the export to {path}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retention period must be at least {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The retention period must be at most {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row}: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot {slot} is full; the import stopped before this batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot {slot} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists; choose a new file name for the backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read &apos;{path}&apos;: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup file at &apos;{path}&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a VaxDesk backup file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup &apos;{path}&apos; is truncated or damaged; it cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a backup of an unknown format version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup belongs to tenant &apos;{tenant}&apos;, not &apos;{expected}&apos;. Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists; restore into a new path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup&apos;s header does not match its database; nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database inside the backup is damaged; nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build&apos;s SQLite has no SQLCipher 4; refusing to store personal data unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file beside the database has lost its audit anchor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No station database at &apos;{path}&apos;. Create one with &apos;vaxdesk init&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a plain, unencrypted SQLite file, not a VaxDesk station database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file beside &apos;{name}&apos; belongs to another database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; was created by an earlier init that was interrupted as it finished; it is complete now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists; VaxDesk never overwrites a database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station passphrase must have at least {min} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new database still has an unfinished write-ahead log; nothing was created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{path}&apos; appeared while it was being created; nothing was overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new passphrase must have at least {min} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file beside the database is not a VaxDesk key file or is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase for this station database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong passphrase for this backup: it opens with the passphrase the station had when the backup was made ({created}), even if it was changed since. Nothing was restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key file &apos;{name}&apos; beside the database: this is not a VaxDesk station database, or its key file was moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key file beside the database is not a VaxDesk key file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station database was written by a newer VaxDesk. Install the newer version; the database was left untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to {path}: {detail}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {line}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} must hold one JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value!r} is not an ISO 8601 time such as 2021-06-01T12:00:00Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each line must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;trust&quot; must be a list of base64 DER certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;at&quot; must be an ISO 8601 time or null.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give --key and --cert, or --p12.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give --issuer and/or --validity-days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is not a readable X.509 certificate (PEM or DER).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key must be an ECDSA P-256 key (ES256).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key does not belong to the signer certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key file cannot be read (PEM, wrong or missing password?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Truncated certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported certificate length encoding.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A trust list entry is not a readable X.509 certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The character {character!r} is not allowed in a certificate identifier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issuer code and identifier may only contain A-Z, 0-9 and &apos;/&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The family name is needed to seal or open the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of birth must look like 1964-08-12 or 12.08.1964.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text cannot be put in an alphanumeric QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant server could not sign: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No passphrase: set {env} or run the command in a terminal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulation&apos;s tenant server exited at start-up; see {log}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The simulation&apos;s tenant server did not answer /health within {seconds} s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vaxdesk-server {command} failed: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station is not enrolled yet: run &apos;vaxdesk enroll&apos; with a code from the tenant admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server changed its epoch three times in one round; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrollment refused ({server_code}). Ask the tenant admin for a new code for this station&apos;s tenant and site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station is not enrolled with a sync server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server could not be reached ({problem} after {tries} tries). Work continues offline; sync will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server answered {status} without an error code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http:// on a test network).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sync server no longer accepts this station&apos;s token ({server_code}). Enroll the station again with a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid base45 length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid base45 character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base45 value out of range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a COSE_Sign1 structure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The COSE protected header is not a map.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBOR data ends early.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserved CBOR additional information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBOR length exceeds the data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CBOR data is nested too deeply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indefinite length on an integer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid UTF-8 in CBOR text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indefinite length on a tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected CBOR break.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported CBOR simple value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid chunk in CBOR string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nested indefinite CBOR string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid CBOR map key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate CBOR map key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected data after the CBOR item.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>d MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doses given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificates issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no-shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tests (positive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doses wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting, check-in to vaccination (median · 90 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No doses on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock now: doses left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No vaccine in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses by product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses by lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses by dose in the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was recorded on {day}: no vaccinations, no-shows, waste or adverse events. Choose another day above; the stock below is today&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the daily report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the daily report as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <source>Expired after opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contamination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Broken vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unused at end of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fainting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dizziness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allergic reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anaphylaxis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>life-threatening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Nurse</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <source>Site lead / admin</source>
        <translation>Site lead / admin</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Book the follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccinated today, no follow-up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody vaccinated today is waiting for a follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a person on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Book this slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PROVISIONAL: booked while offline. The slip says so; the booking is confirmed once the station has synchronised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand the slip to the person: it has the QR code the check-in desk scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}
{dose} {product} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} · born {dob} · today: dose {dose} {product}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slots created: {n}. Days that already had slots were left as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose {dn} of {product}: earliest {earliest} · recommended {recommended} · latest {latest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step: choose the person on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for slots…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No slot can be offered: open more days on the “Opening plan” tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row is closest to the recommended day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the person and a slot first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Booked: {name}
{day} at {time}
{product}, dose {dose}
Booking code:
{code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment-{code}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the appointment slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slip could not be saved to {path}: {why}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slip saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the appointment slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer did not accept the slip. Use “Save as PDF…” and print it from another computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{weekday}s saved: {opens}–{closes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} is closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleWords</name>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★ recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} days off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Places per slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vaccines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{total} ({stations} stations × {each})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show deactivated accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add staff member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not easy to guess. A new PIN also ends a lock-out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN, twice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Maria Weber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. mweber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a staff member in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivated: cannot log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login: {login} · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} already has this role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is now: {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New PIN set for {name}. Tell them in person, never by e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} can log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is deactivated and can no longer log in. Their history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} can now log in as “{login}” with the PIN you set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s) are not yet on the server.</source>
        <translation>
            <numerusform>%n dose is not yet on the server.</numerusform>
            <numerusform>%n doses are not yet on the server.</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay safe on this station and sync later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doses not yet synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncCounts</name>
    <message numerus="yes">
        <source>%n change(s) kept on this station</source>
        <translation>
            <numerusform>%n change kept on this station</numerusform>
            <numerusform>%n changes kept on this station</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending (safe on this station)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Station clock is %n hours off — ask the admin</source>
        <translation>
            <numerusform>Station clock is %n hour off — ask the admin</numerusform>
            <numerusform>Station clock is %n hours off — ask the admin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Station clock is %n min off — ask the admin</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Person details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation type="unfinished">Check-in</translation>
    </message>
    <message>
        <source>Vaccine lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slot was already full on the server. Call the person for a new time (see “To rebook”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That time slot does not exist on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server had refused this booking (slot full); the visit and any dose are kept without it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server already has this record; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person was deleted on the server; the change was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record was incomplete. Ask the admin to check this station&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has a different change under the same number (was this station restored from an old backup?). Ask the admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another station changed this first (for example checked the person in); this station now shows the server&apos;s state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record belongs to another site; it was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server had refused this before it was restored from a backup; it stays refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value in this record cannot be accepted. Ask the admin to check this station&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record has a field the server does not know. Ask the admin to update VaxDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not know this kind of change. Ask the admin to update VaxDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recorded dose is never changed; correct it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value this version of VaxDesk cannot store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field this version of VaxDesk does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A required value is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A kind of change this version of VaxDesk does not know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It refers to a record this station does not have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It conflicts with a record on this station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change is incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person details changed on two stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibly the same dose recorded twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibly the same person registered twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One dose voided or corrected on two stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slot over capacity after a server restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One person checked in at two desks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dose given from a blocked lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not say why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: server “{server}”, other station “{station}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another station recorded a dose for this person too. Check the dose history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two desks registered a person with the same name and date of birth. If it is the same person, merge them: every booking and dose is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both changes are kept. Check the dose history and void the record that is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings confirmed before the restore were kept. Check who can come at another time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lot {lot} was blocked at another station ({why}) before this dose was given offline. Check whether the person must be vaccinated again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person is in the queue twice. Continue with one visit and end the other as left without vaccination (checked in twice).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was not applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booked time (refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What did you check or change? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same person: merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Rejected (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To review (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To rebook (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not applied (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Changes from the server this station could not apply. Everything else was applied; ask the admin to update VaxDesk on this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every change from the server was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes the server refused. They stay on this station; nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server has refused nothing from this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server found these when merging the stations&apos; work. Check each, then mark it resolved with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookings made offline that the server could not confirm (the slot was full). Call these people and book a new time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No bookings to redo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending changes are sent in the background every minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything recorded is kept safe on this station and is sent when the server can be reached again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station works on its own: everything stays on this station. To share records with the other stations, an admin enrolls it once with a one-time code from the tenant admin:
vaxdesk enroll --db {db} --server https://sync.example.org --code CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merged: one person with every booking and dose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a task in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a short note on what you checked; it goes into the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as resolved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Offline — not connected to a server yet</source>
        <translation>Offline — not connected to a server yet</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>The server could not be reached (no network, or the server is down).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server no longer accepts this station. An admin must enroll it again with a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This station is not enrolled with a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server gave an answer this station does not understand. Ask the admin to check that station and server versions match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused a request. Sync will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The station database was busy. Sync will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last sync did not finish. Sync will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last complete sync: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last attempt: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enrolled with a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not fully synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server refused this station — enroll again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} — see Sync page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestingPage</name>
    <message>
        <source>Rapid antigen test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAAT (PCR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result by e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapid test device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lab (NAAT):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample id (NAAT):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EU test certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print certificate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample to take: {ordered} · Waiting for the reading time: {waiting} · Ready to read: {ready} · Results today: {done}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the person in first; then order the test here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test ordered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EU test certificate issued for {family}, {given} (born {dob}); print it with “Print certificate…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the test certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test certificate was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestingWords</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapid antigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAAT (PCR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample to take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When the lab reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {time} · {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waits for sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock this station</source>
        <translation>Unlock this station</translation>
    </message>
    <message>
        <source>Enter the station passphrase. It protects the personal data stored on this computer.</source>
        <translation>Enter the station passphrase. It protects the personal data stored on this computer.</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <source>Station passphrase</source>
        <translation>Station passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Enter the station passphrase first.</source>
        <translation>Enter the station passphrase first.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Scan the certificate&apos;s QR code, or paste its HC1: text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load trust file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove loaded files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid: the details below are not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The result appears here: green means valid, red means not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trusted issuers from this station: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from loaded files: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signer certificates added to the trust list: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load trust files (signer certificates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signer certificate could be read from: {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REVOKED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born {dob}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed {issued} · valid until {expires}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitStepsForm</name>
    <message>
        <source>ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health insurance card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other official document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Identity document seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys: Enter = identity checked (↑↓ another document) · J or Y = yes, N = no · Enter = send to queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity checked (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to queue (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent given by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name of the legal guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Medical questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Checked: {document} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the legal guardian&apos;s full name (letters only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the identity document first (step 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some answers are missing or unclear: see the red marks above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidForm</name>
    <message>
        <source>Why, e.g. wrong person selected, typing error on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct injection site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void or correct dose {dose} of {day} ({product})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void this dose (recorded in error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct date, vaccine or country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the injection site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the reason first: a voided dose stays in the record with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click again to confirm: {what} dose {dose} of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkInForm</name>
    <message>
        <source>Register a walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields marked * are required. Phone, e-mail and insurance are optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>diverse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not specified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street and number *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health insurance number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is this the same person?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already registered with a similar name and date of birth. Nothing has been saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use existing person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No, register as new person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the date as DD.MM.YYYY, e.g. 29.02.1980; it must exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before 1900: please check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contains characters that do not belong in an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digits, spaces and + ( ) / - only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That does not look like an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letters and digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{family}, {given} · born {dob}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
