<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AdminExitDialog</name>
    <message>
        <source>Close VaxDesk</source>
        <translation>VaxDesk schließen</translation>
    </message>
    <message>
        <source>This station runs in kiosk mode. Only an admin can close VaxDesk.</source>
        <translation>Dieser Platz läuft im Kiosk-Modus. Nur ein Admin kann VaxDesk schließen.</translation>
    </message>
    <message>
        <source>Admin login</source>
        <translation>Admin-Anmeldename</translation>
    </message>
    <message>
        <source>Admin login:</source>
        <translation>Admin-Anmeldename:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Stay in kiosk mode</source>
        <translation>Im Kiosk-Modus bleiben</translation>
    </message>
    <message>
        <source>The station is still locked with its passphrase, so no admin PIN can be checked. Unlock the station first; VaxDesk stays open.</source>
        <translation>Der Platz ist noch mit seiner Passphrase gesperrt, daher kann keine Admin-PIN geprüft werden. Entsperren Sie zuerst den Platz; VaxDesk bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Enter an admin&apos;s login and PIN.</source>
        <translation>Geben Sie Anmeldename und PIN eines Admins ein.</translation>
    </message>
    <message>
        <source>Only an admin can close VaxDesk in kiosk mode. VaxDesk stays open.</source>
        <translation>Nur ein Admin kann VaxDesk im Kiosk-Modus schließen. VaxDesk bleibt geöffnet.</translation>
    </message>
    <message>
        <source>Wrong admin login or PIN. VaxDesk stays open.</source>
        <translation>Falscher Admin-Anmeldename oder falsche PIN. VaxDesk bleibt geöffnet.</translation>
    </message>
</context>
<context>
    <name>AdverseEventForm</name>
    <message>
        <source>Record an adverse reaction</source>
        <translation>Impfreaktion erfassen</translation>
    </message>
    <message>
        <source>e.g. lying down, legs raised; recovered after 5 min</source>
        <translation>z. B. Liegen, Beine hoch; nach 5 min erholt</translation>
    </message>
    <message>
        <source>After dose</source>
        <translation>Nach Impfung</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Onset (today)</source>
        <translation>Beginn (heute)</translation>
    </message>
    <message>
        <source>Action taken</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Record reaction</source>
        <translation>Reaktion speichern</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Persons (viewed, created, exported, purged)</source>
        <translation>Personen (angesehen, angelegt, exportiert, gelöscht)</translation>
    </message>
    <message>
        <source>Visits and check-in</source>
        <translation>Besuche und Anmeldung</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Vaccinations</source>
        <translation>Impfungen</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Impfreaktionen</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Vaccine lots</source>
        <translation>Impfstoff-Chargen</translation>
    </message>
    <message>
        <source>Vials</source>
        <translation>Vials</translation>
    </message>
    <message>
        <source>Staff and logins</source>
        <translation>Personal und Anmeldungen</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exporte</translation>
    </message>
    <message>
        <source>Station (setup, backup)</source>
        <translation>Arbeitsplatz (Einrichtung, Sicherung)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>Nr.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Person or record id</source>
        <translation>Personen- oder Datensatz-ID</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>Alle Mitarbeitenden</translation>
    </message>
    <message>
        <source>d MMM yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Record:</source>
        <translation>Datensatz:</translation>
    </message>
    <message>
        <source>Staff:</source>
        <translation>Personal:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Aktion:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>bis:</translation>
    </message>
    <message>
        <source>Check integrity</source>
        <translation>Unversehrtheit prüfen</translation>
    </message>
    <message>
        <source>Check that no entry of the audit log was changed or removed</source>
        <translation>Prüfen, dass kein Eintrag des Zugriffsprotokolls geändert oder entfernt wurde</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge des Zugriffsprotokolls</translation>
    </message>
    <message>
        <source>Double-click an entry to see everything about its record</source>
        <translation>Doppelklick auf einen Eintrag zeigt alles zu seinem Datensatz</translation>
    </message>
    <message>
        <source>{name} (deactivated)</source>
        <translation>{name} (deaktiviert)</translation>
    </message>
    <message>
        <source>The start of the time range is after its end. Correct the dates.</source>
        <translation>Der Beginn des Zeitraums liegt nach seinem Ende. Korrigieren Sie die Daten.</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>Keine Einträge passen zu diesen Filtern.</translation>
    </message>
    <message>
        <source>The newest {count} entries are shown; narrow the filters to see older ones.</source>
        <translation>Die neuesten {count} Einträge werden gezeigt; grenzen Sie die Filter ein, um ältere zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking every entry of the audit log…</source>
        <translation>Jeder Eintrag des Zugriffsprotokolls wird geprüft …</translation>
    </message>
    <message numerus="yes">
        <source>Audit log intact: %n entries, the hash chain is unbroken.</source>
        <translation>
            <numerusform>Zugriffsprotokoll unversehrt: %n Eintrag, die Hash-Kette ist lückenlos.</numerusform>
            <numerusform>Zugriffsprotokoll unversehrt: %n Einträge, die Hash-Kette ist lückenlos.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit log broken: {problem}. Keep this computer as it is and tell the data-protection officer.</source>
        <translation>Audit-Protokoll beschädigt: {problem}. Lassen Sie diesen Computer unverändert und informieren Sie die oder den Datenschutzbeauftragten.</translation>
    </message>
</context>
<context>
    <name>AuditWords</name>
    <message>
        <source>Adverse reaction recorded</source>
        <translation>Impfreaktion erfasst</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>Termin gebucht</translation>
    </message>
    <message>
        <source>Appointment cancelled</source>
        <translation>Termin abgesagt</translation>
    </message>
    <message>
        <source>Checked in on the booking</source>
        <translation>Auf die Buchung eingecheckt</translation>
    </message>
    <message>
        <source>Marked as no-show</source>
        <translation>Als nicht erschienen markiert</translation>
    </message>
    <message>
        <source>Appointment slip printed</source>
        <translation>Terminzettel gedruckt</translation>
    </message>
    <message>
        <source>Refused: role not allowed</source>
        <translation>Abgelehnt: Rolle nicht berechtigt</translation>
    </message>
    <message>
        <source>Vaccine catalogue installed</source>
        <translation>Impfstoffkatalog installiert</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>Zertifikat ausgestellt</translation>
    </message>
    <message>
        <source>Certificate printed</source>
        <translation>Zertifikat gedruckt</translation>
    </message>
    <message>
        <source>Certificate reviewed</source>
        <translation>Zertifikat geprüft</translation>
    </message>
    <message>
        <source>Certificate revoked</source>
        <translation>Zertifikat widerrufen</translation>
    </message>
    <message>
        <source>Certificate signed</source>
        <translation>Zertifikat signiert</translation>
    </message>
    <message>
        <source>Certificate voucher issued</source>
        <translation>Zertifikatsgutschein ausgestellt</translation>
    </message>
    <message>
        <source>Certificate voucher printed</source>
        <translation>Zertifikatsgutschein gedruckt</translation>
    </message>
    <message>
        <source>Certificate settings changed</source>
        <translation>Zertifikatseinstellungen geändert</translation>
    </message>
    <message>
        <source>Closure day set</source>
        <translation>Schließtag festgelegt</translation>
    </message>
    <message>
        <source>Export for the health authority</source>
        <translation>Export für das Gesundheitsamt</translation>
    </message>
    <message>
        <source>Pseudonym key created</source>
        <translation>Pseudonym-Schlüssel erzeugt</translation>
    </message>
    <message>
        <source>Infection recorded</source>
        <translation>Infektion erfasst</translation>
    </message>
    <message>
        <source>Infection voided</source>
        <translation>Infektion storniert</translation>
    </message>
    <message>
        <source>Lot blocked</source>
        <translation>Charge gesperrt</translation>
    </message>
    <message>
        <source>Lot received</source>
        <translation>Charge eingegangen</translation>
    </message>
    <message>
        <source>Opening hours set</source>
        <translation>Öffnungszeiten festgelegt</translation>
    </message>
    <message>
        <source>Person registered</source>
        <translation>Person registriert</translation>
    </message>
    <message>
        <source>Person deleted</source>
        <translation>Person gelöscht</translation>
    </message>
    <message>
        <source>Registered despite a similar person</source>
        <translation>Trotz ähnlicher Person registriert</translation>
    </message>
    <message>
        <source>Person&apos;s data exported</source>
        <translation>Daten der Person exportiert</translation>
    </message>
    <message>
        <source>Dose history viewed</source>
        <translation>Impfhistorie angesehen</translation>
    </message>
    <message>
        <source>Persons imported</source>
        <translation>Personen importiert</translation>
    </message>
    <message>
        <source>Persons merged</source>
        <translation>Personen zusammengeführt</translation>
    </message>
    <message>
        <source>Deletion postponed</source>
        <translation>Löschung verschoben</translation>
    </message>
    <message>
        <source>Personal data removed</source>
        <translation>Personendaten entfernt</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Person corrected</source>
        <translation>Person korrigiert</translation>
    </message>
    <message>
        <source>Person viewed</source>
        <translation>Person angesehen</translation>
    </message>
    <message>
        <source>Review task resolved</source>
        <translation>Prüfaufgabe erledigt</translation>
    </message>
    <message>
        <source>Document signer installed</source>
        <translation>Dokumentsigner installiert</translation>
    </message>
    <message>
        <source>Appointment slots opened</source>
        <translation>Terminzeiten freigegeben</translation>
    </message>
    <message>
        <source>Staff member activated</source>
        <translation>Mitarbeitende aktiviert</translation>
    </message>
    <message>
        <source>Staff member added</source>
        <translation>Mitarbeitende angelegt</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <source>PIN reset</source>
        <translation>PIN zurückgesetzt</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sicherung erstellt</translation>
    </message>
    <message>
        <source>Station set up</source>
        <translation>Station eingerichtet</translation>
    </message>
    <message>
        <source>Dose corrected</source>
        <translation>Impfung korrigiert</translation>
    </message>
    <message>
        <source>Earlier dose entered</source>
        <translation>Frühere Impfung eingetragen</translation>
    </message>
    <message>
        <source>Dose recorded</source>
        <translation>Impfung gespeichert</translation>
    </message>
    <message>
        <source>Dose voided</source>
        <translation>Impfung storniert</translation>
    </message>
    <message>
        <source>Vial discarded</source>
        <translation>Durchstechflasche verworfen</translation>
    </message>
    <message>
        <source>Vial opened</source>
        <translation>Durchstechflasche angebrochen</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>Left observation</source>
        <translation>Nachbeobachtung beendet</translation>
    </message>
    <message>
        <source>Identity checked</source>
        <translation>Ausweis geprüft</translation>
    </message>
    <message>
        <source>Left without vaccination</source>
        <translation>Ohne Impfung gegangen</translation>
    </message>
    <message>
        <source>Observation started</source>
        <translation>Nachbeobachtung begonnen</translation>
    </message>
    <message>
        <source>Consent and questionnaire</source>
        <translation>Einwilligung und Fragebogen</translation>
    </message>
    <message>
        <source>Back to waiting</source>
        <translation>Zurück in die Warteschlange</translation>
    </message>
    <message>
        <source>Flagged answers discussed by the doctor</source>
        <translation>Markierte Antworten ärztlich besprochen</translation>
    </message>
    <message>
        <source>Called to the doctor</source>
        <translation>Zum Arzt gerufen</translation>
    </message>
</context>
<context>
    <name>CertificateWords</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Impfstoff</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>To issue</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Ausgestellt</translation>
    </message>
    <message>
        <source>Voucher (signed after sync)</source>
        <translation>Gutschein (Signatur nach Sync)</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>It is an EU certificate code (HC1:)</source>
        <translation>Es ist ein EU-Zertifikatscode (HC1:)</translation>
    </message>
    <message>
        <source>The code can be read</source>
        <translation>Der Code ist lesbar</translation>
    </message>
    <message>
        <source>The code unpacks completely</source>
        <translation>Der Code lässt sich vollständig entpacken</translation>
    </message>
    <message>
        <source>It contains a signed certificate</source>
        <translation>Er enthält ein signiertes Zertifikat</translation>
    </message>
    <message>
        <source>The certificate data can be read</source>
        <translation>Die Zertifikatsdaten sind lesbar</translation>
    </message>
    <message>
        <source>Signed by a trusted issuer</source>
        <translation>Von einem vertrauenswürdigen Aussteller signiert</translation>
    </message>
    <message>
        <source>The content follows the EU format</source>
        <translation>Der Inhalt entspricht dem EU-Format</translation>
    </message>
    <message>
        <source>Valid today</source>
        <translation>Heute gültig</translation>
    </message>
    <message>
        <source>The issuer may issue this type</source>
        <translation>Der Aussteller darf diese Art ausstellen</translation>
    </message>
    <message>
        <source>This is not a certificate: the scanned text is far too long for one.</source>
        <translation>Das ist kein Zertifikat: Der gescannte Text ist dafür viel zu lang.</translation>
    </message>
    <message>
        <source>This is not an EU Digital COVID Certificate. Scan the certificate&apos;s QR code.</source>
        <translation>Das ist kein digitales COVID-Zertifikat der EU. Scannen Sie den QR-Code des Zertifikats.</translation>
    </message>
    <message>
        <source>The certificate is damaged or incomplete and cannot be read. Scan it again; if that fails, it cannot be checked here.</source>
        <translation>Das Zertifikat ist beschädigt oder unvollständig und nicht lesbar. Scannen Sie es erneut; klappt das nicht, kann es hier nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The signature is not from a trusted issuer. The certificate may be genuine but from an issuer this station does not know: load the trust list and check again.</source>
        <translation>Die Signatur stammt nicht von einem vertrauenswürdigen Aussteller. Das Zertifikat kann echt sein, aber von einem Aussteller, den diese Station nicht kennt: Vertrauensliste laden und erneut prüfen.</translation>
    </message>
    <message>
        <source>The certificate is signed with a method this station cannot check.</source>
        <translation>Das Zertifikat ist mit einem Verfahren signiert, das diese Station nicht prüfen kann.</translation>
    </message>
    <message>
        <source>The signature does not match: the certificate was altered or forged.</source>
        <translation>Die Signatur passt nicht: Das Zertifikat wurde verändert oder gefälscht.</translation>
    </message>
    <message>
        <source>The certificate&apos;s content does not follow the EU format.</source>
        <translation>Der Inhalt des Zertifikats entspricht nicht dem EU-Format.</translation>
    </message>
    <message>
        <source>The certificate is not valid yet (issued {when}). Check the station&apos;s clock.</source>
        <translation>Das Zertifikat ist noch nicht gültig (ausgestellt {when}). Prüfen Sie die Uhr der Station.</translation>
    </message>
    <message>
        <source>The certificate expired on {day}.</source>
        <translation>Das Zertifikat ist am {day} abgelaufen.</translation>
    </message>
    <message>
        <source>The certificate carries no validity dates.</source>
        <translation>Das Zertifikat enthält keine Gültigkeitsdaten.</translation>
    </message>
    <message>
        <source>The certificate&apos;s dates lie outside the validity of its issuer&apos;s key.</source>
        <translation>Die Daten des Zertifikats liegen außerhalb der Gültigkeit des Ausstellerschlüssels.</translation>
    </message>
    <message>
        <source>Wrong type for the signer: this issuer may not issue this kind of certificate.</source>
        <translation>Falsche Art für den Signierer: Dieser Aussteller darf diese Art Zertifikat nicht ausstellen.</translation>
    </message>
    <message>
        <source>The certificate could not be checked. Scan it again.</source>
        <translation>Das Zertifikat konnte nicht geprüft werden. Scannen Sie es erneut.</translation>
    </message>
    <message>
        <source>Vaccination: {product}, dose {dose} of {doses}, on {date} in {country}</source>
        <translation>Impfung: {product}, Dosis {dose} von {doses}, am {date} in {country}</translation>
    </message>
    <message>
        <source>Test certificate (not a vaccination)</source>
        <translation>Testzertifikat (keine Impfung)</translation>
    </message>
    <message>
        <source>Recovery certificate (not a vaccination)</source>
        <translation>Genesenenzertifikat (keine Impfung)</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>Type a name to find the person</source>
        <translation>Namen eingeben, um die Person zu finden</translation>
    </message>
    <message>
        <source>Find the person by name</source>
        <translation>Person nach Namen suchen</translation>
    </message>
    <message>
        <source>Day of the vaccination</source>
        <translation>Tag der Impfung</translation>
    </message>
    <message>
        <source>Vaccinated on</source>
        <translation>Geimpft am</translation>
    </message>
    <message>
        <source>Vaccinations of the day</source>
        <translation>Impfungen des Tages</translation>
    </message>
    <message>
        <source>No vaccinations recorded on this day yet.</source>
        <translation>An diesem Tag sind noch keine Impfungen erfasst.</translation>
    </message>
    <message>
        <source>Vouchers</source>
        <translation>Gutscheine</translation>
    </message>
    <message>
        <source>Vouchers: ready to print, and waiting for a signer</source>
        <translation>Gutscheine: druckbereit und auf einen Signer wartend</translation>
    </message>
    <message>
        <source>Choose a person on the left to see their certificate.</source>
        <translation>Wählen Sie links eine Person, um ihr Zertifikat zu sehen.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Name in the QR code</source>
        <translation>Name im QR-Code</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Impfstoff</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Dosis</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>No signer at this station: issuing records a voucher, and the certificate is signed after the next sync.</source>
        <translation>Kein Signierer an dieser Station: Beim Ausstellen wird ein Gutschein erfasst, das Zertifikat wird nach der nächsten Synchronisierung signiert.</translation>
    </message>
    <message>
        <source>Names from the passport&apos;s machine-readable zone (scan or type its lines):</source>
        <translation>Namen aus der maschinenlesbaren Zone des Passes (Zeilen scannen oder abtippen):</translation>
    </message>
    <message>
        <source>Machine-readable zone of the travel document</source>
        <translation>Maschinenlesbare Zone des Reisedokuments</translation>
    </message>
    <message>
        <source>Use these names</source>
        <translation>Diese Namen verwenden</translation>
    </message>
    <message>
        <source>Names from the passport (MRZ)…</source>
        <translation>Namen aus dem Pass (MRZ)…</translation>
    </message>
    <message>
        <source>Person confirmed the data</source>
        <translation>Person hat die Daten bestätigt</translation>
    </message>
    <message>
        <source>Issue certificate</source>
        <translation>Zertifikat ausstellen</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Vorschau…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <source>Print voucher…</source>
        <translation>Gutschein drucken…</translation>
    </message>
    <message>
        <source>Correct person…</source>
        <translation>Person korrigieren…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>set when the certificate is signed</source>
        <translation>wird beim Signieren festgelegt</translation>
    </message>
    <message>
        <source>Record voucher</source>
        <translation>Gutschein erfassen</translation>
    </message>
    <message>
        <source>Only a doctor or an admin can approve a correction.</source>
        <translation>Nur eine Ärztin, ein Arzt oder ein Admin kann eine Korrektur freigeben.</translation>
    </message>
    <message>
        <source>Revoked: {uvci} (issued {when})</source>
        <translation>Widerrufen: {uvci} (ausgestellt {when})</translation>
    </message>
    <message>
        <source>This is printed on the certificate. Ask the person to check the spelling of the name and the date of birth.</source>
        <translation>So wird es auf das Zertifikat gedruckt. Bitten Sie die Person, die Schreibweise des Namens und das Geburtsdatum zu prüfen.</translation>
    </message>
    <message>
        <source>Certificate issued: {uvci}
Next: print it, or save it as a PDF.</source>
        <translation>Zertifikat ausgestellt: {uvci}
Nächster Schritt: drucken oder als PDF speichern.</translation>
    </message>
    <message>
        <source>No signer at this station: a voucher was recorded (claim code {code}); the certificate is signed as soon as a signer is at hand. Print the voucher for the person.</source>
        <translation>Kein Signer an dieser Station: Ein Gutschein wurde erfasst (Abholcode {code}); das Zertifikat wird signiert, sobald ein Signer verfügbar ist. Bitte den Gutschein für die Person drucken.</translation>
    </message>
    <message>
        <source>Only a nurse or an admin can correct a person&apos;s data.</source>
        <translation>Nur eine Pflegekraft oder ein Admin kann die Daten einer Person korrigieren.</translation>
    </message>
    <message>
        <source>Correct the certificate</source>
        <translation>Zertifikat korrigieren</translation>
    </message>
    <message>
        <source>Correct the person&apos;s data in their record first.
The certificate {uvci} will be revoked and a new one issued with a new identifier.

Reason for the correction:</source>
        <translation>Korrigieren Sie zuerst die Daten der Person in ihrem Datensatz.
Das Zertifikat {uvci} wird widerrufen und ein neues mit neuer Kennung ausgestellt.

Grund der Korrektur:</translation>
    </message>
    <message>
        <source>Give the reason for the correction; nothing was changed.</source>
        <translation>Geben Sie den Grund der Korrektur an; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Corrected. The old certificate {old} is revoked; the new one {new} is ready to print.</source>
        <translation>Korrigiert. Das alte Zertifikat {old} ist widerrufen; das neue {new} kann gedruckt werden.</translation>
    </message>
    <message>
        <source>The person&apos;s data was corrected.</source>
        <translation>Die Daten der Person wurden korrigiert.</translation>
    </message>
    <message>
        <source>Re-issue the certificates?</source>
        <translation>Zertifikate neu ausstellen?</translation>
    </message>
    <message>
        <source>{n} certificate(s) were signed with the old data. Re-issue them now? The old ones are revoked and stop being valid.</source>
        <translation>{n} Zertifikat(e) wurden mit den alten Daten signiert. Jetzt neu ausstellen? Die alten werden widerrufen und sind dann ungültig.</translation>
    </message>
    <message>
        <source>Re-issued {n} certificate(s); the old ones are revoked. Print the new ones.</source>
        <translation>{n} Zertifikat(e) neu ausgestellt; die alten sind widerrufen. Bitte die neuen drucken.</translation>
    </message>
    <message>
        <source>ready to print</source>
        <translation>druckbereit</translation>
    </message>
    <message>
        <source>waiting for a signer</source>
        <translation>wartet auf einen Signer</translation>
    </message>
    <message>
        <source>Vouchers: {ready} ready to print, {waiting} waiting</source>
        <translation>Gutscheine: {ready} druckbereit, {waiting} wartend</translation>
    </message>
    <message>
        <source>That voucher&apos;s certificate was printed already.</source>
        <translation>Das Zertifikat zu diesem Gutschein wurde bereits gedruckt.</translation>
    </message>
    <message>
        <source>Print the voucher</source>
        <translation>Gutschein drucken</translation>
    </message>
    <message>
        <source>Print the certificate</source>
        <translation>Zertifikat drucken</translation>
    </message>
    <message>
        <source>The certificate was sent to the printer {printer}.</source>
        <translation>Das Zertifikat wurde an den Drucker {printer} gesendet.</translation>
    </message>
    <message>
        <source>Certificate preview</source>
        <translation>Zertifikat-Vorschau</translation>
    </message>
    <message>
        <source>certificate-{name}-{day}.pdf</source>
        <translation>zertifikat-{name}-{day}.pdf</translation>
    </message>
    <message>
        <source>Save the certificate as PDF</source>
        <translation>Zertifikat als PDF speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Gespeichert als {path}</translation>
    </message>
    <message>
        <source>The PDF could not be saved to {path} ({reason}). Choose another folder and save again.</source>
        <translation>Das PDF konnte nicht unter {path} gespeichert werden ({reason}). Wählen Sie einen anderen Ordner und speichern Sie erneut.</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <source>Scan the booking QR code, or type a name (and date of birth)</source>
        <translation>QR-Code der Buchung scannen oder Namen (und Geburtsdatum) eingeben</translation>
    </message>
    <message>
        <source>Search for the booking</source>
        <translation>Buchung suchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Walk-in (no booking)</source>
        <translation>Ohne Termin</translation>
    </message>
    <message>
        <source>Enter: search · ↓↑: choose · Enter: open, then check in · Esc: clear</source>
        <translation>Enter: suchen · ↓↑: auswählen · Enter: öffnen, dann anmelden · Esc: leeren</translation>
    </message>
    <message>
        <source>Scan the booking code, or type the family name.
The person and the next step appear here.</source>
        <translation>Buchungscode scannen oder Familiennamen eingeben.
Hier erscheinen die Person und der nächste Schritt.</translation>
    </message>
    <message>
        <source>{count} people found. ↓↑ to choose, Enter to open.</source>
        <translation>{count} Personen gefunden. ↓↑ zum Auswählen, Enter zum Öffnen.</translation>
    </message>
    <message>
        <source>Check in anyway?</source>
        <translation>Trotzdem anmelden?</translation>
    </message>
    <message>
        <source>Check in anyway</source>
        <translation>Trotzdem anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Check-in taken up again. Next: what is missing below.</source>
        <translation>Check-in wieder aufgenommen. Weiter mit dem, was unten noch fehlt.</translation>
    </message>
    <message>
        <source>Check this person in anyway?</source>
        <translation>Diese Person trotzdem anmelden?</translation>
    </message>
    <message>
        <source>✔ Checked in at {time}. Next: identity, consent and questions below.</source>
        <translation>✔ Angemeldet um {time}. Weiter: Ausweis, Einwilligung und Fragen unten.</translation>
    </message>
    <message>
        <source>{name} is checked in and waiting.</source>
        <translation>{name} ist angemeldet und wartet.</translation>
    </message>
    <message>
        <source>The questionnaire is still loading. Try again in a moment.</source>
        <translation>Der Fragebogen wird noch geladen. Bitte gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>The questionnaire is not complete yet: see the red marks.</source>
        <translation>Der Fragebogen ist noch nicht vollständig: siehe rote Markierungen.</translation>
    </message>
    <message>
        <source>{name} is in the queue. Observation after the vaccination: {minutes} min.</source>
        <translation>{name} ist in der Warteschlange. Nachbeobachtung nach der Impfung: {minutes} Min.</translation>
    </message>
    <message>
        <source>Some answers need the doctor&apos;s review.</source>
        <translation>Einige Antworten muss die Ärztin oder der Arzt prüfen.</translation>
    </message>
    <message>
        <source>This person may already be registered. Nothing was saved yet: choose below.</source>
        <translation>Diese Person ist möglicherweise schon erfasst. Noch nichts gespeichert: bitte unten wählen.</translation>
    </message>
