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
        <location filename="../../app/ui/pages/checkin.py" line="76"/>
        <source>Scan the booking QR code, or type a name (and date of birth)</source>
        <translation>QR-Code der Buchung scannen oder Namen (und Geburtsdatum) eingeben</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="77"/>
        <source>Search for the booking</source>
        <translation>Buchung suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="81"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="83"/>
        <source>Walk-in (no booking)</source>
        <translation>Ohne Termin</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="91"/>
        <source>Enter: search · ↓↑: choose · Enter: open, then check in · Esc: clear</source>
        <translation>Enter: suchen · ↓↑: auswählen · Enter: öffnen, dann anmelden · Esc: leeren</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="120"/>
        <source>Scan the booking code, or type the family name.
The person and the next step appear here.</source>
        <translation>Buchungscode scannen oder Familiennamen eingeben.
Hier erscheinen die Person und der nächste Schritt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="183"/>
        <source>Check in (Enter)</source>
        <translation>Anmelden (Enter)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="185"/>
        <source>Register as walk-in</source>
        <translation>Ohne Termin anmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="328"/>
        <source>{count} people found. ↓↑ to choose, Enter to open.</source>
        <translation>{count} Personen gefunden. ↓↑ zum Auswählen, Enter zum Öffnen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="336"/>
        <source>Input too long ({count} characters). Scan again or type the name.</source>
        <translation>Eingabe zu lang ({count} Zeichen). Bitte erneut scannen oder den Namen eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="340"/>
        <source>Add the family name to the date of birth.</source>
        <translation>Bitte zum Geburtsdatum auch den Familiennamen eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="342"/>
        <source>Type at least one letter of the name.</source>
        <translation>Bitte mindestens einen Buchstaben des Namens eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="343"/>
        <source>Not a booking code, name or date of birth. Scan again or type a name.</source>
        <translation>Kein Buchungscode, Name oder Geburtsdatum. Bitte erneut scannen oder einen Namen eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="346"/>
        <source>No booking with the code {code}.</source>
        <translation>Keine Buchung mit dem Code {code}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="348"/>
        <source>This booking code is not valid (misread or mistyped). Scan again or type the name.</source>
        <translation>Dieser Buchungscode ist ungültig (falsch gelesen oder vertippt). Bitte erneut scannen oder den Namen eingeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="349"/>
        <source>Nobody found. Check the spelling, or register a walk-in.</source>
        <translation>Niemand gefunden. Schreibweise prüfen oder ohne Termin anmelden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="361"/>
        <location filename="../../app/ui/pages/checkin.py" line="571"/>
        <source>Born {dob}</source>
        <translation>Geboren am {dob}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="365"/>
        <source>No booking today.</source>
        <translation>Heute kein Termin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="366"/>
        <source>Not booked: check in as a walk-in if the person should be vaccinated.</source>
        <translation>Kein Termin: ohne Termin anmelden, wenn die Person geimpft werden soll.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="371"/>
        <source>any vaccine</source>
        <translation>beliebiger Impfstoff</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="373"/>
        <source>Booking {code} · {time} · {product} · dose {dose}</source>
        <translation>Buchung {code} · {time} · {product} · Dosis {dose}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="389"/>
        <source>Nothing to do here: see the Queue page.</source>
        <translation>Hier ist nichts zu tun: siehe Seite Warteschlange.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="390"/>
        <source>This booking cannot be used. Check the person in as a walk-in instead.</source>
        <translation>Diese Buchung kann nicht verwendet werden. Die Person stattdessen ohne Termin anmelden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="400"/>
        <source>Check in anyway?</source>
        <translation>Trotzdem anmelden?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="401"/>
        <source>Check in anyway</source>
        <translation>Trotzdem anmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="402"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="414"/>
        <source>Check this person in anyway?</source>
        <translation>Diese Person trotzdem anmelden?</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="440"/>
        <source>✔ Checked in at {time}. Next: identity, consent and questions below.</source>
        <translation>✔ Angemeldet um {time}. Weiter: Ausweis, Einwilligung und Fragen unten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="445"/>
        <source>{name} is checked in and waiting.</source>
        <translation>{name} ist angemeldet und wartet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="459"/>
        <source>The questionnaire is still loading. Try again in a moment.</source>
        <translation>Der Fragebogen wird noch geladen. Bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="487"/>
        <source>The questionnaire is not complete yet: see the red marks.</source>
        <translation>Der Fragebogen ist noch nicht vollständig: siehe rote Markierungen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="511"/>
        <source>{name} is in the queue. Observation after the vaccination: {minutes} min.</source>
        <translation>{name} ist in der Warteschlange. Nachbeobachtung nach der Impfung: {minutes} Min.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="514"/>
        <source>Some answers need the doctor&apos;s review.</source>
        <translation>Einige Antworten muss die Ärztin oder der Arzt prüfen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="538"/>
        <source>This person may already be registered. Nothing was saved yet: choose below.</source>
        <translation>Diese Person ist möglicherweise schon erfasst. Noch nichts gespeichert: bitte unten wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="572"/>
        <source>Walk-in, no booking.</source>
        <translation>Ohne Termin.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/checkin.py" line="573"/>
        <source>Walk-in</source>
        <translation>Ohne Termin</translation>
    </message>
