<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>trellis::app::ServerController</name>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Serving %1 on %2</source>
            <translation>%1 läuft auf %2</translation>
        </message>
        <message>
            <source>Server failed: %1</source>
            <translation>Server fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Server not running</source>
            <translation>Server läuft nicht</translation>
        </message>
        <message>
            <source>Trellis</source>
            <translation>Trellis</translation>
        </message>
        <message>
            <source>The server keeps running. Quit it from this icon's menu.</source>
            <translation>Der Server läuft weiter. Beenden Sie ihn über das Menü dieses Symbols.</translation>
        </message>
        <message>
            <source>Show Trellis</source>
            <translation>Trellis anzeigen</translation>
        </message>
        <message>
            <source>Quit (stops the server)</source>
            <translation>Beenden (hält den Server an)</translation>
        </message>
        <message>
            <source>The configuration could not be saved: %1</source>
            <translation>Die Konfiguration konnte nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>no account yet: press Start to create it</source>
            <translation>noch kein Konto: zum Anlegen auf Starten drücken</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::FirstRunDialog</name>
        <message>
            <source>Welcome to Trellis</source>
            <translation>Willkommen bei Trellis</translation>
        </message>
        <message>
            <source>Trellis runs your own Matrix homeserver. Choose its name and create your account; you can log into it with any Matrix client.</source>
            <translation>Trellis betreibt Ihren eigenen Matrix-Homeserver. Wählen Sie seinen Namen und legen Sie Ihr Konto an; anmelden können Sie sich mit jedem Matrix-Client.</translation>
        </message>
        <message>
            <source>The part after ':' in your user ID. Other servers reach yours under this DNS name; it cannot change once rooms exist.</source>
            <translation>Der Teil nach ':' in Ihrer Benutzer-ID. Andere Server erreichen Ihren unter diesem DNS-Namen; er lässt sich nicht mehr ändern, sobald es Räume gibt.</translation>
        </message>
        <message>
            <source>TLS certificate (PEM)</source>
            <translation>TLS-Zertifikat (PEM)</translation>
        </message>
        <message>
            <source>TLS private key (PEM)</source>
            <translation>Privater TLS-Schlüssel (PEM)</translation>
        </message>
        <message>
            <source>Server name:</source>
            <translation>Servername:</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>Benutzername:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Passwort:</translation>
        </message>
        <message>
            <source>Password again:</source>
            <translation>Passwort wiederholen:</translation>
        </message>
        <message>
            <source>TLS certificate:</source>
            <translation>TLS-Zertifikat:</translation>
        </message>
        <message>
            <source>TLS key:</source>
            <translation>TLS-Schlüssel:</translation>
        </message>
        <message>
            <source>Without TLS the server speaks plain HTTP and listens on this computer only (127.0.0.1), which is safe for local clients. To reach it from elsewhere, give a certificate for the server name (for example from Let's Encrypt); a self-signed one works for experiments only, as clients and other servers will not trust it.</source>
            <translation>Ohne TLS spricht der Server einfaches HTTP und lauscht nur auf diesem Rechner (127.0.0.1); für lokale Clients ist das sicher. Um ihn von anderswo zu erreichen, geben Sie ein Zertifikat für den Servernamen an (zum Beispiel von Let's Encrypt); ein selbst signiertes taugt nur für Versuche, da Clients und andere Server ihm nicht vertrauen.</translation>
        </message>
        <message>
            <source>Create and start</source>
            <translation>Anlegen und starten</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Durchsuchen…</translation>
        </message>
        <message>
            <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
            <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>The server name is not a valid DNS name or address.</source>
            <translation>Der Servername ist kein gültiger DNS-Name und keine gültige Adresse.</translation>
        </message>
        <message>
            <source>User names are made of a-z, 0-9 and . _ = - /</source>
            <translation>Benutzernamen bestehen aus a-z, 0-9 und . _ = - /</translation>
        </message>
        <message>
            <source>Choose a password of at least 8 characters.</source>
            <translation>Wählen Sie ein Passwort mit mindestens 8 Zeichen.</translation>
        </message>
        <message>
            <source>The passwords differ.</source>
            <translation>Die Passwörter stimmen nicht überein.</translation>
        </message>
        <message>
            <source>Give both the TLS certificate and its key, or neither.</source>
            <translation>Geben Sie das TLS-Zertifikat und seinen Schlüssel an, oder keins von beiden.</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::MainWindow</name>
        <message>
            <source>Trellis</source>
            <translation>Trellis</translation>
        </message>
        <message>
            <source>A personal Matrix homeserver and an explorer for Matrix rooms: their event graphs and how state resolution decides them.</source>
            <translation>Ein persönlicher Matrix-Homeserver und ein Werkzeug, um in Matrix-Räume hineinzusehen: in ihre Ereignisgraphen und darin, wie die Zustandsauflösung über sie entscheidet.</translation>
        </message>
        <message>
            <source>Server not running</source>
            <translation>Server läuft nicht</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;About Trellis</source>
            <translation>Ü&amp;ber Trellis</translation>
        </message>
        <message>
            <source>About Trellis</source>
            <translation>Über Trellis</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Trellis %1&lt;/h3&gt;&lt;p&gt;A personal, federating Matrix homeserver and an explorer for room event graphs and state resolution.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Trellis %1&lt;/h3&gt;&lt;p&gt;Ein persönlicher, föderierender Matrix-Homeserver und ein Werkzeug zur Erkundung der Ereignisgraphen von Räumen und ihrer Zustandsauflösung.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Willkommen</translation>
        </message>
        <message>
            <source>&amp;Open Room Dump…</source>
            <translation>Raum-Dump ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>Open Room Dump</source>
            <translation>Raum-Dump öffnen</translation>
        </message>
        <message>
            <source>Room dumps (*.json);;All files (*)</source>
            <translation>Raum-Dumps (*.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Your homeserver runs in the background (see the Server panel below); log into it with any Matrix client. Open a room dump (File &gt; Open Room Dump…, or drop it here) to explore its event DAG; the state-resolution view comes next.</source>
            <translation>Ihr Homeserver läuft im Hintergrund (siehe die Server-Leiste unten); melden Sie sich mit einem beliebigen Matrix-Client an. Öffnen Sie einen Raum-Dump (Datei &gt; Raum-Dump öffnen…, oder hierher ziehen), um seinen Ereignis-DAG zu erkunden; die Ansicht der Zustandsauflösung folgt als Nächstes.</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::ServerDashboard</name>
        <message>
            <source>State:</source>
            <translation>Zustand:</translation>
        </message>
        <message>
            <source>Server name:</source>
            <translation>Servername:</translation>
        </message>
        <message>
            <source>Owner:</source>
            <translation>Besitzer:</translation>
        </message>
        <message>
            <source>Listening on:</source>
            <translation>Lauscht auf:</translation>
        </message>
        <message>
            <source>TLS:</source>
            <translation>TLS:</translation>
        </message>
        <message>
            <source>Signing key:</source>
            <translation>Signaturschlüssel:</translation>
        </message>
        <message>
            <source>Data directory:</source>
            <translation>Datenverzeichnis:</translation>
        </message>
        <message>
            <source>&amp;Start server</source>
            <translation>Server &amp;starten</translation>
        </message>
        <message>
            <source>S&amp;top server</source>
            <translation>Server an&amp;halten</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Pfad</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>ms</source>
            <translation>ms</translation>
        </message>
        <message>
            <source>Requests:</source>
            <translation>Anfragen:</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Startet…</translation>
        </message>
        <message>
            <source>Running (started in %1 ms)</source>
            <translation>Läuft (gestartet in %1 ms)</translation>
        </message>
        <message>
            <source>no account yet</source>
            <translation>noch kein Konto</translation>
        </message>
        <message>
            <source>on</source>
            <translation>an</translation>
        </message>
        <message>
            <source>off (plain HTTP: keep the server on loopback)</source>
            <translation>aus (einfaches HTTP: den Server nur lokal betreiben)</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Angehalten</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Fehlgeschlagen: %1</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::dag::DagExplorer</name>
        <message>
            <source>Events: %1; checking the room…</source>
            <translation>Ereignisse: %1; der Raum wird geprüft…</translation>
        </message>
        <message>
            <source>Events: %1</source>
            <translation>Ereignisse: %1</translation>
        </message>
        <message>
            <source>Find: event ID prefix, sender or type</source>
            <translation>Suchen: Anfang der Ereignis-ID, Absender oder Typ</translation>
        </message>
        <message>
            <source>Go to depth</source>
            <translation>Gehe zu Tiefe</translation>
        </message>
        <message>
            <source>No event at depth %1 or deeper</source>
            <translation>Kein Ereignis in Tiefe %1 oder tiefer</translation>
        </message>
        <message>
            <source>Auth edges</source>
            <translation>Auth-Kanten</translation>
        </message>
        <message>
            <source>Types</source>
            <translation>Typen</translation>
        </message>
        <message>
            <source>−</source>
            <translation>−</translation>
        </message>
        <message>
            <source>+</source>
            <translation>+</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportieren…</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>%1 wird geladen…</translation>
        </message>
        <message>
            <source>No event matches “%1”</source>
            <translation>Kein Ereignis passt zu „%1“</translation>
        </message>
        <message>
            <source>Visible part as PNG (*.png)</source>
            <translation>Sichtbarer Teil als PNG (*.png)</translation>
        </message>
        <message>
            <source>Whole graph as PNG (*.png)</source>
            <translation>Ganzer Graph als PNG (*.png)</translation>
        </message>
        <message>
            <source>Whole graph as SVG (*.svg)</source>
            <translation>Ganzer Graph als SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export the graph</source>
            <translation>Graph exportieren</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>%1 kann nicht geschrieben werden: %2</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::dag::EventDetailsPanel</name>
        <message>
            <source>No event selected</source>
            <translation>Kein Ereignis ausgewählt</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Typ</translation>
        </message>
        <message>
            <source>State key</source>
            <translation>Zustandsschlüssel</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <source>First event</source>
            <translation>Erstes Ereignis</translation>
        </message>
        <message>
            <source>Second event</source>
            <translation>Zweites Ereignis</translation>
        </message>
        <message>
            <source>PDU</source>
            <translation>PDU</translation>
        </message>
        <message>
            <source>State before</source>
            <translation>Zustand davor</translation>
        </message>
        <message>
            <source>State after</source>
            <translation>Zustand danach</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Unterschied</translation>
        </message>
        <message>
            <source>%1 compared with %2</source>
            <translation>%1 verglichen mit %2</translation>
        </message>
        <message>
            <source>This event is not in the dump: another event cites it as a prev event.</source>
            <translation>Dieses Ereignis ist nicht im Dump: ein anderes Ereignis nennt es als vorheriges Ereignis.</translation>
        </message>
        <message>
            <source>Content hash: %1 · signed by: %2 (not verified)</source>
            <translation>Inhalts-Hash: %1 · signiert von: %2 (nicht geprüft)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keiner</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>niemand</translation>
        </message>
        <message>
            <source>Missing event</source>
            <translation>Fehlendes Ereignis</translation>
        </message>
        <message>
            <source>The replay failed: %1</source>
            <translation>Das Nachspielen ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <source>Checking the room…</source>
            <translation>Der Raum wird geprüft…</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Angenommen</translation>
        </message>
        <message>
            <source>its auth events</source>
            <translation>seine Auth-Ereignisse</translation>
        </message>
        <message>
            <source>the state before it</source>
            <translation>den Zustand davor</translation>
        </message>
        <message>
            <source>Rejected against %1 by rule %2 (%3): %4</source>
            <translation>Abgelehnt gegen %1 durch Regel %2 (%3): %4</translation>
        </message>
        <message>
            <source>The states could not be computed: %1</source>
            <translation>Die Zustände konnten nicht berechnet werden: %1</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::dag::RoomDumpDocument</name>
        <message>
            <source>Cannot open the room dump %1: %2</source>
            <translation>Der Raum-Dump %1 kann nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <source>Cannot replay the room dump %1: %2</source>
            <translation>Der Raum-Dump %1 kann nicht nachgespielt werden: %2</translation>
        </message>
    </context>
</TS>