</context>
<context>
    <name>CheckInWords</name>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} Std. {minutes} Min.</translation>
    </message>
    <message>
        <source>On time · {time}</source>
        <translation>Pünktlich · {time}</translation>
    </message>
    <message>
        <source>Early · {time}</source>
        <translation>Zu früh · {time}</translation>
    </message>
    <message>
        <source>Late · {time}</source>
        <translation>Zu spät · {time}</translation>
    </message>
    <message>
        <source>Other day</source>
        <translation>Anderer Tag</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>Anderer Standort</translation>
    </message>
    <message>
        <source>Already here</source>
        <translation>Schon da</translation>
    </message>
    <message>
        <source>Already used</source>
        <translation>Schon genutzt</translation>
    </message>
    <message>
        <source>On time: booked for {time}</source>
        <translation>Pünktlich: Termin um {time}</translation>
    </message>
    <message>
        <source>Early: booked for {time} ({duration} from now)</source>
        <translation>Zu früh: Termin um {time} (in {duration})</translation>
    </message>
    <message>
        <source>Late: booked for {time} ({duration} ago)</source>
        <translation>Zu spät: Termin war um {time} (vor {duration})</translation>
    </message>
    <message>
        <source>Other day: booked for {day} at {time}, not today</source>
        <translation>Anderer Tag: Termin am {day} um {time}, nicht heute</translation>
    </message>
    <message>
        <source>Cancelled: this booking was cancelled</source>
        <translation>Storniert: diese Buchung wurde storniert</translation>
    </message>
    <message>
        <source>Other site: booked at {site}</source>
        <translation>Anderer Standort: gebucht bei {site}</translation>
    </message>
    <message>
        <source>Already checked in and in the queue</source>
        <translation>Schon angemeldet und in der Warteschlange</translation>
    </message>
    <message>
        <source>This booking was already used</source>
        <translation>Diese Buchung wurde schon genutzt</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>Gebucht</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>With the doctor</source>
        <translation>Beim Arzt</translation>
    </message>
    <message>
        <source>In observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>Left without vaccination</source>
        <translation>Ohne Impfung gegangen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>no booking today</source>
        <translation>heute kein Termin</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <source>⚠ yes</source>
        <translation>⚠ ja</translation>
    </message>
    <message>
        <source>Observation over</source>
        <translation>Nachbeobachtung vorbei</translation>
    </message>
    <message>
        <source>{minutes} min left</source>
        <translation>noch {minutes} Min.</translation>
    </message>
    <message>
        <source>Identity document checked</source>
        <translation>Ausweis geprüft</translation>
    </message>
    <message>
        <source>Identity not checked yet</source>
        <translation>Ausweis noch nicht geprüft</translation>
    </message>
    <message>
        <source>Consent and questionnaire done</source>
        <translation>Einwilligung und Fragebogen erledigt</translation>
    </message>
    <message>
        <source>Consent and questionnaire missing</source>
        <translation>Einwilligung und Fragebogen fehlen</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>VaxDesk hit an unexpected problem. Nothing you entered was lost that had been saved; the details are in the log file {path}</source>
        <translation>In VaxDesk ist ein unerwartetes Problem aufgetreten. Alles, was bereits gespeichert war, ist erhalten geblieben; die Einzelheiten stehen in der Protokolldatei {path}</translation>
    </message>
    <message>
        <source>VaxDesk – unexpected problem</source>
        <translation>VaxDesk – unerwartetes Problem</translation>
    </message>
</context>
<context>
    <name>DoctorForms</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>DoctorPage</name>
    <message>
        <source>Nobody is waiting for the doctor.</source>
        <translation>Niemand wartet auf den Arzt.</translation>
    </message>
    <message>
        <source>{name} is called to the doctor.</source>
        <translation>{name} wird zum Arzt gerufen.</translation>
    </message>
    <message>
        <source>Write the thawing time as HH:MM, e.g. 08:30.</source>
        <translation>Auftauzeit als HH:MM angeben, z. B. 08:30.</translation>
    </message>
    <message>
        <source>Vial opened: {vial}.</source>
        <translation>Durchstechflasche angebrochen: {vial}.</translation>
    </message>
    <message>
        <source>Give a reason to go ahead despite the warning.</source>
        <translation>Bitte eine Begründung trotz Warnung angeben.</translation>
    </message>
    <message>
        <source>{name} goes back to the desk.</source>
        <translation>{name} geht zurück zum Empfang.</translation>
    </message>
    <message>
        <source>Write why there is no vaccination today.</source>
        <translation>Bitte angeben, warum heute nicht geimpft wird.</translation>
    </message>
    <message>
        <source>{name} leaves without vaccination.</source>
        <translation>{name} geht ohne Impfung.</translation>
    </message>
    <message>
        <source>Select the dose in the history first.</source>
        <translation>Zuerst die Impfung in der Liste auswählen.</translation>
    </message>
    <message>
        <source>{dose} {product} at {time}</source>
        <translation>{dose} {product} um {time}</translation>
    </message>
    <message>
        <source>no dose today (reaction not linked to a dose)</source>
        <translation>heute keine Impfung (Reaktion ohne Bezug zu einer Impfung)</translation>
    </message>
    <message>
        <source>Earlier dose added.</source>
        <translation>Frühere Impfung nachgetragen.</translation>
    </message>
    <message>
        <source>Dose voided. It stays in the record, marked void.</source>
        <translation>Impfung storniert. Sie bleibt als storniert dokumentiert.</translation>
    </message>
    <message>
        <source>Dose corrected: the old record is void, the corrected one is saved.</source>
        <translation>Impfung korrigiert: der alte Eintrag ist storniert, der korrigierte gespeichert.</translation>
    </message>
    <message>
        <source>Adverse reaction recorded.</source>
        <translation>Impfreaktion erfasst.</translation>
    </message>
</context>
<context>
    <name>DoctorWords</name>
    <message>
        <source>Fever or acute illness today</source>
        <translation>Heute Fieber oder akute Erkrankung</translation>
    </message>
    <message>
        <source>Allergies, possibly to vaccine ingredients (PEG, polysorbate)</source>
        <translation>Allergien, evtl. gegen Impfstoffbestandteile (PEG, Polysorbat)</translation>
    </message>
    <message>
        <source>Allergic reaction, anaphylaxis or fainting after an earlier vaccination (30 min observation)</source>
        <translation>Allergische Reaktion, Anaphylaxie oder Ohnmacht nach früherer Impfung (30 min Nachbeobachtung)</translation>
    </message>
    <message>
        <source>Anticoagulants or bleeding disorder</source>
        <translation>Gerinnungshemmer oder Gerinnungsstörung</translation>
    </message>
    <message>
        <source>Pregnant or breastfeeding</source>
        <translation>Schwanger oder stillend</translation>
    </message>
    <message>
        <source>Immunodeficiency or immunosuppressive medicines</source>
        <translation>Immunschwäche oder Immunsuppressiva</translation>
    </message>
    <message>
        <source>Says they had COVID-19 vaccinations before: check the history below</source>
        <translation>Gibt frühere COVID-19-Impfungen an: bisherige Impfungen unten prüfen</translation>
    </message>
    <message>
        <source>Confirmed SARS-CoV-2 infection before</source>
        <translation>Frühere bestätigte SARS-CoV-2-Infektion</translation>
    </message>
    <message>
        <source>Left a remark for the doctor on the questionnaire</source>
        <translation>Hat im Fragebogen eine Anmerkung für den Arzt hinterlassen</translation>
    </message>
    <message>
        <source>dates given: {dates}</source>
        <translation>angegebene Daten: {dates}</translation>
    </message>
    <message>
        <source>remark: “{text}”</source>
        <translation>Anmerkung: „{text}“</translation>
    </message>
    <message>
        <source>Left upper arm</source>
        <translation>Oberarm links</translation>
    </message>
    <message>
        <source>Right upper arm</source>
        <translation>Oberarm rechts</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>Andere Stelle</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>other site</source>
        <translation>andere Stelle</translation>
    </message>
    <message>
        <source>Fainting (syncope)</source>
        <translation>Ohnmacht (Synkope)</translation>
    </message>
    <message>
        <source>Dizziness</source>
        <translation>Schwindel</translation>
    </message>
    <message>
        <source>Allergic reaction</source>
        <translation>Allergische Reaktion</translation>
    </message>
    <message>
        <source>Anaphylaxis</source>
        <translation>Anaphylaxie</translation>
    </message>
    <message>
        <source>Local reaction at the injection site</source>
        <translation>Lokalreaktion an der Einstichstelle</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>Übelkeit</translation>
    </message>
    <message>
        <source>Headache</source>
        <translation>Kopfschmerzen</translation>
    </message>
    <message>
        <source>Fever</source>
        <translation>Fieber</translation>
    </message>
    <message>
        <source>Other reaction</source>
        <translation>Andere Reaktion</translation>
    </message>
    <message>
        <source>Mild</source>
        <translation>Leicht</translation>
    </message>
    <message>
        <source>Moderate</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Severe</source>
        <translation>Schwer</translation>
    </message>
    <message>
        <source>Life-threatening</source>
        <translation>Lebensbedrohlich</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Impfung</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Impfstoff</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Wo geimpft</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Elsewhere ({country})</source>
        <translation>Anderswo ({country})</translation>
    </message>
    <message>
        <source>Here / synced</source>
        <translation>Hier / synchronisiert</translation>
    </message>
    <message>
        <source>VOID: {reason}</source>
        <translation>STORNIERT: {reason}</translation>
    </message>
    <message>
        <source>Lot {lot}</source>
        <translation>Charge {lot}</translation>
    </message>
    <message>
        <source>corrected record</source>
        <translation>korrigierter Eintrag</translation>
    </message>
    <message>
        <source>warning overridden: {reason}</source>
        <translation>Warnung übergangen: {reason}</translation>
    </message>
</context>
<context>
    <name>DoseColumn</name>
    <message>
        <source>Scan the vial or pick it below</source>
        <translation>Flasche scannen oder unten wählen</translation>
    </message>
    <message>
        <source>Vial code from the scanner</source>
        <translation>Code der Durchstechflasche vom Scanner</translation>
    </message>
    <message>
        <source>No vial is open. Scan the label of a new vial to open it here.</source>
        <translation>Keine Durchstechflasche angebrochen. Das Etikett einer neuen scannen, um sie hier anzubrechen.</translation>
    </message>
    <message>
        <source>Injection site (upper arm):</source>
        <translation>Impfstelle (Oberarm):</translation>
    </message>
    <message>
        <source>Warning – you may go ahead only with a reason:</source>
        <translation>Warnung – Impfung nur mit Begründung möglich:</translation>
    </message>
    <message>
        <source>Reason for going ahead (required, audited)</source>
        <translation>Begründung (Pflicht, wird protokolliert)</translation>
    </message>
    <message>
        <source>Record dose</source>
        <translation>Impfung speichern</translation>
    </message>
    <message>
        <source>Thawed at (today, HH:MM):</source>
        <translation>Aufgetaut um (heute, HH:MM):</translation>
    </message>
    <message>
        <source>Open this vial</source>
        <translation>Jetzt anbrechen</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>STOP – do not vaccinate. This cannot be overridden.</source>
        <translation>STOPP – nicht impfen. Kann nicht übergangen werden.</translation>
    </message>
    <message>
        <source>To the desk</source>
        <translation>Zum Empfang</translation>
    </message>
    <message>
        <source>Why no vaccination today</source>
        <translation>Warum heute keine Impfung</translation>
    </message>
    <message>
        <source>Leaves, no dose</source>
        <translation>Geht ohne Impfung</translation>
    </message>
    <message>
        <source>Next step: call the next person.</source>
        <translation>Nächster Schritt: nächste Person aufrufen.</translation>
    </message>
    <message>
        <source>Dose recorded. Next step: call the next person.</source>
        <translation>Impfung gespeichert. Nächster Schritt: nächste Person aufrufen.</translation>
    </message>
    <message>
        <source>This person is not with the doctor; call them from the queue.</source>
        <translation>Diese Person ist nicht beim Arzt; bitte aus der Warteschlange aufrufen.</translation>
    </message>
    <message>
        <source>Next step: read the flagged answers with the person, then press “Answers discussed”.</source>
        <translation>Nächster Schritt: die markierten Antworten mit der Person besprechen, dann „Antworten besprochen“ drücken.</translation>
    </message>
    <message>
        <source>Next step: scan the vial or pick it from the list.</source>
        <translation>Nächster Schritt: Durchstechflasche scannen oder aus der Liste wählen.</translation>
    </message>
    <message>
        <source>Checking the rules…</source>
        <translation>Regeln werden geprüft…</translation>
    </message>
    <message>
        <source>No dose can be recorded: see the red box.</source>
        <translation>Keine Impfung möglich: siehe roten Kasten.</translation>
    </message>
    <message>
        <source>Next step: choose the injection site.</source>
        <translation>Nächster Schritt: Impfstelle wählen.</translation>
    </message>
    <message>
        <source>Next step: write the reason for going ahead despite the warning.</source>
        <translation>Nächster Schritt: Begründung trotz Warnung eintragen.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Then book the follow-up on the “Schedule” page.</source>
        <translation>Danach den Folgetermin auf der Seite „Terminplanung“ buchen.</translation>
    </message>
    <message>
        <source>The follow-up is booked at the exit desk.</source>
        <translation>Den Folgetermin bucht das Team am Ausgang.</translation>
    </message>
    <message>
        <source>✔ Recorded: dose {dose} {product}, {site}, {vial}.
Observation until {ends}.</source>
        <translation>✔ Gespeichert: Impfung {dose} {product}, {site}, {vial}.
Nachbeobachtung bis {ends}.</translation>
    </message>
    <message>
        <source>Dose {dose} · {product} · {left} doses left in the vial</source>
        <translation>Impfung {dose} · {product} · noch {left} Dosen in der Flasche</translation>
    </message>
    <message>
        <source>Ready: press “Record dose”.</source>
        <translation>Bereit: „Impfung speichern“ drücken.</translation>
    </message>
</context>
<context>
    <name>EarlierDoseForm</name>
    <message>
        <source>Add a dose given elsewhere (from the vaccination card)</source>
        <translation>Anderswo erhaltene Impfung nachtragen (aus dem Impfpass)</translation>
    </message>
    <message>
        <source>e.g. DE, AT, PL</source>
        <translation>z. B. DE, AT, PL</translation>
    </message>
    <message>
        <source>Date given</source>
        <translation>Impfdatum</translation>
    </message>
    <message>
        <source>Vaccine</source>
        <translation>Impfstoff</translation>
    </message>
    <message>
        <source>Country (2 letters)</source>
        <translation>Land (2 Buchstaben)</translation>
    </message>
    <message>
        <source>Add dose</source>
        <translation>Impfung nachtragen</translation>
    </message>
    <message>
        <source>Enter the country as two letters, e.g. DE, AT or PL.</source>
        <translation>Land mit zwei Buchstaben angeben, z. B. DE, AT oder PL.</translation>
    </message>
    <message>
        <source>Choose the vaccine.</source>
        <translation>Impfstoff wählen.</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>This passphrase does not unlock the station. Check it and try again.</source>
        <translation>Mit dieser Passphrase lässt sich die Station nicht entsperren. Bitte prüfen und erneut versuchen.</translation>
    </message>
    <message>
        <source>There is no station database here yet. Ask your site lead to set up this station.</source>
        <translation>Hier gibt es noch keine Stationsdatenbank. Bitte lassen Sie diese Station von der Standortleitung einrichten.</translation>
    </message>
    <message>
        <source>This file is not a VaxDesk station database, or its key file belongs to another one. Nothing was changed.</source>
        <translation>Diese Datei ist keine VaxDesk-Stationsdatenbank, oder ihre Schlüsseldatei gehört zu einer anderen Datenbank. Es wurde nichts verändert.</translation>
    </message>
    <message>
        <source>The station database is damaged and cannot be opened. It was left untouched; ask your site lead to restore it from the backup.</source>
        <translation>Die Stationsdatenbank ist beschädigt und kann nicht geöffnet werden. Sie wurde nicht verändert; bitte lassen Sie sie von der Standortleitung aus der Sicherung wiederherstellen.</translation>
    </message>
    <message>
        <source>This database was written by a newer VaxDesk. Update VaxDesk on this computer.</source>
        <translation>Diese Datenbank stammt von einer neueren VaxDesk-Version. Bitte aktualisieren Sie VaxDesk auf diesem Computer.</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock the station (Ctrl+L)</source>
        <translation>Station sperren (Strg+L)</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>Who is working at this station?</source>
        <translation>Wer arbeitet an dieser Station?</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Choose your name on the left.</source>
        <translation>Wählen Sie links Ihren Namen.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>In observation</source>
        <translation>In Nachbeobachtung</translation>
    </message>
    <message>
        <source>{initials} until {time} ({minutes} min left)</source>
        <translation>{initials} bis {time} (noch {minutes} Min.)</translation>
    </message>
    <message>
        <source>{initials}: observation over since {time}</source>
        <translation>{initials}: Nachbeobachtung seit {time} vorbei</translation>
    </message>
    <message>
        <source>Hello {name}, please enter your PIN.</source>
        <translation>Hallo {name}, bitte geben Sie Ihre PIN ein.</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Bitte wählen Sie zuerst Ihren Namen.</translation>
    </message>
    <message>
        <source>Enter your PIN (at least 4 digits).</source>
        <translation>Bitte geben Sie Ihre PIN ein (mindestens 4 Ziffern).</translation>
    </message>
</context>
<context>
    <name>LotsPage</name>
    <message>
        <source>Receive a lot</source>
        <translation>Charge annehmen</translation>
    </message>
    <message>
        <source>Scan the code on the carton (GS1 DataMatrix)</source>
        <translation>Kartoncode scannen (GS1)</translation>
    </message>
    <message>
        <source>Carton code from the scanner</source>
        <translation>Kartoncode vom Scanner</translation>
    </message>
    <message>
        <source>Type it instead</source>
        <translation>Stattdessen eintippen</translation>
    </message>
    <message>
        <source>as printed</source>
        <translation>wie aufgedruckt</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Impfstoff</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Verfall</translation>
    </message>
    <message>
        <source>Why the product is chosen by hand (required)</source>
        <translation>Warum der Impfstoff von Hand gewählt wird (Pflicht)</translation>
    </message>
    <message>
        <source>Vials received:</source>
        <translation>Erhaltene Flaschen:</translation>
    </message>
    <message>
        <source>count them</source>
        <translation>bitte zählen</translation>
    </message>
    <message>
        <source>Receive lot</source>
        <translation>Charge annehmen</translation>
    </message>
    <message>
        <source>Show used-up lots</source>
        <translation>Aufgebrauchte Chargen zeigen</translation>
    </message>
    <message>
        <source>Thawed at:</source>
        <translation>Aufgetaut um:</translation>
    </message>
    <message>
        <source>Open a vial</source>
        <translation>Flasche anbrechen</translation>
    </message>
    <message>
        <source>Reason to block the lot, e.g. recall</source>
        <translation>Grund für die Sperre, z. B. Rückruf</translation>
    </message>
    <message>
        <source>Block lot</source>
        <translation>Charge sperren</translation>
    </message>
    <message>
        <source>Discard because:</source>
        <translation>Verwurf wegen:</translation>
    </message>
    <message>
        <source>Discard vial</source>
        <translation>Flasche verwerfen</translation>
    </message>
    <message>
        <source>Lots in stock ({n})</source>
        <translation>Chargen im Bestand ({n})</translation>
    </message>
    <message>
        <source>Open vials ({n})</source>
        <translation>Angebrochene Flaschen ({n})</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>auswählen…</translation>
    </message>
    <message>
        <source>The code could not be read: {why} Scan it again or type the fields.</source>
        <translation>Der Code ist nicht lesbar: {why} Erneut scannen oder die Felder eintippen.</translation>
    </message>
    <message>
        <source>Lot {lot} · expiry {expiry} · GTIN {gtin}</source>
        <translation>Charge {lot} · Verfall {expiry} · GTIN {gtin}</translation>
    </message>
    <message>
        <source>Unknown GTIN: this code is not in the vaccine catalogue. Choose the product by hand and give a reason, or ask the site lead to add the GTIN.</source>
        <translation>Unbekannte GTIN: dieser Code ist nicht im Impfstoffkatalog. Impfstoff von Hand wählen und begründen, oder die Leitung bitten, die GTIN aufzunehmen.</translation>
    </message>
    <message>
        <source>{product} · {doses} doses per vial</source>
        <translation>{product} · {doses} Dosen pro Flasche</translation>
    </message>
    <message>
        <source>Scan the carton, or press “Type it instead”.</source>
        <translation>Karton scannen oder „Stattdessen eintippen“ drücken.</translation>
    </message>
    <message>
        <source>Choose the product.</source>
        <translation>Impfstoff wählen.</translation>
    </message>
    <message>
        <source>Give the reason for choosing the product by hand.</source>
        <translation>Begründung für die Wahl von Hand angeben.</translation>
    </message>
    <message>
        <source>Type the lot number as printed on the carton.</source>
        <translation>Chargennummer wie auf dem Karton eintippen.</translation>
    </message>
    <message>
        <source>Enter how many vials you received (1 to {max}).</source>
        <translation>Anzahl erhaltener Flaschen eingeben (1 bis {max}).</translation>
    </message>
    <message>
        <source>= {doses} doses ({per} per vial)</source>
        <translation>= {doses} Dosen ({per} pro Flasche)</translation>
    </message>
    <message>
        <source>Lot {lot} of {product} received: {vials} vials = {doses} doses.</source>
        <translation>Charge {lot} von {product} angenommen: {vials} Flaschen = {doses} Dosen.</translation>
    </message>
    <message>
        <source>Select the lot in the list first.</source>
        <translation>Zuerst die Charge in der Liste auswählen.</translation>
    </message>
    <message>
        <source>Click again to open anyway</source>
        <translation>Nochmals klicken: trotzdem öffnen</translation>
    </message>
    <message>
        <source>Vial opened: {vial}. Use by {time}.</source>
        <translation>Flasche angebrochen: {vial}. Verwendbar bis {time}.</translation>
    </message>
    <message>
        <source>Write why the lot is blocked (recall notice, cold-chain break, …).</source>
        <translation>Grund für die Sperre eintragen (Rückruf, Kühlkettenunterbrechung, …).</translation>
    </message>
    <message>
        <source>Click again to block lot {lot}</source>
        <translation>Nochmals klicken: Charge {lot} sperren</translation>
    </message>
    <message>
        <source>Lot {lot} is blocked: no vial of it can be opened or used.</source>
        <translation>Charge {lot} ist gesperrt: keine Flasche daraus darf angebrochen oder verwendet werden.</translation>
    </message>
    <message>
        <source>Select the vial in the list first.</source>
        <translation>Zuerst die Flasche in der Liste auswählen.</translation>
    </message>
    <message>
        <source>Click again: discard, {left} doses wasted</source>
        <translation>Nochmals klicken: verwerfen, {left} Dosen Verwurf</translation>
    </message>
    <message>
        <source>Vial discarded ({reason}): {vial}.</source>
        <translation>Flasche verworfen ({reason}): {vial}.</translation>
    </message>
