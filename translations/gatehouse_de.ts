<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../ui/dialogs/accountdialog.cpp" line="+18"/>
        <source>Disabled (cannot log in; its sessions end)</source>
        <translation>Deaktiviert (kann sich nicht anmelden; seine Sitzungen enden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit account</source>
        <translation>Konto bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+55"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>viewer — reads the encoder&apos;s resources</source>
        <translation>viewer — liest die Ressourcen des Encoders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>operator — reads and changes the encoder&apos;s resources</source>
        <translation>operator — liest und ändert die Ressourcen des Encoders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>admin — everything, accounts and tokens included</source>
        <translation>admin — alles, einschließlich Konten und Token</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>AccountModel</name>
    <message>
        <location filename="../ui/models/accountmodel.cpp" line="+8"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no device password</source>
        <translation>kein Gerätepasswort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no password</source>
        <translation>kein Passwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>device password</source>
        <translation>Gerätepasswort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../ui/pages/accountspage.cpp" line="+45"/>
        <source>Device password</source>
        <translation>Gerätepasswort</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+66"/>
        <source>Set password</source>
        <translation>Passwort festlegen</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Remove password…</source>
        <translation>Passwort entfernen …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>User accounts</source>
        <translation>Benutzerkonten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add…</source>
        <translation>Hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit…</source>
        <translation>Bearbeiten …</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+89"/>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Reset password…</source>
        <translation>Passwort zurücksetzen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove…</source>
        <translation>Entfernen …</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A device password is set: clients must log in. Changing it ends every session of the admin account.</source>
        <translation>Ein Gerätepasswort ist festgelegt: Clients müssen sich anmelden. Wenn Sie es ändern, enden alle Sitzungen des Kontos „admin“.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No device password is set.&lt;/b&gt; Anyone who can reach the encoder can use its API. Choose a password below.</source>
        <translation>&lt;b&gt;Es ist kein Gerätepasswort festgelegt.&lt;/b&gt; Jeder, der den Encoder erreichen kann, kann seine API nutzen. Wählen Sie unten ein Passwort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The device password was changed.</source>
        <translation>Das Gerätepasswort wurde geändert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The device password was set.</source>
        <translation>Das Gerätepasswort wurde festgelegt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove the device password?</source>
        <translation>Das Gerätepasswort entfernen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication is switched off: anyone who can reach the encoder can use its API, and every session ends.</source>
        <translation>Die Authentifizierung wird ausgeschaltet: Jeder, der den Encoder erreichen kann, kann seine API nutzen, und alle Sitzungen enden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove password</source>
        <translation>Passwort entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device password was removed; authentication is off.</source>
        <translation>Das Gerätepasswort wurde entfernt; die Authentifizierung ist ausgeschaltet.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is disabled.</source>
        <translation>%1 ist deaktiviert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 is enabled.</source>
        <translation>%1 ist aktiviert.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remove the account %1?</source>
        <translation>Das Konto %1 entfernen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its sessions end and its API tokens stop working.</source>
        <translation>Seine Sitzungen enden und seine API-Token funktionieren nicht mehr.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 was removed.</source>
        <translation>%1 wurde entfernt.</translation>
    </message>
</context>
<context>
    <name>AppOptions</name>
    <message>
        <location filename="../app/gatehouse/appoptions.cpp" line="+13"/>
        <source>Gatehouse: the encoder&apos;s authentication server with its desktop control panel.</source>
        <translation>Gatehouse: der Authentifizierungsserver des Encoders mit seiner Desktop-Bedienoberfläche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serve without any window (as gatehoused does).</source>
        <translation>Ohne Fenster bereitstellen (wie gatehoused).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (see --help)</source>
        <translation>%1 (siehe --help)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unexpected argument &quot;%1&quot;; administration commands are gatehoused&apos;s</source>
        <translation>unerwartetes Argument „%1“; Verwaltungsbefehle gehören zu gatehoused</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../ui/models/auditmodel.cpp" line="+8"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this computer</source>
        <translation>dieser Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <location filename="../app/gatehoused/commandcontext.cpp" line="+59"/>
        <source>--%1 does not apply here (see --help)</source>
        <translation>--%1 ist hier nicht anwendbar (siehe --help)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read stdin</source>
        <translation>die Standardeingabe kann nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no %1 on stdin</source>
        <translation>kein %1 auf der Standardeingabe</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>missing subcommand (%1)</source>
        <translation>Unterbefehl fehlt (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown subcommand &quot;%1&quot; (%2)</source>
        <translation>unbekannter Unterbefehl „%1“ (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing %1</source>
        <translation>%1 fehlt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/passwdcommand.cpp" line="+16"/>
        <source>unexpected argument &quot;%1&quot; (the password is read from stdin)</source>
        <translation>unerwartetes Argument „%1“ (das Passwort wird von der Standardeingabe gelesen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="+69"/>
        <source>password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="+83"/>
        <source>no user &quot;%1&quot;</source>
        <translation>kein Benutzer „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>password of %1 set</source>
        <translation>Passwort von %1 festgelegt</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/ratelimitcommand.cpp" line="+34"/>
        <source>Locked addresses:</source>
        <translation>Gesperrte Adressen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IP</source>
        <translation>IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RETRY AFTER (S)</source>
        <translation>ERNEUT NACH (S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Recent events (newest first, at most %1):</source>
        <translation>
Letzte Ereignisse (neueste zuerst, höchstens %1):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AT</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/gatehoused/sessionscommand.cpp" line="+46"/>
        <source>CLIENT IP</source>
        <translation>CLIENT-IP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/gatehoused/sessionscommand.cpp" line="-1"/>
        <source>DIALECT</source>
        <translation>DIALEKT</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="-101"/>
        <source>USERNAME</source>
        <translation>BENUTZERNAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DETAIL</source>
        <translation>DETAIL</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;%1&quot; is not an IP address</source>
        <translation>„%1“ ist keine IP-Adresse</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not blocked</source>
        <translation>%1 ist nicht gesperrt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 unblocked</source>
        <translation>%1 entsperrt</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/sessionscommand.cpp" line="+0"/>
        <location filename="../app/gatehoused/tokenscommand.cpp" line="+41"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>USER</source>
        <translation>BENUTZER</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../app/gatehoused/tokenscommand.cpp" line="+1"/>
        <location filename="../app/gatehoused/userscommand.cpp" line="+2"/>
        <source>CREATED</source>
        <translation>ERSTELLT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAST SEEN</source>
        <translation>ZULETZT GESEHEN</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../app/gatehoused/tokenscommand.cpp" line="+0"/>
        <source>EXPIRES</source>
        <translation>LÄUFT AB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>USER AGENT</source>
        <translation>USER-AGENT</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>no live session &quot;%1&quot;</source>
        <translation>keine aktive Sitzung „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>storage refused the change, nothing was changed</source>
        <translation>der Speicher hat die Änderung abgelehnt, nichts wurde geändert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>session %1 of %2 revoked</source>
        <translation>Sitzung %1 von %2 widerrufen</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/tokenscommand.cpp" line="-1"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PERMISSIONS</source>
        <translation>BERECHTIGUNGEN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HINT</source>
        <translation>HINWEIS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LAST USED</source>
        <translation>ZULETZT BENUTZT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LAST IP</source>
        <translation>LETZTE IP</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>--name and at least one --perm RES:ACTION are required</source>
        <translation>--name und mindestens ein --perm RES:AKTION sind erforderlich</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--expires must be a duration such as 30d or an ISO 8601 time</source>
        <translation>--expires muss eine Dauer wie 30d oder eine Zeit nach ISO 8601 sein</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>API token %1 &quot;%2&quot; created with %3.
This secret is shown once and cannot be recovered: store it now.</source>
        <translation>API-Token %1 „%2“ mit %3 erstellt.
Dieses Geheimnis wird nur einmal angezeigt und kann nicht wiederhergestellt werden: Speichern Sie es jetzt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ID must be a token&apos;s number (see tokens list)</source>
        <translation>ID muss die Nummer eines Tokens sein (siehe tokens list)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>API token %1 revoked</source>
        <translation>API-Token %1 widerrufen</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/userscommand.cpp" line="-2"/>
        <source>ROLE</source>
        <translation>ROLLE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FIRSTNAME</source>
        <translation>VORNAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LASTNAME</source>
        <translation>NACHNAME</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DISABLED</source>
        <translation>DEAKTIVIERT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UPDATED</source>
        <translation>GEÄNDERT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>bcrypt hash</source>
        <translation>bcrypt-Hash</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>malformed bcrypt hash (expected $2a$, $2b$ or $2y$, a cost of 04-%1 and 53 characters of bcrypt base64)</source>
        <translation>fehlerhafter bcrypt-Hash (erwartet: $2a$, $2b$ oder $2y$, Kosten von 04–%1 und 53 Zeichen bcrypt-Base64)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>usernames are 1-64 characters: letters, digits, . _ - @</source>
        <translation>Benutzernamen haben 1–64 Zeichen: Buchstaben, Ziffern, . _ - @</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing --role (%1)</source>
        <translation>--role fehlt (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown role &quot;%1&quot; (%2)</source>
        <translation>unbekannte Rolle „%1“ (%2)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>user &quot;%1&quot; exists</source>
        <translation>Benutzer „%1“ existiert bereits</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>user %1 (%2) added, id %3</source>
        <translation>Benutzer %1 (%2) hinzugefügt, ID %3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>user %1 removed, its sessions ended</source>
        <translation>Benutzer %1 entfernt, seine Sitzungen sind beendet</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/oidccommand.cpp" line="+48"/>
        <source>OpenID Connect: off (no oidc_issuer)</source>
        <translation>OpenID Connect: aus (kein oidc_issuer)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>OpenID Connect: %1 (client %2)</source>
        <translation>OpenID Connect: %1 (Client %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>discovery: reachable</source>
        <translation>Discovery: erreichbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>discovery: failed</source>
        <translation>Discovery: fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signing keys: %1</source>
        <translation>Signaturschlüssel: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>set oidc_issuer and oidc_client_id first: the secret is bound to them</source>
        <translation>setzen Sie zuerst oidc_issuer und oidc_client_id: das Secret ist an sie gebunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the database refused the change</source>
        <translation>die Datenbank hat die Änderung abgelehnt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>client secret stored, sealed, for %1 (client %2)</source>
        <translation>Client-Secret versiegelt gespeichert für %1 (Client %2)</translation>
    </message>
    <message>
        <location filename="../app/gatehoused/migratecommand.cpp" line="+24"/>
        <source>%1: %2 of %3 rows</source>
        <translation>%1: %2 von %3 Zeilen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--from and --to are both needed</source>
        <translation>--from und --to sind beide nötig</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>copied %1 rows</source>
        <translation>%1 Zeilen kopiert</translation>
    </message>
</context>
<context>
    <name>ControlPanel</name>
    <message>
        <location filename="../server/panel/controlpanel.cpp" line="+241"/>
        <source>That session has already ended.</source>
        <translation>Diese Sitzung ist bereits beendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <location line="+15"/>
        <source>Storage unavailable, nothing was changed.</source>
        <translation>Speicher nicht verfügbar, nichts wurde geändert.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>No such account.</source>
        <translation>Dieses Konto gibt es nicht.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>That address is not blocked.</source>
        <translation>Diese Adresse ist nicht gesperrt.</translation>
    </message>
</context>
<context>
    <name>LiveLogPage</name>
    <message>
        <location filename="../ui/pages/livelogpage.cpp" line="+21"/>
        <location line="+48"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Filter: words that must all appear (event, user, address, detail)</source>
        <translation>Filter: Wörter, die alle vorkommen müssen (Ereignis, Benutzer, Adresse, Detail)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n new event(s) held back</source>
        <translation>
            <numerusform>%n neues Ereignis zurückgehalten</numerusform>
            <numerusform>%n neue Ereignisse zurückgehalten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockoutModel</name>
    <message>
        <location filename="../ui/models/lockoutmodel.cpp" line="+15"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time left</source>
        <translation>Verbleibende Zeit</translation>
    </message>
</context>
<context>
    <name>LoginChart</name>
    <message>
        <location filename="../ui/widgets/loginchart.cpp" line="+19"/>
        <source>Logins over the last hour</source>
        <translation>Anmeldungen in der letzten Stunde</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>60 min ago</source>
        <translation>vor 60 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>30 min ago</source>
        <translation>vor 30 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Successful logins: %1</source>
        <translation>Erfolgreiche Anmeldungen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed logins: %1</source>
        <translation>Fehlgeschlagene Anmeldungen: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+33"/>
        <source>Gatehouse %1 — control panel</source>
        <translation>Gatehouse %1 — Bedienoberfläche</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp; accounts</source>
        <translation>Passwort und Konten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API tokens</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate-limit log</source>
        <translation>Ratenbegrenzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live log</source>
        <translation>Live-Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenID Connect</source>
        <translation>OpenID Connect</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&lt;b&gt;No device password is set.&lt;/b&gt; Anyone who can reach this encoder can use its API. Set a password to protect it.</source>
        <translation>&lt;b&gt;Es ist kein Gerätepasswort festgelegt.&lt;/b&gt; Jeder, der diesen Encoder erreichen kann, kann seine API nutzen. Legen Sie ein Passwort fest, um ihn zu schützen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set a password…</source>
        <translation>Passwort festlegen …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit (stop serving)</source>
        <translation>&amp;Beenden (Dienst stoppen)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep serving when the window is closed</source>
        <translation>Weiter bereitstellen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Gatehouse</source>
        <translation>Ü&amp;ber Gatehouse</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>OidcLinkModel</name>
    <message>
        <location filename="../ui/models/oidclinkmodel.cpp" line="+8"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(account %1, removed)</source>
        <translation>(Konto %1, entfernt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked</source>
        <translation>Verknüpft am</translation>
    </message>
</context>
<context>
    <name>OidcPage</name>
    <message>
        <location filename="../ui/pages/oidcpage.cpp" line="+18"/>
        <source>OpenID Connect is off. To turn it on, set oidc_issuer (with the client id and secret) in gatehouse.conf and restart; docs/OIDC.md explains each setting.</source>
        <translation>OpenID Connect ist ausgeschaltet. Zum Einschalten setzen Sie oidc_issuer (mit Client-ID und Client-Secret) in gatehouse.conf und starten neu; docs/OIDC.md erklärt jede Einstellung.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Settings (from gatehouse.conf and the environment)</source>
        <translation>Einstellungen (aus gatehouse.conf und der Umgebung)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenID Connect</source>
        <translation>OpenID Connect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect URI</source>
        <translation>Weiterleitungs-URI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role of new accounts</source>
        <translation>Rolle neuer Konten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link by verified email</source>
        <translation>Verknüpfung über bestätigte E-Mail</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discovery document</source>
        <translation>Discovery-Dokument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signing keys</source>
        <translation>Signaturschlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+70"/>
        <source>Test discovery</source>
        <translation>Discovery testen</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Fetch the provider&apos;s discovery document and signing keys again now</source>
        <translation>Discovery-Dokument und Signaturschlüssel des Providers jetzt erneut abrufen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Linked accounts</source>
        <translation>Verknüpfte Konten</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set</source>
        <translation>gesetzt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loaded</source>
        <translation>geladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not loaded</source>
        <translation>nicht geladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Testing…</source>
        <translation>Wird getestet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetching the discovery document and the signing keys…</source>
        <translation>Discovery-Dokument und Signaturschlüssel werden abgerufen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Discovery document and %1 signing key(s) loaded.</source>
        <translation>Discovery-Dokument und %1 Signaturschlüssel geladen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <location filename="../app/gatehoused/options.cpp" line="+24"/>
        <source>run the server (the default command)</source>
        <translation>den Server ausführen (der Standardbefehl)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set a password (default: admin&apos;s), read from the first line of stdin</source>
        <translation>ein Passwort festlegen (Vorgabe: das von admin), gelesen aus der ersten Zeile der Standardeingabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the accounts</source>
        <translation>die Konten auflisten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add an account (ROLE: admin, operator, viewer); the password is read from the first line of stdin, or an old system&apos;s bcrypt hash ($2a$/$2b$/$2y$) is imported (&quot;-&quot;: the hash from stdin)</source>
        <translation>ein Konto hinzufügen (ROLE: admin, operator, viewer); das Passwort wird aus der ersten Zeile der Standardeingabe gelesen, oder der bcrypt-Hash eines alten Systems ($2a$/$2b$/$2y$) wird importiert („-“: der Hash von der Standardeingabe)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>remove an account and end its sessions</source>
        <translation>ein Konto entfernen und seine Sitzungen beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the live sessions</source>
        <translation>die aktiven Sitzungen auflisten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>end a session</source>
        <translation>eine Sitzung beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list the API tokens (never their secrets)</source>
        <translation>die API-Token auflisten (nie ihre Geheimnisse)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create an API token; its secret is printed once, alone on stdout (details and a warning go to stderr)</source>
        <translation>ein API-Token erstellen; sein Geheimnis wird einmal ausgegeben, allein auf der Standardausgabe (Details und eine Warnung gehen auf die Standardfehlerausgabe)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>revoke an API token</source>
        <translation>ein API-Token widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>show locked addresses and the recent rate-limit events</source>
        <translation>gesperrte Adressen und die letzten Ereignisse der Ratenbegrenzung anzeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lift an address&apos;s lockout</source>
        <translation>die Sperre einer Adresse aufheben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check that the OpenID provider&apos;s discovery document and keys can be fetched</source>
        <translation>prüfen, ob das Discovery-Dokument und die Schlüssel des OpenID-Providers abrufbar sind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keep the OpenID client secret, read from the first line of stdin, sealed in the database</source>
        <translation>das OpenID-Client-Secret aus der ersten Zeile der Standardeingabe versiegelt in der Datenbank ablegen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>copy every table from one database to another (sqlite:PATH, postgresql://...); a target that holds data is refused unless --force, which empties it first</source>
        <translation>jede Tabelle von einer Datenbank in eine andere kopieren (sqlite:PATH, postgresql://...); ein Ziel mit Daten wird abgelehnt, außer mit --force, das es zuerst leert</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Commands (each acts on the storage of the data directory, also while a server runs on it; add --json for output a script can read):</source>
        <translation>Befehle (jeder wirkt auf den Speicher des Datenverzeichnisses, auch während ein Server darauf läuft; mit --json entsteht eine Ausgabe, die ein Skript lesen kann):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Gatehouse authentication server (headless).</source>
        <translation>Gatehouse-Authentifizierungsserver (ohne Bildschirm).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Account for passwd (default admin).</source>
        <translation>Konto für passwd (Vorgabe: admin).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role for users add.</source>
        <translation>Rolle für users add.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name for users add.</source>
        <translation>Vorname für users add.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name for users add.</source>
        <translation>Nachname für users add.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import this bcrypt hash in users add (&quot;-&quot;: from stdin).</source>
        <translation>Diesen bcrypt-Hash bei users add importieren („-“: von der Standardeingabe).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name for tokens create.</source>
        <translation>Name für tokens create.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission for tokens create (repeatable, or comma-separated).</source>
        <translation>Berechtigung für tokens create (wiederholbar oder durch Kommas getrennt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiry for tokens create: a duration (30d, 12h) or an ISO time.</source>
        <translation>Ablauf für tokens create: eine Dauer (30d, 12h) oder eine ISO-Zeit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database migrate copies from.</source>
        <translation>Datenbank, aus der migrate kopiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database migrate copies to.</source>
        <translation>Datenbank, in die migrate kopiert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let migrate empty a target that holds data.</source>
        <translation>migrate ein Ziel mit Daten leeren lassen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print a command&apos;s result as JSON.</source>
        <translation>Das Ergebnis eines Befehls als JSON ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>serve (default), passwd, users, sessions, tokens, ratelimit, oidc or migrate</source>
        <translation>serve (Standard), passwd, users, sessions, tokens, ratelimit, oidc oder migrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[command [subcommand] [argument]]</source>
        <translation>[Befehl [Unterbefehl] [Argument]]</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (see --help)</source>
        <translation>%1 (siehe --help)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown command &quot;%1&quot; (see --help)</source>
        <translation>unbekannter Befehl „%1“ (siehe --help)</translation>
    </message>
</context>
<context>
    <name>Output</name>
    <message>
        <location filename="../app/gatehoused/output.cpp" line="+59"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../ui/pages/overviewpage.cpp" line="+31"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the certificate fingerprint, to check it on a client</source>
        <translation>Den Fingerabdruck des Zertifikats kopieren, um ihn auf einem Client zu prüfen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate (SHA-256)</source>
        <translation>Zertifikat (SHA-256)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active sessions</source>
        <translation>Aktive Sitzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API tokens</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locked addresses</source>
        <translation>Gesperrte Adressen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logins in the last hour</source>
        <translation>Anmeldungen in der letzten Stunde</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not serving</source>
        <translation>Nicht in Betrieb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serving — login attack in progress</source>
        <translation>In Betrieb — Anmeldeangriff läuft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serving — NOT protected by a password</source>
        <translation>In Betrieb — NICHT durch ein Passwort geschützt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serving, protected</source>
        <translation>In Betrieb, geschützt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none (plain HTTP)</source>
        <translation>keins (einfaches HTTP)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off — the API refuses requests until a device password is set</source>
        <translation>Aus — die API lehnt Anfragen ab, bis ein Gerätepasswort festgelegt ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off — anyone on the network can use the encoder</source>
        <translation>Aus — jeder im Netzwerk kann den Encoder nutzen</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../ui/dialogs/passworddialog.cpp" line="+16"/>
        <source>Reset password</source>
        <translation>Passwort zurücksetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password for %1. Their sessions end, so they log in again with it.</source>
        <translation>Neues Passwort für %1. Die Sitzungen des Kontos enden, sodass es sich mit dem neuen Passwort erneut anmeldet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Set password</source>
        <translation>Passwort festlegen</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <location filename="../ui/widgets/passwordfield.cpp" line="+29"/>
        <source>New password (at least %1 characters)</source>
        <translation>Neues Passwort (mindestens %1 Zeichen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same password again</source>
        <translation>Dasselbe Passwort noch einmal</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>At least %1 characters; not a common password.</source>
        <translation>Mindestens %1 Zeichen; kein gängiges Passwort.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Long enough. Type it again below to confirm.</source>
        <translation>Lang genug. Geben Sie es unten zur Bestätigung noch einmal ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking against common passwords…</source>
        <translation>Abgleich mit gängigen Passwörtern …</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Good: long enough and not a common password.</source>
        <translation>Gut: lang genug und kein gängiges Passwort.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/gatehouse/main.cpp" line="+71"/>
        <location filename="../ui/dialogs/confirm.cpp" line="+12"/>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server could not start:
%1</source>
        <translation>Der Server konnte nicht starten:
%1</translation>
    </message>
    <message>
        <location filename="../ui/dialogs/aboutdialog.cpp" line="+14"/>
        <source>About Gatehouse</source>
        <translation>Über Gatehouse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;The authentication server of the encoder&apos;s control panel.&lt;/p&gt;&lt;p&gt;License: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;Der Authentifizierungsserver der Bedienoberfläche des Encoders.&lt;/p&gt;&lt;p&gt;Lizenz: %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RateLimitEventModel</name>
    <message>
        <location filename="../ui/models/ratelimiteventmodel.cpp" line="+8"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dialect</source>
        <translation>Dialekt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User tried</source>
        <translation>Versuchter Benutzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>RateLimitPage</name>
    <message>
        <location filename="../ui/pages/ratelimitpage.cpp" line="+55"/>
        <source>Locked addresses</source>
        <translation>Gesperrte Adressen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unblock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An address is locked after too many failed logins; it may try again when the time runs out, or at once when you unblock it.</source>
        <translation>Eine Adresse wird nach zu vielen fehlgeschlagenen Anmeldungen gesperrt; sie darf es erneut versuchen, wenn die Zeit abgelaufen ist, oder sofort, wenn Sie sie entsperren.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Rate-limit log</source>
        <translation>Protokoll der Ratenbegrenzung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter by address (e.g. 192.168.1.)</source>
        <translation>Nach Adresse filtern (z. B. 192.168.1.)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 may log in again.</source>
        <translation>%1 darf sich wieder anmelden.</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../ui/dialogs/secretdialog.cpp" line="+16"/>
        <source>New API token</source>
        <translation>Neues API-Token</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;Copy this token now.&lt;/b&gt; This is the only time it is shown: Gatehouse keeps only a hash of it and cannot show it again. Anyone who has it can use the encoder&apos;s API with the token&apos;s permissions, so store it like a password.</source>
        <translation>&lt;b&gt;Kopieren Sie dieses Token jetzt.&lt;/b&gt; Es wird nur dieses eine Mal angezeigt: Gatehouse speichert nur einen Hash davon und kann es nicht erneut anzeigen. Wer es besitzt, kann die API des Encoders mit den Berechtigungen des Tokens nutzen; bewahren Sie es daher wie ein Passwort auf.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>I have stored it</source>
        <translation>Ich habe es gespeichert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Token &quot;%1&quot; was created.</source>
        <translation>Token „%1“ wurde erstellt.</translation>
    </message>
</context>
<context>
    <name>ServingOptions</name>
    <message>
        <location filename="../server/config/servingoptions.cpp" line="+23"/>
        <source>Configuration file (INI).</source>
        <translation>Konfigurationsdatei (INI).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data directory (database, keys, certificate).</source>
        <translation>Datenverzeichnis (Datenbank, Schlüssel, Zertifikat).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address and port, default 0.0.0.0:3539.</source>
        <translation>Adresse und Port, Vorgabe 0.0.0.0:3539.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve plain HTTP instead of HTTPS (behind a proxy, tests).</source>
        <translation>Einfaches HTTP statt HTTPS bereitstellen (hinter einem Proxy, Tests).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sqlite:PATH (default &lt;data dir&gt;/gatehouse.db) or postgresql://USER@HOST[:PORT]/DB (password from PGPASSWORD).</source>
        <translation>sqlite:PFAD (Standard &lt;Datenverzeichnis&gt;/gatehouse.db) oder postgresql://BENUTZER@HOST[:PORT]/DB (Passwort aus PGPASSWORD).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seed the admin password from this file if none is set.</source>
        <translation>Das Passwort von admin aus dieser Datei übernehmen, wenn keines festgelegt ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refuse to run open: answer 503 until a password is set.</source>
        <translation>Nicht ungeschützt laufen: mit 503 antworten, bis ein Passwort festgelegt ist.</translation>
    </message>
</context>
<context>
    <name>SessionModel</name>
    <message>
        <location filename="../ui/models/sessionmodel.cpp" line="+166"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dialect</source>
        <translation>Dialekt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client address</source>
        <translation>Client-Adresse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User agent</source>
        <translation>User-Agent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <location filename="../ui/pages/sessionspage.cpp" line="+19"/>
        <source>Revoke session</source>
        <translation>Sitzung widerrufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+94"/>
        <source>Revoke all of user…</source>
        <translation>Alle des Benutzers widerrufen …</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Filter by user or address</source>
        <translation>Nach Benutzer oder Adresse filtern</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Revoke all of %1…</source>
        <translation>Alle von %1 widerrufen …</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung</numerusform>
            <numerusform>%n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 sessions</source>
        <translation>%1 von %2 Sitzungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A session of %1 was revoked.</source>
        <translation>Eine Sitzung von %1 wurde widerrufen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>End every session of %1?</source>
        <translation>Alle Sitzungen von %1 beenden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They are logged out everywhere and must log in again.</source>
        <translation>Das Konto wird überall abgemeldet und muss sich erneut anmelden.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoke all</source>
        <translation>Alle widerrufen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every session of %1 was revoked.</source>
        <translation>Alle Sitzungen von %1 wurden widerrufen.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../server/config/configloader.cpp" line="+155"/>
        <source>directory for the database, keys and certificate</source>
        <translation>Verzeichnis für die Datenbank, die Schlüssel und das Zertifikat</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ADDR:PORT to serve on (default 0.0.0.0:3539)</source>
        <translation>ADRESSE:PORT, auf dem bereitgestellt wird (Vorgabe 0.0.0.0:3539)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>serve plain HTTP instead of HTTPS (behind a proxy, tests)</source>
        <translation>einfaches HTTP statt HTTPS bereitstellen (hinter einem Proxy, Tests)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sqlite:PATH (default &lt;data dir&gt;/gatehouse.db) or postgresql://USER@HOST[:PORT]/DB</source>
        <translation>sqlite:PFAD (Standard &lt;Datenverzeichnis&gt;/gatehouse.db) oder postgresql://BENUTZER@HOST[:PORT]/DB</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>seed the admin password from this file&apos;s first line if none is set</source>
        <translation>das Passwort von admin aus der ersten Zeile dieser Datei übernehmen, wenn keines festgelegt ist</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>refuse to run open: 503 until a password is set</source>
        <translation>nicht ungeschützt laufen: 503, bis ein Passwort festgelegt ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>serve GET /metrics and count requests for it (default true)</source>
        <translation>GET /metrics bereitstellen und Anfragen dafür zählen (Standard true)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto | keychain | file</source>
        <translation>auto | keychain | file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the 32-byte master key file every instance of a shared database uses</source>
        <translation>die 32-Byte-Hauptschlüsseldatei, die jede Instanz einer gemeinsamen Datenbank nutzt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>failures per IP within the window before a lockout (0 = never lock)</source>
        <translation>Fehlversuche pro IP innerhalb des Zeitfensters bis zur Sperre (0 = nie sperren)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the failure window</source>
        <translation>das Zeitfenster für Fehlversuche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sustained requests per second per IP (0 = off)</source>
        <translation>dauerhafte Anfragen pro Sekunde und IP (0 = aus)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>burst per IP</source>
        <translation>Spitze pro IP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>comma-separated addresses/subnets whose X-Forwarded-For is believed</source>
        <translation>durch Kommas getrennte Adressen/Subnetze, deren X-Forwarded-For vertraut wird</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>flex token lifetime (24h)</source>
        <translation>Lebensdauer der flex-Token (24h)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rest access token lifetime (8h)</source>
        <translation>Lebensdauer der rest-Zugriffstoken (8h)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>manager access token lifetime (15m)</source>
        <translation>Lebensdauer der manager-Zugriffstoken (15m)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>refresh token lifetime (7d)</source>
        <translation>Lebensdauer der Refresh-Token (7d)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>declared resources, e.g. redirect,page,agent</source>
        <translation>deklarierte Ressourcen, z. B. redirect,page,agent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>forward-auth rules &quot;METHODS PATH-PREFIX REQUIREMENT; ...&quot;, e.g. &quot;GET /pages page:read&quot;</source>
        <translation>Forward-Auth-Regeln „METHODEN PFAD-PRÄFIX ANFORDERUNG; ...“, z. B. „GET /pages page:read“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>password hashing threads</source>
        <translation>Threads für das Passwort-Hashing</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>hash jobs queued before 503 busy</source>
        <translation>wartende Hash-Aufträge, bevor mit 503 (ausgelastet) geantwortet wird</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>request headers deadline (10000)</source>
        <translation>Frist für die Anfrage-Header (10000)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>keep-alive idle deadline (60000)</source>
        <translation>Leerlauffrist für Keep-Alive (60000)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open connections in all (2048)</source>
        <translation>offene Verbindungen insgesamt (2048)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open connections per client IP (256)</source>
        <translation>offene Verbindungen pro Client-IP (256)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Settings (gatehouse.conf key / environment), later wins: file &lt; environment &lt; command line:</source>
        <translation>Einstellungen (Schlüssel in gatehouse.conf / Umgebung), die spätere gilt: Datei &lt; Umgebung &lt; Befehlszeile:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>environment only</source>
        <translation>nur Umgebung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>raw HMAC key for JWTs; default: from the key store</source>
        <translation>roher HMAC-Schlüssel für JWTs; Vorgabe: aus dem Schlüsselspeicher</translation>
    </message>
    <message>
        <location filename="../server/config/oidcconfig.cpp" line="+62"/>
        <source>OpenID provider&apos;s issuer URL (https, or http on loopback); empty = off</source>
        <translation>Issuer-URL des OpenID-Anbieters (https, oder http auf Loopback); leer = aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>client id at the OpenID provider</source>
        <translation>Client-ID beim OpenID-Anbieter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>file holding the client secret (or GATEHOUSE_OIDC_CLIENT_SECRET)</source>
        <translation>Datei mit dem Client-Geheimnis (oder GATEHOUSE_OIDC_CLIENT_SECRET)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>redirect URI registered at the provider (default &lt;URL&gt;/auth/openid/callback)</source>
        <translation>beim Anbieter registrierte Weiterleitungs-URI (Vorgabe &lt;URL&gt;/auth/openid/callback)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>scopes asked for (openid profile email)</source>
        <translation>angeforderte Scopes (openid profile email)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>role of an account a first OpenID login creates (viewer)</source>
        <translation>Rolle eines Kontos, das eine erste OpenID-Anmeldung anlegt (viewer)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>link a first OpenID login to the account named by its verified email (false)</source>
        <translation>eine erste OpenID-Anmeldung mit dem Konto verknüpfen, das ihre bestätigte E-Mail-Adresse nennt (false)</translation>
    </message>
</context>
<context>
    <name>StatusIcons</name>
    <message>
        <location filename="../ui/statusicons.cpp" line="+86"/>
        <source>Gatehouse is serving; a password protects the encoder</source>
        <translation>Gatehouse ist in Betrieb; ein Passwort schützt den Encoder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gatehouse is serving WITHOUT a password</source>
        <translation>Gatehouse ist OHNE Passwort in Betrieb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Login attack in progress: addresses are being locked out</source>
        <translation>Anmeldeangriff läuft: Adressen werden gesperrt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gatehouse is not serving</source>
        <translation>Gatehouse ist nicht in Betrieb</translation>
    </message>
</context>
<context>
    <name>TimeFormat</name>
    <message>
        <location filename="../ui/timeformat.cpp" line="+17"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../ui/dialogs/tokendialog.cpp" line="+18"/>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create API token</source>
        <translation>API-Token erstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What uses it, e.g. &quot;monitoring&quot;</source>
        <translation>Wer es nutzt, z. B. „monitoring“</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create token</source>
        <translation>Token erstellen</translation>
    </message>
</context>
<context>
    <name>TokenModel</name>
    <message>
        <location filename="../ui/models/tokenmodel.cpp" line="+8"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last use</source>
        <translation>Letzte Nutzung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>TokensPage</name>
    <message>
        <location filename="../ui/pages/tokenspage.cpp" line="+18"/>
        <source>Revoke…</source>
        <translation>Widerrufen …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create token…</source>
        <translation>Token erstellen …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>API tokens let scripts and other systems use the encoder&apos;s API without a password. Each token has its own permissions and can be revoked on its own.</source>
        <translation>Mit API-Token können Skripte und andere Systeme die API des Encoders ohne Passwort nutzen. Jedes Token hat eigene Berechtigungen und kann einzeln widerrufen werden.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Revoke the token &quot;%1&quot;?</source>
        <translation>Das Token „%1“ widerrufen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whatever uses it is refused from now on. This cannot be undone.</source>
        <translation>Alles, was es nutzt, wird ab sofort abgewiesen. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token &quot;%1&quot; was revoked.</source>
        <translation>Token „%1“ wurde widerrufen.</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <location filename="../ui/trayicon.cpp" line="+12"/>
        <source>Show control panel</source>
        <translation>Bedienoberfläche anzeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quit (stop serving)</source>
        <translation>Beenden (Dienst stoppen)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
</context>
</TS>
