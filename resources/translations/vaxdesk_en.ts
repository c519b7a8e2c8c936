<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="13"/>
        <source>Look up who read or changed which record and when, in the tamper-evident audit log.</source>
        <translation>Look up who read or changed which record and when, in the tamper-evident audit log.</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="13"/>
        <source>Issue and print EU Digital COVID Certificates and appointment slips, and correct a certificate that has a mistake.</source>
        <translation>Issue and print EU Digital COVID Certificates and appointment slips, and correct a certificate that has a mistake.</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="13"/>
        <source>Find the booking by scanning its QR code or by name and date of birth, register walk-ins, check identity, take consent and the medical questionnaire, then send the person to the queue.</source>
        <translation>Find the booking by scanning its QR code or by name and date of birth, register walk-ins, check identity, take consent and the medical questionnaire, then send the person to the queue.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/ui/crash.py" line="75"/>
        <source>VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; the details are in the log file {path}</source>
        <translation>VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; the details are in the log file {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash.py" line="85"/>
        <source>VaxDesk – unexpected problem</source>
        <translation>VaxDesk – unexpected problem</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="13"/>
        <source>Review the questionnaire and earlier doses, scan the open vial, record the dose given and any adverse reaction.</source>
        <translation>Review the questionnaire and earlier doses, scan the open vial, record the dose given and any adverse reaction.</translation>
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
        <location filename="../../app/ui/pages/lots.py" line="13"/>
        <source>Receive vaccine lots, open and discard vials, and see how many doses of each product are left and when they expire.</source>
        <translation>Receive vaccine lots, open and discard vials, and see how many doses of each product are left and when they expire.</translation>
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
        <location filename="../../app/ui/pages/__init__.py" line="42"/>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="43"/>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="44"/>
        <source>Verify certificate</source>
        <translation>Verify certificate</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="45"/>
        <source>Daily report</source>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="46"/>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="47"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/ui/pages/base.py" line="71"/>
        <source>This page is coming in a later update.</source>
        <translation>This page is coming in a later update.</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="13"/>
        <source>See who is waiting, who is with a doctor and who is in the observation area, with the time each person has left to wait after the vaccination.</source>
        <translation>See who is waiting, who is with a doctor and who is in the observation area, with the time each person has left to wait after the vaccination.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../app/ui/pages/report.py" line="13"/>
        <source>See the day&apos;s figures: people vaccinated, doses per product, vials discarded, and what is still waiting to be synced.</source>
        <translation>See the day&apos;s figures: people vaccinated, doses per product, vials discarded, and what is still waiting to be synced.</translation>
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
        <location filename="../../app/ui/pages/schedule.py" line="13"/>
        <source>Set opening hours and how many people can be vaccinated per time slot, and see how full each day is.</source>
        <translation>Set opening hours and how many people can be vaccinated per time slot, and see how full each day is.</translation>
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
        <location filename="../../app/ui/pages/staff.py" line="13"/>
        <source>Add staff members, give them a role, reset a forgotten PIN and deactivate accounts of people who left.</source>
        <translation>Add staff members, give them a role, reset a forgotten PIN and deactivate accounts of people who left.</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../app/ui/window.py" line="58"/>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="23"/>
        <source>Offline — not connected to a server yet</source>
        <translation>Offline — not connected to a server yet</translation>
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
        <location filename="../../app/ui/pages/verify.py" line="13"/>
        <source>Scan a certificate&apos;s QR code to check that it is genuine and see what it says.</source>
        <translation>Scan a certificate&apos;s QR code to check that it is genuine and see what it says.</translation>
    </message>
</context>
</TS>