</context>
<context>
    <name>LotsWords</name>
    <message>
        <source>Expired after opening</source>
        <translation>Nach Anbruch abgelaufen</translation>
    </message>
    <message>
        <source>Contamination suspected</source>
        <translation>Verdacht auf Kontamination</translation>
    </message>
    <message>
        <source>Vial broken or damaged</source>
        <translation>Flasche zerbrochen oder beschädigt</translation>
    </message>
    <message>
        <source>Unused at the end of the day</source>
        <translation>Bei Tagesende nicht verbraucht</translation>
    </message>
    <message>
        <source>Expired at {time}</source>
        <translation>Abgelaufen um {time}</translation>
    </message>
    <message>
        <source>Vial</source>
        <translation>Durchstechflasche</translation>
    </message>
    <message>
        <source>Doses left</source>
        <translation>Dosen übrig</translation>
    </message>
    <message>
        <source>Do not use</source>
        <translation>Nicht verwenden</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Impfstoff</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Verfall</translation>
    </message>
    <message>
        <source>Vials opened</source>
        <translation>Flaschen angebrochen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>{days} d {hours} h</source>
        <translation>{days} T {hours} h</translation>
    </message>
    <message>
        <source>{hours} h {minutes:02d} min</source>
        <translation>{hours} h {minutes:02d} min</translation>
    </message>
    <message>
        <source>{minutes}:{seconds:02d} min</source>
        <translation>{minutes}:{seconds:02d} min</translation>
    </message>
    <message>
        <source>{product} {lot}{serial}</source>
        <translation>{product} {lot}{serial}</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <source>Doses</source>
        <translation>Dosen</translation>
    </message>
    <message>
        <source>Use by {time}</source>
        <translation>Verwendbar bis {time}</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Verimpft</translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation>Verwurf</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Blocked: {reason}</source>
        <translation>Gesperrt: {reason}</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Used up</source>
        <translation>Aufgebraucht</translation>
    </message>
    <message>
        <source>In use (product chosen by hand)</source>
        <translation>In Verwendung (Impfstoff von Hand gewählt)</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>{opened} of {received}</source>
        <translation>{opened} von {received}</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Check-in</source>
        <translation>Empfang</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Ärztin/Arzt</translation>
    </message>
    <message>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <source>Vaccine lots</source>
        <translation>Impfstoff-Chargen</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Terminplanung</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Zertifikate</translation>
    </message>
    <message>
        <source>Verify certificate</source>
        <translation>Zertifikat prüfen</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>Tagesbericht</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Zugriffsprotokoll</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>OpeningPlanTab</name>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Öffnet</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Schließt</translation>
    </message>
    <message>
        <source>Slot (min)</source>
        <translation>Takt (min)</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>Impfstraßen</translation>
    </message>
    <message>
        <source>Places per station</source>
        <translation>Plätze je Straße</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Vaccines:</source>
        <translation>Impfstoffe:</translation>
    </message>
    <message>
        <source>Save weekday</source>
        <translation>Wochentag speichern</translation>
    </message>
    <message>
        <source>Create slots</source>
        <translation>Termine anlegen</translation>
    </message>
    <message>
        <source>Closure reason, e.g. public holiday</source>
        <translation>Grund der Schließung, z. B. Feiertag</translation>
    </message>
    <message>
        <source>Close first day</source>
        <translation>Ersten Tag schließen</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Tage:</translation>
    </message>
    <message>
        <source>Closed: {days}</source>
        <translation>Geschlossen: {days}</translation>
    </message>
    <message>
        <source>No closures ahead.</source>
        <translation>Keine Schließtage geplant.</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <source>The document could not be read for printing.</source>
        <translation>Das Dokument konnte nicht zum Drucken gelesen werden.</translation>
    </message>
    <message>
        <source>The printer did not accept the page. Check that it is switched on, has paper and is connected, then print again. Nothing was lost; you can also save it as a PDF.</source>
        <translation>Der Drucker hat die Seite nicht angenommen. Prüfen Sie, ob er eingeschaltet und angeschlossen ist und Papier hat, und drucken Sie dann erneut. Es ging nichts verloren; Sie können die Datei auch als PDF speichern.</translation>
    </message>
</context>
<context>
    <name>PersonCard</name>
    <message>
        <source>Check in (Enter)</source>
        <translation>Anmelden (Enter)</translation>
    </message>
    <message>
        <source>Register as walk-in</source>
        <translation>Ohne Termin anmelden</translation>
    </message>
    <message>
        <source>Born {dob}</source>
        <translation>Geboren am {dob}</translation>
    </message>
    <message>
        <source>No booking today.</source>
        <translation>Heute kein Termin.</translation>
    </message>
    <message>
        <source>Not booked: check in as a walk-in if the person should be vaccinated.</source>
        <translation>Kein Termin: ohne Termin anmelden, wenn die Person geimpft werden soll.</translation>
    </message>
    <message>
        <source>any vaccine</source>
        <translation>beliebiger Impfstoff</translation>
    </message>
    <message>
        <source>Booking {code} · {time} · {product} · dose {dose}</source>
        <translation>Buchung {code} · {time} · {product} · Dosis {dose}</translation>
    </message>
    <message>
        <source>Nothing to do here: see the Queue page.</source>
        <translation>Hier ist nichts zu tun: siehe Seite Warteschlange.</translation>
    </message>
    <message>
        <source>This booking cannot be used. Check the person in as a walk-in instead.</source>
        <translation>Diese Buchung kann nicht verwendet werden. Die Person stattdessen ohne Termin anmelden.</translation>
    </message>
    <message>
        <source>Checked in, but not finished: identity, consent or questions are missing.</source>
        <translation>Eingecheckt, aber nicht fertig: Ausweis, Einwilligung oder Fragen fehlen noch.</translation>
    </message>
    <message>
        <source>Finish check-in (Enter)</source>
        <translation>Abschließen (Enter)</translation>
    </message>
    <message>
        <source>Checked in on the booking of today.</source>
        <translation>Auf die heutige Buchung eingecheckt.</translation>
    </message>
    <message>
        <source>Booked today</source>
        <translation>Heute gebucht</translation>
    </message>
    <message>
        <source>Walk-in, no booking.</source>
        <translation>Ohne Termin.</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Ohne Termin</translation>
    </message>
</context>
<context>
    <name>PersonColumn</name>
    <message>
        <source>Check before vaccinating:</source>
        <translation>Vor der Impfung prüfen:</translation>
    </message>
    <message>
        <source>Answers discussed</source>
        <translation>Antworten besprochen</translation>
    </message>
    <message>
        <source>Dose history</source>
        <translation>Bisherige Impfungen</translation>
    </message>
    <message>
        <source>No dose recorded yet. Ask for the vaccination card: doses given elsewhere are added with “Earlier dose”.</source>
        <translation>Noch keine Impfung erfasst. Nach dem Impfpass fragen: anderswo erhaltene Impfungen mit „Frühere Impfung“ nachtragen.</translation>
    </message>
    <message>
        <source>Earlier dose…</source>
        <translation>Frühere Impfung…</translation>
    </message>
    <message>
        <source>Void / correct…</source>
        <translation>Korrigieren…</translation>
    </message>
    <message>
        <source>Reaction…</source>
        <translation>Impfreaktion…</translation>
    </message>
    <message>
        <source>Adverse reactions</source>
        <translation>Impfreaktionen</translation>
    </message>
    <message>
        <source>No person selected</source>
        <translation>Keine Person ausgewählt</translation>
    </message>
    <message>
        <source>Press “Next person” to call whoever is next in the queue.</source>
        <translation>„Nächste Person“ ruft die nächste Person aus der Warteschlange auf.</translation>
    </message>
    <message>
        <source>{age} years · born {dob}</source>
        <translation>{age} Jahre · geb. {dob}</translation>
    </message>
    <message>
        <source>✔ Discussed and confirmed by the doctor.</source>
        <translation>✔ Ärztlich besprochen und bestätigt.</translation>
    </message>
    <message>
        <source>{time}: {kind} ({severity}){action}</source>
        <translation>{time}: {kind} ({severity}){action}</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Keine erfasst.</translation>
    </message>
</context>
<context>
    <name>PersonCorrectionDialog</name>
    <message>
        <source>Correct the person&apos;s data</source>
        <translation>Daten der Person korrigieren</translation>
    </message>
    <message>
        <source>Correct the data as written in the ID document. The change is recorded with your name and the reason, and reaches every station. Certificates already signed keep the old data until they are re-issued.</source>
        <translation>Bitte die Daten so korrigieren, wie sie im Ausweisdokument stehen. Die Änderung wird mit Ihrem Namen und dem Grund gespeichert und erreicht alle Stationen. Bereits signierte Zertifikate behalten die alten Daten, bis sie neu ausgestellt werden.</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>e.g. checked against the passport</source>
        <translation>z. B. mit dem Reisepass abgeglichen</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Korrektur speichern</translation>
    </message>
    <message>
        <source>Nothing to correct: change at least one field.</source>
        <translation>Nichts zu korrigieren: Bitte mindestens ein Feld ändern.</translation>
    </message>
    <message>
        <source>Give the reason for the correction (for example the ID document it was checked against).</source>
        <translation>Bitte den Grund für die Korrektur angeben (zum Beispiel das Ausweisdokument, mit dem sie geprüft wurde).</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This page is coming in a later update.</source>
        <translation>Diese Seite folgt in einem späteren Update.</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>⚠ The doctor will review this answer</source>
        <translation>⚠ Diese Antwort prüft die Ärztin oder der Arzt</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Freiwillig</translation>
    </message>
    <message>
        <source>Dates, e.g. 12.03.2021, 20.09.2021</source>
        <translation>Daten, z. B. 12.03.2021, 20.09.2021</translation>
    </message>
    <message>
        <source>Date, e.g. 12.03.2021</source>
        <translation>Datum, z. B. 12.03.2021</translation>
    </message>
    <message>
        <source>Please answer yes or no.</source>
        <translation>Bitte mit Ja oder Nein antworten.</translation>
    </message>
    <message>
        <source>Please give the date.</source>
        <translation>Bitte das Datum angeben.</translation>
    </message>
    <message>
        <source>Write dates as DD.MM.YYYY, e.g. 12.03.2021.</source>
        <translation>Daten als TT.MM.JJJJ schreiben, z. B. 12.03.2021.</translation>
    </message>
    <message>
        <source>Only one date is asked for.</source>
        <translation>Nur ein Datum ist gefragt.</translation>
    </message>
    <message>
        <source>A date lies in the future.</source>
        <translation>Ein Datum liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>The same date is given twice.</source>
        <translation>Dasselbe Datum ist doppelt angegeben.</translation>
    </message>