</context>
<context>
    <name>CheckInWords</name>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="57"/>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="58"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="65"/>
        <source>On time · {time}</source>
        <translation>Pünktlich · {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="66"/>
        <source>Early · {time}</source>
        <translation>Zu früh · {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="67"/>
        <source>Late · {time}</source>
        <translation>Zu spät · {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="68"/>
        <source>Other day</source>
        <translation>Anderer Tag</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="69"/>
        <location filename="../../app/ui/checkin_models.py" line="109"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="70"/>
        <source>Other site</source>
        <translation>Anderer Standort</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="71"/>
        <source>Already here</source>
        <translation>Schon da</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="72"/>
        <source>Already used</source>
        <translation>Schon genutzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="81"/>
        <source>On time: booked for {time}</source>
        <translation>Pünktlich: Termin um {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="83"/>
        <source>Early: booked for {time} ({duration} from now)</source>
        <translation>Zu früh: Termin um {time} (in {duration})</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="86"/>
        <source>Late: booked for {time} ({duration} ago)</source>
        <translation>Zu spät: Termin war um {time} (vor {duration})</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="90"/>
        <source>Other day: booked for {day} at {time}, not today</source>
        <translation>Anderer Tag: Termin am {day} um {time}, nicht heute</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="92"/>
        <source>Cancelled: this booking was cancelled</source>
        <translation>Storniert: diese Buchung wurde storniert</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="94"/>
        <source>Other site: booked at {site}</source>
        <translation>Anderer Standort: gebucht bei {site}</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="96"/>
        <source>Already checked in and in the queue</source>
        <translation>Schon angemeldet und in der Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="97"/>
        <source>This booking was already used</source>
        <translation>Diese Buchung wurde schon genutzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="102"/>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="103"/>
        <location filename="../../app/ui/checkin_models.py" line="197"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="104"/>
        <source>With the doctor</source>
        <translation>Beim Arzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="105"/>
        <source>In observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="106"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="107"/>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="108"/>
        <source>Left without vaccination</source>
        <translation>Ohne Impfung gegangen</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="163"/>
        <location filename="../../app/ui/checkin_models.py" line="194"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="163"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="163"/>
        <source>Booking</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="172"/>
        <source>no booking today</source>
        <translation>heute kein Termin</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="195"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="198"/>
        <source>ID</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="199"/>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="200"/>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="196"/>
        <source>Observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="240"/>
        <source>⚠ yes</source>
        <translation>⚠ ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="243"/>
        <source>Observation over</source>
        <translation>Nachbeobachtung vorbei</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="245"/>
        <source>{minutes} min left</source>
        <translation>noch {minutes} Min.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="249"/>
        <source>Identity document checked</source>
        <translation>Ausweis geprüft</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="249"/>
        <source>Identity not checked yet</source>
        <translation>Ausweis noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="251"/>
        <source>Consent and questionnaire done</source>
        <translation>Einwilligung und Fragebogen erledigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_models.py" line="251"/>
        <source>Consent and questionnaire missing</source>
        <translation>Einwilligung und Fragebogen fehlen</translation>
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
        <location filename="../../app/ui/pages/base.py" line="85"/>
        <source>This page is coming in a later update.</source>
        <translation>Diese Seite folgt in einem späteren Update.</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="127"/>
        <source>⚠ The doctor will review this answer</source>
        <translation>⚠ Diese Antwort prüft die Ärztin oder der Arzt</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="147"/>
        <source>Optional</source>
        <translation>Freiwillig</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="159"/>
        <source>Dates, e.g. 12.03.2021, 20.09.2021</source>
        <translation>Daten, z. B. 12.03.2021, 20.09.2021</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="160"/>
        <source>Date, e.g. 12.03.2021</source>
        <translation>Datum, z. B. 12.03.2021</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="204"/>
        <source>Please answer yes or no.</source>
        <translation>Bitte mit Ja oder Nein antworten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="211"/>
        <source>Please give the date.</source>
        <translation>Bitte das Datum angeben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="214"/>
        <source>Write dates as DD.MM.YYYY, e.g. 12.03.2021.</source>
        <translation>Daten als TT.MM.JJJJ schreiben, z. B. 12.03.2021.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="218"/>
        <source>Only one date is asked for.</source>
        <translation>Nur ein Datum ist gefragt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="221"/>
        <source>A date lies in the future.</source>
        <translation>Ein Datum liegt in der Zukunft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="224"/>
        <source>The same date is given twice.</source>
        <translation>Dasselbe Datum ist doppelt angegeben.</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="75"/>
        <source>Show finished (last hour)</source>
        <translation>Fertige zeigen (letzte Stunde)</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="104"/>
        <source>Left observation</source>
        <translation>Nachbeobachtung beendet</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="106"/>
        <source>Call to doctor</source>
        <translation>Zum Arzt rufen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="111"/>
        <source>Reason, e.g. did not want to wait</source>
        <translation>Grund, z. B. wollte nicht warten</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="112"/>
        <source>Left without vaccination</source>
        <translation>Ohne Impfung gegangen</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="122"/>
        <source>Leaves without vaccination:</source>
        <translation>Geht ohne Impfung:</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="196"/>
        <source>Observation over: {names}. They may leave: select and press “Left observation”.</source>
        <translation>Nachbeobachtung vorbei: {names}. Darf gehen: auswählen und „Nachbeobachtung beendet“ drücken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="201"/>
        <source>Waiting: {waiting} · With the doctor: {doctor} · In observation: {observation}</source>
        <translation>Wartend: {waiting} · Beim Arzt: {doctor} · In Nachbeobachtung: {observation}</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="230"/>
        <source>Select a person in the list first.</source>
        <translation>Bitte zuerst eine Person in der Liste auswählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="239"/>
        <source>{name} has left observation.</source>
        <translation>{name} hat die Nachbeobachtung beendet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="240"/>
        <source>{name} is called to the doctor.</source>
        <translation>{name} wurde zum Arzt gerufen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="241"/>
        <source>{name} left without vaccination.</source>
        <translation>{name} ist ohne Impfung gegangen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/pages/queue.py" line="255"/>
        <source>Write the reason for leaving first (e.g. “did not want to wait”).</source>
        <translation>Bitte zuerst den Grund eintragen (z. B. „wollte nicht warten“).</translation>
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
        <source>Stock now, doses left per product</source>
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
        <translation type="unfinished">{minutes} Min.</translation>
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
<context>
    <name>VisitStepsForm</name>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="231"/>
        <source>ID card</source>
        <translation>Personalausweis</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="232"/>
        <source>Passport</source>
        <translation>Reisepass</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="233"/>
        <source>Residence permit</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="234"/>
        <source>Driving licence</source>
        <translation>Führerschein</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="235"/>
        <source>Health insurance card</source>
        <translation>Gesundheitskarte</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="236"/>
        <source>Other official document</source>
        <translation>Anderes amtliches Dokument</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="260"/>
        <source>1. Identity document seen</source>
        <translation>1. Ausweisdokument gesehen</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="268"/>
        <source>Identity checked</source>
        <translation>Identität geprüft</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="269"/>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="286"/>
        <source>2. Consent</source>
        <translation>2. Einwilligung</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="290"/>
        <source>Consent given by:</source>
        <translation>Einwilligung durch:</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="291"/>
        <source>The person</source>
        <translation>Die Person selbst</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="292"/>
        <source>Legal guardian</source>
        <translation>Gesetzliche Vertretung</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="306"/>
        <source>Full name of the legal guardian</source>
        <translation>Vollständiger Name der gesetzlichen Vertretung</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="326"/>
        <source>3. Medical questions</source>
        <translation>3. Medizinische Fragen</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="341"/>
        <source>Send to queue</source>
        <translation>In die Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="358"/>
        <source>✔ Checked: {document} at {time}</source>
        <translation>✔ Geprüft: {document} um {time}</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="392"/>
        <source>Enter the legal guardian&apos;s full name (letters only).</source>
        <translation>Bitte den vollständigen Namen der gesetzlichen Vertretung eingeben (nur Buchstaben).</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="396"/>
        <source>Check the identity document first (step 1).</source>
        <translation>Bitte zuerst das Ausweisdokument prüfen (Schritt 1).</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="399"/>
        <source>Some answers are missing or unclear: see the red marks above.</source>
        <translation>Einige Antworten fehlen oder sind unklar: siehe rote Markierungen oben.</translation>
    </message>
</context>
<context>
    <name>WalkInForm</name>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="421"/>
        <source>Register a walk-in</source>
        <translation>Ohne Termin anmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="424"/>
        <source>Fields marked * are required. Phone, e-mail and insurance are optional.</source>
        <translation>Felder mit * sind Pflicht. Telefon, E-Mail und Versicherung sind freiwillig.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="454"/>
        <source>Family name *</source>
        <translation>Familienname *</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="455"/>
        <source>Given name *</source>
        <translation>Vorname *</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="456"/>
        <source>Date of birth *</source>
        <translation>Geburtsdatum *</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="456"/>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="457"/>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="461"/>
        <source>Not stated</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="462"/>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="462"/>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="462"/>
        <source>diverse</source>
        <translation>divers</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="463"/>
        <source>not specified</source>
        <translation>unbestimmt</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="467"/>
        <source>Street and number *</source>
        <translation>Straße und Hausnummer *</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="468"/>
        <source>Postcode *</source>
        <translation>PLZ *</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="469"/>
        <source>City *</source>
        <translation>Ort *</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="470"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="471"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="472"/>
        <source>Health insurance number</source>
        <translation>Versichertennummer</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="481"/>
        <source>Is this the same person?</source>
        <translation>Ist das dieselbe Person?</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="483"/>
        <source>Already registered with a similar name and date of birth. Nothing has been saved yet.</source>
        <translation>Bereits erfasst mit ähnlichem Namen und Geburtsdatum. Es wurde noch nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="487"/>
        <source>Use existing person</source>
        <translation>Erfasste Person verwenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="488"/>
        <source>No, register as new person</source>
        <translation>Nein, als neue Person erfassen</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="505"/>
        <source>Register and check in</source>
        <translation>Erfassen und anmelden</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="506"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="556"/>
        <location filename="../../app/ui/checkin_forms.py" line="568"/>
        <location filename="../../app/ui/checkin_forms.py" line="582"/>
        <source>Required.</source>
        <translation>Pflichtfeld.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="562"/>
        <source>Letters only (spaces, hyphens, apostrophes and periods are allowed).</source>
        <translation>Nur Buchstaben (Leerzeichen, Bindestrich, Apostroph und Punkt sind erlaubt).</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="571"/>
        <source>Write the date as DD.MM.YYYY, e.g. 29.02.1980; it must exist.</source>
        <translation>Datum als TT.MM.JJJJ schreiben, z. B. 29.02.1980; es muss existieren.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="574"/>
        <source>This date lies in the future.</source>
        <translation>Dieses Datum liegt in der Zukunft.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="577"/>
        <source>Before 1900: please check the year.</source>
        <translation>Vor 1900: bitte das Jahr prüfen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="585"/>
        <source>Contains characters that do not belong in an address.</source>
        <translation>Enthält Zeichen, die nicht in eine Adresse gehören.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="589"/>
        <source>Digits, spaces and + ( ) / - only.</source>
        <translation>Nur Ziffern, Leerzeichen und + ( ) / -.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="592"/>
        <source>That does not look like an e-mail address.</source>
        <translation>Das sieht nicht wie eine E-Mail-Adresse aus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="596"/>
        <source>Letters and digits only.</source>
        <translation>Nur Buchstaben und Ziffern.</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="626"/>
        <source>{family}, {given} · born {dob}</source>
        <translation>{family}, {given} · geboren am {dob}</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="83"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/checkin_forms.py" line="84"/>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
</TS>
