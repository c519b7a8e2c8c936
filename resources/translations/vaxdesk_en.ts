<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminExitDialog</name>
    <message>
        <location filename="../../app/ui/kiosk.py" line="132"/>
        <location filename="../../app/ui/kiosk.py" line="158"/>
        <source>Close VaxDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="137"/>
        <source>This station runs in kiosk mode. Only an admin can close VaxDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="143"/>
        <source>Admin login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="151"/>
        <source>Admin login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="151"/>
        <source>PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="162"/>
        <source>Stay in kiosk mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="186"/>
        <source>The station is still locked with its passphrase, so no admin PIN can be checked. Unlock the station first; VaxDesk stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="196"/>
        <source>Enter an admin&apos;s login and PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="210"/>
        <source>Only an admin can close VaxDesk in kiosk mode. VaxDesk stays open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/kiosk.py" line="221"/>
        <source>Wrong admin login or PIN. VaxDesk stays open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdverseEventForm</name>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="297"/>
        <source>Record an adverse reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="315"/>
        <source>e.g. lying down, legs raised; recovered after 5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="316"/>
        <source>After dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="317"/>
        <source>Reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="318"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="319"/>
        <source>Onset (today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="320"/>
        <source>Action taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="321"/>
        <source>Record reaction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="49"/>
        <source>All actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="50"/>
        <source>Persons (viewed, created, exported, purged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="51"/>
        <source>Visits and check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="52"/>
        <source>Appointments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="53"/>
        <source>Vaccinations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="54"/>
        <source>Adverse events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="55"/>
        <source>Certificates</source>
        <translation type="unfinished">Certificates</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="56"/>
        <source>Vaccine lots</source>
        <translation type="unfinished">Vaccine lots</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="57"/>
        <source>Vials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="58"/>
        <source>Staff and logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="59"/>
        <source>Exports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="60"/>
        <source>Station (setup, backup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="64"/>
        <source>an entry before it was removed or changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="66"/>
        <source>its content was changed after it was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="98"/>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="99"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="100"/>
        <source>Staff</source>
        <translation type="unfinished">Staff</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="101"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="102"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="103"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="145"/>
        <source>system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="168"/>
        <source>Person or record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="173"/>
        <source>All staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="189"/>
        <source>d MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="190"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="204"/>
        <source>Record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="206"/>
        <source>Staff:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="210"/>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="212"/>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="214"/>
        <source>to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="220"/>
        <source>Check integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="222"/>
        <source>Check that no entry of the audit log was changed or removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="247"/>
        <source>Audit log entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="255"/>
        <source>Double-click an entry to see everything about its record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="272"/>
        <source>{name} (deactivated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="289"/>
        <source>The start of the time range is after its end. Correct the dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="313"/>
        <source>No entries match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="315"/>
        <source>The newest {count} entries are shown; narrow the filters to see older ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/audit.py" line="318"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="325"/>
        <source>Checking every entry of the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/audit.py" line="334"/>
        <source>Audit log intact: %n entries, the hash chain is unbroken.</source>
        <translation>
            <numerusform>Audit log intact: %n entry, the hash chain is unbroken.</numerusform>
            <numerusform>Audit log intact: %n entries, the hash chain is unbroken.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="339"/>
        <source>Audit log broken at entry {seq}: {problem}. Keep this computer as it is and tell the data-protection officer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateWords</name>
    <message>
        <location filename="../../app/ui/certificate_models.py" line="62"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_models.py" line="63"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_models.py" line="64"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_models.py" line="65"/>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_models.py" line="66"/>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_models.py" line="67"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="20"/>
        <source>To issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="21"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="22"/>
        <source>Voucher (signed after sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="23"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="30"/>
        <source>It is an EU certificate code (HC1:)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="31"/>
        <source>The code can be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="32"/>
        <source>The code unpacks completely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="33"/>
        <source>It contains a signed certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="34"/>
        <source>The certificate data can be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="35"/>
        <source>Signed by a trusted issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="36"/>
        <source>The content follows the EU format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="37"/>
        <source>Valid today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="38"/>
        <source>The issuer may issue this type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="55"/>
        <source>This is not a certificate: the scanned text is far too long for one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="57"/>
        <source>This is not an EU Digital COVID Certificate. Scan the certificate&apos;s QR code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="60"/>
        <source>The certificate is damaged or incomplete and cannot be read. Scan it again; if that fails, it cannot be checked here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="65"/>
        <source>The signature is not from a trusted issuer. The certificate may be genuine but from an issuer this station does not know: load the trust list and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="69"/>
        <source>The certificate is signed with a method this station cannot check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="71"/>
        <source>The signature does not match: the certificate was altered or forged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="74"/>
        <source>The certificate&apos;s content does not follow the EU format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="78"/>
        <source>The certificate is not valid yet (issued {when}). Check the station&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="82"/>
        <source>The certificate expired on {day}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="85"/>
        <source>The certificate carries no validity dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="86"/>
        <source>The certificate&apos;s dates lie outside the validity of its issuer&apos;s key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="89"/>
        <source>Wrong type for the signer: this issuer may not issue this kind of certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="91"/>
        <source>The certificate could not be checked. Scan it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="118"/>
        <source>Vaccination: {product}, dose {dose} of {doses}, on {date} in {country}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="123"/>
        <source>Test certificate (not a vaccination)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/certificate_words.py" line="125"/>
        <source>Recovery certificate (not a vaccination)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="78"/>
        <source>Type a name to find the person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="79"/>
        <source>Find the person by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="90"/>
        <source>Day of the vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="92"/>
        <location filename="../../app/ui/pages/certificates.py" line="189"/>
        <source>Vaccinated on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="108"/>
        <source>Vaccinations of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="125"/>
        <source>No vaccinations recorded on this day yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="169"/>
        <location filename="../../app/ui/pages/certificates.py" line="356"/>
        <source>Choose a person on the left to see their certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="184"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="185"/>
        <source>Name in the QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="186"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="187"/>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="188"/>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="190"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="191"/>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="217"/>
        <source>No signer at this station: issuing records a voucher, and the certificate is signed after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="221"/>
        <source>Person confirmed the data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="224"/>
        <location filename="../../app/ui/pages/certificates.py" line="376"/>
        <source>Issue certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="238"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="240"/>
        <source>Preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="242"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="244"/>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="354"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="376"/>
        <source>Record voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="382"/>
        <source>No signer at this station: a voucher was recorded; the certificate is signed after the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="396"/>
        <source>Only a doctor or an admin can approve a correction.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="399"/>
        <source>Revoked: {uvci} (issued {when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="211"/>
        <source>This is printed on the certificate. Ask the person to check the spelling of the name and the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="378"/>
        <source>Certificate issued: {uvci}
Next: print it, or save it as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="444"/>
        <source>Correct the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="445"/>
        <source>Correct the person&apos;s data in their record first.
The certificate {uvci} will be revoked and a new one issued with a new identifier.

Reason for the correction:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="451"/>
        <source>Give the reason for the correction; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="457"/>
        <source>Corrected. The old certificate {old} is revoked; the new one {new} is ready to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="481"/>
        <source>Print the certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="492"/>
        <source>The certificate was sent to the printer {printer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="503"/>
        <source>Certificate preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="513"/>
        <source>certificate-{name}-{day}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="516"/>
        <source>Save the certificate as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="516"/>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="531"/>
        <source>Saved as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="533"/>
        <source>The PDF could not be saved to {path} ({reason}). Choose another folder and save again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="76"/>
        <source>Scan the booking QR code, or type a name (and date of birth)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="77"/>
        <source>Search for the booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="81"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="83"/>
        <source>Walk-in (no booking)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="91"/>
        <source>Enter: search · ↓↑: choose · Enter: open, then check in · Esc: clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="120"/>
        <source>Scan the booking code, or type the family name.
The person and the next step appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="183"/>
        <source>Check in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="185"/>
        <source>Register as walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="328"/>
        <source>{count} people found. ↓↑ to choose, Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="336"/>
        <source>Input too long ({count} characters). Scan again or type the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="340"/>
        <source>Add the family name to the date of birth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="342"/>
        <source>Type at least one letter of the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="343"/>
        <source>Not a booking code, name or date of birth. Scan again or type a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="346"/>
        <source>No booking with the code {code}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="348"/>
        <source>This booking code is not valid (misread or mistyped). Scan again or type the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="349"/>
        <source>Nobody found. Check the spelling, or register a walk-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="361"/>
        <location filename="../../app/ui/pages/checkin.py" line="571"/>
        <source>Born {dob}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="365"/>
        <source>No booking today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="366"/>
        <source>Not booked: check in as a walk-in if the person should be vaccinated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="371"/>
        <source>any vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="373"/>
        <source>Booking {code} · {time} · {product} · dose {dose}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="389"/>
        <source>Nothing to do here: see the Queue page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="390"/>
        <source>This booking cannot be used. Check the person in as a walk-in instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="400"/>
        <source>Check in anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="401"/>
        <source>Check in anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="402"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="414"/>
        <source>Check this person in anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="440"/>
        <source>✔ Checked in at {time}. Next: identity, consent and questions below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="445"/>
        <source>{name} is checked in and waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="459"/>
        <source>The questionnaire is still loading. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="487"/>
        <source>The questionnaire is not complete yet: see the red marks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="511"/>
        <source>{name} is in the queue. Observation after the vaccination: {minutes} min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="514"/>
        <source>Some answers need the doctor&apos;s review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="538"/>
        <source>This person may already be registered. Nothing was saved yet: choose below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="572"/>
        <source>Walk-in, no booking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="573"/>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckInWords</name>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="57"/>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="58"/>
        <source>{hours} h {minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="65"/>
        <source>On time · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="66"/>
        <source>Early · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="67"/>
        <source>Late · {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="68"/>
        <source>Other day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="69"/>
        <location filename="../../app/ui/checkin_models.py" line="109"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="70"/>
        <source>Other site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="71"/>
        <source>Already here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="72"/>
        <source>Already used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="81"/>
        <source>On time: booked for {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="83"/>
        <source>Early: booked for {time} ({duration} from now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="86"/>
        <source>Late: booked for {time} ({duration} ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="90"/>
        <source>Other day: booked for {day} at {time}, not today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="92"/>
        <source>Cancelled: this booking was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="94"/>
        <source>Other site: booked at {site}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="96"/>
        <source>Already checked in and in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="97"/>
        <source>This booking was already used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="102"/>
        <source>Booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="103"/>
        <location filename="../../app/ui/checkin_models.py" line="197"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="104"/>
        <source>With the doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="105"/>
        <source>In observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="106"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="107"/>
        <source>No-show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="108"/>
        <source>Left without vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="163"/>
        <location filename="../../app/ui/checkin_models.py" line="194"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="163"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="163"/>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="172"/>
        <source>no booking today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="195"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="198"/>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="199"/>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="200"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="196"/>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="240"/>
        <source>⚠ yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="243"/>
        <source>Observation over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="245"/>
        <source>{minutes} min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="249"/>
        <source>Identity document checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="249"/>
        <source>Identity not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="251"/>
        <source>Consent and questionnaire done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="251"/>
        <source>Consent and questionnaire missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/ui/crash.py" line="60"/>
        <source>VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; the details are in the log file {path}</source>
        <translation>VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; the details are in the log file {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash.py" line="70"/>
        <source>VaxDesk – unexpected problem</source>
        <translation>VaxDesk – unexpected problem</translation>
    </message>
</context>
<context>
    <name>DoctorForms</name>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="88"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="163"/>
        <source>Next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="175"/>
        <source>With a doctor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="193"/>
        <source>Check before vaccinating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="201"/>
        <source>Dose history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="212"/>
        <source>No dose recorded yet. Ask for the vaccination card: doses given elsewhere are added with “Earlier dose”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="216"/>
        <source>Earlier dose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="219"/>
        <source>Void / correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="222"/>
        <source>Reaction…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="248"/>
        <source>Adverse reactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="264"/>
        <source>Vial code from the scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="277"/>
        <source>No vial is open. Open one on the “Vaccine lots” page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="263"/>
        <source>Scan the vial or pick it below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="280"/>
        <source>Injection site (upper arm):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="301"/>
        <source>STOP – do not vaccinate. This cannot be overridden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="308"/>
        <source>Warning – you may go ahead only with a reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="314"/>
        <source>Reason for going ahead (required, audited)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="321"/>
        <source>Record dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="371"/>
        <location filename="../../app/ui/pages/doctor.py" line="454"/>
        <source>Nobody is waiting for the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="372"/>
        <source>1 person is ready for the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="373"/>
        <source>{n} persons are ready for the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="378"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="378"/>
        <source>choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="466"/>
        <source>{name} is called to the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="498"/>
        <source>No person selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="499"/>
        <source>Press “Next person” to call whoever is next in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="503"/>
        <source>{age} years · born {dob}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="515"/>
        <source>{time}: {kind} ({severity}){action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="518"/>
        <source>None recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="600"/>
        <source>Next step: call the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="602"/>
        <source>Dose recorded. Next step: call the next person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="604"/>
        <source>This person is not with the doctor; call them from the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="606"/>
        <source>Next step: scan the vial or pick it from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="608"/>
        <source>Checking the rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="610"/>
        <source>No dose can be recorded: see the red box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="612"/>
        <source>Next step: choose the injection site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="614"/>
        <source>Next step: write the reason for going ahead despite the warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="616"/>
        <source>Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="623"/>
        <source>Dose {dose} · {product} · {left} doses left in the vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="632"/>
        <source>Ready: press “Record dose”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="663"/>
        <source>✔ Recorded: dose {dose} {product}, {site}, {vial}.
Observation until {ends}. Then book the follow-up on the “Schedule” page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="679"/>
        <source>Give a reason to go ahead despite the warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="698"/>
        <source>Select the dose in the history first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="708"/>
        <source>{dose} {product} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="710"/>
        <source>no dose today (reaction not linked to a dose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="732"/>
        <source>Earlier dose added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="738"/>
        <source>Dose voided. It stays in the record, marked void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="744"/>
        <source>Dose corrected: the old record is void, the corrected one is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="758"/>
        <source>Adverse reaction recorded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DoctorWords</name>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="26"/>
        <source>Fever or acute illness today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="27"/>
        <source>Allergies, possibly to vaccine ingredients (PEG, polysorbate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="28"/>
        <source>Allergic reaction, anaphylaxis or fainting after an earlier vaccination (30 min observation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="30"/>
        <source>Anticoagulants or bleeding disorder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="31"/>
        <source>Pregnant or breastfeeding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="32"/>
        <source>Immunodeficiency or immunosuppressive medicines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="33"/>
        <source>Says they had COVID-19 vaccinations before: check the history below</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="35"/>
        <source>Confirmed SARS-CoV-2 infection before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="36"/>
        <source>Left a remark for the doctor on the questionnaire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="42"/>
        <source>Left upper arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="43"/>
        <source>Right upper arm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="44"/>
        <source>Other site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="51"/>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="52"/>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="53"/>
        <source>other site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="59"/>
        <source>Fainting (syncope)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="60"/>
        <source>Dizziness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="61"/>
        <source>Allergic reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="62"/>
        <source>Anaphylaxis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="63"/>
        <source>Local reaction at the injection site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="64"/>
        <source>Nausea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="65"/>
        <source>Headache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="66"/>
        <source>Fever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="67"/>
        <source>Other reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="73"/>
        <source>Mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="74"/>
        <source>Moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="75"/>
        <source>Severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="76"/>
        <source>Life-threatening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="95"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="95"/>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="96"/>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="96"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="97"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="102"/>
        <source>Elsewhere ({country})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="103"/>
        <source>Here / synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="109"/>
        <source>VOID: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="111"/>
        <source>Lot {lot}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="115"/>
        <source>corrected record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_words.py" line="117"/>
        <source>warning overridden: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EarlierDoseForm</name>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="117"/>
        <source>Add a dose given elsewhere (from the vaccination card)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="128"/>
        <source>e.g. DE, AT, PL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="129"/>
        <source>Date given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="130"/>
        <source>Vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="131"/>
        <source>Country (2 letters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="132"/>
        <source>Add dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="146"/>
        <source>Enter the country as two letters, e.g. DE, AT or PL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="150"/>
        <source>Choose the vaccine.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="29"/>
        <source>This passphrase does not unlock the station. Check it and try again.</source>
        <translation>This passphrase does not unlock the station. Check it and try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="33"/>
        <source>There is no station database here yet. Ask your site lead to set up this station.</source>
        <translation>There is no station database here yet. Ask your site lead to set up this station.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="37"/>
        <source>This file is not a VaxDesk station database, or its key file belongs to another one. Nothing was changed.</source>
        <translation>This file is not a VaxDesk station database, or its key file belongs to another one. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="42"/>
        <source>The station database is damaged and cannot be opened. It was left untouched; ask your site lead to restore it from the backup.</source>
        <translation>The station database is damaged and cannot be opened. It was left untouched; ask your site lead to restore it from the backup.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="47"/>
        <source>This database was written by a newer VaxDesk. Update VaxDesk on this computer.</source>
        <translation>This database was written by a newer VaxDesk. Update VaxDesk on this computer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="53"/>
        <source>Wrong PIN. Please try again.</source>
        <translation>Wrong PIN. Please try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="56"/>
        <source>Too many wrong PINs. Try again in {minutes} min or ask an admin.</source>
        <translation>Too many wrong PINs. Try again in {minutes} min or ask an admin.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../app/ui/shell.py" line="43"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="45"/>
        <source>Lock the station (Ctrl+L)</source>
        <translation>Lock the station (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../app/ui/login.py" line="41"/>
        <source>Who is working at this station?</source>
        <translation>Who is working at this station?</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="47"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="53"/>
        <location filename="../../app/ui/login.py" line="63"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="54"/>
        <location filename="../../app/ui/login.py" line="120"/>
        <source>Choose your name on the left.</source>
        <translation>Choose your name on the left.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="66"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="139"/>
        <source>Hello {name}, please enter your PIN.</source>
        <translation>Hello {name}, please enter your PIN.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="152"/>
        <source>Choose your name first.</source>
        <translation>Choose your name first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="155"/>
        <source>Enter your PIN (at least 4 digits).</source>
        <translation>Enter your PIN (at least 4 digits).</translation>
    </message>
</context>
<context>
    <name>LotsPage</name>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="120"/>
        <source>Receive a lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="125"/>
        <source>Scan the code on the carton (GS1 DataMatrix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="126"/>
        <source>Carton code from the scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="129"/>
        <source>Type it instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="154"/>
        <source>as printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="160"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="161"/>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="162"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="172"/>
        <source>Why the product is chosen by hand (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="180"/>
        <source>Vials received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="184"/>
        <source>count them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="191"/>
        <source>Receive lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="218"/>
        <source>Show used-up lots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="220"/>
        <source>Thawed at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="225"/>
        <source>Open a vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="232"/>
        <source>Reason to block the lot, e.g. recall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="234"/>
        <location filename="../../app/ui/pages/lots.py" line="506"/>
        <source>Block lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="259"/>
        <source>Discard because:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="266"/>
        <location filename="../../app/ui/pages/lots.py" line="541"/>
        <source>Discard vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="278"/>
        <source>Lots in stock ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="279"/>
        <source>Open vials ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="301"/>
        <source>choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="353"/>
        <source>The code could not be read: {why} Scan it again or type the fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="361"/>
        <source>Lot {lot} · expiry {expiry} · GTIN {gtin}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="364"/>
        <source>Unknown GTIN: this code is not in the vaccine catalogue. Choose the product by hand and give a reason, or ask the site lead to add the GTIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="367"/>
        <source>{product} · {doses} doses per vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="405"/>
        <source>Scan the carton, or press “Type it instead”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="407"/>
        <source>Choose the product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="409"/>
        <source>Give the reason for choosing the product by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="411"/>
        <source>Type the lot number as printed on the carton.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="413"/>
        <source>Enter how many vials you received (1 to {max}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="422"/>
        <source>= {doses} doses ({per} per vial)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="447"/>
        <source>Lot {lot} of {product} received: {vials} vials = {doses} doses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="489"/>
        <location filename="../../app/ui/pages/lots.py" line="511"/>
        <source>Select the lot in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="500"/>
        <source>Vial opened: {vial}. Use by {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="515"/>
        <source>Write why the lot is blocked (recall notice, cold-chain break, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="520"/>
        <source>Click again to block lot {lot}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="530"/>
        <source>Lot {lot} is blocked: no vial of it can be opened or used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="546"/>
        <source>Select the vial in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="550"/>
        <source>Click again: discard, {left} doses wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="560"/>
        <source>Vial discarded ({reason}): {vial}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LotsWords</name>
    <message>
        <location filename="../../app/ui/lots_models.py" line="30"/>
        <source>Expired after opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="31"/>
        <source>Contamination suspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="32"/>
        <source>Vial broken or damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="33"/>
        <source>Unused at the end of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="41"/>
        <source>Expired at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="127"/>
        <source>Vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="177"/>
        <source>Doses left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="149"/>
        <source>Do not use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="176"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="176"/>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="177"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="180"/>
        <source>Vials opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="178"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="44"/>
        <source>{days} d {hours} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="47"/>
        <source>{hours} h {minutes:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="50"/>
        <source>{minutes}:{seconds:02d} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="63"/>
        <source>{product} {lot}{serial}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="127"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="128"/>
        <source>Doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="153"/>
        <source>Use by {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="179"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="179"/>
        <source>Wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="178"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="186"/>
        <source>Blocked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="188"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="190"/>
        <source>Used up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="192"/>
        <source>In use (product chosen by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="193"/>
        <source>In use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/lots_models.py" line="200"/>
        <source>{opened} of {received}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="38"/>
        <source>Check-in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="40"/>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="39"/>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="41"/>
        <source>Vaccine lots</source>
        <translation>Vaccine lots</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="44"/>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="45"/>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="46"/>
        <source>Verify certificate</source>
        <translation>Verify certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="47"/>
        <source>Daily report</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="48"/>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="49"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="50"/>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <location filename="../../app/ui/pdf_printing.py" line="48"/>
        <source>The document could not be read for printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pdf_printing.py" line="95"/>
        <source>The printer did not accept the page. Check that it is switched on, has paper and is connected, then print again. Nothing was lost; you can also save it as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/ui/pages/base.py" line="88"/>
        <source>This page is coming in a later update.</source>
        <translation>This page is coming in a later update.</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="127"/>
        <source>⚠ The doctor will review this answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="147"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="159"/>
        <source>Dates, e.g. 12.03.2021, 20.09.2021</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="160"/>
        <source>Date, e.g. 12.03.2021</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="204"/>
        <source>Please answer yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="211"/>
        <source>Please give the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="214"/>
        <source>Write dates as DD.MM.YYYY, e.g. 12.03.2021.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="218"/>
        <source>Only one date is asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="221"/>
        <source>A date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="224"/>
        <source>The same date is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="75"/>
        <source>Show finished (last hour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="104"/>
        <source>Left observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="106"/>
        <source>Call to doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="111"/>
        <source>Reason, e.g. did not want to wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="112"/>
        <source>Left without vaccination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="122"/>
        <source>Leaves without vaccination:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="196"/>
        <source>Observation over: {names}. They may leave: select and press “Left observation”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="201"/>
        <source>Waiting: {waiting} · With the doctor: {doctor} · In observation: {observation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="230"/>
        <source>Select a person in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="239"/>
        <source>{name} has left observation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="240"/>
        <source>{name} is called to the doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="241"/>
        <source>{name} left without vaccination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="255"/>
        <source>Write the reason for leaving first (e.g. “did not want to wait”).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../app/ui/pages/report.py" line="143"/>
        <source>d MMM yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="146"/>
        <source>Day of the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="147"/>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="149"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="152"/>
        <source>Save CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="155"/>
        <source>Save PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="183"/>
        <source>doses given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="184"/>
        <source>certificates issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="185"/>
        <source>no-shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="186"/>
        <source>doses wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="187"/>
        <source>waiting, check-in to vaccination (median · 90 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="195"/>
        <source>Doses per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="195"/>
        <source>No doses on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="197"/>
        <source>Stock now: doses left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="198"/>
        <location filename="../../app/ui/pages/report.py" line="219"/>
        <source>No vaccine in stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="206"/>
        <source>None on this day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="207"/>
        <source>Doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="207"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="209"/>
        <source>Doses by product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="210"/>
        <source>Doses by lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="210"/>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="211"/>
        <source>Doses by dose in the series</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="211"/>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="213"/>
        <source>Age groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="213"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="214"/>
        <source>Waste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="214"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="215"/>
        <source>Adverse events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="215"/>
        <source>Reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="215"/>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="216"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="217"/>
        <source>Stock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="217"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="217"/>
        <source>Given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="218"/>
        <source>Wasted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="218"/>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="280"/>
        <source>Nothing was recorded on {day}: no vaccinations, no-shows, waste or adverse events. Choose another day above; the stock below is today&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="308"/>
        <source>Save the daily report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="308"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="316"/>
        <source>Save the daily report as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="316"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="329"/>
        <source>Saving {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="332"/>
        <source>Saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/report.py" line="334"/>
        <source>Could not save {path}: {reason}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <location filename="../../app/ui/report_models.py" line="27"/>
        <source>Expired after opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="28"/>
        <source>Contamination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="29"/>
        <source>Broken vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="30"/>
        <source>Unused at end of day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="31"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="33"/>
        <source>Fainting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="34"/>
        <source>Dizziness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="35"/>
        <source>Allergic reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="36"/>
        <source>Anaphylaxis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="37"/>
        <source>Local reaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="38"/>
        <source>Nausea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="39"/>
        <source>Headache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="40"/>
        <source>Fever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="41"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="42"/>
        <source>mild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="43"/>
        <source>moderate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="44"/>
        <source>severe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="45"/>
        <source>life-threatening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_models.py" line="57"/>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/ui/roles.py" line="8"/>
        <source>Nurse</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location filename="../../app/ui/roles.py" line="9"/>
        <source>Doctor</source>
        <translation>Doctor</translation>
    </message>
    <message>
        <location filename="../../app/ui/roles.py" line="10"/>
        <source>Site lead / admin</source>
        <translation>Site lead / admin</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="111"/>
        <source>Book the follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="112"/>
        <source>Opening plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="128"/>
        <source>Vaccinated today, no follow-up yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="131"/>
        <source>Filter by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="138"/>
        <source>Nobody vaccinated today is waiting for a follow-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="154"/>
        <location filename="../../app/ui/pages/schedule.py" line="494"/>
        <source>Choose a person on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="170"/>
        <source>Book this slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="194"/>
        <source>PROVISIONAL: booked while offline. The slip says so; the booking is confirmed once the station has synchronised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="197"/>
        <source>Hand the slip to the person: it has the QR code the check-in desk scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="198"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="202"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="205"/>
        <source>Next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="253"/>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="253"/>
        <source>Opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="253"/>
        <source>Closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="253"/>
        <source>Slot (min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="253"/>
        <source>Stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="254"/>
        <source>Places per station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="254"/>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="264"/>
        <source>Vaccines:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="266"/>
        <source>Save weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="285"/>
        <source>Create slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="292"/>
        <source>Closure reason, e.g. public holiday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="293"/>
        <source>Close first day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="297"/>
        <source>Days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="353"/>
        <source>{name}
{dose} {product} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="369"/>
        <source>Closed: {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="370"/>
        <source>No closures ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="397"/>
        <source>{name} · born {dob} · today: dose {dose} {product}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="415"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="568"/>
        <source>Slots created: {n}. Days that already had slots were left as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="417"/>
        <source>Dose {dn} of {product}: earliest {earliest} · recommended {recommended} · latest {latest}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="436"/>
        <source>Next step: choose the person on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="438"/>
        <source>Looking for slots…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="440"/>
        <source>No slot can be offered: open more days on the “Opening plan” tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="442"/>
        <source>The first row is closest to the recommended day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="447"/>
        <source>Choose the person and a slot first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="479"/>
        <source>✔ Booked: {name}
{day} at {time}
{product}, dose {dose}
Booking code:
{code}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="504"/>
        <source>Appointment-{code}.pdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="510"/>
        <source>Save the appointment slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="510"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="519"/>
        <source>The slip could not be saved to {path}: {why}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="522"/>
        <source>Slip saved: {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="531"/>
        <source>Print the appointment slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="537"/>
        <source>The printer did not accept the slip. Use “Save as PDF…” and print it from another computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="556"/>
        <source>{weekday}s saved: {opens}–{closes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="579"/>
        <source>{day} is closed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScheduleWords</name>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="39"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="39"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="40"/>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="41"/>
        <source>In stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="42"/>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="47"/>
        <source>★ recommended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="49"/>
        <source>1 day off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="50"/>
        <source>{n} days off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="81"/>
        <source>Weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="81"/>
        <source>Hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="82"/>
        <source>Slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="83"/>
        <source>Places per slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="84"/>
        <source>Vaccines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="85"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="90"/>
        <source>from {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="94"/>
        <source>{minutes} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/schedule_models.py" line="95"/>
        <source>{total} ({stations} stations × {each})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app/ui/shell.py" line="79"/>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="59"/>
        <source>A PIN has 4 to 12 digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="60"/>
        <source>This PIN is too easy to guess; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="62"/>
        <source>A login has 2 to 32 characters: it starts with a letter, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="64"/>
        <source>Enter the staff member&apos;s name (at most 100 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="66"/>
        <source>You cannot take the admin role from yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="68"/>
        <source>You cannot deactivate yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="69"/>
        <source>The last active admin cannot be deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="71"/>
        <source>Only an admin may manage staff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="72"/>
        <source>That staff member does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="88"/>
        <source>The login “{login}” is taken; choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="98"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="99"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="100"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="135"/>
        <location filename="../../app/ui/pages/staff.py" line="396"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="136"/>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="200"/>
        <source>Staff members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="213"/>
        <source>Show deactivated accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="216"/>
        <source>Add staff member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="255"/>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="262"/>
        <location filename="../../app/ui/pages/staff.py" line="317"/>
        <source>4 to 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="263"/>
        <location filename="../../app/ui/pages/staff.py" line="318"/>
        <source>Repeat the PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="264"/>
        <source>Reset PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="271"/>
        <source>Not easy to guess. A new PIN also ends a lock-out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="287"/>
        <location filename="../../app/ui/pages/staff.py" line="334"/>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="288"/>
        <source>New PIN, twice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="291"/>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="306"/>
        <source>New staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="311"/>
        <source>e.g. Maria Weber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="315"/>
        <source>e.g. mweber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="320"/>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="324"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="332"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="333"/>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="335"/>
        <source>PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="336"/>
        <source>Repeat PIN:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="391"/>
        <source>Select a staff member in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="393"/>
        <location filename="../../app/ui/pages/staff.py" line="399"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="396"/>
        <source>deactivated: cannot log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="397"/>
        <source>Login: {login} · {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="399"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="427"/>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="436"/>
        <source>{name} already has this role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="440"/>
        <source>{name} is now: {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="455"/>
        <source>New PIN set for {name}. Tell them in person, never by e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="465"/>
        <source>{name} can log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="466"/>
        <source>{name} is deactivated and can no longer log in. Their history is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="497"/>
        <source>{name} can now log in as “{login}” with the PIN you set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../app/ui/window.py" line="66"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="208"/>
        <source>Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="208"/>
        <source>Lock anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/window.py" line="209"/>
        <source>%n dose(s) are not yet on the server.</source>
        <translation>
            <numerusform>%n dose is not yet on the server.</numerusform>
            <numerusform>%n doses are not yet on the server.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="210"/>
        <source>They stay safe on this station and sync later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="211"/>
        <source>Doses not yet synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="215"/>
        <source>Close anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="215"/>
        <source>Lock anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/window.py" line="216"/>
        <source>Stay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="62"/>
        <source>Person details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="63"/>
        <source>Booking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="64"/>
        <source>Appointment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="65"/>
        <source>Dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="66"/>
        <source>Check-in</source>
        <translation type="unfinished">Check-in</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="67"/>
        <source>Vaccine lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="68"/>
        <source>Vial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="69"/>
        <source>Opening hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="70"/>
        <source>Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="75"/>
        <source>The slot was already full on the server. Call the person for a new time (see “To rebook”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="77"/>
        <source>That time slot does not exist on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="78"/>
        <source>The person is not on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="79"/>
        <source>The server already has this record; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="80"/>
        <source>The person was deleted on the server; the change was not applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="81"/>
        <source>The record was incomplete. Ask the admin to check this station&apos;s version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="83"/>
        <location filename="../../app/ui/pages/sync.py" line="86"/>
        <source>The server has a different change under the same number (was this station restored from an old backup?). Ask the admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="92"/>
        <source>Person details changed on two stations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="93"/>
        <source>Possibly the same dose recorded twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="97"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="98"/>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="99"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="100"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="101"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="128"/>
        <source>{field}: server “{server}”, other station “{station}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="183"/>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="183"/>
        <location filename="../../app/ui/pages/sync.py" line="191"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="184"/>
        <source>Why the server refused it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="191"/>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="192"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="199"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="199"/>
        <source>Booked time (refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="254"/>
        <location filename="../../app/ui/pages/sync.py" line="410"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="284"/>
        <source>What did you check or change? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="287"/>
        <source>Mark as resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/sync.py" line="361"/>
        <source>Rejected (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/sync.py" line="362"/>
        <source>To review (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/pages/sync.py" line="363"/>
        <source>To rebook (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="365"/>
        <source>Changes the server refused. They stay on this station; nothing was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="366"/>
        <source>The server has refused nothing from this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="368"/>
        <source>The server found these when merging the stations&apos; work. Check each, then mark it resolved with a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="370"/>
        <source>Nothing to review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="372"/>
        <source>Bookings made offline that the server could not confirm (the slot was full). Call these people and book a new time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="374"/>
        <source>No bookings to redo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="394"/>
        <source>Pending changes are sent in the background every minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="396"/>
        <source>Everything recorded is kept safe on this station and is sent when the server can be reached again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="404"/>
        <source>This station works on its own: everything stays on this station. To share records with the other stations, an admin enrolls it once with a one-time code from the tenant admin:
vaxdesk enroll --db {db} --server https://sync.example.org --code CODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="410"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="431"/>
        <source>Choose a task in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="434"/>
        <source>Write a short note on what you checked; it goes into the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/sync.py" line="449"/>
        <source>Marked as resolved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="155"/>
        <source>Offline — not connected to a server yet</source>
        <translation>Offline — not connected to a server yet</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="25"/>
        <source>The server could not be reached (no network, or the server is down).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="27"/>
        <source>The server no longer accepts this station. An admin must enroll it again with a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="29"/>
        <source>This station is not enrolled with a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="30"/>
        <source>The server gave an answer this station does not understand. Ask the admin to check that station and server versions match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="33"/>
        <source>The server refused a request. Sync will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="34"/>
        <source>The station database was busy. Sync will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="36"/>
        <source>The last sync did not finish. Sync will try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="60"/>
        <source>Station clock is %n hours off — ask the admin</source>
        <translation>
            <numerusform>Station clock is %n hour off — ask the admin</numerusform>
            <numerusform>Station clock is %n hours off — ask the admin</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="61"/>
        <source>Station clock is %n min off — ask the admin</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="83"/>
        <source>Last complete sync: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="85"/>
        <source>Last attempt: {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="92"/>
        <source>Not enrolled with a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="94"/>
        <source>%n change(s) kept on this station</source>
        <translation>
            <numerusform>%n change kept on this station</numerusform>
            <numerusform>%n changes kept on this station</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="97"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="98"/>
        <source>last sync {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="99"/>
        <source>not fully synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="100"/>
        <source>%n pending</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="100"/>
        <source>all sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="107"/>
        <source>Server refused this station — enroll again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="109"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="111"/>
        <source>Offline since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="114"/>
        <source>%n pending (safe on this station)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="118"/>
        <source>%n rejected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/sync_status.py" line="120"/>
        <source>%n to review</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_status.py" line="123"/>
        <source>{what} — see Sync page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../app/ui/unlock.py" line="33"/>
        <source>Unlock this station</source>
        <translation>Unlock this station</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="35"/>
        <source>Enter the station passphrase. It protects the personal data stored on this computer.</source>
        <translation>Enter the station passphrase. It protects the personal data stored on this computer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="37"/>
        <source>Database: {path}</source>
        <translation>Database: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="42"/>
        <location filename="../../app/ui/unlock.py" line="46"/>
        <source>Station passphrase</source>
        <translation>Station passphrase</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="50"/>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="80"/>
        <source>Enter the station passphrase first.</source>
        <translation>Enter the station passphrase first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="86"/>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="105"/>
        <source>Scan the certificate&apos;s QR code, or paste its HC1: text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="106"/>
        <source>Certificate code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="109"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="124"/>
        <source>Load trust file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="128"/>
        <source>Remove loaded files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="167"/>
        <source>Not valid: the details below are not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="178"/>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="200"/>
        <source>The result appears here: green means valid, red means not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="226"/>
        <source>Trusted issuers from this station: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="228"/>
        <source>from loaded files: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="260"/>
        <source>Signer certificates added to the trust list: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="234"/>
        <source>Load trust files (signer certificates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="235"/>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="258"/>
        <source>No signer certificate could be read from: {files}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="313"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="325"/>
        <source>Valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="325"/>
        <source>Not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="334"/>
        <source>Born {dob}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="339"/>
        <source>Signed {issued} · valid until {expires}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="350"/>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="350"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="350"/>
        <source>not checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitStepsForm</name>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="231"/>
        <source>ID card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="232"/>
        <source>Passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="233"/>
        <source>Residence permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="234"/>
        <source>Driving licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="235"/>
        <source>Health insurance card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="236"/>
        <source>Other official document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="260"/>
        <source>1. Identity document seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="268"/>
        <source>Identity checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="269"/>
        <source>Not checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="286"/>
        <source>2. Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="290"/>
        <source>Consent given by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="291"/>
        <source>The person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="292"/>
        <source>Legal guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="306"/>
        <source>Full name of the legal guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="326"/>
        <source>3. Medical questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="341"/>
        <source>Send to queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="358"/>
        <source>✔ Checked: {document} at {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="392"/>
        <source>Enter the legal guardian&apos;s full name (letters only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="396"/>
        <source>Check the identity document first (step 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="399"/>
        <source>Some answers are missing or unclear: see the red marks above.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidForm</name>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="187"/>
        <source>Why, e.g. wrong person selected, typing error on the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="189"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="190"/>
        <source>Correct injection site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="192"/>
        <source>Correct date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="194"/>
        <source>Correct vaccine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="196"/>
        <source>Correct country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="198"/>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="212"/>
        <source>Void or correct dose {dose} of {day} ({product})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="216"/>
        <source>Void this dose (recorded in error)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="218"/>
        <source>Correct date, vaccine or country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="220"/>
        <source>Correct the injection site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="248"/>
        <source>Void dose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="248"/>
        <source>Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="258"/>
        <source>Write the reason first: a voided dose stays in the record with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="266"/>
        <source>Click again to confirm: {what} dose {dose} of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="267"/>
        <source>void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/doctor_forms.py" line="267"/>
        <source>correct</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkInForm</name>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="421"/>
        <source>Register a walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="424"/>
        <source>Fields marked * are required. Phone, e-mail and insurance are optional.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="454"/>
        <source>Family name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="455"/>
        <source>Given name *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="456"/>
        <source>Date of birth *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="456"/>
        <source>DD.MM.YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="457"/>
        <source>Sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="461"/>
        <source>Not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="462"/>
        <source>female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="462"/>
        <source>male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="462"/>
        <source>diverse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="463"/>
        <source>not specified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="467"/>
        <source>Street and number *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="468"/>
        <source>Postcode *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="469"/>
        <source>City *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="470"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="471"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="472"/>
        <source>Health insurance number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="481"/>
        <source>Is this the same person?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="483"/>
        <source>Already registered with a similar name and date of birth. Nothing has been saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="487"/>
        <source>Use existing person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="488"/>
        <source>No, register as new person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="505"/>
        <source>Register and check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="506"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="556"/>
        <location filename="../../app/ui/checkin_forms.py" line="568"/>
        <location filename="../../app/ui/checkin_forms.py" line="582"/>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="562"/>
        <source>Letters only (spaces, hyphens, apostrophes and periods are allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="571"/>
        <source>Write the date as DD.MM.YYYY, e.g. 29.02.1980; it must exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="574"/>
        <source>This date lies in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="577"/>
        <source>Before 1900: please check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="585"/>
        <source>Contains characters that do not belong in an address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="589"/>
        <source>Digits, spaces and + ( ) / - only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="592"/>
        <source>That does not look like an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="596"/>
        <source>Letters and digits only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="626"/>
        <source>{family}, {given} · born {dob}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="83"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="84"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