</context>
<context>
    <name>QueueBar</name>
    <message>
        <source>Next person</source>
        <translation>Nächste Person</translation>
    </message>
    <message>
        <source>With a doctor:</source>
        <translation>Beim Arzt:</translation>
    </message>
    <message>
        <source>Nobody is waiting for the doctor.</source>
        <translation>Niemand wartet auf den Arzt.</translation>
    </message>
    <message>
        <source>1 person is ready for the doctor.</source>
        <translation>1 Person ist bereit für den Arzt.</translation>
    </message>
    <message>
        <source>{n} persons are ready for the doctor.</source>
        <translation>{n} Personen sind bereit für den Arzt.</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>auswählen…</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Show finished (last hour)</source>
        <translation>Fertige zeigen (letzte Stunde)</translation>
    </message>
    <message>
        <source>Left observation</source>
        <translation>Nachbeobachtung beendet</translation>
    </message>
    <message>
        <source>Call to doctor</source>
        <translation>Zum Arzt rufen</translation>
    </message>
    <message>
        <source>Finish check-in</source>
        <translation>Check-in abschließen</translation>
    </message>
    <message>
        <source>Identity, consent or questions are missing: finish them at the desk</source>
        <translation>Ausweis, Einwilligung oder Fragen fehlen: am Empfang abschließen</translation>
    </message>
    <message>
        <source>Reason, e.g. did not want to wait</source>
        <translation>Grund, z. B. wollte nicht warten</translation>
    </message>
    <message>
        <source>Left without vaccination</source>
        <translation>Ohne Impfung gegangen</translation>
    </message>
    <message>
        <source>Leaves without vaccination:</source>
        <translation>Geht ohne Impfung:</translation>
    </message>
    <message>
        <source>Reason, e.g. feels well, picked up by family</source>
        <translation>Grund, z. B. fühlt sich wohl, von Angehörigen abgeholt</translation>
    </message>
    <message>
        <source>End observation early</source>
        <translation>Vorzeitig beenden</translation>
    </message>
    <message>
        <source>Keep observing</source>
        <translation>Weiter beobachten</translation>
    </message>
    <message>
        <source>Observation over: {names}. They may leave: select and press “Left observation”.</source>
        <translation>Nachbeobachtung vorbei: {names}. Darf gehen: auswählen und „Nachbeobachtung beendet“ drücken.</translation>
    </message>
    <message>
        <source>Waiting: {waiting} · With the doctor: {doctor} · In observation: {observation}</source>
        <translation>Wartend: {waiting} · Beim Arzt: {doctor} · In Nachbeobachtung: {observation}</translation>
    </message>
    <message>
        <source>Select a person in the list first.</source>
        <translation>Bitte zuerst eine Person in der Liste auswählen.</translation>
    </message>
    <message>
        <source>{name} has left observation.</source>
        <translation>{name} hat die Nachbeobachtung beendet.</translation>
    </message>
    <message>
        <source>{name} is called to the doctor.</source>
        <translation>{name} wurde zum Arzt gerufen.</translation>
    </message>
    <message>
        <source>{name} left without vaccination.</source>
        <translation>{name} ist ohne Impfung gegangen.</translation>
    </message>
    <message>
        <source>{name}: observation is not over ({minutes} min left). Why does it end early?</source>
        <translation>{name}: Die Nachbeobachtung läuft noch ({minutes} Min.). Warum endet sie vorzeitig?</translation>
    </message>
    <message>
        <source>Write why the observation ends early.</source>
        <translation>Bitte angeben, warum die Nachbeobachtung vorzeitig endet.</translation>
    </message>
    <message>
        <source>Write the reason for leaving first (e.g. “did not want to wait”).</source>
        <translation>Bitte zuerst den Grund eintragen (z. B. „wollte nicht warten“).</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Something went wrong inside VaxDesk; nothing was changed.</source>
        <translation>In VaxDesk ist ein Fehler aufgetreten; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>{label} is required.</source>
        <translation>{label} ist erforderlich.</translation>
    </message>
    <message>
        <source>{label} is too long (at most {max} characters).</source>
        <translation>{label} ist zu lang (höchstens {max} Zeichen).</translation>
    </message>
    <message>
        <source>{label} contains characters that cannot be stored.</source>
        <translation>{label} enthält Zeichen, die nicht gespeichert werden können.</translation>
    </message>
    <message>
        <source>The sync server refused the request ({server_code}).</source>
        <translation>Der Sync-Server hat die Anfrage abgelehnt ({server_code}).</translation>
    </message>
    <message>
        <source>This change cannot be recorded for sync ({code}); nothing was saved.</source>
        <translation>Diese Änderung kann nicht für die Synchronisierung erfasst werden ({code}); es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Your role may not {action}.</source>
        <translation>Ihre Rolle darf das nicht ({action}).</translation>
    </message>
    <message>
        <source>A person cannot be merged with themselves.</source>
        <translation>Eine Person kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <source>This review task is already resolved or is not a duplicate person.</source>
        <translation>Diese Prüfaufgabe ist schon erledigt oder betrifft keine doppelt erfasste Person.</translation>
    </message>
    <message>
        <source>The family name is missing. A person with a single name has it entered as family name.</source>
        <translation>Der Familienname fehlt. Bei nur einem Namen wird er als Familienname eingetragen.</translation>
    </message>
    <message>
        <source>The family name has no letters that can be written in the certificate.</source>
        <translation>Der Familienname enthält keine Buchstaben, die im Zertifikat geschrieben werden können.</translation>
    </message>
    <message>
        <source>The name has letters without an ICAO transliteration ({letters}): scan or type the machine-readable zone (MRZ) of the person&apos;s passport or ID card.</source>
        <translation>Der Name enthält Buchstaben ohne ICAO-Transliteration ({letters}): Bitte die maschinenlesbare Zone (MRZ) des Reisepasses oder Personalausweises scannen oder abtippen.</translation>
    </message>
    <message>
        <source>A name or the issuer is longer than {max} characters.</source>
        <translation>Ein Name oder der Aussteller ist länger als {max} Zeichen.</translation>
    </message>
    <message>
        <source>The country must be a two-letter code such as DE.</source>
        <translation>Das Land muss ein zweistelliger Code wie DE sein.</translation>
    </message>
    <message>
        <source>The date of birth must look like 1964-08-12, 1964-08 or 1964.</source>
        <translation>Das Geburtsdatum muss die Form 1964-08-12, 1964-08 oder 1964 haben.</translation>
    </message>
    <message>
        <source>The date of birth {dob} does not exist.</source>
        <translation>Das Geburtsdatum {dob} gibt es nicht.</translation>
    </message>
    <message>
        <source>Dose number and number of doses must be between 1 and 9.</source>
        <translation>Impfdosis und Anzahl der Dosen müssen zwischen 1 und 9 liegen.</translation>
    </message>
    <message>
        <source>The vaccination date {value} is not a date like 2021-06-11.</source>
        <translation>Das Impfdatum {value} ist kein Datum wie 2021-06-11.</translation>
    </message>
    <message>
        <source>The vaccination date {date} is before the date of birth {dob}; correct the dose or the person&apos;s date of birth.</source>
        <translation>Das Impfdatum {date} liegt vor dem Geburtsdatum {dob}; korrigieren Sie die Impfung oder das Geburtsdatum der Person.</translation>
    </message>
    <message>
        <source>The certificate identifier has a wrong check character.</source>
        <translation>Die Zertifikatkennung hat ein falsches Prüfzeichen.</translation>
    </message>
    <message>
        <source>The certificate data does not match the EU format: {problems}</source>
        <translation>Die Zertifikatsdaten entsprechen nicht dem EU-Format: {problems}</translation>
    </message>
    <message>
        <source>A recovery certificate is valid at the earliest from 11 days after the positive test ({date}).</source>
        <translation>Ein Genesenenzertifikat gilt frühestens ab dem 11. Tag nach dem positiven Test ({date}).</translation>
    </message>
    <message>
        <source>A recovery certificate is valid for at most 180 days after the positive test (until {date}).</source>
        <translation>Ein Genesenenzertifikat gilt höchstens 180 Tage nach dem positiven Test (bis {date}).</translation>
    </message>
    <message>
        <source>The positive test was more than 180 days ago: a recovery certificate can no longer be issued.</source>
        <translation>Der positive Test liegt mehr als 180 Tage zurück: Ein Genesenenzertifikat kann nicht mehr ausgestellt werden.</translation>
    </message>
    <message>
        <source>A recovery certificate needs a positive NAAT (PCR) test result recorded here; this infection was recorded from a document or the questionnaire.</source>
        <translation>Für ein Genesenenzertifikat braucht es ein hier erfasstes positives PCR-Testergebnis (NAAT); diese Infektion wurde aus einem Dokument oder dem Fragebogen erfasst.</translation>
    </message>
    <message>
        <source>The signer certificate is not valid now; a new one is needed.</source>
        <translation>Das Signaturzertifikat ist derzeit nicht gültig; ein neues wird benötigt.</translation>
    </message>
    <message>
        <source>This signer certificate has expired.</source>
        <translation>Dieses Signaturzertifikat ist abgelaufen.</translation>
    </message>
    <message>
        <source>This signer certificate is not for vaccination certificates (its extended key usage lacks the EU vaccination OID). Ask for a vaccination document signer.</source>
        <translation>Dieses Signaturzertifikat ist nicht für Impfzertifikate bestimmt (in seiner erweiterten Schlüsselverwendung fehlt die EU-OID für Impfungen). Bitte einen Dokumentsigner für Impfungen anfordern.</translation>
    </message>
    <message>
        <source>The document signer may not sign recovery certificates (its extended key usage lacks the EU recovery OID).</source>
        <translation>Der Dokumentsigner darf keine Genesenenzertifikate signieren (in seiner erweiterten Schlüsselverwendung fehlt die EU-OID für Genesung).</translation>
    </message>
    <message>
        <source>The PKCS#12 file cannot be read (wrong password, or not a PKCS#12 file).</source>
        <translation>Die PKCS#12-Datei lässt sich nicht lesen (falsches Passwort oder keine PKCS#12-Datei).</translation>
    </message>
    <message>
        <source>The PKCS#12 file holds no key and certificate.</source>
        <translation>Die PKCS#12-Datei enthält keinen Schlüssel mit Zertifikat.</translation>
    </message>
    <message>
        <source>The document signer expires on {date}: certificates signed now are valid only until then. Ask for a new signer certificate.</source>
        <translation>Der Dokumentsigner läuft am {date} ab: Jetzt signierte Zertifikate gelten nur bis dahin. Bitte ein neues Signaturzertifikat anfordern.</translation>
    </message>
    <message>
        <source>The document signer expires on {date}, in less than 7 days, so it no longer signs. Install a new one; until then the station hands out vouchers.</source>
        <translation>Der Dokumentsigner läuft am {date} ab, in weniger als 7 Tagen, und signiert deshalb nicht mehr. Bitte einen neuen installieren; bis dahin gibt die Station Gutscheine aus.</translation>
    </message>
    <message>
        <source>This station signs with a DEMO signer: its certificates are marked NOT VALID.</source>
        <translation>Diese Station signiert mit einem DEMO-Signer: Ihre Zertifikate sind als UNGÜLTIG gekennzeichnet.</translation>
    </message>
    <message>
        <source>The text to print differs from the signed code; the certificate is printed from the code.</source>
        <translation>Der zu druckende Text weicht vom signierten Code ab; das Zertifikat wird aus dem Code gedruckt.</translation>
    </message>
    <message>
        <source>Only vaccination and recovery certificates can be printed.</source>
        <translation>Nur Impf- und Genesenenzertifikate können gedruckt werden.</translation>
    </message>
    <message>
        <source>The certificate code cannot be read: {detail}</source>
        <translation>Der Zertifikatscode lässt sich nicht lesen: {detail}</translation>
    </message>
    <message>
        <source>That certificate does not exist.</source>
        <translation>Dieses Zertifikat gibt es nicht.</translation>
    </message>
    <message>
        <source>That vaccination does not exist.</source>
        <translation>Diese Impfung gibt es nicht.</translation>
    </message>
    <message>
        <source>This dose was voided; issue the certificate for the corrected record.</source>
        <translation>Diese Impfung wurde storniert; bitte das Zertifikat für den korrigierten Eintrag ausstellen.</translation>
    </message>
    <message>
        <source>This dose was given in {country}: only {country} issues its certificate (Regulation (EU) 2021/953, art. 5). The person asks there.</source>
        <translation>Diese Impfung wurde in {country} gegeben: Nur {country} stellt das Zertifikat aus (Verordnung (EU) 2021/953, Art. 5). Die Person wendet sich dorthin.</translation>
    </message>
    <message>
        <source>This dose already has a certificate: print it again, or correct it.</source>
        <translation>Für diese Impfung gibt es schon ein Zertifikat: Bitte erneut drucken oder korrigieren.</translation>
    </message>
    <message>
        <source>That certificate is for another dose, test or recovery; a correction re-issues the certificate of the same one. Nothing was changed.</source>
        <translation>Dieses Zertifikat gehört zu einer anderen Impfung, einem anderen Test oder einer anderen Genesung; eine Korrektur stellt das Zertifikat derselben neu aus. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>That certificate does not exist or was already replaced.</source>
        <translation>Dieses Zertifikat gibt es nicht oder es wurde bereits ersetzt.</translation>
    </message>
    <message>
        <source>This certificate is a voucher: it is signed as soon as a signer is at hand.</source>
        <translation>Dies ist ein Gutschein: Das Zertifikat wird signiert, sobald ein Signer verfügbar ist.</translation>
    </message>
    <message>
        <source>Give the reason for the correction.</source>
        <translation>Bitte den Grund für die Korrektur angeben.</translation>
    </message>
    <message>
        <source>The certificate already shows the person&apos;s data as recorded; nothing to re-issue.</source>
        <translation>Das Zertifikat zeigt die Daten der Person bereits wie erfasst; es gibt nichts neu auszustellen.</translation>
    </message>
    <message>
        <source>This voucher is no longer valid: its dose record was voided or corrected ({reason}). Look the person up; a corrected dose gets a new certificate.</source>
        <translation>Dieser Gutschein gilt nicht mehr: Seine Impfung wurde storniert oder korrigiert ({reason}). Suchen Sie die Person; eine korrigierte Impfung erhält ein neues Zertifikat.</translation>
    </message>
    <message>
        <source>No voucher has the claim code {code}.</source>
        <translation>Kein Gutschein hat den Abholcode {code}.</translation>
    </message>
    <message>
        <source>This certificate was revoked by this center ({reason}).</source>
        <translation>Dieses Zertifikat wurde von diesem Zentrum widerrufen ({reason}).</translation>
    </message>
    <message>
        <source>The certificate issuer is 1 to 80 printable characters.</source>
        <translation>Der Zertifikataussteller hat 1 bis 80 druckbare Zeichen.</translation>
    </message>
    <message>
        <source>Certificates are valid for 1 to {max} days.</source>
        <translation>Zertifikate gelten 1 bis {max} Tage.</translation>
    </message>
    <message>
        <source>That infection record does not exist.</source>
        <translation>Diesen Infektionseintrag gibt es nicht.</translation>
    </message>
    <message>
        <source>The date of the infection must be on or after the date of birth and not in the future.</source>
        <translation>Das Datum der Infektion muss am oder nach dem Geburtsdatum liegen und darf nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <source>Only a doctor or a nurse may record an infection.</source>
        <translation>Nur eine Ärztin, ein Arzt oder eine Pflegekraft darf eine Infektion erfassen.</translation>
    </message>
    <message>
        <source>A positive test is a NAAT (PCR) or a rapid antigen test.</source>
        <translation>Ein positiver Test ist ein PCR-Test (NAAT) oder ein Antigen-Schnelltest.</translation>
    </message>
    <message>
        <source>An infection on {date} is already recorded for this person.</source>
        <translation>Eine Infektion am {date} ist für diese Person bereits erfasst.</translation>
    </message>
    <message>
        <source>This is not the machine-readable zone of a passport or ID card (2 lines of 44 or 36, or 3 lines of 30 characters A-Z, 0-9 and &lt;).</source>
        <translation>Das ist nicht die maschinenlesbare Zone eines Reisepasses oder Ausweises (2 Zeilen mit 44 oder 36 oder 3 Zeilen mit 30 Zeichen A–Z, 0–9 und &lt;).</translation>
    </message>
    <message>
        <source>The MRZ check digit of the {part} does not match: the line was misread or mistyped.</source>
        <translation>Die MRZ-Prüfziffer für {part} stimmt nicht: Die Zeile wurde falsch gelesen oder vertippt.</translation>
    </message>
    <message>
        <source>This MRZ belongs to someone with another date of birth than this person.</source>
        <translation>Diese MRZ gehört zu jemandem mit einem anderen Geburtsdatum als diese Person.</translation>
    </message>
    <message>
        <source>Only EC and RSA signer certificates are supported.</source>
        <translation>Nur EC- und RSA-Signaturzertifikate werden unterstützt.</translation>
    </message>
    <message>
        <source>The revocation list is not in the EU DCC revocation format (batches of base64 hashes).</source>
        <translation>Die Widerrufsliste hat nicht das EU-DCC-Widerrufsformat (Batches mit Base64-Hashes).</translation>
    </message>
    <message>
        <source>That person does not exist.</source>
        <translation>Diese Person gibt es nicht.</translation>
    </message>
    <message>
        <source>Give the reason for the correction (for example the ID document it was checked against).</source>
        <translation>Bitte den Grund für die Korrektur angeben (zum Beispiel das Ausweisdokument, mit dem sie geprüft wurde).</translation>
    </message>
    <message>
        <source>Nothing to correct: change at least one field.</source>
        <translation>Nichts zu korrigieren: Bitte mindestens ein Feld ändern.</translation>
    </message>
    <message>
        <source>This person&apos;s data was removed after the retention period; it cannot be corrected.</source>
        <translation>Die Daten dieser Person wurden nach Ablauf der Aufbewahrungsfrist gelöscht; sie können nicht korrigiert werden.</translation>
    </message>
    <message>
        <source>Cannot write the station database: the folder or the drive is read-only. The data is intact; ask the site lead to check the drive.</source>
        <translation>Die Stationsdatenbank kann nicht geschrieben werden: Der Ordner oder das Laufwerk ist schreibgeschützt. Die Daten sind unversehrt; bitten Sie die Standortleitung, das Laufwerk zu prüfen.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was half-written and the data is intact; free some space and try again.</source>
        <translation>Der Datenträger ist voll. Nichts wurde halb geschrieben, die Daten sind unversehrt; schaffen Sie Platz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The disk reported an error reading or writing the station database. The drive may be failing; tell the site lead.</source>
        <translation>Der Datenträger hat beim Lesen oder Schreiben der Stationsdatenbank einen Fehler gemeldet. Das Laufwerk ist möglicherweise defekt; informieren Sie die Standortleitung.</translation>
    </message>
    <message>
        <source>The folder &apos;{path}&apos; does not exist.</source>
        <translation>Der Ordner „{path}“ existiert nicht.</translation>
    </message>
    <message>
        <source>The station database is damaged: {finding}. Restore it from a backup; the file was left untouched.</source>
        <translation>Die Stationsdatenbank ist beschädigt: {finding}. Stellen Sie sie aus einer Sicherung wieder her; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; cannot be decrypted with its key: the file was replaced, or its key file belongs to another copy. Restore it from a backup; the file was left untouched.</source>
        <translation>„{path}“ lässt sich mit ihrem Schlüssel nicht entschlüsseln: Die Datei wurde ersetzt, oder die Schlüsseldatei gehört zu einer anderen Kopie. Stellen Sie sie aus einer Sicherung wieder her; die Datei wurde nicht verändert.</translation>
    </message>
    <message>
        <source>The key file&apos;s record of the audit log was altered or does not belong to this database.</source>
        <translation>Der Eintrag der Schlüsseldatei zum Audit-Protokoll wurde verändert oder gehört nicht zu dieser Datenbank.</translation>
    </message>
    <message>
        <source>entries at the start of the audit log were removed (the log now begins at entry {seq})</source>
        <translation>Einträge am Anfang des Audit-Protokolls wurden entfernt (es beginnt jetzt mit Eintrag {seq})</translation>
    </message>
    <message>
        <source>an entry before entry {seq} was removed or its order changed</source>
        <translation>ein Eintrag vor Eintrag {seq} wurde entfernt oder die Reihenfolge verändert</translation>
    </message>
    <message>
        <source>entry {seq} was changed after it was written, or the log was rewritten</source>
        <translation>Eintrag {seq} wurde nachträglich verändert, oder das Protokoll wurde neu geschrieben</translation>
    </message>
    <message>
        <source>the last entries of the audit log were removed: entries from {seq} on are missing (it was anchored at entry {anchored})</source>
        <translation>die letzten Einträge des Audit-Protokolls wurden entfernt: Ab Eintrag {seq} fehlt alles (verankert war es bei Eintrag {anchored})</translation>
    </message>
    <message>
        <source>every entry of the audit log was removed (it was anchored at entry {anchored})</source>
        <translation>alle Einträge des Audit-Protokolls wurden entfernt (verankert war es bei Eintrag {anchored})</translation>
    </message>
    <message>
        <source>the audit log goes on past its anchor (entry {anchored}): entries were added outside VaxDesk</source>
        <translation>das Audit-Protokoll reicht über seinen Anker (Eintrag {anchored}) hinaus: Einträge wurden außerhalb von VaxDesk hinzugefügt</translation>
    </message>
    <message>
        <source>entries were removed or replaced before entry {seq}; VaxDesk noticed it on {noticed}</source>
        <translation>vor Eintrag {seq} wurden Einträge entfernt oder ersetzt; VaxDesk hat das am {noticed} bemerkt</translation>
    </message>
    <message>
        <source>entry {seq} differs from the copy the sync server acknowledged: the log was rewritten</source>
        <translation>Eintrag {seq} weicht von der Kopie ab, die der Sync-Server bestätigt hat: Das Protokoll wurde neu geschrieben</translation>
    </message>
    <message>
        <source>the sync server acknowledged entries up to {server_seq} that this station no longer has (from entry {seq}); was it restored from an older backup?</source>
        <translation>der Sync-Server hat Einträge bis {server_seq} bestätigt, die diese Station nicht mehr hat (ab Eintrag {seq}); wurde sie aus einer älteren Sicherung wiederhergestellt?</translation>
    </message>
    <message>
        <source>Wrong PIN. Please try again.</source>
        <translation>Falsche PIN. Bitte versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in {minutes} min or ask an admin.</source>
        <translation>Zu viele falsche PIN-Eingaben. Bitte in {minutes} Min. erneut versuchen oder die Standortleitung fragen.</translation>
    </message>
    <message>
        <source>Your role may not do this. Log in with an account that may.</source>
        <translation>Ihre Rolle darf das nicht. Melden Sie sich mit einem Konto an, das dazu berechtigt ist.</translation>
    </message>
    <message>
        <source>Your account was deactivated or given another role since you logged in. Log in again.</source>
        <translation>Ihr Konto wurde seit Ihrer Anmeldung deaktiviert oder hat eine andere Rolle erhalten. Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists; add --force to overwrite it.</source>
        <translation>„{path}“ existiert bereits; mit --force wird die Datei überschrieben.</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Der Name ist leer.</translation>
    </message>
    <message>
        <source>The name is too long: at most {max} characters.</source>
        <translation>Der Name ist zu lang: höchstens {max} Zeichen.</translation>
    </message>
    <message>
        <source>The name contains an invisible control character ({codepoint}); retype it.</source>
        <translation>Der Name enthält ein unsichtbares Steuerzeichen ({codepoint}); bitte neu eingeben.</translation>
    </message>
    <message>
        <source>The name contains the digit &apos;{char}&apos;; names have no digits.</source>
        <translation>Der Name enthält die Ziffer „{char}“; Namen haben keine Ziffern.</translation>
    </message>
    <message>
        <source>The name contains &apos;{char}&apos;, which does not belong in a name (letters, spaces, hyphens, apostrophes and periods are allowed).</source>
        <translation>Der Name enthält „{char}“, das gehört nicht in einen Namen (erlaubt sind Buchstaben, Leerzeichen, Bindestriche, Apostrophe und Punkte).</translation>
    </message>
    <message>
        <source>The name must contain at least one letter.</source>
        <translation>Der Name muss mindestens einen Buchstaben enthalten.</translation>
    </message>
    <message>
        <source>Date of birth must be written YYYY-MM-DD.</source>
        <translation>Das Geburtsdatum bitte als JJJJ-MM-TT eingeben.</translation>
    </message>
    <message>
        <source>That date of birth does not exist.</source>
        <translation>Dieses Geburtsdatum gibt es nicht.</translation>
    </message>
    <message>
        <source>Date of birth before {year}: please check it.</source>
        <translation>Geburtsdatum vor {year}: bitte prüfen.</translation>
    </message>
    <message>
        <source>Date of birth lies in the future.</source>
        <translation>Das Geburtsdatum liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>{product} is given from {min} years; on the day of the appointment the person is younger.</source>
        <translation>{product} wird ab {min} Jahren gegeben; am Tag des Termins ist die Person jünger.</translation>
    </message>
    <message>
        <source>{product} is given up to {max} years; on the day of the appointment the person is older.</source>
        <translation>{product} wird bis {max} Jahre gegeben; am Tag des Termins ist die Person älter.</translation>
    </message>
    <message>
        <source>That is not an e-mail address (for example name@example.org).</source>
        <translation>Das ist keine E-Mail-Adresse (zum Beispiel name@beispiel.de).</translation>
    </message>
    <message>
        <source>A phone number has at least 5 digits and only digits, spaces and + ( ) / . -</source>
        <translation>Eine Telefonnummer hat mindestens 5 Ziffern und nur Ziffern, Leerzeichen und + ( ) / . -</translation>
    </message>
    <message>
        <source>Some details are not valid; see each field.</source>
        <translation>Einige Angaben sind nicht gültig; bitte die einzelnen Felder prüfen.</translation>
    </message>
    <message>
        <source>There is no such time slot.</source>
        <translation>Diesen Termin gibt es nicht.</translation>
    </message>
    <message>
        <source>This time slot has already begun; please choose a later one.</source>
        <translation>Dieser Termin hat schon begonnen; bitte einen späteren wählen.</translation>
    </message>
    <message>
        <source>This time is fully booked. Please choose another one.</source>
        <translation>Dieser Termin ist ausgebucht. Bitte einen anderen wählen.</translation>
    </message>
    <message>
        <source>This person has booked this time already; the booking code is in the confirmation e-mail.</source>
        <translation>Diese Person hat diesen Termin bereits gebucht; der Buchungscode steht in der Bestätigungs-E-Mail.</translation>
    </message>
    <message>
        <source>That is not a booking code (it looks like ABCD-EFGH-J).</source>
        <translation>Das ist kein Buchungscode (er sieht so aus: ABCD-EFGH-J).</translation>
    </message>
    <message>
        <source>No booking has this code.</source>
        <translation>Zu diesem Code gibt es keine Buchung.</translation>
    </message>
    <message>
        <source>This booking can no longer be cancelled or moved (it is {state}).</source>
        <translation>Diese Buchung kann nicht mehr abgesagt oder verschoben werden (Stand: {state}).</translation>
    </message>
    <message>
        <source>The date of birth does not match this booking.</source>
        <translation>Das Geburtsdatum passt nicht zu dieser Buchung.</translation>
    </message>
    <message>
        <source>The booking is already at this time.</source>
        <translation>Die Buchung ist schon zu dieser Zeit.</translation>
    </message>
    <message>
        <source>Too many requests; please try again in {retry_after} seconds.</source>
        <translation>Zu viele Anfragen; bitte in {retry_after} Sekunden erneut versuchen.</translation>
    </message>
    <message>
        <source>Please confirm you are not a robot (the page&apos;s check did not run).</source>
        <translation>Bitte bestätigen Sie, dass Sie kein Roboter sind (die Prüfung der Seite ist nicht gelaufen).</translation>
    </message>
    <message>
        <source>The robot check failed or expired; please try again.</source>
        <translation>Die Roboter-Prüfung ist fehlgeschlagen oder abgelaufen; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>This robot check was already used; please try again.</source>
        <translation>Diese Roboter-Prüfung wurde schon verwendet; bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>This slot belongs to another site than the station&apos;s.</source>
        <translation>Dieser Termin gehört zu einem anderen Standort als diese Station.</translation>
    </message>
    <message>
        <source>This station is already enrolled; ask the administrator for a re-enrolment code for it.</source>
        <translation>Diese Station ist schon angemeldet; bitte beim Administrator einen Code zur erneuten Anmeldung dieser Station anfordern.</translation>
    </message>
    <message>
        <source>This enrolment code was issued for another station.</source>
        <translation>Dieser Anmeldecode wurde für eine andere Station ausgestellt.</translation>
    </message>
    <message>
        <source>The master key does not open the data key of {count} tenant(s).</source>
        <translation>Der Hauptschlüssel öffnet den Datenschlüssel von {count} Mandant(en) nicht.</translation>
    </message>
    <message>
        <source>This result cannot be opened with these details (name, date of birth, or the link is incomplete).</source>
        <translation>Mit diesen Angaben lässt sich das Ergebnis nicht öffnen (Name, Geburtsdatum oder der Link ist unvollständig).</translation>
    </message>
    <message>
        <source>The link from the e-mail is missing or incomplete.</source>
        <translation>Der Link aus der E-Mail fehlt oder ist unvollständig.</translation>
    </message>
    <message>
        <source>Result mails need the tenant&apos;s mail_from and public_url settings.</source>
        <translation>Für Ergebnis-E-Mails braucht der Mandant die Einstellungen mail_from und public_url.</translation>
    </message>
    <message>
        <source>Result mails are written in German or English, not &apos;{lang}&apos;.</source>
        <translation>Ergebnis-E-Mails gibt es auf Deutsch oder Englisch, nicht in „{lang}“.</translation>
    </message>
    <message>
        <source>&apos;{kind}&apos; is not a kind of result (test_result or a certificate).</source>
        <translation>„{kind}“ ist keine Ergebnisart (test_result oder ein Zertifikat).</translation>
    </message>
    <message>
        <source>That is not a result token (CS2:...).</source>
        <translation>Das ist kein Ergebnis-Code (CS2:…).</translation>
    </message>
    <message>
        <source>A test is a rapid antigen test or a NAAT (PCR).</source>
        <translation>Ein Test ist ein Antigen-Schnelltest oder ein NAAT (PCR).</translation>
    </message>
    <message>
        <source>That visit does not exist; check the person in first.</source>
        <translation>Diesen Besuch gibt es nicht; bitte die Person zuerst einchecken.</translation>
    </message>
    <message>
        <source>That test does not exist.</source>
        <translation>Diesen Test gibt es nicht.</translation>
    </message>
    <message>
        <source>The person has no e-mail address on record; add it before sending the result by e-mail.</source>
        <translation>Für die Person ist keine E-Mail-Adresse gespeichert; bitte erst die Adresse eintragen, dann das Ergebnis per E-Mail senden.</translation>
    </message>
    <message>
        <source>This person already has a test waiting for its result.</source>
        <translation>Für diese Person läuft bereits ein Test, dessen Ergebnis noch aussteht.</translation>
    </message>
    <message>
        <source>Scan or choose the rapid test&apos;s device.</source>
        <translation>Bitte den Schnelltest scannen oder aus der Liste wählen.</translation>
    </message>
    <message>
        <source>&apos;{device}&apos; is not a rapid test device on the EU list.</source>
        <translation>„{device}“ ist kein Schnelltest der EU-Liste.</translation>
    </message>
    <message>
        <source>{device} is no longer on the EU list of accepted rapid tests.</source>
        <translation>{device} steht nicht mehr auf der EU-Liste der anerkannten Schnelltests.</translation>
    </message>
    <message>
        <source>A NAAT (PCR) needs the name of the lab.</source>
        <translation>Für einen NAAT (PCR) bitte das Labor angeben.</translation>
    </message>
    <message>
        <source>The sample id is 1 to 40 letters, digits, spaces or . / _ -, as on the tube&apos;s label.</source>
        <translation>Die Probennummer hat 1 bis 40 Buchstaben, Ziffern, Leerzeichen oder . / _ -, wie auf dem Etikett des Röhrchens.</translation>
    </message>
    <message>
        <source>The sample of this test was already taken.</source>
        <translation>Für diesen Test wurde die Probe bereits entnommen.</translation>
    </message>
    <message>
        <source>Take the sample before entering the result.</source>
        <translation>Bitte zuerst die Probe entnehmen, dann das Ergebnis eintragen.</translation>
    </message>
    <message>
        <source>A result is positive, negative or invalid.</source>
        <translation>Ein Ergebnis ist positiv, negativ oder ungültig.</translation>
    </message>
    <message>
        <source>This station&apos;s clock reads earlier than the sample time ({time}): the clock was set back. How long the test has developed cannot be told: void it and take a new sample.</source>
        <translation>Die Uhr dieser Station zeigt eine frühere Zeit als die Probenentnahme ({time}): Die Uhr wurde zurückgestellt. Wie lange sich der Test entwickelt hat, ist nicht feststellbar: Stornieren Sie ihn und nehmen Sie eine neue Probe.</translation>
    </message>
    <message>
        <source>Too early: this rapid test may be read from {time} ({minutes} minutes after the sample). Wait and read it again.</source>
        <translation>Zu früh: Dieser Schnelltest darf erst ab {time} abgelesen werden ({minutes} Minuten nach der Probe). Bitte warten und dann erneut ablesen.</translation>
    </message>
    <message>
        <source>This test already has its result; void it if it was wrong.</source>
        <translation>Dieser Test hat bereits ein Ergebnis; war es falsch, den Test stornieren.</translation>
    </message>
    <message>
        <source>This test was voided.</source>
        <translation>Dieser Test wurde storniert.</translation>
    </message>
    <message>
        <source>A test certificate needs the test&apos;s result.</source>
        <translation>Für ein Testzertifikat muss das Testergebnis vorliegen.</translation>
    </message>
    <message>
        <source>A test certificate is issued for a negative result only (a positive NAAT gives a recovery certificate).</source>
        <translation>Ein Testzertifikat gibt es nur für ein negatives Ergebnis (ein positiver NAAT ergibt ein Genesenenzertifikat).</translation>
    </message>
    <message>
        <source>Test certificates are signed at the station: install the site&apos;s document signer.</source>
        <translation>Testzertifikate werden an der Station signiert: Bitte den Dokumentsigner des Standorts installieren.</translation>
    </message>
    <message>
        <source>The site&apos;s document signer may not sign test certificates.</source>
        <translation>Der Dokumentsigner des Standorts darf keine Testzertifikate signieren.</translation>
    </message>
    <message>
        <source>Input too long ({count} characters). Scan again or type the name.</source>
        <translation>Eingabe zu lang ({count} Zeichen). Bitte erneut scannen oder den Namen eingeben.</translation>
    </message>
    <message>
        <source>Not a booking code, name or date of birth. Scan again or type a name.</source>
        <translation>Kein Buchungscode, Name oder Geburtsdatum. Bitte erneut scannen oder einen Namen eingeben.</translation>
    </message>
    <message>
        <source>Add the family name to the date of birth.</source>
        <translation>Bitte zum Geburtsdatum auch den Familiennamen eingeben.</translation>
    </message>
    <message>
        <source>Type at least one letter of the name.</source>
        <translation>Bitte mindestens einen Buchstaben des Namens eingeben.</translation>
    </message>
    <message>
        <source>No booking with the code {code}.</source>
        <translation>Keine Buchung mit dem Code {code}.</translation>
    </message>
    <message>
        <source>This booking code is not valid (misread or mistyped). Scan again or type the name.</source>
        <translation>Dieser Buchungscode ist ungültig (falsch gelesen oder vertippt). Bitte erneut scannen oder den Namen eingeben.</translation>
    </message>
    <message>
        <source>A COVID certificate, not a booking: scan the booking confirmation&apos;s QR code or type the name.</source>
        <translation>Ein COVID-Zertifikat, keine Buchung: Scannen Sie den QR-Code der Buchungsbestätigung oder geben Sie den Namen ein.</translation>
    </message>
    <message>
        <source>Nobody found. Check the spelling, or register a walk-in.</source>
        <translation>Niemand gefunden. Schreibweise prüfen oder ohne Termin anmelden.</translation>
    </message>
    <message>
        <source>{shown} of {total} — add the date of birth.</source>
        <translation>{shown} von {total} – bitte das Geburtsdatum ergänzen.</translation>
    </message>
    <message>
        <source>{shown} of more than {total} — add the date of birth.</source>
        <translation>{shown} von über {total} – bitte das Geburtsdatum ergänzen.</translation>
    </message>
    <message>
        <source>Open vial: {left} left · waiting: {waiting}</source>
        <translation>Offenes Fläschchen: noch {left} · wartend: {waiting}</translation>
    </message>
    <message>
        <source>No open vial · nobody waiting · due before a new vial would expire: {due}</source>
        <translation>Kein Fläschchen offen · niemand wartet · erwartet, bevor ein neues verfallen würde: {due}</translation>
    </message>
    <message>
        <source>No open vial · waiting: {waiting} · due before it would expire: {due} — a new vial ({doses} doses) will be used up: open one</source>
        <translation>Kein Fläschchen offen · wartend: {waiting} · erwartet, bevor es verfallen würde: {due} – ein neues Fläschchen ({doses} Dosen) wird aufgebraucht: bitte öffnen</translation>
    </message>
    <message>
        <source>No open vial · waiting: {waiting} · due until it would expire or the day ends: {due} — a new vial ({doses} doses) leaves {waste} unused</source>
        <translation>Kein Fläschchen offen · wartend: {waiting} · erwartet bis zum Verfall oder Tagesende: {due} – ein neues Fläschchen ({doses} Dosen) lässt {waste} ungenutzt</translation>
    </message>
    <message>
        <source>No open vial · the first person has waited {minutes} min — open one ({waste} may be left unused)</source>
        <translation>Kein Fläschchen offen · die erste Person wartet seit {minutes} min – bitte öffnen (möglicherweise bleiben {waste} ungenutzt)</translation>
    </message>
    <message>
        <source>No open vial · waiting: {waiting} · due: {due} — wait for more before opening (a vial now leaves {waste} of {doses} unused)</source>
        <translation>Kein Fläschchen offen · wartend: {waiting} · erwartet: {due} – vor dem Öffnen auf weitere Personen warten (jetzt blieben {waste} von {doses} ungenutzt)</translation>
    </message>
    <message>
        <source>This visit is over or its dose is recorded: its identity check and answers stay as they were given.</source>
        <translation>Dieser Besuch ist beendet oder seine Impfung erfasst: Identitätsprüfung und Antworten bleiben, wie sie gegeben wurden.</translation>
    </message>
    <message>
        <source>The person is {age}: under {limit} a legal guardian gives consent. Choose “Legal guardian” and write the guardian&apos;s name.</source>
        <translation>Die Person ist {age}: Unter {limit} willigt die gesetzliche Vertretung ein. „Gesetzliche Vertretung“ wählen und ihren Namen eintragen.</translation>
    </message>
    <message>
        <source>The person is {age} and consents alone (from {limit}); a guardian&apos;s consent is not accepted.</source>
        <translation>Die Person ist {age} und willigt selbst ein (ab {limit}); die Einwilligung einer gesetzlichen Vertretung gilt hier nicht.</translation>
    </message>
    <message>
        <source>Observation is not over yet ({minutes} min left): give the reason for ending it early.</source>
        <translation>Die Nachbeobachtung läuft noch ({minutes} Min.): Bitte den Grund für das vorzeitige Ende angeben.</translation>
    </message>
    <message>
        <source>This {product} vial would be expired when opened (usable until {use_by}): do not open it; discard it.</source>
        <translation>Diese {product}-Durchstechflasche wäre beim Öffnen schon abgelaufen (verwendbar bis {use_by}): nicht öffnen, verwerfen.</translation>
    </message>
    <message>
        <source>STOP: the label says lot {lot} expired on {expiry}. Do not use this vial.</source>
        <translation>STOPP: Laut Etikett ist die Charge {lot} am {expiry} abgelaufen. Diese Durchstechflasche nicht verwenden.</translation>
    </message>
    <message>
        <source>STOP: the label of lot {lot} says it expires on {label}, but the lot was received as expiring on {recorded}. Check the lot before using it.</source>
        <translation>STOPP: Laut Etikett läuft die Charge {lot} am {label} ab, erfasst wurde sie mit Verfall am {recorded}. Charge prüfen, bevor sie verwendet wird.</translation>
    </message>
    <message>
        <source>No dose without the identity check at this visit: send the person back to the desk.</source>
        <translation>Keine Impfung ohne Ausweisprüfung bei diesem Besuch: Person zurück zum Empfang schicken.</translation>
    </message>
    <message>
        <source>No dose without consent at this visit: send the person back to the desk.</source>
        <translation>Keine Impfung ohne Einwilligung bei diesem Besuch: Person zurück zum Empfang schicken.</translation>
    </message>
    <message>
        <source>Lot {lot} of {product}: no vial of it is open yet. Open this vial now?</source>
        <translation>Charge {lot} von {product}: Davon ist noch keine Durchstechflasche angebrochen. Diese jetzt anbrechen?</translation>
    </message>
    <message>
        <source>{flags} answer(s) need the doctor&apos;s review: read them with the person and confirm first.</source>
        <translation>{flags} Antwort(en) brauchen die ärztliche Durchsicht: erst mit der Person besprechen und bestätigen.</translation>
    </message>
    <message>
        <source>The date of birth {dob} is after {on}; correct it first.</source>
        <translation>Das Geburtsdatum {dob} liegt nach dem {on}; bitte zuerst korrigieren.</translation>
    </message>
    <message>
        <source>{product} is given from {min} years; the person is {age}.</source>
        <translation>{product} wird ab {min} Jahren gegeben; die Person ist {age}.</translation>
    </message>
    <message>
        <source>{product} is given up to {max} years; the person is {age}.</source>
        <translation>{product} wird bis {max} Jahre gegeben; die Person ist {age}.</translation>
    </message>
    <message>
        <source>A dose is recorded on {given_on}, after {on}; correct the history first.</source>
        <translation>Eine Impfung ist am {given_on} eingetragen, also nach dem {on}; bitte zuerst die Impfhistorie korrigieren.</translation>
    </message>
    <message>
        <source>A dose was already given on {on}; only one dose per day.</source>
        <translation>Am {on} wurde schon geimpft; nur eine Impfung pro Tag.</translation>
    </message>
    <message>
        <source>The dose on {given_on} is of a product not in the catalogue ({product_code}); it is counted as part of a {series}-dose series.</source>
        <translation>Die Impfung vom {given_on} ist mit einem Impfstoff außerhalb des Katalogs ({product_code}); sie zählt als Teil einer Serie mit {series} Impfungen.</translation>
    </message>
    <message>
        <source>The primary series is complete and {product} is not authorised as a booster; choose another product.</source>
        <translation>Die Grundimmunisierung ist abgeschlossen, und {product} ist als Auffrischung nicht zugelassen; bitte einen anderen Impfstoff wählen.</translation>
    </message>
    <message>
        <source>The primary series is complete and no booster is due yet: a {product} booster is allowed from {earliest} ({days} days after the dose on {last}).</source>
        <translation>Die Grundimmunisierung ist abgeschlossen, eine Auffrischung ist noch nicht fällig: {product} als Auffrischung ab {earliest} ({days} Tage nach der Impfung vom {last}).</translation>
    </message>
    <message>
        <source>Too early for dose {dose}: allowed from {earliest} ({days} days after the dose on {last}).</source>
        <translation>Zu früh für Impfung {dose}: möglich ab {earliest} ({days} Tage nach der Impfung vom {last}).</translation>
    </message>
    <message>
        <source>Dose {dose} is later than recommended: the window ended on {latest} ({days} days after the dose on {last}).</source>
        <translation>Impfung {dose} kommt später als empfohlen: Der Zeitraum endete am {latest} ({days} Tage nach der Impfung vom {last}).</translation>
    </message>
    <message>
        <source>Mixed primary series: earlier dose(s) of {others}, this dose is {product}.</source>
        <translation>Gemischte Grundimmunisierung: frühere Impfung(en) mit {others}, diese Impfung mit {product}.</translation>
    </message>
    <message>
        <source>Wrong vial: it holds {holds}, but this dose is {wanted}. Take a vial of the right product.</source>
        <translation>Falsche Durchstechflasche: Sie enthält {holds}, diese Impfung ist aber {wanted}. Eine Durchstechflasche des richtigen Impfstoffs nehmen.</translation>
    </message>
    <message>
        <source>Lot {lot} is blocked ({why}). Do not use this vial; discard it.</source>
        <translation>Die Charge {lot} ist gesperrt ({why}). Diese Durchstechflasche nicht verwenden; verwerfen.</translation>
    </message>
    <message>
        <source>The booking is for {product}, which this station&apos;s vaccine catalogue does not list: the dose is {vial_product}, as the vial holds. Give a reason to go ahead.</source>
        <translation>Die Buchung ist für {product}, das der Impfstoffkatalog dieser Station nicht führt: Geimpft wird {vial_product}, wie es die Durchstechflasche enthält. Geben Sie einen Grund an, um fortzufahren.</translation>
    </message>
    <message>
        <source>This vial&apos;s product ({product}) is not in this station&apos;s vaccine catalogue. Take a vial of a listed product.</source>
        <translation>Das Produkt dieser Durchstechflasche ({product}) steht nicht im Impfstoffkatalog dieser Station. Nehmen Sie eine Flasche eines gelisteten Produkts.</translation>
    </message>
    <message>
        <source>This vial was discarded at {at}. Open a new one.</source>
        <translation>Diese Durchstechflasche wurde um {at} verworfen. Eine neue anbrechen.</translation>
    </message>
    <message>
        <source>This vial is empty: all {capacity} doses are drawn. Discard it and open a new one.</source>
        <translation>Diese Durchstechflasche ist leer: Alle {capacity} Dosen sind entnommen. Verwerfen und eine neue anbrechen.</translation>
    </message>
    <message>
        <source>This vial expired at {at} (lot {lot} expired on {expiry}). Discard it and open a new one.</source>
        <translation>Diese Durchstechflasche ist seit {at} abgelaufen (Charge {lot} verfiel am {expiry}). Verwerfen und eine neue anbrechen.</translation>
    </message>
    <message>
        <source>This vial expired at {at} ({hours} h after thawing). Discard it and open a new one.</source>
        <translation>Diese Durchstechflasche ist seit {at} abgelaufen ({hours} Std. nach dem Auftauen). Verwerfen und eine neue anbrechen.</translation>
    </message>
    <message>
        <source>This vial expired at {at} ({hours} h after opening). Discard it and open a new one.</source>
        <translation>Diese Durchstechflasche ist seit {at} abgelaufen ({hours} Std. nach dem Anbrechen). Verwerfen und eine neue anbrechen.</translation>
    </message>
    <message>
        <source>This person is already in the queue.</source>
        <translation>Diese Person ist schon in der Warteschlange.</translation>
    </message>
    <message>
        <source>Consent and questionnaire are missing: complete them at the desk first.</source>
        <translation>Einwilligung und Fragebogen fehlen: bitte zuerst am Empfang vervollständigen.</translation>
    </message>
    <message>
        <source>Without consent no vaccination can be given. The person may leave the queue.</source>
        <translation>Ohne Einwilligung kann nicht geimpft werden. Die Person kann die Warteschlange verlassen.</translation>
    </message>
    <message>
        <source>This person is already in observation: the dose of this visit is recorded.</source>
        <translation>Diese Person ist schon in der Nachbeobachtung: Die Impfung dieses Besuchs ist gespeichert.</translation>
    </message>
    <message>
        <source>This person is still waiting; call them from the queue first.</source>
        <translation>Diese Person wartet noch; bitte zuerst aus der Warteschlange aufrufen.</translation>
    </message>
    <message>
        <source>This visit is &apos;{state}&apos;, not with the doctor; call the person from the queue first.</source>
        <translation>Dieser Besuch ist gerade nicht bei der Ärztin oder dem Arzt; die Person zuerst aus der Warteschlange aufrufen.</translation>
    </message>
    <message>
        <source>This step is not possible for this visit in its current state; the queue shows where it is now.</source>
        <translation>Dieser Schritt ist für diesen Besuch im jetzigen Zustand nicht möglich; die Warteschlange zeigt, wo er gerade steht.</translation>
    </message>
    <message>
        <source>That lot does not exist; receive it first.</source>
        <translation>Diese Charge gibt es nicht; bitte zuerst den Eingang erfassen.</translation>
    </message>
    <message>
        <source>Lot {lot} is blocked ({why}); do not open its vials.</source>
        <translation>Die Charge {lot} ist gesperrt ({why}); ihre Durchstechflaschen nicht anbrechen.</translation>
    </message>
    <message>
        <source>Lot {lot} expired on {expiry}; do not open its vials.</source>
        <translation>Die Charge {lot} ist am {expiry} abgelaufen; ihre Durchstechflaschen nicht anbrechen.</translation>
    </message>
    <message>
        <source>{product} is stored frozen: enter when this vial was thawed.</source>
        <translation>{product} wird tiefgekühlt gelagert: bitte angeben, wann diese Durchstechflasche aufgetaut wurde.</translation>
    </message>
    <message>
        <source>The thawing time lies in the future; check it.</source>
        <translation>Die Auftauzeit liegt in der Zukunft; bitte prüfen.</translation>
    </message>
    <message>
        <source>{product} is not thawed before use; leave the thawing time empty.</source>
        <translation>{product} wird vor der Verwendung nicht aufgetaut; die Auftauzeit leer lassen.</translation>
    </message>
    <message>
        <source>All {count} vials of lot {lot} are already opened. Check the lot, or receive the vials you hold.</source>
        <translation>Alle {count} Durchstechflaschen der Charge {lot} sind schon angebrochen. Charge prüfen oder die vorhandenen Durchstechflaschen als Eingang erfassen.</translation>
    </message>
    <message>
        <source>Vial {serial} of lot {lot} was already opened; take another vial.</source>
        <translation>Die Durchstechflasche {serial} der Charge {lot} wurde schon angebrochen; eine andere nehmen.</translation>
    </message>
    <message>
        <source>GTIN {gtin} is not in the catalogue, so no vial of it was received here.</source>
        <translation>Die GTIN {gtin} steht nicht im Katalog; eine solche Durchstechflasche ist hier nicht eingegangen.</translation>
    </message>
    <message>
        <source>Lot {lot} of {product} was not received here; receive it on the lots page.</source>
        <translation>Die Charge {lot} von {product} ist hier nicht eingegangen; den Eingang auf der Seite „Impfstoff-Chargen“ erfassen.</translation>
    </message>
    <message>
        <source>{count} vials of lot {lot} are open and the code has no serial number; pick the vial from the list.</source>
        <translation>{count} Durchstechflaschen der Charge {lot} sind angebrochen und der Code hat keine Seriennummer; die Durchstechflasche aus der Liste wählen.</translation>
    </message>
    <message>
        <source>Booked for {time}.</source>
        <translation>Gebucht für {time} Uhr.</translation>
    </message>
    <message>
        <source>Early: booked for {time} ({minutes} min from now).</source>
        <translation>Zu früh: gebucht für {time} Uhr (in {minutes} Min.).</translation>
    </message>
    <message>
        <source>Late: booked for {time} ({minutes} min ago).</source>
        <translation>Zu spät: gebucht für {time} Uhr (vor {minutes} Min.).</translation>
    </message>
    <message>
        <source>The booking is for {day} at {time}, not today.</source>
        <translation>Die Buchung ist für den {day} um {time} Uhr, nicht für heute.</translation>
    </message>
    <message>
        <source>The booking was for {day} at {time}, not today.</source>
        <translation>Die Buchung war für den {day} um {time} Uhr, nicht für heute.</translation>
    </message>
    <message>
        <source>Early: booked for {time} ({minutes} min from now). Confirm to check in anyway.</source>
        <translation>Zu früh: gebucht für {time} Uhr (in {minutes} Min.). Bestätigen Sie, um trotzdem aufzunehmen.</translation>
    </message>
    <message>
        <source>Late: booked for {time} ({minutes} min ago). Confirm to check in anyway.</source>
        <translation>Zu spät: gebucht für {time} Uhr (vor {minutes} Min.). Bestätigen Sie, um trotzdem aufzunehmen.</translation>
    </message>
    <message>
        <source>The booking is for {day} at {time}, not today. Confirm to check in anyway.</source>
        <translation>Die Buchung ist für den {day} um {time} Uhr, nicht für heute. Bestätigen Sie, um trotzdem aufzunehmen.</translation>
    </message>
    <message>
        <source>The booking was for {day} at {time}, not today. Confirm to check in anyway.</source>
        <translation>Die Buchung war für den {day} um {time} Uhr, nicht für heute. Bestätigen Sie, um trotzdem aufzunehmen.</translation>
    </message>
    <message>
        <source>This booking was cancelled. Register the person as a walk-in.</source>
        <translation>Diese Buchung wurde storniert. Nehmen Sie die Person ohne Termin auf.</translation>
    </message>
    <message>
        <source>This booking is for another site: {site}.</source>
        <translation>Diese Buchung gilt für einen anderen Standort: {site}.</translation>
    </message>
    <message>
        <source>This person is already checked in and in the queue.</source>
        <translation>Diese Person ist schon aufgenommen und in der Warteschlange.</translation>
    </message>
    <message>
        <source>This booking was already used.</source>
        <translation>Diese Buchung wurde schon verwendet.</translation>
    </message>
    <message>
        <source>That booking does not exist.</source>
        <translation>Diese Buchung gibt es nicht.</translation>
    </message>
    <message>
        <source>That person is not registered (any more).</source>
        <translation>Diese Person ist nicht (mehr) registriert.</translation>
    </message>
    <message>
        <source>The person of this visit does not exist.</source>
        <translation>Die Person zu diesem Besuch gibt es nicht.</translation>
    </message>
    <message>
        <source>That visit does not exist.</source>
        <translation>Diesen Besuch gibt es nicht.</translation>
    </message>
    <message>
        <source>That visit does not exist; pick the person from the queue.</source>
        <translation>Diesen Besuch gibt es nicht; wählen Sie die Person in der Warteschlange.</translation>
    </message>
    <message>
        <source>That vial does not exist; scan it again or pick it from the list.</source>
        <translation>Diese Durchstechflasche gibt es nicht; scannen Sie sie erneut oder wählen Sie sie aus der Liste.</translation>
    </message>
    <message>
        <source>That dose record does not exist.</source>
        <translation>Diesen Impfeintrag gibt es nicht.</translation>
    </message>
    <message>
        <source>That slot does not exist any more.</source>
        <translation>Diesen Termin gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>That lot does not exist.</source>
        <translation>Diese Charge gibt es nicht.</translation>
    </message>
    <message>
        <source>That staff member does not exist.</source>
        <translation>Diese Person gibt es nicht.</translation>
    </message>
    <message>
        <source>Unknown document type. Choose one of: {choices}.</source>
        <translation>Unbekannte Dokumentart. Wählen Sie eine davon: {choices}.</translation>
    </message>
    <message>
        <source>Consent is given by the person or by a legal guardian.</source>
        <translation>Die Einwilligung gibt die Person selbst oder ein gesetzlicher Vormund.</translation>
    </message>
    <message>
        <source>Sex must be one of f, m, d, x.</source>
        <translation>Das Geschlecht ist f, m, d oder x.</translation>
    </message>
    <message>
        <source>{count} person(s) with the same or a similar name and date of birth are already registered. Choose the existing person, or confirm that this is someone new.</source>
        <translation>{count} Person(en) mit gleichem oder ähnlichem Namen und Geburtsdatum sind schon registriert. Wählen Sie die vorhandene Person oder bestätigen Sie, dass es jemand Neues ist.</translation>
    </message>
    <message>
        <source>A PIN has 4 to 12 digits.</source>
        <translation>Eine PIN hat 4 bis 12 Ziffern.</translation>
    </message>
    <message>
        <source>This PIN is too easy to guess; choose another.</source>
        <translation>Diese PIN ist zu leicht zu erraten; wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>A login has 2 to 32 characters: it starts with a letter, then letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;.</source>
        <translation>Ein Anmeldename hat 2 bis 32 Zeichen: zuerst ein Buchstabe, dann Buchstaben, Ziffern, „.“, „_“ oder „-“.</translation>
    </message>
    <message>
        <source>Enter the staff member&apos;s name (at most 100 characters).</source>
        <translation>Geben Sie den Namen der Person ein (höchstens 100 Zeichen).</translation>
    </message>
    <message>
        <source>Unknown role &apos;{role}&apos;. Roles: {roles}.</source>
        <translation>Unbekannte Rolle „{role}“. Rollen: {roles}.</translation>
    </message>
    <message>
        <source>The login “{login}” is taken; choose another.</source>
        <translation>Der Anmeldename „{login}“ ist vergeben; wählen Sie einen anderen.</translation>
    </message>
    <message>
        <source>You cannot take the admin role from yourself.</source>
        <translation>Sie können sich selbst die Admin-Rolle nicht nehmen.</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself.</source>
        <translation>Sie können sich nicht selbst deaktivieren.</translation>
    </message>
    <message>
        <source>The last active admin cannot be deactivated.</source>
        <translation>Der letzte aktive Admin kann nicht deaktiviert werden.</translation>
    </message>
    <message>
        <source>Give the reason for voiding the dose.</source>
        <translation>Bitte den Grund für die Stornierung der Impfung angeben.</translation>
    </message>
    <message>
        <source>{What} has at most {max} printable characters.</source>
        <translation>Höchstens {max} druckbare Zeichen.</translation>
    </message>
    <message>
        <source>Choose the injection site: {choices}.</source>
        <translation>Wählen Sie die Injektionsstelle: {choices}.</translation>
    </message>
    <message>
        <source>Give a reason to go ahead despite: {warnings}</source>
        <translation>Geben Sie einen Grund an, um trotz dieser Hinweise fortzufahren: {warnings}</translation>
    </message>
    <message>
        <source>The country is a two-letter code such as DE, AT or FR.</source>
        <translation>Das Land ist ein Code aus zwei Buchstaben wie DE, AT oder FR.</translation>
    </message>
    <message>
        <source>Unknown product &apos;{product}&apos;; choose one from the catalogue.</source>
        <translation>Unbekannter Impfstoff „{product}“; wählen Sie einen aus dem Katalog.</translation>
    </message>
    <message>
        <source>Unknown product &apos;{product}&apos;.</source>
        <translation>Unbekannter Impfstoff „{product}“.</translation>
    </message>
    <message>
        <source>{date} lies in the future; check the date on the record.</source>
        <translation>Der {date} liegt in der Zukunft; prüfen Sie das Datum im Nachweis.</translation>
    </message>
    <message>
        <source>{date} cannot be a COVID-19 dose of this person; check it.</source>
        <translation>Am {date} kann diese Person keine COVID-19-Impfung erhalten haben; prüfen Sie das Datum.</translation>
    </message>
    <message>
        <source>A dose on {date} is already recorded; only one dose per day.</source>
        <translation>Eine Impfung am {date} ist schon eingetragen; nur eine Impfung pro Tag.</translation>
    </message>
    <message>
        <source>This dose record was already voided at {at}.</source>
        <translation>Dieser Impfeintrag wurde schon am {at} Uhr storniert.</translation>
    </message>
    <message>
        <source>A dose given elsewhere has no vial or injection site here.</source>
        <translation>Eine anderswo gegebene Impfung hat hier keine Durchstechflasche und keine Injektionsstelle.</translation>
    </message>
    <message>
        <source>A dose given here keeps its time and takes its product from the vial; correct the vial instead.</source>
        <translation>Eine hier gegebene Impfung behält ihre Zeit und ihren Impfstoff aus der Durchstechflasche; korrigieren Sie stattdessen die Durchstechflasche.</translation>
    </message>
    <message>
        <source>Nothing to correct: change at least one field, or void the dose.</source>
        <translation>Nichts zu korrigieren: Ändern Sie mindestens ein Feld oder stornieren Sie die Impfung.</translation>
    </message>
    <message>
        <source>Choose the kind of reaction: {choices}.</source>
        <translation>Wählen Sie die Art der Reaktion: {choices}.</translation>
    </message>
    <message>
        <source>Choose the severity: {choices}.</source>
        <translation>Wählen Sie den Schweregrad: {choices}.</translation>
    </message>
    <message>
        <source>The onset time needs a time zone.</source>
        <translation>Die Uhrzeit des Beginns braucht eine Zeitzone.</translation>
    </message>
    <message>
        <source>The thawing time needs a time zone.</source>
        <translation>Die Auftauzeit braucht eine Zeitzone.</translation>
    </message>
    <message>
        <source>The onset lies in the future; check the time.</source>
        <translation>Der Beginn liegt in der Zukunft; prüfen Sie die Uhrzeit.</translation>
    </message>
    <message>
        <source>That dose belongs to another person; pick the person&apos;s own dose.</source>
        <translation>Diese Impfung gehört zu einer anderen Person; wählen Sie eine Impfung dieser Person.</translation>
    </message>
    <message>
        <source>The onset is before the dose was given ({at}); check the time.</source>
        <translation>Der Beginn liegt vor der Impfung ({at} Uhr); prüfen Sie die Uhrzeit.</translation>
    </message>
    <message>
        <source>Opening time must be a time of day as HH:MM.</source>
        <translation>Die Öffnungszeit ist eine Uhrzeit als HH:MM.</translation>
    </message>
    <message>
        <source>Closing time must be a time of day as HH:MM.</source>
        <translation>Die Schließzeit ist eine Uhrzeit als HH:MM.</translation>
    </message>
    <message>
        <source>Weekday must be 0 (Monday) to 6 (Sunday).</source>
        <translation>Der Wochentag ist 0 (Montag) bis 6 (Sonntag).</translation>
    </message>
    <message>
        <source>Opening hours end before they start.</source>
        <translation>Die Öffnungszeit endet, bevor sie beginnt.</translation>
    </message>
    <message>
        <source>Slot length must be between {min} and {max} minutes.</source>
        <translation>Ein Termin dauert {min} bis {max} Minuten.</translation>
    </message>
    <message>
        <source>The slot is longer than the opening hours.</source>
        <translation>Der Termin ist länger als die Öffnungszeit.</translation>
    </message>
    <message>
        <source>Stations and capacity per station must be positive (at most 100).</source>
        <translation>Plätze und Kapazität pro Platz müssen positiv sein (höchstens 100).</translation>
    </message>
    <message>
        <source>Choose products from the catalogue (unknown: {unknown}).</source>
        <translation>Wählen Sie Impfstoffe aus dem Katalog (unbekannt: {unknown}).</translation>
    </message>
    <message>
        <source>The plan ends before it starts.</source>
        <translation>Der Plan endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>Give a reason for the closure (at most 200 characters).</source>
        <translation>Geben Sie einen Grund für die Schließung an (höchstens 200 Zeichen).</translation>
    </message>
    <message>
        <source>{count} person(s) are booked on {day}. Reschedule them first.</source>
        <translation>Am {day} sind {count} Person(en) gebucht. Buchen Sie sie zuerst um.</translation>
    </message>
    <message>
        <source>Choose a range of at most a year, ending after it starts.</source>
        <translation>Wählen Sie einen Zeitraum von höchstens einem Jahr, der nach seinem Beginn endet.</translation>
    </message>
    <message>
        <source>Choose a day between {first} and {last}.</source>
        <translation>Wählen Sie einen Tag zwischen {first} und {last}.</translation>
    </message>
    <message>
        <source>Slots cannot be opened in the past.</source>
        <translation>In der Vergangenheit können keine Termine angelegt werden.</translation>
    </message>
    <message>
        <source>This person has no recorded dose yet: book the first dose at the desk instead.</source>
        <translation>Für diese Person ist noch keine Impfung eingetragen: Buchen Sie die erste Impfung am Empfang.</translation>
    </message>
    <message>
        <source>This person has no recorded dose yet: a follow-up needs a first dose.</source>
        <translation>Für diese Person ist noch keine Impfung eingetragen: Eine Folgeimpfung braucht eine erste Impfung.</translation>
    </message>
    <message>
        <source>No further dose of {product} is due.</source>
        <translation>Keine weitere Impfung mit {product} fällig.</translation>
    </message>
    <message>
        <source>The window for the next dose has passed; the doctor decides.</source>
        <translation>Das Zeitfenster für die nächste Dosis ist vorbei; die Ärztin oder der Arzt entscheidet.</translation>
    </message>
    <message>
        <source>No slot with free capacity and {product} in stock between {first} and {last}.</source>
        <translation>Zwischen {first} und {last} gibt es keinen Termin mit freien Plätzen und {product} auf Lager.</translation>
    </message>
    <message>
        <source>That slot is in the past.</source>
        <translation>Dieser Termin liegt in der Vergangenheit.</translation>
    </message>
    <message>
        <source>Too early: the next dose may be given from {day} on.</source>
        <translation>Zu früh: Die nächste Impfung ist ab dem {day} möglich.</translation>
    </message>
    <message>
        <source>Too late: the next dose should be given by {day}.</source>
        <translation>Zu spät: Die nächste Impfung sollte bis zum {day} gegeben werden.</translation>
    </message>
    <message>
        <source>The center is closed that day.</source>
        <translation>An diesem Tag ist das Zentrum geschlossen.</translation>
    </message>
    <message>
        <source>{product} is not offered on {day}.</source>
        <translation>{product} wird am {day} nicht angeboten.</translation>
    </message>
    <message>
        <source>This slot is full. Choose another time.</source>
        <translation>Dieser Termin ist voll. Wählen Sie eine andere Zeit.</translation>
    </message>
    <message>
        <source>Not enough {product} in stock for {day}: all doses are promised.</source>
        <translation>Nicht genug {product} auf Lager für den {day}: Alle Dosen sind schon vergeben.</translation>
    </message>
    <message>
        <source>Only a booking not yet used can be cancelled or moved.</source>
        <translation>Nur eine noch nicht verwendete Buchung kann storniert oder verschoben werden.</translation>
    </message>
    <message>
        <source>Slot length must be between 1 minute and a day.</source>
        <translation>Ein Termin dauert zwischen 1 Minute und einem Tag.</translation>
    </message>
    <message>
        <source>Capacity per slot must be a positive number.</source>
        <translation>Die Kapazität pro Termin muss eine positive Zahl sein.</translation>
    </message>
    <message>
        <source>Give a reason for choosing the product by hand.</source>
        <translation>Bitte einen Grund angeben, warum der Impfstoff von Hand gewählt wird.</translation>
    </message>
    <message>
        <source>Give a reason for blocking the lot (recall notice, cold-chain break, …).</source>
        <translation>Bitte einen Grund für die Sperre der Charge angeben (Rückruf, Unterbrechung der Kühlkette, …).</translation>
    </message>
    <message>
        <source>The reason has at most {max} printable characters.</source>
        <translation>Der Grund hat höchstens {max} druckbare Zeichen.</translation>
    </message>
    <message>
        <source>The number of vials must be a whole number from 1 to {max}.</source>
        <translation>Die Zahl der Durchstechflaschen ist eine ganze Zahl von 1 bis {max}.</translation>
    </message>
    <message>
        <source>A lot number has 1 to 20 printable characters, as printed on the carton.</source>
        <translation>Eine Chargennummer hat 1 bis 20 druckbare Zeichen, wie auf dem Karton aufgedruckt.</translation>
    </message>
    <message>
        <source>GTIN {gtin} is not in the vaccine catalogue. Choose the product by hand and give a reason, or ask the site lead to add the GTIN to the catalogue.</source>
        <translation>Die GTIN {gtin} ist nicht im Impfstoffkatalog. Wählen Sie den Impfstoff von Hand und geben Sie einen Grund an, oder bitten Sie die Standortleitung, die GTIN in den Katalog aufzunehmen.</translation>
    </message>
    <message>
        <source>Choose the product by hand.</source>
        <translation>Wählen Sie den Impfstoff von Hand.</translation>
    </message>
    <message>
        <source>The code is a {found} carton, not {product}. Check the carton.</source>
        <translation>Der Code gehört zu einem Karton {found}, nicht {product}. Prüfen Sie den Karton.</translation>
    </message>
    <message>
        <source>{gtin!r} is not a valid GTIN-14; check the 14 digits on the carton.</source>
        <translation>{gtin!r} ist keine gültige GTIN-14; prüfen Sie die 14 Ziffern auf dem Karton.</translation>
    </message>
    <message>
        <source>GTIN {gtin} is not in the vaccine catalogue; leave it empty to choose the product by hand.</source>
        <translation>Die GTIN {gtin} ist nicht im Impfstoffkatalog; lassen Sie sie leer und wählen Sie den Impfstoff von Hand.</translation>
    </message>
    <message>
        <source>GTIN {gtin} belongs to {found}, not {product}.</source>
        <translation>Die GTIN {gtin} gehört zu {found}, nicht zu {product}.</translation>
    </message>
    <message>
        <source>Lot {lot} expired on {expiry}; an expired lot is not received.</source>
        <translation>Die Charge {lot} ist am {expiry} abgelaufen; eine abgelaufene Charge wird nicht angenommen.</translation>
    </message>
    <message>
        <source>Lot {lot} is already blocked ({why}).</source>
        <translation>Die Charge {lot} ist schon gesperrt ({why}).</translation>
    </message>
    <message>
        <source>Choose why the vial is discarded: {choices}.</source>
        <translation>Wählen Sie, warum die Durchstechflasche verworfen wird: {choices}.</translation>
    </message>
    <message>
        <source>This vial was already discarded at {at}.</source>
        <translation>Diese Durchstechflasche wurde schon um {at} Uhr verworfen.</translation>
    </message>
    <message>
        <source>A vial serial number has 1 to {max} printable characters.</source>
        <translation>Eine Seriennummer hat 1 bis {max} druckbare Zeichen.</translation>
    </message>
    <message>
        <source>A GTIN contains only digits, not {value!r}.</source>
        <translation>Eine GTIN enthält nur Ziffern, nicht {value!r}.</translation>
    </message>
    <message>
        <source>The scan is {count} characters long; a vial code has far fewer. Scan the code again.</source>
        <translation>Der Scan ist {count} Zeichen lang; ein Flaschencode hat weit weniger. Scannen Sie den Code erneut.</translation>
    </message>
    <message>
        <source>The scan starts with symbology {prefix!r}, which is not a GS1 code. Scan the DataMatrix on the vial or carton.</source>
        <translation>Der Scan beginnt mit der Symbologie {prefix!r}, das ist kein GS1-Code. Scannen Sie den DataMatrix-Code auf der Flasche oder dem Karton.</translation>
    </message>
    <message>
        <source>The scan is empty. Scan the DataMatrix on the vial or carton.</source>
        <translation>Der Scan ist leer. Scannen Sie den DataMatrix-Code auf der Flasche oder dem Karton.</translation>
    </message>
    <message>
        <source>An expiry in {year} cannot be written as YYMMDD.</source>
        <translation>Ein Verfallsdatum im Jahr {year} lässt sich nicht als JJMMTT schreiben.</translation>
    </message>
    <message>
        <source>Unknown GS1 application identifier at position {position} ({shown!r}); the scan is damaged or is not a vial code.</source>
        <translation>Unbekannter GS1-Datenbezeichner an Stelle {position} ({shown!r}); der Scan ist beschädigt oder kein Flaschencode.</translation>
    </message>
    <message>
        <source>The scan ends inside field ({ai}): expected {length} digits, got {count}. Scan the code again.</source>
        <translation>Der Scan endet mitten im Feld ({ai}): {length} Ziffern erwartet, {count} erhalten. Scannen Sie den Code erneut.</translation>
    </message>
    <message>
        <source>Field ({ai}) is {count} characters long, at most {length} are allowed; the scanner probably dropped a group separator (GS). Check the scanner setup.</source>
        <translation>Das Feld ({ai}) ist {count} Zeichen lang, erlaubt sind höchstens {length}; der Scanner hat vermutlich ein Gruppentrennzeichen (GS) verschluckt. Prüfen Sie die Einstellung des Scanners.</translation>
    </message>
    <message>
        <source>The scan starts with &apos;(&apos; but not with a GS1 application identifier like (01).</source>
        <translation>Der Scan beginnt mit „(“, aber nicht mit einem GS1-Datenbezeichner wie (01).</translation>
    </message>
    <message>
        <source>Field ({ai}) must have {length} digits, the scan has {count}.</source>
        <translation>Das Feld ({ai}) muss {length} Ziffern haben, der Scan hat {count}.</translation>
    </message>
    <message>
        <source>Field ({ai}) is {count} characters long, at most {length} are allowed.</source>
        <translation>Das Feld ({ai}) ist {count} Zeichen lang, erlaubt sind höchstens {length}.</translation>
    </message>
    <message>
        <source>Field ({ai}) appears twice in the scan; scan the code again.</source>
        <translation>Das Feld ({ai}) kommt im Scan zweimal vor; scannen Sie den Code erneut.</translation>
    </message>
    <message>
        <source>Field ({ai}) is empty in the scan.</source>
        <translation>Das Feld ({ai}) ist im Scan leer.</translation>
    </message>
    <message>
        <source>Field ({ai}) must contain digits only, the scan has {value!r}.</source>
        <translation>Das Feld ({ai}) darf nur Ziffern enthalten, der Scan hat {value!r}.</translation>
    </message>
    <message>
        <source>The scan has no {fields}; scan the DataMatrix on the vial or carton.</source>
        <translation>Im Scan fehlen die Felder {ais}; scannen Sie den DataMatrix-Code auf der Flasche oder dem Karton.</translation>
    </message>
    <message>
        <source>GTIN {gtin} has a wrong check digit; the scan is damaged. Scan it again.</source>
        <translation>Die GTIN {gtin} hat eine falsche Prüfziffer; der Scan ist beschädigt. Scannen Sie erneut.</translation>
    </message>
    <message>
        <source>The {label} contains {what}, which a GS1 code cannot carry; check the scanner&apos;s keyboard layout.</source>
        <translation>Das Feld ({ai}) enthält das Zeichen {shown}, das ein GS1-Code nicht tragen kann; prüfen Sie die Tastaturbelegung des Scanners.</translation>
    </message>
    <message>
        <source>Expiry {value} has month {month}, which does not exist.</source>
        <translation>Das Verfallsdatum {value} hat den Monat {month}, den es nicht gibt.</translation>
    </message>
    <message>
        <source>Expiry {value} names day {day} of a month with {days} days.</source>
        <translation>Das Verfallsdatum {value} nennt den Tag {day} eines Monats mit {days} Tagen.</translation>
    </message>
    <message>
        <source>Answers to unknown question(s): {questions}.</source>
        <translation>Antworten auf unbekannte Fragen: {questions}.</translation>
    </message>
    <message>
        <source>Please answer: {questions}.</source>
        <translation>Bitte noch beantworten: {questions}.</translation>
    </message>
    <message>
        <source>Consent must be answered yes or no.</source>
        <translation>Die Einwilligung ist mit Ja oder Nein zu beantworten.</translation>
    </message>
    <message>
        <source>{question}: this question takes a text answer.</source>
        <translation>{question}: Diese Frage wird mit einem Text beantwortet.</translation>
    </message>
    <message>
        <source>{question}: the answer is longer than {max} characters.</source>
        <translation>{question}: Die Antwort ist länger als {max} Zeichen.</translation>
    </message>
    <message>
        <source>{question}: the answer contains a control character.</source>
        <translation>{question}: Die Antwort enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>{question}: answer yes or no.</source>
        <translation>{question}: Bitte mit Ja oder Nein antworten.</translation>
    </message>
    <message>
        <source>{question}: this question takes yes or no, not text.</source>
        <translation>{question}: Diese Frage wird mit Ja oder Nein beantwortet, nicht mit Text.</translation>
    </message>
    <message>
        <source>{question}: dates are only given with a yes answer to a question that asks for them.</source>
        <translation>{question}: Daten gibt es nur zu einem Ja auf eine Frage, die danach fragt.</translation>
    </message>
    <message>
        <source>{question}: please give the date.</source>
        <translation>{question}: Bitte das Datum angeben.</translation>
    </message>
    <message>
        <source>{question}: only one date is asked for.</source>
        <translation>{question}: Gefragt ist nur ein Datum.</translation>
    </message>
    <message>
        <source>{question}: {date} is in the future.</source>
        <translation>{question}: Der {date} liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>{question}: the same date is given twice.</source>
        <translation>{question}: Dasselbe Datum ist zweimal angegeben.</translation>
    </message>
    <message>
        <source>Number of vials must be between 1 and {max}.</source>
        <translation>Die Zahl der Durchstechflaschen liegt zwischen 1 und {max}.</translation>
    </message>
    <message>
        <source>A lot number has 1 to 20 printable characters.</source>
        <translation>Eine Chargennummer hat 1 bis 20 druckbare Zeichen.</translation>
    </message>
    <message>
        <source>Lot {lot} of {product} was already received.</source>
        <translation>Die Charge {lot} von {product} wurde schon angenommen.</translation>
    </message>
    <message>
        <source>{path}: only format 1 is understood by this VaxDesk version.</source>
        <translation>{path}: Diese VaxDesk-Version versteht nur Format 1.</translation>
    </message>
    <message>
        <source>{path}: expected an object.</source>
        <translation>{path}: Hier wird ein Objekt erwartet.</translation>
    </message>
    <message>
        <source>{path}: expected an object, found {found}.</source>
        <translation>{path}: Hier wird ein Objekt erwartet, gefunden wurde {found}.</translation>
    </message>
    <message>
        <source>{path}: missing key(s) {keys}.</source>
        <translation>{path}: Es fehlen die Schlüssel {keys}.</translation>
    </message>
    <message>
        <source>{path}: unknown key(s) {keys}.</source>
        <translation>{path}: Unbekannte Schlüssel {keys}.</translation>
    </message>
    <message>
        <source>{path}: expected a list.</source>
        <translation>{path}: Hier wird eine Liste erwartet.</translation>
    </message>
    <message>
        <source>{path}: expected a list of non-empty strings.</source>
        <translation>{path}: Hier wird eine Liste nicht leerer Texte erwartet.</translation>
    </message>
    <message>
        <source>{path}: expected a non-empty string.</source>
        <translation>{path}: Hier wird ein nicht leerer Text erwartet.</translation>
    </message>
    <message>
        <source>{path}: {value!r} is not in the expected form.</source>
        <translation>{path}: {value!r} hat nicht die erwartete Form.</translation>
    </message>
    <message>
        <source>{path}: expected true or false.</source>
        <translation>{path}: Hier wird true oder false erwartet.</translation>
    </message>
    <message>
        <source>{path}: expected a whole number.</source>
        <translation>{path}: Hier wird eine ganze Zahl erwartet.</translation>
    </message>
    <message>
        <source>{path}: {value} is below the minimum {minimum}.</source>
        <translation>{path}: {value} liegt unter dem Mindestwert {minimum}.</translation>
    </message>
    <message>
        <source>{path}: {value!r} is not one of {choices}.</source>
        <translation>{path}: {value!r} ist keiner der Werte {choices}.</translation>
    </message>
    <message>
        <source>{path}: {value!r} is not one of {choices} or null.</source>
        <translation>{path}: {value!r} ist keiner der Werte {choices} und nicht null.</translation>
    </message>
    <message>
        <source>A value set file has no &apos;valueSetValues&apos; object.</source>
        <translation>Eine Wertelisten-Datei enthält kein Objekt &apos;valueSetValues&apos;.</translation>
    </message>
    <message>
        <source>catalogue.products: the catalogue lists no product.</source>
        <translation>catalogue.products: Der Katalog enthält kein Produkt.</translation>
    </message>
    <message>
        <source>{path}: {value!r} is not an active code of the EU value set {file}.</source>
        <translation>{path}: {value!r} ist kein aktiver Code der EU-Werteliste {file}.</translation>
    </message>
    <message>
        <source>{path}: a {doses}-dose series needs {needed} intervals, the file has {count}.</source>
        <translation>{path}: Eine Serie mit {doses} Dosen braucht {needed} Abstände, die Datei hat {count}.</translation>
    </message>
    <message>
        <source>{path}: {max_age} is below min_age_years {min_age}.</source>
        <translation>{path}: {max_age} liegt unter min_age_years {min_age}.</translation>
    </message>
    <message>
        <source>{path}: a product needs at least one vial presentation.</source>
        <translation>{path}: Ein Produkt braucht mindestens eine Darreichung (Durchstechflasche).</translation>
    </message>
    <message>
        <source>{path}: a product that is thawed needs a value.</source>
        <translation>{path}: Ein Produkt, das aufgetaut wird, braucht hier einen Wert.</translation>
    </message>
    <message>
        <source>{path}: must be null when needs_thawing is false.</source>
        <translation>{path}: Muss null sein, wenn needs_thawing false ist.</translation>
    </message>
    <message>
        <source>{path}: need min_days &lt;= recommended_days &lt;= max_days, got {min_days}, {recommended}, {max_days}.</source>
        <translation>{path}: Es muss min_days &lt;= recommended_days &lt;= max_days gelten, die Datei hat {min_days}, {recommended}, {max_days}.</translation>
    </message>
    <message>
        <source>{path}: {gtin!r} is not a valid GTIN-14 (14 digits with a correct GS1 check digit).</source>
        <translation>{path}: {gtin!r} ist keine gültige GTIN-14 (14 Ziffern mit korrekter GS1-Prüfziffer).</translation>
    </message>
    <message>
        <source>catalogue.products: product code {code!r} appears twice.</source>
        <translation>catalogue.products: Der Produktcode {code!r} kommt zweimal vor.</translation>
    </message>
    <message>
        <source>catalogue.products: GTIN {gtin} appears twice.</source>
        <translation>catalogue.products: Die GTIN {gtin} kommt zweimal vor.</translation>
    </message>
    <message>
        <source>questionnaire.consent.own_consent_from_age: a whole number of years from 0 to 21.</source>
        <translation>questionnaire.consent.own_consent_from_age: eine ganze Zahl von Jahren zwischen 0 und 21.</translation>
    </message>
    <message>
        <source>questionnaire.consent.id: must be &apos;consent&apos;.</source>
        <translation>questionnaire.consent.id: muss &apos;consent&apos; lauten.</translation>
    </message>
    <message>
        <source>questionnaire.questions: expected a non-empty list.</source>
        <translation>questionnaire.questions: Hier wird eine nicht leere Liste erwartet.</translation>
    </message>
    <message>
        <source>questionnaire.questions: question id(s) used twice: {ids}.</source>
        <translation>questionnaire.questions: Diese Fragen-IDs kommen doppelt vor: {ids}.</translation>
    </message>
    <message>
        <source>{path}: expected an ASCII identifier like &apos;acute_illness&apos;, got {value!r}.</source>
        <translation>{path}: Erwartet wird ein ASCII-Bezeichner wie &apos;acute_illness&apos;, gefunden wurde {value!r}.</translation>
    </message>
    <message>
        <source>{path}: {value!r} does not fit a {type} question.</source>
        <translation>{path}: {value!r} passt nicht zu einer Frage vom Typ {type}.</translation>
    </message>
    <message>
        <source>{path}: only a yes_no_date question may set it, to true or false.</source>
        <translation>{path}: Nur eine Frage vom Typ yes_no_date darf dies setzen, und zwar auf true oder false.</translation>
    </message>
    <message>
        <source>{path}: expected an object with the languages {languages}.</source>
        <translation>{path}: Erwartet wird ein Objekt mit den Sprachen {languages}.</translation>
    </message>
    <message>
        <source>{path}: text missing for language(s) {languages}.</source>
        <translation>{path}: Der Text fehlt für die Sprachen {languages}.</translation>
    </message>
    <message>
        <source>{path}: expected whole minutes between 1 and {max}.</source>
        <translation>{path}: Erwartet werden ganze Minuten zwischen 1 und {max}.</translation>
    </message>
    <message>
        <source>{path} is missing; reinstall VaxDesk or restore the file.</source>
        <translation>{path} fehlt. Bitte VaxDesk neu installieren oder die Datei wiederherstellen.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {detail}</source>
        <translation>{path} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {line}, column {column}): {detail}</source>
        <translation>{path} ist kein gültiges JSON (Zeile {line}, Spalte {column}): {detail}</translation>
    </message>
    <message>
        <source>{path}: expected a JSON object at the top level.</source>
        <translation>{path}: Auf oberster Ebene wird ein JSON-Objekt erwartet.</translation>
    </message>
    <message>
        <source>Cannot read the questionnaire {path}: {detail}</source>
        <translation>Der Fragebogen {path} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>No export format &apos;{country}&apos; (looked for {file} in resources/exports).</source>
        <translation>Es gibt kein Exportformat &apos;{country}&apos; (gesucht wurde {file} in resources/exports).</translation>
    </message>
    <message>
        <source>The export format {file} cannot be read: {detail}</source>
        <translation>Das Exportformat {file} kann nicht gelesen werden: {detail}</translation>
    </message>
    <message>
        <source>The export format {file} names unknown fields: {fields}. Known: {known}.</source>
        <translation>Das Exportformat {file} nennt unbekannte Felder: {fields}. Bekannt sind: {known}.</translation>
    </message>
    <message>
        <source>Cannot write the export to {path}: {detail}.</source>
        <translation>Der Export kann nicht nach {path} geschrieben werden: {detail}.</translation>
    </message>
    <message>
        <source>The retention period must be at least {days} days.</source>
        <translation>Die Aufbewahrungsfrist muss mindestens {days} Tage betragen.</translation>
    </message>
    <message>
        <source>The retention period must be at most {days} days.</source>
        <translation>Die Aufbewahrungsfrist darf höchstens {days} Tage betragen.</translation>
    </message>
    <message>
        <source>Row {row}: {detail}</source>
        <translation>Zeile {row}: {detail}</translation>
    </message>
    <message>
        <source>Slot {slot} is full; the import stopped before this batch.</source>
        <translation>Der Termin {slot} ist voll; der Import wurde vor diesem Stapel angehalten.</translation>
    </message>
    <message>
        <source>Slot {slot} does not exist.</source>
        <translation>Den Termin {slot} gibt es nicht.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists; choose a new file name for the backup.</source>
        <translation>&apos;{path}&apos; gibt es schon. Bitte einen neuen Dateinamen für die Sicherung wählen.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists.</source>
        <translation>&apos;{path}&apos; gibt es schon.</translation>
    </message>
    <message>
        <source>Cannot read &apos;{path}&apos;: {detail}.</source>
        <translation>&apos;{path}&apos; kann nicht gelesen werden: {detail}.</translation>
    </message>
    <message>
        <source>No backup file at &apos;{path}&apos;.</source>
        <translation>Unter &apos;{path}&apos; liegt keine Sicherungsdatei.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a VaxDesk backup file.</source>
        <translation>&apos;{path}&apos; ist keine VaxDesk-Sicherungsdatei.</translation>
    </message>
    <message>
        <source>The backup &apos;{path}&apos; is truncated or damaged; it cannot be restored.</source>
        <translation>Die Sicherung &apos;{path}&apos; ist unvollständig oder beschädigt und kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a backup of an unknown format version.</source>
        <translation>&apos;{path}&apos; ist eine Sicherung in einer unbekannten Formatversion.</translation>
    </message>
    <message>
        <source>This backup belongs to tenant &apos;{tenant}&apos;, not &apos;{expected}&apos;. Nothing was restored.</source>
        <translation>Diese Sicherung gehört zum Mandanten &apos;{tenant}&apos;, nicht zu &apos;{expected}&apos;. Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists; restore into a new path.</source>
        <translation>&apos;{path}&apos; gibt es schon. Bitte in einen neuen Pfad wiederherstellen.</translation>
    </message>
    <message>
        <source>The backup&apos;s header does not match its database; nothing was restored.</source>
        <translation>Der Kopf der Sicherung passt nicht zu ihrer Datenbank; es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>The database inside the backup is damaged; nothing was restored.</source>
        <translation>Die Datenbank in der Sicherung ist beschädigt; es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>This build&apos;s SQLite has no SQLCipher 4; refusing to store personal data unencrypted.</source>
        <translation>Das SQLite dieses Builds hat kein SQLCipher 4; personenbezogene Daten werden nicht unverschlüsselt gespeichert.</translation>
    </message>
    <message>
        <source>The key file beside the database has lost its audit anchor.</source>
        <translation>Der Schlüsseldatei neben der Datenbank fehlt ihr Protokoll-Anker.</translation>
    </message>
    <message>
        <source>No station database at &apos;{path}&apos;. Create one with &apos;vaxdesk init&apos;.</source>
        <translation>Unter &apos;{path}&apos; gibt es keine Stationsdatenbank. Mit &apos;vaxdesk init&apos; wird eine angelegt.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a file.</source>
        <translation>&apos;{path}&apos; ist keine Datei.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is a plain, unencrypted SQLite file, not a VaxDesk station database.</source>
        <translation>&apos;{path}&apos; ist eine einfache, unverschlüsselte SQLite-Datei, keine VaxDesk-Stationsdatenbank.</translation>
    </message>
    <message>
        <source>The key file beside &apos;{name}&apos; belongs to another database.</source>
        <translation>Die Schlüsseldatei neben &apos;{name}&apos; gehört zu einer anderen Datenbank.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; was created by an earlier init that was interrupted as it finished; it is complete now.</source>
        <translation>&apos;{path}&apos; wurde von einem früheren init angelegt, das kurz vor dem Ende unterbrochen wurde; die Datenbank ist jetzt vollständig.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; already exists; VaxDesk never overwrites a database.</source>
        <translation>&apos;{path}&apos; gibt es schon; VaxDesk überschreibt nie eine Datenbank.</translation>
    </message>
    <message>
        <source>The station passphrase must have at least {min} characters.</source>
        <translation>Die Stations-Passphrase muss mindestens {min} Zeichen haben.</translation>
    </message>
    <message>
        <source>The new database still has an unfinished write-ahead log; nothing was created.</source>
        <translation>Die neue Datenbank hat noch ein unvollständiges Write-Ahead-Log; es wurde nichts angelegt.</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; appeared while it was being created; nothing was overwritten.</source>
        <translation>&apos;{path}&apos; ist entstanden, während die Datenbank angelegt wurde; es wurde nichts überschrieben.</translation>
    </message>
    <message>
        <source>The new passphrase must have at least {min} characters.</source>
        <translation>Die neue Passphrase muss mindestens {min} Zeichen haben.</translation>
    </message>
    <message>
        <source>The key file beside the database is not a VaxDesk key file or is damaged.</source>
        <translation>Die Schlüsseldatei neben der Datenbank ist keine VaxDesk-Schlüsseldatei oder ist beschädigt.</translation>
    </message>
    <message>
        <source>Wrong passphrase for this station database.</source>
        <translation>Falsche Passphrase für diese Stationsdatenbank.</translation>
    </message>
    <message>
        <source>Wrong passphrase for this backup: it opens with the passphrase the station had when the backup was made ({created}), even if it was changed since. Nothing was restored.</source>
        <translation>Falsche Passphrase für diese Sicherung: Sie öffnet sich mit der Passphrase, die die Station hatte, als die Sicherung erstellt wurde ({created}), auch wenn sie seitdem geändert wurde. Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>No key file &apos;{name}&apos; beside the database: this is not a VaxDesk station database, or its key file was moved.</source>
        <translation>Neben der Datenbank liegt keine Schlüsseldatei &apos;{name}&apos;: Das ist keine VaxDesk-Stationsdatenbank, oder ihre Schlüsseldatei wurde verschoben.</translation>
    </message>
    <message>
        <source>The key file beside the database is not a VaxDesk key file.</source>
        <translation>Die Schlüsseldatei neben der Datenbank ist keine VaxDesk-Schlüsseldatei.</translation>
    </message>
    <message>
        <source>This station database was written by a newer VaxDesk. Install the newer version; the database was left untouched.</source>
        <translation>Diese Stationsdatenbank wurde von einer neueren VaxDesk-Version geschrieben. Bitte die neuere Version installieren; die Datenbank blieb unverändert.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {detail}.</source>
        <translation>{path} kann nicht gelesen werden: {detail}.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}.</source>
        <translation>{path} kann nicht geschrieben werden: {detail}.</translation>
    </message>
    <message>
        <source>Cannot write to {path}: {detail}.</source>
        <translation>In {path} kann nicht geschrieben werden: {detail}.</translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {line}).</source>
        <translation>{path} ist kein gültiges JSON (Zeile {line}).</translation>
    </message>
    <message>
        <source>{path} must hold one JSON object.</source>
        <translation>{path} muss genau ein JSON-Objekt enthalten.</translation>
    </message>
    <message>
        <source>{value!r} is not an ISO 8601 time such as 2021-06-01T12:00:00Z.</source>
        <translation>{value!r} ist keine ISO-8601-Zeit wie 2021-06-01T12:00:00Z.</translation>
    </message>
    <message>
        <source>Each line must be a JSON object.</source>
        <translation>Jede Zeile muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <source>&quot;trust&quot; must be a list of base64 DER certificates.</source>
        <translation>&quot;trust&quot; muss eine Liste von DER-Zertifikaten in Base64 sein.</translation>
    </message>
    <message>
        <source>&quot;at&quot; must be an ISO 8601 time or null.</source>
        <translation>&quot;at&quot; muss eine ISO-8601-Zeit oder null sein.</translation>
    </message>
    <message>
        <source>Give --key and --cert, or --p12.</source>
        <translation>Bitte --key und --cert angeben, oder --p12.</translation>
    </message>
    <message>
        <source>Give --issuer and/or --validity-days.</source>
        <translation>Bitte --issuer und/oder --validity-days angeben.</translation>
    </message>
    <message>
        <source>The file is not a readable X.509 certificate (PEM or DER).</source>
        <translation>Die Datei ist kein lesbares X.509-Zertifikat (PEM oder DER).</translation>
    </message>
    <message>
        <source>The signing key must be an ECDSA P-256 key (ES256).</source>
        <translation>Der Signaturschlüssel muss ein ECDSA-P-256-Schlüssel (ES256) sein.</translation>
    </message>
    <message>
        <source>The signing key does not belong to the signer certificate.</source>
        <translation>Der Signaturschlüssel gehört nicht zum Signaturzertifikat.</translation>
    </message>
    <message>
        <source>The signing key file cannot be read (PEM, wrong or missing password?).</source>
        <translation>Die Schlüsseldatei kann nicht gelesen werden (PEM? Passwort falsch oder fehlt?).</translation>
    </message>
    <message>
        <source>Truncated certificate.</source>
        <translation>Das Zertifikat ist abgeschnitten.</translation>
    </message>
    <message>
        <source>Unsupported certificate length encoding.</source>
        <translation>Das Zertifikat kodiert eine Länge auf eine nicht unterstützte Weise.</translation>
    </message>
    <message>
        <source>A trust list entry is not a readable X.509 certificate.</source>
        <translation>Ein Eintrag der Vertrauensliste ist kein lesbares X.509-Zertifikat.</translation>
    </message>
    <message>
        <source>The character {character!r} is not allowed in a certificate identifier.</source>
        <translation>Das Zeichen {character!r} ist in einer Zertifikatskennung nicht erlaubt.</translation>
    </message>
    <message>
        <source>The issuer code and identifier may only contain A-Z, 0-9 and &apos;/&apos;.</source>
        <translation>Ausstellercode und Kennung dürfen nur A–Z, 0–9 und &apos;/&apos; enthalten.</translation>
    </message>
    <message>
        <source>The family name is needed to seal or open the code.</source>
        <translation>Zum Versiegeln oder Öffnen des Codes wird der Familienname gebraucht.</translation>
    </message>
    <message>
        <source>The date of birth must look like 1964-08-12 or 12.08.1964.</source>
        <translation>Das Geburtsdatum muss wie 1964-08-12 oder 12.08.1964 aussehen.</translation>
    </message>
    <message>
        <source>The text cannot be put in an alphanumeric QR code.</source>
        <translation>Der Text lässt sich nicht in einen alphanumerischen QR-Code setzen.</translation>
    </message>
    <message>
        <source>The tenant server could not sign: {detail}</source>
        <translation>Der Mandanten-Server konnte nicht signieren: {detail}</translation>
    </message>
    <message>
        <source>No passphrase: set {env} or run the command in a terminal.</source>
        <translation>Keine Passphrase: {env} setzen oder den Befehl in einem Terminal ausführen.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The simulation&apos;s tenant server exited at start-up; see {log}.</source>
        <translation>Der Mandanten-Server der Simulation hat sich beim Start beendet; siehe {log}.</translation>
    </message>
    <message>
        <source>The simulation&apos;s tenant server did not answer /health within {seconds} s.</source>
        <translation>Der Mandanten-Server der Simulation hat nicht innerhalb von {seconds} s auf /health geantwortet.</translation>
    </message>
    <message>
        <source>vaxdesk-server {command} failed: {detail}</source>
        <translation>vaxdesk-server {command} ist fehlgeschlagen: {detail}</translation>
    </message>
    <message>
        <source>This station is not enrolled yet: run &apos;vaxdesk enroll&apos; with a code from the tenant admin.</source>
        <translation>Diese Station ist noch nicht angemeldet: &apos;vaxdesk enroll&apos; mit einem Code vom Mandanten-Admin ausführen.</translation>
    </message>
    <message>
        <source>The sync server changed its epoch three times in one round; try again later.</source>
        <translation>Der Sync-Server hat seine Epoche in einer Runde dreimal gewechselt; bitte später noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Enrollment refused ({server_code}). Ask the tenant admin for a new code for this station&apos;s tenant and site.</source>
        <translation>Anmeldung abgelehnt ({server_code}). Bitte beim Mandanten-Admin einen neuen Code für Mandant und Standort dieser Station anfordern.</translation>
    </message>
    <message>
        <source>This station is not enrolled with a sync server.</source>
        <translation>Diese Station ist bei keinem Sync-Server angemeldet.</translation>
    </message>
    <message>
        <source>The sync server could not be reached ({problem} after {tries} tries). Work continues offline; sync will try again.</source>
        <translation>Der Sync-Server ist nicht erreichbar ({problem} nach {tries} Versuchen). Die Arbeit geht offline weiter; der Abgleich versucht es erneut.</translation>
    </message>
    <message>
        <source>The sync server answered {status} without an error code.</source>
        <translation>Der Sync-Server hat mit {status} ohne Fehlercode geantwortet.</translation>
    </message>
    <message>
        <source>The server address must start with https:// (or http:// on a test network).</source>
        <translation>Die Serveradresse muss mit https:// beginnen (oder mit http:// in einem Testnetz).</translation>
    </message>
    <message>
        <source>The sync server no longer accepts this station&apos;s token ({server_code}). Enroll the station again with a new code.</source>
        <translation>Der Sync-Server nimmt das Token dieser Station nicht mehr an ({server_code}). Bitte die Station mit einem neuen Code neu anmelden.</translation>
    </message>
    <message>
        <source>Invalid base45 length.</source>
        <translation>Ungültige Base45-Länge.</translation>
    </message>
    <message>
        <source>Invalid base45 character.</source>
        <translation>Ungültiges Base45-Zeichen.</translation>
    </message>
    <message>
        <source>Base45 value out of range.</source>
        <translation>Base45-Wert außerhalb des Bereichs.</translation>
    </message>
    <message>
        <source>Not a COSE_Sign1 structure.</source>
        <translation>Keine COSE_Sign1-Struktur.</translation>
    </message>
    <message>
        <source>The COSE protected header is not a map.</source>
        <translation>Der geschützte COSE-Header ist keine Map.</translation>
    </message>
    <message>
        <source>CBOR data ends early.</source>
        <translation>Die CBOR-Daten enden zu früh.</translation>
    </message>
    <message>
        <source>Reserved CBOR additional information.</source>
        <translation>Reservierte CBOR-Zusatzinformation.</translation>
    </message>
    <message>
        <source>CBOR length exceeds the data.</source>
        <translation>Die CBOR-Länge übersteigt die Daten.</translation>
    </message>
    <message>
        <source>CBOR data is nested too deeply.</source>
        <translation>Die CBOR-Daten sind zu tief verschachtelt.</translation>
    </message>
    <message>
        <source>Indefinite length on an integer.</source>
        <translation>Unbestimmte Länge bei einer Ganzzahl.</translation>
    </message>
    <message>
        <source>Invalid UTF-8 in CBOR text.</source>
        <translation>Ungültiges UTF-8 in einem CBOR-Text.</translation>
    </message>
    <message>
        <source>Indefinite length on a tag.</source>
        <translation>Unbestimmte Länge bei einem Tag.</translation>
    </message>
    <message>
        <source>Unexpected CBOR break.</source>
        <translation>Unerwartetes CBOR-Break.</translation>
    </message>
    <message>
        <source>Unsupported CBOR simple value.</source>
        <translation>Nicht unterstützter einfacher CBOR-Wert.</translation>
    </message>
    <message>
        <source>Invalid chunk in CBOR string.</source>
        <translation>Ungültiges Teilstück in einem CBOR-String.</translation>
    </message>
    <message>
        <source>Nested indefinite CBOR string.</source>
        <translation>Verschachtelter CBOR-String unbestimmter Länge.</translation>
    </message>
    <message>
        <source>Invalid CBOR map key.</source>
        <translation>Ungültiger CBOR-Map-Schlüssel.</translation>
    </message>
    <message>
        <source>Duplicate CBOR map key.</source>
        <translation>Doppelter CBOR-Map-Schlüssel.</translation>
    </message>
    <message>
        <source>Unexpected data after the CBOR item.</source>
        <translation>Unerwartete Daten nach dem CBOR-Element.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>d MMM yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <source>Day of the report</source>
        <translation>Tag des Berichts</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>Als CSV speichern …</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Als PDF speichern …</translation>
    </message>
    <message>
        <source>doses given</source>
        <translation>Impfungen</translation>
    </message>
    <message>
        <source>certificates issued</source>
        <translation>Zertifikate ausgestellt</translation>
    </message>
    <message>
        <source>no-shows</source>
        <translation>nicht erschienen</translation>
    </message>
    <message>
        <source>tests (positive)</source>
        <translation>Tests (positiv)</translation>
    </message>
    <message>
        <source>doses wasted</source>
        <translation>Dosen verworfen</translation>
    </message>
    <message>
        <source>waiting, check-in to vaccination (median · 90 %)</source>
        <translation>Wartezeit Anmeldung bis Impfung (Median · 90 %)</translation>
    </message>
    <message>
        <source>Doses per hour</source>
        <translation>Impfungen pro Stunde</translation>
    </message>
    <message>
        <source>No doses on this day.</source>
        <translation>An diesem Tag keine Impfungen.</translation>
    </message>
    <message>
        <source>Stock now: doses left</source>
        <translation>Bestand jetzt: Dosen übrig</translation>
    </message>
    <message>
        <source>No vaccine in stock.</source>
        <translation>Kein Impfstoff auf Lager.</translation>
    </message>
    <message>
        <source>None on this day.</source>
        <translation>Keine an diesem Tag.</translation>
    </message>
    <message>
        <source>Doses</source>
        <translation>Dosen</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Impfstoff</translation>
    </message>
    <message>
        <source>Doses by product</source>
        <translation>Impfungen nach Impfstoff</translation>
    </message>
    <message>
        <source>Doses by lot</source>
        <translation>Impfungen nach Charge</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Doses by dose in the series</source>
        <translation>Impfungen nach Impfung der Serie</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Impfung</translation>
    </message>
    <message>
        <source>Age groups</source>
        <translation>Altersgruppen</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Waste</source>
        <translation>Verwurf</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Adverse events</source>
        <translation>Impfreaktionen</translation>
    </message>
    <message>
        <source>Reaction</source>
        <translation>Reaktion</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Stock now</source>
        <translation>Bestand jetzt</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Erhalten</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Verimpft</translation>
    </message>
    <message>
        <source>Wasted</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Übrig</translation>
    </message>
    <message>
        <source>Nothing was recorded on {day}: no vaccinations, no-shows, waste or adverse events. Choose another day above; the stock below is today&apos;s.</source>
        <translation>Am {day} wurde nichts erfasst: keine Impfungen, keine Nichterschienenen, kein Verwurf, keine Impfreaktionen. Wählen Sie oben einen anderen Tag; der Bestand unten ist der von heute.</translation>
    </message>
    <message>
        <source>Save the daily report as PDF</source>
        <translation>Tagesbericht als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Save the daily report as CSV</source>
        <translation>Tagesbericht als CSV speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation>{path} wird gespeichert …</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}. Choose another folder.</source>
        <translation>{path} konnte nicht gespeichert werden: {reason}. Wählen Sie einen anderen Ordner.</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <source>Expired after opening</source>
        <translation>Nach Anbruch abgelaufen</translation>
    </message>
    <message>
        <source>Contamination</source>
        <translation>Verunreinigung</translation>
    </message>
    <message>
        <source>Broken vial</source>
        <translation>Vial zerbrochen</translation>
    </message>
    <message>
        <source>Unused at end of day</source>
        <translation>Bei Tagesende nicht verbraucht</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Fainting</source>
        <translation>Ohnmacht</translation>
    </message>
    <message>
        <source>Dizziness</source>
        <translation>Schwindel</translation>
    </message>
    <message>
        <source>Allergic reaction</source>
        <translation>Allergische Reaktion</translation>
    </message>
    <message>
        <source>Anaphylaxis</source>
        <translation>Anaphylaxie</translation>
    </message>
    <message>
        <source>Local reaction</source>
        <translation>Lokalreaktion</translation>
    </message>
    <message>
        <source>Nausea</source>
        <translation>Übelkeit</translation>
    </message>
    <message>
        <source>Headache</source>
        <translation>Kopfschmerzen</translation>
    </message>
    <message>
        <source>Fever</source>
        <translation>Fieber</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leicht</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>schwer</translation>
    </message>
    <message>
        <source>life-threatening</source>
        <translation>lebensbedrohlich</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} Min.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Nurse</source>
        <translation>Pflegekraft</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Ärztin/Arzt</translation>
    </message>
    <message>
        <source>Site lead / admin</source>
        <translation>Standortleitung / Admin</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Book the follow-up</source>
        <translation>Folgetermin buchen</translation>
    </message>
    <message>
        <source>Opening plan</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <source>Vaccinated today, no follow-up yet</source>
        <translation>Heute geimpft, noch kein Folgetermin</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Name filtern</translation>
    </message>
    <message>
        <source>Nobody vaccinated today is waiting for a follow-up.</source>
        <translation>Niemand von heute wartet auf einen Folgetermin.</translation>
    </message>
    <message>
        <source>Choose a person on the left.</source>
        <translation>Links eine Person wählen.</translation>
    </message>
    <message>
        <source>Book this slot</source>
        <translation>Diesen Termin buchen</translation>
    </message>
    <message>
        <source>PROVISIONAL: booked while offline. The slip says so; the booking is confirmed once the station has synchronised.</source>
        <translation>VORLÄUFIG: offline gebucht. Der Terminzettel sagt es; die Buchung wird nach der Synchronisierung bestätigt.</translation>
    </message>
    <message>
        <source>Hand the slip to the person: it has the QR code the check-in desk scans.</source>
        <translation>Terminzettel mitgeben: sein QR-Code wird beim Einlass gescannt.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Next person</source>
        <translation>Nächste Person</translation>
    </message>
    <message>
        <source>{name}
{dose} {product} at {time}</source>
        <translation>{name}
{dose} {product} um {time}</translation>
    </message>
    <message>
        <source>{name} · born {dob} · today: dose {dose} {product}</source>
        <translation>{name} · geb. {dob} · heute: Impfung {dose} {product}</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Slots created: {n}. Days that already had slots were left as they were.</source>
        <translation>Termine angelegt: {n}. Tage mit vorhandenen Terminen blieben unverändert.</translation>
    </message>
    <message>
        <source>Dose {dn} of {product}: earliest {earliest} · recommended {recommended} · latest {latest}</source>
        <translation>{dn}. Impfung {product}: frühestens {earliest} · empfohlen {recommended} · spätestens {latest}</translation>
    </message>
    <message>
        <source>Next step: choose the person on the left.</source>
        <translation>Nächster Schritt: links die Person wählen.</translation>
    </message>
    <message>
        <source>Looking for slots…</source>
        <translation>Termine werden gesucht…</translation>
    </message>
    <message>
        <source>No slot can be offered: open more days on the “Opening plan” tab.</source>
        <translation>Kein Termin frei: weitere Tage unter „Öffnungszeiten“ anlegen.</translation>
    </message>
    <message>
        <source>The first row is closest to the recommended day.</source>
        <translation>Die erste Zeile liegt am nächsten am empfohlenen Tag.</translation>
    </message>
    <message>
        <source>Choose the person and a slot first.</source>
        <translation>Zuerst Person und Termin wählen.</translation>
    </message>
    <message>
        <source>✔ Booked: {name}
{day} at {time}
{product}, dose {dose}
Booking code:
{code}</source>
        <translation>✔ Gebucht: {name}
{day} um {time}
{product}, {dose}. Impfung
Buchungscode:
{code}</translation>
    </message>
    <message>
        <source>Appointment-{code}.pdf</source>
        <translation>Termin-{code}.pdf</translation>
    </message>
    <message>
        <source>Save the appointment slip</source>
        <translation>Terminzettel speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The slip could not be saved to {path}: {why}. Choose another folder.</source>
        <translation>Der Terminzettel konnte nicht unter {path} gespeichert werden: {why}. Anderen Ordner wählen.</translation>
    </message>
    <message>
        <source>Slip saved: {path}</source>
        <translation>Terminzettel gespeichert: {path}</translation>
    </message>
    <message>
        <source>Print the appointment slip</source>
        <translation>Terminzettel drucken</translation>
    </message>
    <message>
        <source>The printer did not accept the slip. Use “Save as PDF…” and print it from another computer.</source>
        <translation>Der Drucker hat den Terminzettel nicht angenommen. „Als PDF speichern…“ nutzen und an einem anderen Rechner drucken.</translation>
    </message>
    <message>
        <source>{weekday}s saved: {opens}–{closes}.</source>
        <translation>{weekday} gespeichert: {opens}–{closes}.</translation>
    </message>
    <message>
        <source>{day} is closed.</source>
        <translation>{day} ist geschlossen.</translation>
    </message>
