<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../app/ui/pages/audit.py" line="13"/>
        <source>Look up who read or changed which record and when, in the tamper-evident audit log.</source>
        <translation>Im manipulationssicheren Zugriffsprotokoll nachsehen, wer welchen Datensatz wann gelesen oder geändert hat.</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../../app/ui/pages/certificates.py" line="13"/>
        <source>Issue and print EU Digital COVID Certificates and appointment slips, and correct a certificate that has a mistake.</source>
        <translation>Digitale COVID-Zertifikate der EU und Terminzettel ausstellen und drucken sowie fehlerhafte Zertifikate korrigieren.</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="13"/>
        <source>Find the booking by scanning its QR code or by name and date of birth, register walk-ins, check identity, take consent and the medical questionnaire, then send the person to the queue.</source>
        <translation>Buchung per QR-Code oder über Name und Geburtsdatum finden, Personen ohne Termin aufnehmen, Identität prüfen, Einwilligung und Anamnesebogen erfassen und die Person in die Warteschlange einreihen.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../app/ui/crash.py" line="75"/>
        <source>VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; the details are in the log file {path}</source>
        <translation>In VaxDesk ist ein unerwartetes Problem aufgetreten. Alles, was bereits gespeichert war, ist erhalten geblieben; die Einzelheiten stehen in der Protokolldatei {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/crash.py" line="85"/>
        <source>VaxDesk – unexpected problem</source>
        <translation>VaxDesk – unerwartetes Problem</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <location filename="../../app/ui/pages/doctor.py" line="13"/>
        <source>Review the questionnaire and earlier doses, scan the open vial, record the dose given and any adverse reaction.</source>
        <translation>Anamnesebogen und frühere Impfungen prüfen, die geöffnete Durchstechflasche scannen, die verabreichte Dosis und eventuelle Impfreaktionen dokumentieren.</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <location filename="../../app/ui/messages.py" line="29"/>
        <source>This passphrase does not unlock the station. Check it and try again.</source>
        <translation>Mit dieser Passphrase lässt sich die Station nicht entsperren. Bitte prüfen und erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="33"/>
        <source>There is no station database here yet. Ask your site lead to set up this station.</source>
        <translation>Hier gibt es noch keine Stationsdatenbank. Bitte lassen Sie diese Station von der Standortleitung einrichten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="37"/>
        <source>This file is not a VaxDesk station database, or its key file belongs to another one. Nothing was changed.</source>
        <translation>Diese Datei ist keine VaxDesk-Stationsdatenbank, oder ihre Schlüsseldatei gehört zu einer anderen Datenbank. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="42"/>
        <source>The station database is damaged and cannot be opened. It was left untouched; ask your site lead to restore it from the backup.</source>
        <translation>Die Stationsdatenbank ist beschädigt und kann nicht geöffnet werden. Sie wurde nicht verändert; bitte lassen Sie sie von der Standortleitung aus der Sicherung wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="47"/>
        <source>This database was written by a newer VaxDesk. Update VaxDesk on this computer.</source>
        <translation>Diese Datenbank stammt von einer neueren VaxDesk-Version. Bitte aktualisieren Sie VaxDesk auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="53"/>
        <source>Wrong PIN. Please try again.</source>
        <translation>Falsche PIN. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/messages.py" line="56"/>
        <source>Too many wrong PINs. Try again in {minutes} min or ask an admin.</source>
        <translation>Zu viele falsche PIN-Eingaben. Bitte in {minutes} Min. erneut versuchen oder die Standortleitung fragen.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../app/ui/shell.py" line="43"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../../app/ui/shell.py" line="45"/>
        <source>Lock the station (Ctrl+L)</source>
        <translation>Station sperren (Strg+L)</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <location filename="../../app/ui/login.py" line="41"/>
        <source>Who is working at this station?</source>
        <translation>Wer arbeitet an dieser Station?</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="47"/>
        <source>Staff</source>
        <translation>Personal</translation>
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
        <translation>Wählen Sie links Ihren Namen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="66"/>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="139"/>
        <source>Hello {name}, please enter your PIN.</source>
        <translation>Hallo {name}, bitte geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="152"/>
        <source>Choose your name first.</source>
        <translation>Bitte wählen Sie zuerst Ihren Namen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="155"/>
        <source>Enter your PIN (at least 4 digits).</source>
        <translation>Bitte geben Sie Ihre PIN ein (mindestens 4 Ziffern).</translation>
    </message>
</context>
<context>
    <name>LotsPage</name>
    <message>
        <location filename="../../app/ui/pages/lots.py" line="13"/>
        <source>Receive vaccine lots, open and discard vials, and see how many doses of each product are left and when they expire.</source>
        <translation>Impfstoff-Chargen annehmen, Durchstechflaschen öffnen und verwerfen und sehen, wie viele Dosen je Impfstoff noch vorhanden sind und wann sie verfallen.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="38"/>
        <source>Check-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="40"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="39"/>
        <source>Doctor</source>
        <translation>Ärztin/Arzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="41"/>
        <source>Vaccine lots</source>
        <translation>Impfstoff-Chargen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="42"/>
        <source>Schedule</source>
        <translation>Terminplanung</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="43"/>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="44"/>
        <source>Verify certificate</source>
        <translation>Zertifikat prüfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="45"/>
        <source>Daily report</source>
        <translation>Tagesbericht</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="46"/>
        <source>Audit log</source>
        <translation>Zugriffsprotokoll</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/__init__.py" line="47"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../app/ui/pages/base.py" line="71"/>
        <source>This page is coming in a later update.</source>
        <translation>Diese Seite folgt in einem späteren Update.</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="13"/>
        <source>See who is waiting, who is with a doctor and who is in the observation area, with the time each person has left to wait after the vaccination.</source>
        <translation>Sehen, wer wartet, wer bei der Ärztin oder dem Arzt ist und wer im Nachbeobachtungsbereich sitzt – mit der Nachbeobachtungszeit, die jede Person noch warten muss.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../app/ui/pages/report.py" line="13"/>
        <source>See the day&apos;s figures: people vaccinated, doses per product, vials discarded, and what is still waiting to be synced.</source>
        <translation>Die Zahlen des Tages: geimpfte Personen, Dosen je Impfstoff, verworfene Durchstechflaschen und was noch auf die Synchronisierung wartet.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../app/ui/roles.py" line="8"/>
        <source>Nurse</source>
        <translation>Pflegekraft</translation>
    </message>
    <message>
        <location filename="../../app/ui/roles.py" line="9"/>
        <source>Doctor</source>
        <translation>Ärztin/Arzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/roles.py" line="10"/>
        <source>Site lead / admin</source>
        <translation>Standortleitung / Admin</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../app/ui/pages/schedule.py" line="13"/>
        <source>Set opening hours and how many people can be vaccinated per time slot, and see how full each day is.</source>
        <translation>Öffnungszeiten und die Zahl der Impfungen pro Zeitfenster festlegen und sehen, wie ausgelastet jeder Tag ist.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../app/ui/shell.py" line="79"/>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../app/ui/pages/staff.py" line="13"/>
        <source>Add staff members, give them a role, reset a forgotten PIN and deactivate accounts of people who left.</source>
        <translation>Mitarbeitende anlegen, ihnen eine Rolle zuweisen, vergessene PINs zurücksetzen und Konten ausgeschiedener Personen deaktivieren.</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <location filename="../../app/ui/window.py" line="58"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../app/ui/sync_status.py" line="23"/>
        <source>Offline — not connected to a server yet</source>
        <translation>Offline – noch nicht mit einem Server verbunden</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <location filename="../../app/ui/unlock.py" line="33"/>
        <source>Unlock this station</source>
        <translation>Station entsperren</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="35"/>
        <source>Enter the station passphrase. It protects the personal data stored on this computer.</source>
        <translation>Geben Sie die Passphrase der Station ein. Sie schützt die personenbezogenen Daten auf diesem Computer.</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="37"/>
        <source>Database: {path}</source>
        <translation>Datenbank: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="42"/>
        <location filename="../../app/ui/unlock.py" line="46"/>
        <source>Station passphrase</source>
        <translation>Passphrase der Station</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="50"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="80"/>
        <source>Enter the station passphrase first.</source>
        <translation>Bitte geben Sie zuerst die Passphrase der Station ein.</translation>
    </message>
    <message>
        <location filename="../../app/ui/unlock.py" line="86"/>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../app/ui/pages/verify.py" line="13"/>
        <source>Scan a certificate&apos;s QR code to check that it is genuine and see what it says.</source>
        <translation>Den QR-Code eines Zertifikats scannen, um seine Echtheit zu prüfen und den Inhalt anzuzeigen.</translation>
    </message>
</context>
</TS>