</context>
<context>
    <name>ScheduleWords</name>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Frei</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>★ recommended</source>
        <translation>★ empfohlen</translation>
    </message>
    <message>
        <source>1 day off</source>
        <translation>1 Tag daneben</translation>
    </message>
    <message>
        <source>{n} days off</source>
        <translation>{n} Tage daneben</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <source>Slot</source>
        <translation>Takt</translation>
    </message>
    <message>
        <source>Places per slot</source>
        <translation>Plätze je Termin</translation>
    </message>
    <message>
        <source>Vaccines</source>
        <translation>Impfstoffe</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>from {day}</source>
        <translation>ab {day}</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{total} ({stations} stations × {each})</source>
        <translation>{total} ({stations} Straßen × {each})</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <source>Show deactivated accounts</source>
        <translation>Deaktivierte Konten zeigen</translation>
    </message>
    <message>
        <source>Add staff member…</source>
        <translation>Person hinzufügen …</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>4 to 12 digits</source>
        <translation>4 bis 12 Ziffern</translation>
    </message>
    <message>
        <source>Repeat the PIN</source>
        <translation>PIN wiederholen</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>PIN neu setzen</translation>
    </message>
    <message>
        <source>Not easy to guess. A new PIN also ends a lock-out.</source>
        <translation>Nicht leicht zu erraten. Eine neue PIN hebt auch eine Sperre auf.</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>New PIN, twice:</source>
        <translation>Neue PIN, zweimal:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>Neue Person im Team</translation>
    </message>
    <message>
        <source>e.g. Maria Weber</source>
        <translation>z. B. Maria Weber</translation>
    </message>
    <message>
        <source>e.g. mweber</source>
        <translation>z. B. mweber</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Anmeldename:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>PIN:</translation>
    </message>
    <message>
        <source>Repeat PIN:</source>
        <translation>PIN wiederholen:</translation>
    </message>
    <message>
        <source>Select a staff member in the list.</source>
        <translation>Wählen Sie eine Person in der Liste.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>deactivated: cannot log in</source>
        <translation>deaktiviert: kann sich nicht anmelden</translation>
    </message>
    <message>
        <source>Login: {login} · {status}</source>
        <translation>Anmeldename: {login} · {status}</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Wieder aktivieren</translation>
    </message>
    <message>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>Die beiden PINs unterscheiden sich. Geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
    <message>
        <source>{name} already has this role.</source>
        <translation>{name} hat diese Rolle schon.</translation>
    </message>
    <message>
        <source>{name} is now: {role}.</source>
        <translation>{name} ist jetzt: {role}.</translation>
    </message>
    <message>
        <source>New PIN set for {name}. Tell them in person, never by e-mail.</source>
        <translation>Neue PIN für {name} gesetzt. Sagen Sie sie persönlich, nie per E-Mail.</translation>
    </message>
    <message>
        <source>{name} can log in again.</source>
        <translation>{name} kann sich wieder anmelden.</translation>
    </message>
    <message>
        <source>{name} is deactivated and can no longer log in. Their history is kept.</source>
        <translation>{name} ist deaktiviert und kann sich nicht mehr anmelden. Die bisherigen Einträge bleiben erhalten.</translation>
    </message>
    <message>
        <source>{name} can now log in as “{login}” with the PIN you set.</source>
        <translation>{name} kann sich jetzt als „{login}“ mit der von Ihnen gesetzten PIN anmelden.</translation>
    </message>
</context>
<context>
    <name>StationWindow</name>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Close anyway?</source>
        <translation>Trotzdem schließen?</translation>
    </message>
    <message>
        <source>Lock anyway?</source>
        <translation>Trotzdem sperren?</translation>
    </message>
    <message numerus="yes">
        <source>%n dose(s) are not yet on the server.</source>
        <translation>
            <numerusform>%n Impfung ist noch nicht auf dem Server.</numerusform>
            <numerusform>%n Impfungen sind noch nicht auf dem Server.</numerusform>
        </translation>
    </message>
    <message>
        <source>They stay safe on this station and sync later.</source>
        <translation>Sie bleiben sicher auf dieser Station und werden später synchronisiert.</translation>
    </message>
    <message>
        <source>Doses not yet synced</source>
        <translation>Impfungen noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>Trotzdem schließen</translation>
    </message>
    <message>
        <source>Lock anyway</source>
        <translation>Trotzdem sperren</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Bleiben</translation>
    </message>
</context>
<context>
    <name>SyncCounts</name>
    <message numerus="yes">
        <source>%n change(s) kept on this station</source>
        <translation>
            <numerusform>%n Änderung auf dieser Station gespeichert</numerusform>
            <numerusform>%n Änderungen auf dieser Station gespeichert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n ausstehend</numerusform>
            <numerusform>%n ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pending (safe on this station)</source>
        <translation>
            <numerusform>%n ausstehend (sicher auf dieser Station)</numerusform>
            <numerusform>%n ausstehend (sicher auf dieser Station)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n abgelehnt</numerusform>
            <numerusform>%n abgelehnt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n zu prüfen</numerusform>
            <numerusform>%n zu prüfen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Station clock is %n hours off — ask the admin</source>
        <translation>
            <numerusform>Die Uhr der Station geht %n Stunde falsch – Admin fragen</numerusform>
            <numerusform>Die Uhr der Station geht %n Stunden falsch – Admin fragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Station clock is %n min off — ask the admin</source>
        <translation>
            <numerusform>Die Uhr der Station geht %n Min. falsch – Admin fragen</numerusform>
            <numerusform>Die Uhr der Station geht %n Min. falsch – Admin fragen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Person details</source>
        <translation>Personendaten</translation>
    </message>
    <message>
        <source>Booking</source>
        <translation>Buchung</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>Impfung</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Vaccine lot</source>
        <translation>Impfstoff-Charge</translation>
    </message>
    <message>
        <source>Vial</source>
        <translation>Vial</translation>
    </message>
    <message>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>The slot was already full on the server. Call the person for a new time (see “To rebook”).</source>
        <translation>Der Zeitslot war auf dem Server schon voll. Rufen Sie die Person für einen neuen Termin an (siehe „Neu buchen“).</translation>
    </message>
    <message>
        <source>That time slot does not exist on the server.</source>
        <translation>Diesen Zeitslot gibt es auf dem Server nicht.</translation>
    </message>
    <message>
        <source>The server had refused this booking (slot full); the visit and any dose are kept without it.</source>
        <translation>Der Server hatte diesen Termin abgelehnt (Zeitfenster voll); der Besuch und eine Impfung bleiben ohne ihn erhalten.</translation>
    </message>
    <message>
        <source>The person is not on the server.</source>
        <translation>Die Person ist nicht auf dem Server.</translation>
    </message>
    <message>
        <source>The server already has this record; nothing is lost.</source>
        <translation>Der Server hat diesen Eintrag schon; nichts ist verloren.</translation>
    </message>
    <message>
        <source>The person was deleted on the server; the change was not applied.</source>
        <translation>Die Person wurde auf dem Server gelöscht; die Änderung wurde nicht übernommen.</translation>
    </message>
    <message>
        <source>The record was incomplete. Ask the admin to check this station&apos;s version.</source>
        <translation>Der Eintrag war unvollständig. Bitten Sie den Admin, die Version dieser Station zu prüfen.</translation>
    </message>
    <message>
        <source>The server has a different change under the same number (was this station restored from an old backup?). Ask the admin.</source>
        <translation>Der Server hat unter derselben Nummer eine andere Änderung (wurde diese Station aus einer alten Sicherung wiederhergestellt?). Fragen Sie den Admin.</translation>
    </message>
    <message>
        <source>Another station changed this first (for example checked the person in); this station now shows the server&apos;s state.</source>
        <translation>Ein anderer Platz hat das zuerst geändert (zum Beispiel die Person angemeldet); dieser Platz zeigt jetzt den Stand des Servers.</translation>
    </message>
    <message>
        <source>This record belongs to another site; it was not changed.</source>
        <translation>Dieser Eintrag gehört zu einem anderen Standort; er wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The server had refused this before it was restored from a backup; it stays refused.</source>
        <translation>Der Server hatte das schon vor der Wiederherstellung aus der Sicherung abgelehnt; es bleibt abgelehnt.</translation>
    </message>
    <message>
        <source>A value in this record cannot be accepted. Ask the admin to check this station&apos;s version.</source>
        <translation>Ein Wert in diesem Eintrag kann nicht angenommen werden. Bitten Sie den Admin, die Version dieses Platzes zu prüfen.</translation>
    </message>
    <message>
        <source>The record has a field the server does not know. Ask the admin to update VaxDesk.</source>
        <translation>Der Eintrag hat ein Feld, das der Server nicht kennt. Bitten Sie den Admin, VaxDesk zu aktualisieren.</translation>
    </message>
    <message>
        <source>The server does not know this kind of change. Ask the admin to update VaxDesk.</source>
        <translation>Der Server kennt diese Art von Änderung nicht. Bitten Sie den Admin, VaxDesk zu aktualisieren.</translation>
    </message>
    <message>
        <source>A recorded dose is never changed; correct it instead.</source>
        <translation>Eine erfasste Impfung wird nie verändert; korrigieren Sie sie stattdessen.</translation>
    </message>
    <message>
        <source>A value this version of VaxDesk cannot store</source>
        <translation>Ein Wert, den diese VaxDesk-Version nicht speichern kann</translation>
    </message>
    <message>
        <source>A field this version of VaxDesk does not know</source>
        <translation>Ein Feld, das diese VaxDesk-Version nicht kennt</translation>
    </message>
    <message>
        <source>A required value is missing</source>
        <translation>Ein notwendiger Wert fehlt</translation>
    </message>
    <message>
        <source>A kind of change this version of VaxDesk does not know</source>
        <translation>Eine Art von Änderung, die diese VaxDesk-Version nicht kennt</translation>
    </message>
    <message>
        <source>It refers to a record this station does not have</source>
        <translation>Sie verweist auf einen Eintrag, den dieser Platz nicht hat</translation>
    </message>
    <message>
        <source>It conflicts with a record on this station</source>
        <translation>Sie widerspricht einem Eintrag auf diesem Platz</translation>
    </message>
    <message>
        <source>The change is incomplete</source>
        <translation>Die Änderung ist unvollständig</translation>
    </message>
    <message>
        <source>Person details changed on two stations</source>
        <translation>Personendaten auf zwei Stationen geändert</translation>
    </message>
    <message>
        <source>Possibly the same dose recorded twice</source>
        <translation>Möglicherweise dieselbe Impfung doppelt erfasst</translation>
    </message>
    <message>
        <source>Possibly the same person registered twice</source>
        <translation>Möglicherweise dieselbe Person doppelt erfasst</translation>
    </message>
    <message>
        <source>One dose voided or corrected on two stations</source>
        <translation>Eine Impfung an zwei Plätzen storniert oder korrigiert</translation>
    </message>
    <message>
        <source>Slot over capacity after a server restore</source>
        <translation>Zeitfenster nach Wiederherstellung des Servers überbucht</translation>
    </message>
    <message>
        <source>One person checked in at two desks</source>
        <translation>Eine Person an zwei Plätzen eingecheckt</translation>
    </message>
    <message>
        <source>Dose given from a blocked lot</source>
        <translation>Impfung aus einer gesperrten Charge</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Familienname</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>The server did not say why.</source>
        <translation>Der Server hat keinen Grund genannt.</translation>
    </message>
    <message>
        <source>{field}: server “{server}”, other station “{station}”</source>
        <translation>{field}: Server „{server}“, andere Station „{station}“</translation>
    </message>
    <message>
        <source>Another station recorded a dose for this person too. Check the dose history.</source>
        <translation>Ein anderer Platz hat für diese Person ebenfalls eine Impfung erfasst. Prüfen Sie die Impfhistorie.</translation>
    </message>
    <message>
        <source>Two desks registered a person with the same name and date of birth. If it is the same person, merge them: every booking and dose is kept.</source>
        <translation>Zwei Plätze haben eine Person mit gleichem Namen und Geburtsdatum erfasst. Ist es dieselbe Person, führen Sie sie zusammen: Alle Termine und Impfungen bleiben erhalten.</translation>
    </message>
    <message>
        <source>Both changes are kept. Check the dose history and void the record that is wrong.</source>
        <translation>Beide Änderungen bleiben erhalten. Prüfen Sie die Impfhistorie und stornieren Sie den falschen Eintrag.</translation>
    </message>
    <message>
        <source>Bookings confirmed before the restore were kept. Check who can come at another time.</source>
        <translation>Vor der Wiederherstellung bestätigte Termine wurden behalten. Klären Sie, wer zu einer anderen Zeit kommen kann.</translation>
    </message>
    <message>
        <source>Lot {lot} was blocked at another station ({why}) before this dose was given offline. Check whether the person must be vaccinated again.</source>
        <translation>Charge {lot} wurde an einem anderen Platz gesperrt ({why}), bevor diese Impfung offline gegeben wurde. Prüfen Sie, ob die Person erneut geimpft werden muss.</translation>
    </message>
    <message>
        <source>The person is in the queue twice. Continue with one visit and end the other as left without vaccination (checked in twice).</source>
        <translation>Die Person steht zweimal in der Warteschlange. Setzen Sie einen Besuch fort und beenden Sie den anderen als „Ohne Impfung gegangen“ (doppelt eingecheckt).</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Why the server refused it</source>
        <translation>Warum der Server es abgelehnt hat</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Why it was not applied</source>
        <translation>Warum sie nicht übernommen wurde</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Booked time (refused)</source>
        <translation>Gebuchte Zeit (abgelehnt)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>What did you check or change? (required)</source>
        <translation>Was haben Sie geprüft oder geändert? (Pflicht)</translation>
    </message>
    <message>
        <source>Mark as resolved</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Same person: merge</source>
        <translation>Dieselbe Person: zusammenführen</translation>
    </message>
    <message numerus="yes">
        <source>Rejected (%n)</source>
        <translation>
            <numerusform>Abgelehnt (%n)</numerusform>
            <numerusform>Abgelehnt (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To review (%n)</source>
        <translation>
            <numerusform>Zu prüfen (%n)</numerusform>
            <numerusform>Zu prüfen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To rebook (%n)</source>
        <translation>
            <numerusform>Neu buchen (%n)</numerusform>
            <numerusform>Neu buchen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not applied (%n)</source>
        <translation>
            <numerusform>Nicht übernommen (%n)</numerusform>
            <numerusform>Nicht übernommen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes from the server this station could not apply. Everything else was applied; ask the admin to update VaxDesk on this station.</source>
        <translation>Änderungen vom Server, die dieser Platz nicht übernehmen konnte. Alles andere wurde übernommen; bitten Sie den Admin, VaxDesk auf diesem Platz zu aktualisieren.</translation>
    </message>
    <message>
        <source>Every change from the server was applied.</source>
        <translation>Alle Änderungen vom Server wurden übernommen.</translation>
    </message>
    <message>
        <source>Changes the server refused. They stay on this station; nothing was deleted.</source>
        <translation>Änderungen, die der Server abgelehnt hat. Sie bleiben auf dieser Station; nichts wurde gelöscht.</translation>
    </message>
    <message>
        <source>The server has refused nothing from this station.</source>
        <translation>Der Server hat nichts von dieser Station abgelehnt.</translation>
    </message>
    <message>
        <source>The server found these when merging the stations&apos; work. Check each, then mark it resolved with a note.</source>
        <translation>Diese hat der Server beim Zusammenführen der Stationen gefunden. Prüfen Sie jeden Fall und markieren Sie ihn mit einer Notiz als erledigt.</translation>
    </message>
    <message>
        <source>Nothing to review.</source>
        <translation>Nichts zu prüfen.</translation>
    </message>
    <message>
        <source>Bookings made offline that the server could not confirm (the slot was full). Call these people and book a new time.</source>
        <translation>Offline gemachte Buchungen, die der Server nicht bestätigen konnte (der Zeitslot war voll). Rufen Sie diese Personen an und buchen Sie einen neuen Termin.</translation>
    </message>
    <message>
        <source>No bookings to redo.</source>
        <translation>Keine Buchungen neu zu machen.</translation>
    </message>
    <message>
        <source>Pending changes are sent in the background every minute.</source>
        <translation>Ausstehende Änderungen werden jede Minute im Hintergrund gesendet.</translation>
    </message>
    <message>
        <source>Everything recorded is kept safe on this station and is sent when the server can be reached again.</source>
        <translation>Alles Erfasste bleibt sicher auf dieser Station und wird gesendet, sobald der Server wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>This station works on its own: everything stays on this station. To share records with the other stations, an admin enrolls it once with a one-time code from the tenant admin:
vaxdesk enroll --db {db} --server https://sync.example.org --code CODE</source>
        <translation>Diese Station arbeitet für sich: Alles bleibt auf dieser Station. Damit sie Daten mit den anderen Stationen teilt, meldet ein Admin sie einmal mit einem Einmal-Code des Mandanten-Admins an:
vaxdesk enroll --db {db} --server https://sync.example.org --code CODE</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiert …</translation>
    </message>
    <message>
        <source>Merged: one person with every booking and dose.</source>
        <translation>Zusammengeführt: eine Person mit allen Terminen und Impfungen.</translation>
    </message>
    <message>
        <source>Choose a task in the list first.</source>
        <translation>Wählen Sie zuerst einen Fall in der Liste.</translation>
    </message>
    <message>
        <source>Write a short note on what you checked; it goes into the audit log.</source>
        <translation>Schreiben Sie kurz, was Sie geprüft haben; die Notiz kommt ins Audit-Protokoll.</translation>
    </message>
    <message>
        <source>Marked as resolved.</source>
        <translation>Als erledigt markiert.</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Offline — not connected to a server yet</source>
        <translation>Offline – noch nicht mit einem Server verbunden</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>The server could not be reached (no network, or the server is down).</source>
        <translation>Der Server war nicht erreichbar (kein Netz, oder der Server ist außer Betrieb).</translation>
    </message>
    <message>
        <source>The server no longer accepts this station. An admin must enroll it again with a new code.</source>
        <translation>Der Server nimmt diese Station nicht mehr an. Ein Admin muss sie mit einem neuen Code erneut anmelden.</translation>
    </message>
    <message>
        <source>This station is not enrolled with a server.</source>
        <translation>Diese Station ist bei keinem Server angemeldet.</translation>
    </message>
    <message>
        <source>The server gave an answer this station does not understand. Ask the admin to check that station and server versions match.</source>
        <translation>Der Server gab eine Antwort, die diese Station nicht versteht. Bitten Sie den Admin zu prüfen, ob die Versionen von Station und Server zusammenpassen.</translation>
    </message>
    <message>
        <source>The server refused a request. Sync will try again.</source>
        <translation>Der Server hat eine Anfrage abgelehnt. Die Synchronisation versucht es erneut.</translation>
    </message>
    <message>
        <source>The station database was busy. Sync will try again.</source>
        <translation>Die Datenbank der Station war belegt. Die Synchronisation versucht es erneut.</translation>
    </message>
    <message>
        <source>The last sync did not finish. Sync will try again.</source>
        <translation>Die letzte Synchronisation wurde nicht abgeschlossen. Sie versucht es erneut.</translation>
    </message>
    <message>
        <source>Last complete sync: {time}</source>
        <translation>Letzte vollständige Synchronisation: {time}</translation>
    </message>
    <message>
        <source>Last attempt: {time}</source>
        <translation>Letzter Versuch: {time}</translation>
    </message>
    <message>
        <source>Not enrolled with a server</source>
        <translation>Bei keinem Server angemeldet</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>last sync {time}</source>
        <translation>zuletzt synchronisiert {time}</translation>
    </message>
    <message>
        <source>not fully synced yet</source>
        <translation>noch nicht vollständig synchronisiert</translation>
    </message>
    <message>
        <source>all sent</source>
        <translation>alles gesendet</translation>
    </message>
    <message>
        <source>Server refused this station — enroll again</source>
        <translation>Server lehnt diese Station ab – erneut anmelden</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Offline since {time}</source>
        <translation>Offline seit {time}</translation>
    </message>
    <message>
        <source>{what} — see Sync page</source>
        <translation>{what} – siehe Seite Synchronisation</translation>
    </message>
</context>
<context>
    <name>TestingPage</name>
    <message>
        <source>Rapid antigen test</source>
        <translation>Antigen-Schnelltest</translation>
    </message>
    <message>
        <source>NAAT (PCR)</source>
        <translation>NAAT (PCR)</translation>
    </message>
    <message>
        <source>Result by e-mail</source>
        <translation>Ergebnis per E-Mail</translation>
    </message>
    <message>
        <source>Order test</source>
        <translation>Test anlegen</translation>
    </message>
    <message>
        <source>Checked in:</source>
        <translation>Eingecheckt:</translation>
    </message>
    <message>
        <source>Rapid test device:</source>
        <translation>Schnelltest:</translation>
    </message>
    <message>
        <source>Lab (NAAT):</source>
        <translation>Labor (NAAT):</translation>
    </message>
    <message>
        <source>Sample id (NAAT):</source>
        <translation>Probennummer (NAAT):</translation>
    </message>
    <message>
        <source>Sample taken</source>
        <translation>Probe entnommen</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>EU test certificate</source>
        <translation>EU-Testzertifikat</translation>
    </message>
    <message>
        <source>Print certificate…</source>
        <translation>Zertifikat drucken…</translation>
    </message>
    <message>
        <source>Sample to take: {ordered} · Waiting for the reading time: {waiting} · Ready to read: {ready} · Results today: {done}</source>
        <translation>Probe ausstehend: {ordered} · Warten auf die Ablesezeit: {waiting} · Ablesebereit: {ready} · Ergebnisse heute: {done}</translation>
    </message>
    <message>
        <source>Check the person in first; then order the test here.</source>
        <translation>Bitte die Person zuerst einchecken, dann hier den Test anlegen.</translation>
    </message>
    <message>
        <source>Test ordered.</source>
        <translation>Test angelegt.</translation>
    </message>
    <message>
        <source>Sample taken.</source>
        <translation>Probe entnommen.</translation>
    </message>
    <message>
        <source>Result entered.</source>
        <translation>Ergebnis eingetragen.</translation>
    </message>
    <message>
        <source>EU test certificate issued for {family}, {given} (born {dob}); print it with “Print certificate…”.</source>
        <translation>EU-Testzertifikat ausgestellt für {family}, {given} (geb. {dob}); drucken mit „Zertifikat drucken…“.</translation>
    </message>
    <message>
        <source>Print the test certificate</source>
        <translation>Testzertifikat drucken</translation>
    </message>
    <message>
        <source>The test certificate was sent to the printer.</source>
        <translation>Das Testzertifikat wurde an den Drucker gesendet.</translation>
    </message>
</context>
<context>
    <name>TestingWords</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stand</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Ablesen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Rapid antigen</source>
        <translation>Schnelltest</translation>
    </message>
    <message>
        <source>NAAT (PCR)</source>
        <translation>NAAT (PCR)</translation>
    </message>
    <message>
        <source>Sample to take</source>
        <translation>Probe ausstehend</translation>
    </message>
    <message>
        <source>Sample taken</source>
        <translation>Probe entnommen</translation>
    </message>
    <message>
        <source>Result entered</source>
        <translation>Ergebnis eingetragen</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>When the lab reports</source>
        <translation>Sobald das Labor meldet</translation>
    </message>
    <message>
        <source>Ready to read</source>
        <translation>Ablesebereit</translation>
    </message>
    <message>
        <source>From {time} · {minutes} min</source>
        <translation>ab {time} · noch {minutes} Min.</translation>
    </message>
    <message>
        <source>Waits for sync</source>
        <translation>Wartet auf Abgleich</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>Positiv</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock this station</source>
        <translation>Station entsperren</translation>
    </message>
    <message>
        <source>Enter the station passphrase. It protects the personal data stored on this computer.</source>
        <translation>Geben Sie die Passphrase der Station ein. Sie schützt die personenbezogenen Daten auf diesem Computer.</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Datenbank: {path}</translation>
    </message>
    <message>
        <source>Station passphrase</source>
        <translation>Passphrase der Station</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>Enter the station passphrase first.</source>
        <translation>Bitte geben Sie zuerst die Passphrase der Station ein.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Wird entsperrt …</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Scan the certificate&apos;s QR code, or paste its HC1: text</source>
        <translation>QR-Code des Zertifikats scannen oder HC1:-Text einfügen</translation>
    </message>
    <message>
        <source>Certificate code</source>
        <translation>Zertifikatscode</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <source>Load trust file…</source>
        <translation>Vertrauensdatei laden…</translation>
    </message>
    <message>
        <source>Remove loaded files</source>
        <translation>Geladene Dateien entfernen</translation>
    </message>
    <message>
        <source>Not valid: the details below are not confirmed.</source>
        <translation>Nicht gültig: Die Angaben unten sind nicht bestätigt.</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>The result appears here: green means valid, red means not valid.</source>
        <translation>Das Ergebnis erscheint hier: Grün heißt gültig, Rot heißt nicht gültig.</translation>
    </message>
    <message>
        <source>Trusted issuers from this station: {n}</source>
        <translation>Vertrauenswürdige Aussteller von dieser Station: {n}</translation>
    </message>
    <message>
        <source>from loaded files: {n}</source>
        <translation>aus geladenen Dateien: {n}</translation>
    </message>
    <message>
        <source>Signer certificates added to the trust list: {n}</source>
        <translation>Zur Vertrauensliste hinzugefügte Signiererzertifikate: {n}</translation>
    </message>
    <message>
        <source>Load trust files (signer certificates)</source>
        <translation>Vertrauensdateien laden (Signiererzertifikate)</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Zertifikate (*.pem *.crt *.cer *.der);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>No signer certificate could be read from: {files}</source>
        <translation>Aus diesen Dateien konnte kein Signiererzertifikat gelesen werden: {files}</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>REVOKED</source>
        <translation>WIDERRUFEN</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>Nicht gültig</translation>
    </message>
    <message>
        <source>Born {dob}</source>
        <translation>Geboren {dob}</translation>
    </message>
    <message>
        <source>Signed {issued} · valid until {expires}</source>
        <translation>Signiert {issued} · gültig bis {expires}</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>nicht bestanden</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
</context>
<context>
    <name>VisitStepsForm</name>
    <message>
        <source>ID card</source>
        <translation>Personalausweis</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Reisepass</translation>
    </message>
    <message>
        <source>Residence permit</source>
        <translation>Aufenthaltstitel</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Führerschein</translation>
    </message>
    <message>
        <source>Health insurance card</source>
        <translation>Gesundheitskarte</translation>
    </message>
    <message>
        <source>Other official document</source>
        <translation>Anderes amtliches Dokument</translation>
    </message>
    <message>
        <source>1. Identity document seen</source>
        <translation>1. Ausweisdokument gesehen</translation>
    </message>
    <message>
        <source>Keys: Enter = identity checked (↑↓ another document) · J or Y = yes, N = no · Enter = send to queue</source>
        <translation>Tasten: Enter = Ausweis geprüft (↑↓ anderes Dokument) · J oder Y = ja, N = nein · Enter = in die Warteschlange</translation>
    </message>
    <message>
        <source>Identity checked (Enter)</source>
        <translation>Ausweis geprüft (Enter)</translation>
    </message>
    <message>
        <source>Send to queue (Enter)</source>
        <translation>In die Warteschlange (Enter)</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>2. Consent</source>
        <translation>2. Einwilligung</translation>
    </message>
    <message>
        <source>Consent given by:</source>
        <translation>Einwilligung durch:</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Die Person selbst</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>Gesetzliche Vertretung</translation>
    </message>
    <message>
        <source>Full name of the legal guardian</source>
        <translation>Vollständiger Name der gesetzlichen Vertretung</translation>
    </message>
    <message>
        <source>3. Medical questions</source>
        <translation>3. Medizinische Fragen</translation>
    </message>
    <message>
        <source>✔ Checked: {document} at {time}</source>
        <translation>✔ Geprüft: {document} um {time}</translation>
    </message>
    <message>
        <source>Enter the legal guardian&apos;s full name (letters only).</source>
        <translation>Bitte den vollständigen Namen der gesetzlichen Vertretung eingeben (nur Buchstaben).</translation>
    </message>
    <message>
        <source>Check the identity document first (step 1).</source>
        <translation>Bitte zuerst das Ausweisdokument prüfen (Schritt 1).</translation>
    </message>
    <message>
        <source>Some answers are missing or unclear: see the red marks above.</source>
        <translation>Einige Antworten fehlen oder sind unklar: siehe rote Markierungen oben.</translation>
    </message>
</context>
<context>
    <name>VoidForm</name>
    <message>
        <source>Why, e.g. wrong person selected, typing error on the card</source>
        <translation>Grund, z. B. falsche Person gewählt, Tippfehler aus dem Impfpass</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Correct injection site</source>
        <translation>Richtige Impfstelle</translation>
    </message>
    <message>
        <source>Correct date</source>
        <translation>Richtiges Datum</translation>
    </message>
    <message>
        <source>Correct vaccine</source>
        <translation>Richtiger Impfstoff</translation>
    </message>
    <message>
        <source>Correct country</source>
        <translation>Richtiges Land</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Grund (Pflicht)</translation>
    </message>
    <message>
        <source>Void or correct dose {dose} of {day} ({product})</source>
        <translation>Impfung {dose} vom {day} ({product}) stornieren oder korrigieren</translation>
    </message>
    <message>
        <source>Void this dose (recorded in error)</source>
        <translation>Diese Impfung stornieren (irrtümlich erfasst)</translation>
    </message>
    <message>
        <source>Correct date, vaccine or country</source>
        <translation>Datum, Impfstoff oder Land korrigieren</translation>
    </message>
    <message>
        <source>Correct the injection site</source>
        <translation>Impfstelle korrigieren</translation>
    </message>
    <message>
        <source>Void dose</source>
        <translation>Impfung stornieren</translation>
    </message>
    <message>
        <source>Save correction</source>
        <translation>Korrektur speichern</translation>
    </message>
    <message>
        <source>Write the reason first: a voided dose stays in the record with it.</source>
        <translation>Zuerst den Grund eintragen: eine stornierte Impfung bleibt mit ihm dokumentiert.</translation>
    </message>
    <message>
        <source>Click again to confirm: {what} dose {dose} of {day}</source>
        <translation>Nochmals klicken zum Bestätigen: Impfung {dose} vom {day} {what}</translation>
    </message>
    <message>
        <source>void</source>
        <translation>stornieren</translation>
    </message>
    <message>
        <source>correct</source>
        <translation>korrigieren</translation>
    </message>
</context>
<context>
    <name>WalkInForm</name>
    <message>
        <source>Register a walk-in</source>
        <translation>Ohne Termin anmelden</translation>
    </message>
    <message>
        <source>Fields marked * are required. Phone, e-mail and insurance are optional.</source>
        <translation>Felder mit * sind Pflicht. Telefon, E-Mail und Versicherung sind freiwillig.</translation>
    </message>
    <message>
        <source>Family name *</source>
        <translation>Familienname *</translation>
    </message>
    <message>
        <source>Given name *</source>
        <translation>Vorname *</translation>
    </message>
    <message>
        <source>Date of birth *</source>
        <translation>Geburtsdatum *</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>TT.MM.JJJJ</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <source>female</source>
        <translation>weiblich</translation>
    </message>
    <message>
        <source>male</source>
        <translation>männlich</translation>
    </message>
    <message>
        <source>diverse</source>
        <translation>divers</translation>
    </message>
    <message>
        <source>not specified</source>
        <translation>unbestimmt</translation>
    </message>
    <message>
        <source>Street and number *</source>
        <translation>Straße und Hausnummer *</translation>
    </message>
    <message>
        <source>Postcode *</source>
        <translation>PLZ *</translation>
    </message>
    <message>
        <source>City *</source>
        <translation>Ort *</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Health insurance number</source>
        <translation>Versichertennummer</translation>
    </message>
    <message>
        <source>Is this the same person?</source>
        <translation>Ist das dieselbe Person?</translation>
    </message>
    <message>
        <source>Already registered with a similar name and date of birth. Nothing has been saved yet.</source>
        <translation>Bereits erfasst mit ähnlichem Namen und Geburtsdatum. Es wurde noch nichts gespeichert.</translation>
    </message>
    <message>
        <source>Use existing person</source>
        <translation>Erfasste Person verwenden</translation>
    </message>
    <message>
        <source>No, register as new person</source>
        <translation>Nein, als neue Person erfassen</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>Erfassen und anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Pflichtfeld.</translation>
    </message>
    <message>
        <source>Write the date as DD.MM.YYYY, e.g. 29.02.1980; it must exist.</source>
        <translation>Datum als TT.MM.JJJJ schreiben, z. B. 29.02.1980; es muss existieren.</translation>
    </message>
    <message>
        <source>This date lies in the future.</source>
        <translation>Dieses Datum liegt in der Zukunft.</translation>
    </message>
    <message>
        <source>Before 1900: please check the year.</source>
        <translation>Vor 1900: bitte das Jahr prüfen.</translation>
    </message>
    <message>
        <source>Contains characters that do not belong in an address.</source>
        <translation>Enthält Zeichen, die nicht in eine Adresse gehören.</translation>
    </message>
    <message>
        <source>Digits, spaces and + ( ) / - only.</source>
        <translation>Nur Ziffern, Leerzeichen und + ( ) / -.</translation>
    </message>
    <message>
        <source>That does not look like an e-mail address.</source>
        <translation>Das sieht nicht wie eine E-Mail-Adresse aus.</translation>
    </message>
    <message>
        <source>Letters and digits only.</source>
        <translation>Nur Buchstaben und Ziffern.</translation>
    </message>
    <message>
        <source>{family}, {given} · born {dob}</source>
        <translation>{family}, {given} · geboren am {dob}</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
</TS>
