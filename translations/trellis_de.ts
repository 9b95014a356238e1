<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>ResolutionSteps</name>
        <message>
            <source>States to resolve</source>
            <translation>Aufzulösende Zustände</translation>
        </message>
        <message>
            <source>The state before %1 is the resolution of the states after its prev events. They are %2 different states; the keys on which they disagree are highlighted.</source>
            <translation>Der Zustand vor %1 ist die Auflösung der Zustände nach seinen vorherigen Ereignissen. Es sind %2 verschiedene Zustände; die Schlüssel, in denen sie sich unterscheiden, sind hervorgehoben.</translation>
        </message>
        <message>
            <source>After %1</source>
            <translation>Nach %1</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keins)</translation>
        </message>
        <message>
            <source>Start: the unconflicted state</source>
            <translation>Anfang: der konfliktfreie Zustand</translation>
        </message>
        <message>
            <source>R, the result so far, starts as the union of the states without the keys on which they hold different events.</source>
            <translation>R, das bisherige Ergebnis, beginnt als Vereinigung der Zustände ohne die Schlüssel, für die sie verschiedene Ereignisse enthalten.</translation>
        </message>
        <message>
            <source>Unconflicted state map</source>
            <translation>Konfliktfreie Zustandsabbildung</translation>
        </message>
        <message>
            <source>The keys that every state has, with the same event. They are settled: step 5 puts them back over the result.</source>
            <translation>Die Schlüssel, die jeder Zustand mit demselben Ereignis enthält. Sie stehen fest: Schritt 5 legt sie wieder über das Ergebnis.</translation>
        </message>
        <message>
            <source>Conflicted state set</source>
            <translation>Konfliktmenge</translation>
        </message>
        <message>
            <source>The events the states hold for keys on which they disagree: the conflicting events. Each conflict is settled by a pass below.</source>
            <translation>Die Ereignisse, die die Zustände für Schlüssel enthalten, in denen sie sich unterscheiden: die konfligierenden Ereignisse. Jeder Konflikt wird unten in einem Durchgang entschieden.</translation>
        </message>
        <message>
            <source>The events the states hold for keys that not every state has with the same event. Only these and the events they depend on are resolved.</source>
            <translation>Die Ereignisse, die die Zustände für Schlüssel enthalten, die nicht jeder Zustand mit demselben Ereignis hat. Nur diese und die Ereignisse, von denen sie abhängen, werden aufgelöst.</translation>
        </message>
        <message>
            <source>In states</source>
            <translation>In Zuständen</translation>
        </message>
        <message>
            <source>Here there are none: the union of the states is the result.</source>
            <translation>Hier gibt es keine: die Vereinigung der Zustände ist das Ergebnis.</translation>
        </message>
        <message>
            <source>Resolved state</source>
            <translation>Aufgelöster Zustand</translation>
        </message>
        <message>
            <source>Step 5: resolved state</source>
            <translation>Schritt 5: aufgelöster Zustand</translation>
        </message>
        <message>
            <source>Pass: %1</source>
            <translation>Durchgang: %1</translation>
        </message>
        <message>
            <source>Conflicting power levels are resolved first.</source>
            <translation>Konfligierende Berechtigungsstufen werden zuerst aufgelöst.</translation>
        </message>
        <message>
            <source>Conflicting join rules are resolved after the power levels.</source>
            <translation>Konfligierende Beitrittsregeln werden nach den Berechtigungsstufen aufgelöst.</translation>
        </message>
        <message>
            <source>Conflicting memberships are resolved after the power levels and the join rules, one key at a time.</source>
            <translation>Konfligierende Mitgliedschaften werden nach den Berechtigungsstufen und den Beitrittsregeln aufgelöst, ein Schlüssel nach dem anderen.</translation>
        </message>
        <message>
            <source>The candidates are sorted by ascending depth, then descending sha1 of the event ID; the first goes into R, and each next one replaces it while the authorisation rules allow it in R. The first that fails ends the pass.</source>
            <translation>Die Kandidaten werden nach aufsteigender Tiefe, dann absteigendem sha1 der Ereignis-ID sortiert; der erste kommt in R, und jeder weitere ersetzt ihn, solange die Autorisierungsregeln ihn in R erlauben. Der erste, der scheitert, beendet den Durchgang.</translation>
        </message>
        <message>
            <source>Any other conflict: of the candidates, by descending depth then ascending sha1 of the event ID, the first that the authorisation rules allow in R is taken. When none is allowed, Trellis keeps the one of least depth, as Synapse does.</source>
            <translation>Jeder andere Konflikt: von den Kandidaten, nach absteigender Tiefe, dann aufsteigendem sha1 der Ereignis-ID, wird der erste genommen, den die Autorisierungsregeln in R erlauben. Ist keiner erlaubt, behält Trellis den mit der geringsten Tiefe, wie Synapse.</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>Tiefe</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Entscheidung</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>taken first, unchecked</source>
            <translation>zuerst genommen, ungeprüft</translation>
        </message>
        <message>
            <source>in R</source>
            <translation>in R</translation>
        </message>
        <message>
            <source>Auth difference</source>
            <translation>Auth-Differenz</translation>
        </message>
        <message>
            <source>The events in the auth chain of some state but not of every state: the authorisations the forks do not share.</source>
            <translation>Die Ereignisse in der Auth-Kette mancher, aber nicht aller Zustände: die Autorisierungen, die die Abzweigungen nicht teilen.</translation>
        </message>
        <message>
            <source>Conflicted state subgraph</source>
            <translation>Konflikt-Teilgraph</translation>
        </message>
        <message>
            <source>The events on auth event paths from one conflicted event to another, ends included: they may be needed to authorise the conflicted events.</source>
            <translation>Die Ereignisse auf Pfaden über Auth-Ereignisse von einem konfligierenden Ereignis zu einem anderen, die Enden eingeschlossen: sie können nötig sein, um die konfligierenden Ereignisse zu autorisieren.</translation>
        </message>
        <message>
            <source>Full conflicted set</source>
            <translation>Vollständige Konfliktmenge</translation>
        </message>
        <message>
            <source>The conflicted state set, the conflicted state subgraph and the auth difference together: the events the algorithm orders and checks.</source>
            <translation>Die Konfliktmenge, der Konflikt-Teilgraph und die Auth-Differenz zusammen: die Ereignisse, die der Algorithmus ordnet und prüft.</translation>
        </message>
        <message>
            <source>The conflicted state set and the auth difference together: the events the algorithm orders and checks.</source>
            <translation>Die Konfliktmenge und die Auth-Differenz zusammen: die Ereignisse, die der Algorithmus ordnet und prüft.</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <source>conflicted</source>
            <translation>im Konflikt</translation>
        </message>
        <message>
            <source>subgraph</source>
            <translation>Teilgraph</translation>
        </message>
        <message>
            <source>auth difference</source>
            <translation>Auth-Differenz</translation>
        </message>
        <message>
            <source>Step 1: power events</source>
            <translation>Schritt 1: Machtereignisse</translation>
        </message>
        <message>
            <source>The power events of the full conflicted set (power levels, join rules, kicks and bans) and the events of their auth chains that are in it, in reverse topological power order: auth events first, then senders of greater power, then older timestamps, then smaller event IDs.</source>
            <translation>Die Machtereignisse der vollständigen Konfliktmenge (Berechtigungsstufen, Beitrittsregeln, Rauswürfe und Verbannungen) und die Ereignisse ihrer Auth-Ketten, die darin liegen, in umgekehrter topologischer Machtordnung: Auth-Ereignisse zuerst, dann Absender mit mehr Macht, dann ältere Zeitstempel, dann kleinere Ereignis-IDs.</translation>
        </message>
        <message>
            <source>Timestamp</source>
            <translation>Zeitstempel</translation>
        </message>
        <message>
            <source>Here there are none.</source>
            <translation>Hier gibt es keine.</translation>
        </message>
        <message>
            <source>Step 2: auth checks of the power events</source>
            <translation>Schritt 2: Auth-Prüfungen der Machtereignisse</translation>
        </message>
        <message>
            <source>In that order, each event is checked against the authorisation rules in the state built so far, starting from an empty state (v2.1); keys the state lacks come from the event's own auth events. An allowed event takes its key.</source>
            <translation>In dieser Reihenfolge wird jedes Ereignis gegen die Autorisierungsregeln im bisher aufgebauten Zustand geprüft, beginnend mit einem leeren Zustand (v2.1); Schlüssel, die dem Zustand fehlen, kommen aus den eigenen Auth-Ereignissen des Ereignisses. Ein erlaubtes Ereignis übernimmt seinen Schlüssel.</translation>
        </message>
        <message>
            <source>In that order, each event is checked against the authorisation rules in the state built so far, starting from the unconflicted state map; keys the state lacks come from the event's own auth events. An allowed event takes its key.</source>
            <translation>In dieser Reihenfolge wird jedes Ereignis gegen die Autorisierungsregeln im bisher aufgebauten Zustand geprüft, beginnend mit der konfliktfreien Zustandsabbildung; Schlüssel, die dem Zustand fehlen, kommen aus den eigenen Auth-Ereignissen des Ereignisses. Ein erlaubtes Ereignis übernimmt seinen Schlüssel.</translation>
        </message>
        <message>
            <source>Step 4: auth checks of the other events</source>
            <translation>Schritt 4: Auth-Prüfungen der übrigen Ereignisse</translation>
        </message>
        <message>
            <source>In mainline order, each other event is checked against the authorisation rules in the partial state as it grows; an allowed event takes its key.</source>
            <translation>In der Hauptlinien-Reihenfolge wird jedes übrige Ereignis gegen die Autorisierungsregeln im wachsenden Teilzustand geprüft; ein erlaubtes Ereignis übernimmt seinen Schlüssel.</translation>
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
            <source>Here there are none to check.</source>
            <translation>Hier gibt es nichts zu prüfen.</translation>
        </message>
        <message>
            <source>Partial state</source>
            <translation>Teilzustand</translation>
        </message>
        <message>
            <source>The state after step 2; the keys its checks set are highlighted. Its power levels event is the start of the mainline.</source>
            <translation>Der Zustand nach Schritt 2; die Schlüssel, die seine Prüfungen gesetzt haben, sind hervorgehoben. Sein Berechtigungsstufen-Ereignis ist der Anfang der Hauptlinie.</translation>
        </message>
        <message>
            <source>Step 3: mainline</source>
            <translation>Schritt 3: Hauptlinie</translation>
        </message>
        <message>
            <source>The power levels event of the partial state, then the power levels event in its auth events, and so on back to the start of the room. Position 0 is the newest.</source>
            <translation>Das Berechtigungsstufen-Ereignis des Teilzustands, dann das Berechtigungsstufen-Ereignis in dessen Auth-Ereignissen und so weiter bis zum Anfang des Raums. Position 0 ist die neueste.</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>The partial state has no power levels event: every mainline position is infinite.</source>
            <translation>Der Teilzustand hat kein Berechtigungsstufen-Ereignis: jede Hauptlinienposition ist unendlich.</translation>
        </message>
        <message>
            <source>Step 3: other events by mainline</source>
            <translation>Schritt 3: übrige Ereignisse nach Hauptlinie</translation>
        </message>
        <message>
            <source>The events of the full conflicted set not taken in step 1, sorted by mainline position: events based on an older power levels event first (∞: none on the mainline), then older timestamps, then smaller event IDs.</source>
            <translation>Die Ereignisse der vollständigen Konfliktmenge, die Schritt 1 nicht genommen hat, sortiert nach Hauptlinienposition: Ereignisse, die auf einem älteren Berechtigungsstufen-Ereignis beruhen, zuerst (∞: keins auf der Hauptlinie), dann ältere Zeitstempel, dann kleinere Ereignis-IDs.</translation>
        </message>
        <message>
            <source>Mainline position</source>
            <translation>Hauptlinienposition</translation>
        </message>
        <message>
            <source>the state an event on top of the picked events would have</source>
            <translation>der Zustand, den ein Ereignis über den ausgewählten Ereignissen hätte</translation>
        </message>
        <message>
            <source>the state before %1</source>
            <translation>der Zustand vor %1</translation>
        </message>
        <message>
            <source>The states after the %1 picked events, resolved as if they were the prev events of one new event. They are %2 different states; the keys on which they disagree are highlighted.</source>
            <translation>Die Zustände nach den %1 ausgewählten Ereignissen, aufgelöst, als wären sie die Vorgängerereignisse (prev events) eines neuen Ereignisses. Es sind %2 verschiedene Zustände; die Schlüssel, in denen sie sich unterscheiden, sind hervorgehoben.</translation>
        </message>
        <message>
            <source>This is %1: R after the last pass. The keys the passes decided are highlighted.</source>
            <translation>Das ist %1: R nach dem letzten Durchgang. Die Schlüssel, über die die Durchgänge entschieden haben, sind hervorgehoben.</translation>
        </message>
        <message>
            <source>This is %1: the state after step 4, with the unconflicted state map put back over it. The keys the resolution decided are highlighted.</source>
            <translation>Das ist %1: der Zustand nach Schritt 4, darüber wieder die konfliktfreie Zustandsabbildung. Die Schlüssel, über die die Auflösung entschieden hat, sind hervorgehoben.</translation>
        </message>
    </context>
    <context>
        <name>StepCells</name>
        <message>
            <source>not in the dump</source>
            <translation>nicht im Dump</translation>
        </message>
        <message>
            <source>join</source>
            <translation>Beitritt</translation>
        </message>
        <message>
            <source>leave</source>
            <translation>Austritt</translation>
        </message>
        <message>
            <source>kick by %1</source>
            <translation>Rauswurf durch %1</translation>
        </message>
        <message>
            <source>ban by %1</source>
            <translation>Verbannung durch %1</translation>
        </message>
        <message>
            <source>invite by %1</source>
            <translation>Einladung durch %1</translation>
        </message>
        <message>
            <source>knock</source>
            <translation>Anklopfen</translation>
        </message>
        <message>
            <source>membership “%1” by %2</source>
            <translation>Mitgliedschaft „%1“ durch %2</translation>
        </message>
        <message>
            <source>by %1</source>
            <translation>von %1</translation>
        </message>
        <message>
            <source>%1 (rejected in the replay)</source>
            <translation>%1 (beim Nachspielen abgelehnt)</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Ereignis</translation>
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
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>angenommen</translation>
        </message>
        <message>
            <source>rejected by rule %1 (%2): %3</source>
            <translation>abgelehnt durch Regel %1 (%2): %3</translation>
        </message>
    </context>
    <context>
        <name>trellis::app::LiveRooms</name>
        <message>
            <source>Rooms</source>
            <translation>Räume</translation>
        </message>
        <message>
            <source>Could not send the message: %1</source>
            <translation>Die Nachricht konnte nicht gesendet werden: %1</translation>
        </message>
        <message>
            <source>Could not create the room: %1</source>
            <translation>Der Raum konnte nicht erstellt werden: %1</translation>
        </message>
        <message>
            <source>Could not join the room: %1</source>
            <translation>Dem Raum konnte nicht beigetreten werden: %1</translation>
        </message>
        <message>
            <source>Could not open the room: %1</source>
            <translation>Der Raum konnte nicht geöffnet werden: %1</translation>
        </message>
        <message>
            <source>Could not list the rooms: %1</source>
            <translation>Die Räume konnten nicht aufgelistet werden: %1</translation>
        </message>
        <message>
            <source>Could not leave the room: %1</source>
            <translation>Der Raum konnte nicht verlassen werden: %1</translation>
        </message>
        <message>
            <source>Could not change the room's settings: %1</source>
            <translation>Die Raumeinstellungen konnten nicht geändert werden: %1</translation>
        </message>
        <message>
            <source>Could not list the logins: %1</source>
            <translation>Die Anmeldungen konnten nicht aufgelistet werden: %1</translation>
        </message>
    </context>
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
        <message>
            <source>The certificate could not be made: %1</source>
            <translation>Das Zertifikat konnte nicht erstellt werden: %1</translation>
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
        <message>
            <source>Make a self-signed certificate (for experiments only)</source>
            <translation>Ein selbstsigniertes Zertifikat erstellen (nur für Experimente)</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::LogTableModel</name>
        <message>
            <source>Debug</source>
            <translation>Debug</translation>
        </message>
        <message>
            <source>Info</source>
            <translation>Info</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warnung</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>Kritisch</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Stufe</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Kategorie</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Nachricht</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::LogView</name>
        <message>
            <source>Minimum &amp;level:</source>
            <translation>&amp;Mindeststufe:</translation>
        </message>
        <message>
            <source>Filter by category or message</source>
            <translation>Nach Kategorie oder Nachricht filtern</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>Copies the selected lines, or all shown lines when none is selected</source>
            <translation>Kopiert die ausgewählten Zeilen oder, wenn keine ausgewählt ist, alle angezeigten Zeilen</translation>
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
            <source>%1 (live)</source>
            <translation>%1 (live)</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Einstellungen</translation>
        </message>
        <message>
            <source>Start the Server with Trellis</source>
            <translation>Den Server mit Trellis starten</translation>
        </message>
        <message>
            <source>Keep the Server Running When the Window Closes</source>
            <translation>Den Server weiterlaufen lassen, wenn das Fenster geschlossen wird</translation>
        </message>
        <message>
            <source>Your homeserver runs in the background (see the Server panel below); log into it with any Matrix client, or use the Rooms panel: double-click a room to explore its event DAG live. Open a room dump (File &gt; Open Room Dump…, or drop it here) to explore one someone sent you; select a merge event and press “Explain state resolution” to step through how its state was decided, or Ctrl+click several events to compare and resolve their states.</source>
            <translation>Ihr Homeserver läuft im Hintergrund (siehe die Server-Leiste unten); melden Sie sich mit einem beliebigen Matrix-Client an, oder nutzen Sie die Raum-Leiste: Ein Doppelklick auf einen Raum zeigt seinen Ereignis-DAG live. Öffnen Sie einen Raum-Dump (Datei &gt; Raum-Dump öffnen…, oder hierher ziehen), um einen zu erkunden, den Ihnen jemand geschickt hat; wählen Sie ein Zusammenführungsereignis und drücken Sie „Zustandsauflösung erklären“, um Schritt für Schritt zu sehen, wie sein Zustand entschieden wurde, oder klicken Sie mit gedrückter Strg-Taste mehrere Ereignisse an, um ihre Zustände zu vergleichen und aufzulösen.</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>&amp;Erscheinungsbild</translation>
        </message>
        <message>
            <source>Like the &amp;System</source>
            <translation>Wie das &amp;System</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Hell</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Dunkel</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::NewRoomDialog</name>
        <message>
            <source>Anyone may join</source>
            <translation>Jeder darf beitreten</translation>
        </message>
        <message>
            <source>New Room</source>
            <translation>Neuer Raum</translation>
        </message>
        <message>
            <source>Name of the new room</source>
            <translation>Name des neuen Raums</translation>
        </message>
        <message>
            <source>%1 (the server's default)</source>
            <translation>%1 (Vorgabe des Servers)</translation>
        </message>
        <message>
            <source>A public room (join rule public); otherwise members join by invitation</source>
            <translation>Ein öffentlicher Raum (Beitrittsregel public); sonst treten Mitglieder auf Einladung bei</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>Room &amp;version:</source>
            <translation>Raum&amp;version:</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::RoomComposer</name>
        <message>
            <source>Send</source>
            <translation>Senden</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Nachricht</translation>
        </message>
        <message>
            <source>Write a plain message instead</source>
            <translation>Stattdessen eine normale Nachricht schreiben</translation>
        </message>
        <message>
            <source>Replying to %1: %2</source>
            <translation>Antwort an %1: %2</translation>
        </message>
        <message>
            <source>Editing your message</source>
            <translation>Sie bearbeiten Ihre Nachricht</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::RoomSettingsDialog</name>
        <message>
            <source>Room Settings</source>
            <translation>Raumeinstellungen</translation>
        </message>
        <message>
            <source>Invited users only</source>
            <translation>Nur eingeladene Benutzer</translation>
        </message>
        <message>
            <source>Anyone who knows the room</source>
            <translation>Jeder, der den Raum kennt</translation>
        </message>
        <message>
            <source>Anyone may ask to join (knock)</source>
            <translation>Jeder darf um Beitritt bitten (Anklopfen)</translation>
        </message>
        <message>
            <source>Room:</source>
            <translation>Raum:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Topic:</source>
            <translation>Thema:</translation>
        </message>
        <message>
            <source>Who may join:</source>
            <translation>Wer beitreten darf:</translation>
        </message>
        <message>
            <source>Send messages:</source>
            <translation>Nachrichten senden:</translation>
        </message>
        <message>
            <source>Change settings:</source>
            <translation>Einstellungen ändern:</translation>
        </message>
        <message>
            <source>Invite:</source>
            <translation>Einladen:</translation>
        </message>
        <message>
            <source>Remove members:</source>
            <translation>Mitglieder entfernen:</translation>
        </message>
        <message>
            <source>Ban:</source>
            <translation>Sperren:</translation>
        </message>
        <message>
            <source>Delete others' messages:</source>
            <translation>Nachrichten anderer löschen:</translation>
        </message>
        <message>
            <source>Members start at:</source>
            <translation>Mitglieder beginnen bei:</translation>
        </message>
        <message>
            <source>Power levels:</source>
            <translation>Berechtigungsstufen:</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::RoomTimeline</name>
        <message>
            <source>Encrypted message</source>
            <translation>Verschlüsselte Nachricht</translation>
        </message>
        <message>
            <source>%1 reacted with %2</source>
            <translation>%1 hat mit %2 reagiert</translation>
        </message>
        <message>
            <source>%1 sent %2</source>
            <translation>%1 hat %2 gesendet</translation>
        </message>
        <message>
            <source>Message deleted</source>
            <translation>Nachricht gelöscht</translation>
        </message>
        <message>
            <source>[sticker: %1]</source>
            <translation>[Sticker: %1]</translation>
        </message>
        <message>
            <source>* %1 %2</source>
            <translation>* %1 %2</translation>
        </message>
        <message>
            <source>[image: %1]</source>
            <translation>[Bild: %1]</translation>
        </message>
        <message>
            <source>[file: %1]</source>
            <translation>[Datei: %1]</translation>
        </message>
        <message>
            <source>[video: %1]</source>
            <translation>[Video: %1]</translation>
        </message>
        <message>
            <source>[audio: %1]</source>
            <translation>[Audio: %1]</translation>
        </message>
        <message>
            <source>%1 created the room (version %2)</source>
            <translation>%1 hat den Raum erstellt (Version %2)</translation>
        </message>
        <message>
            <source>%1 removed the room name</source>
            <translation>%1 hat den Raumnamen entfernt</translation>
        </message>
        <message>
            <source>%1 changed the room name to %2</source>
            <translation>%1 hat den Raumnamen in %2 geändert</translation>
        </message>
        <message>
            <source>%1 removed the topic</source>
            <translation>%1 hat das Thema entfernt</translation>
        </message>
        <message>
            <source>%1 changed the topic to %2</source>
            <translation>%1 hat das Thema in %2 geändert</translation>
        </message>
        <message>
            <source>%1 changed the power levels</source>
            <translation>%1 hat die Berechtigungsstufen geändert</translation>
        </message>
        <message>
            <source>%1 set the join rule to %2</source>
            <translation>%1 hat die Beitrittsregel auf %2 gesetzt</translation>
        </message>
        <message>
            <source>%1 set the history visibility to %2</source>
            <translation>%1 hat die Sichtbarkeit des Verlaufs auf %2 gesetzt</translation>
        </message>
        <message>
            <source>%1 set %2</source>
            <translation>%1 hat %2 gesetzt</translation>
        </message>
        <message>
            <source>%1 joined the room</source>
            <translation>%1 ist dem Raum beigetreten</translation>
        </message>
        <message>
            <source>%1 invited %2</source>
            <translation>%1 hat %2 eingeladen</translation>
        </message>
        <message>
            <source>%1 banned %2</source>
            <translation>%1 hat %2 gesperrt</translation>
        </message>
        <message>
            <source>%1 asked to join</source>
            <translation>%1 hat um Beitritt gebeten</translation>
        </message>
        <message>
            <source>%1 rejected the invitation</source>
            <translation>%1 hat die Einladung abgelehnt</translation>
        </message>
        <message>
            <source>%1 withdrew their request to join</source>
            <translation>%1 hat die Beitrittsanfrage zurückgezogen</translation>
        </message>
        <message>
            <source>%1 left the room</source>
            <translation>%1 hat den Raum verlassen</translation>
        </message>
        <message>
            <source>%1 unbanned %2</source>
            <translation>%1 hat die Sperre von %2 aufgehoben</translation>
        </message>
        <message>
            <source>%1 withdrew the invitation of %2</source>
            <translation>%1 hat die Einladung an %2 zurückgezogen</translation>
        </message>
        <message>
            <source>%1 kicked %2</source>
            <translation>%1 hat %2 entfernt</translation>
        </message>
        <message>
            <source>%1 set the membership of %2 to %3</source>
            <translation>%1 hat die Mitgliedschaft von %2 auf %3 gesetzt</translation>
        </message>
        <message>
            <source>%1 (reason: %2)</source>
            <translation>%1 (Grund: %2)</translation>
        </message>
        <message>
            <source>%1 removed their display name</source>
            <translation>%1 hat den Anzeigenamen entfernt</translation>
        </message>
        <message>
            <source>%1 changed their display name to %2</source>
            <translation>%1 hat den Anzeigenamen in %2 geändert</translation>
        </message>
        <message>
            <source>%1 changed their avatar</source>
            <translation>%1 hat das Profilbild geändert</translation>
        </message>
        <message>
            <source>%1 updated their membership</source>
            <translation>%1 hat die Mitgliedschaft aktualisiert</translation>
        </message>
        <message>
            <source>In reply to an earlier message</source>
            <translation>Antwort auf eine frühere Nachricht</translation>
        </message>
        <message>
            <source>(edited)</source>
            <translation>(bearbeitet)</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Verlauf</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>%1
%2
%3</source>
            <translation>%1
%2
%3</translation>
        </message>
        <message>
            <source>Reply</source>
            <translation>Antworten</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Bearbeiten</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::RoomsPanel</name>
        <message>
            <source>Join</source>
            <translation>Beitreten</translation>
        </message>
        <message>
            <source>New Room…</source>
            <translation>Neuer Raum…</translation>
        </message>
        <message>
            <source>Room ID or #alias:server</source>
            <translation>Raum-ID oder #alias:server</translation>
        </message>
        <message>
            <source>Room to join</source>
            <translation>Raum zum Beitreten</translation>
        </message>
        <message>
            <source>Rooms</source>
            <translation>Räume</translation>
        </message>
        <message>
            <source>1 member</source>
            <translation>1 Mitglied</translation>
        </message>
        <message>
            <source>%1 members</source>
            <translation>%1 Mitglieder</translation>
        </message>
        <message>
            <source>invited · version %1</source>
            <translation>eingeladen · Version %1</translation>
        </message>
        <message>
            <source>version %1 · %2</source>
            <translation>Version %1 · %2</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Annehmen</translation>
        </message>
        <message>
            <source>Leave</source>
            <translation>Verlassen</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Ablehnen</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Einstellungen…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Joining %1…</source>
            <translation>%1 wird betreten …</translation>
        </message>
        <message>
            <source> · remote</source>
            <translation> · entfernt</translation>
        </message>
        <message>
            <source> · %1 unread</source>
            <translation> · %1 ungelesen</translation>
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
        <message>
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Last seen</source>
            <translation>Zuletzt gesehen</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <source>Logins (devices):</source>
            <translation>Anmeldungen (Geräte):</translation>
        </message>
        <message>
            <source>not since login</source>
            <translation>seit der Anmeldung nicht</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Protokoll</translation>
        </message>
        <message>
            <source>Connections:</source>
            <translation>Verbindungen:</translation>
        </message>
        <message>
            <source>1 open</source>
            <translation>1 offen</translation>
        </message>
        <message>
            <source>%1 open</source>
            <translation>%1 offen</translation>
        </message>
        <message>
            <source>Certificate:</source>
            <translation>Zertifikat:</translation>
        </message>
        <message>
            <source>%1, issued by %2, valid until %3</source>
            <translation>%1, ausgestellt von %2, gültig bis %3</translation>
        </message>
        <message>
            <source>itself (self-signed: clients and other servers do not trust it)</source>
            <translation>sich selbst (selbstsigniert: Clients und andere Server vertrauen ihm nicht)</translation>
        </message>
        <message>
            <source>(expired: clients refuse it)</source>
            <translation>(abgelaufen: Clients lehnen es ab)</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint: %1</source>
            <translation>SHA-256-Fingerabdruck: %1</translation>
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
        <message>
            <source>“%1” is neither a depth nor a time</source>
            <translation>„%1“ ist weder eine Tiefe noch eine Zeit</translation>
        </message>
        <message>
            <source>No event sent at %1 or later</source>
            <translation>Kein Ereignis um %1 oder später gesendet</translation>
        </message>
        <message>
            <source>Visible part as SVG (*.svg)</source>
            <translation>Sichtbarer Teil als SVG (*.svg)</translation>
        </message>
        <message>
            <source>Draw the selected event's auth events and ring its whole auth chain</source>
            <translation>Die Auth-Ereignisse des ausgewählten Ereignisses zeichnen und seine ganze Auth-Kette einkreisen</translation>
        </message>
        <message>
            <source>Find an event (Ctrl+F): an event ID prefix, a sender or a type</source>
            <translation>Ein Ereignis finden (Strg+F): ein Anfang einer Ereignis-ID, ein Absender oder ein Typ</translation>
        </message>
        <message>
            <source>Find…</source>
            <translation>Finden …</translation>
        </message>
        <message>
            <source>Depth or time…</source>
            <translation>Tiefe oder Zeit …</translation>
        </message>
        <message>
            <source>Go to (Ctrl+G) a depth (42), a time (14:30, on the selected event's day), a day (2026-12-06) or both (2026-12-06 14:30); times are the senders' clocks, in local time</source>
            <translation>Gehe (Strg+G) zu einer Tiefe (42), einer Uhrzeit (14:30, am Tag des ausgewählten Ereignisses), einem Tag (2026-12-06) oder beidem (2026-12-06 14:30); Zeiten sind die Uhren der Absender, in Ortszeit</translation>
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
        <message>
            <source>Explain state resolution</source>
            <translation>Zustandsauflösung erklären</translation>
        </message>
        <message>
            <source>Step through the state resolution that gives the state before this event</source>
            <translation>Die Zustandsauflösung, die den Zustand vor diesem Ereignis ergibt, Schritt für Schritt ansehen</translation>
        </message>
        <message>
            <source>The state before this event is not a resolution of several states</source>
            <translation>Der Zustand vor diesem Ereignis ist keine Auflösung mehrerer Zustände</translation>
        </message>
        <message>
            <source>Resolve these states</source>
            <translation>Diese Zustände auflösen</translation>
        </message>
        <message>
            <source>After %1</source>
            <translation>Nach %1</translation>
        </message>
        <message>
            <source>Step through the resolution of the states after the %1 picked events</source>
            <translation>Die Auflösung der Zustände nach den %1 ausgewählten Ereignissen Schritt für Schritt durchgehen</translation>
        </message>
        <message>
            <source>%1 compared with %2 other events</source>
            <translation>%1 verglichen mit %2 weiteren Ereignissen</translation>
        </message>
        <message>
            <source>Content hash: missing (receiving servers would redact the event)</source>
            <translation>Inhalts-Hash: fehlt (empfangende Server würden das Ereignis schwärzen)</translation>
        </message>
        <message>
            <source>Content hash: %1 (matches the content)</source>
            <translation>Inhalts-Hash: %1 (passt zum Inhalt)</translation>
        </message>
        <message>
            <source>Content hash: %1 does not match the content (%2): receiving servers would redact the event</source>
            <translation>Inhalts-Hash: %1 passt nicht zum Inhalt (%2): empfangende Server würden das Ereignis schwärzen</translation>
        </message>
        <message>
            <source>Sent %1 (the sender's clock)</source>
            <translation>Gesendet %1 (Uhr des Absenders)</translation>
        </message>
        <message>
            <source>Signed by: %1 (not verified: no server keys)</source>
            <translation>Signiert von: %1 (nicht geprüft: keine Serverschlüssel)</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>gültig</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>fehlt</translation>
        </message>
        <message>
            <source>not verified (no key known)</source>
            <translation>nicht geprüft (kein Schlüssel bekannt)</translation>
        </message>
        <message>
            <source>invalid: %1</source>
            <translation>ungültig: %1</translation>
        </message>
        <message>
            <source>%1 (%2) %3</source>
            <translation>%1 (%2) %3</translation>
        </message>
        <message>
            <source>Signatures: %1</source>
            <translation>Signaturen: %1</translation>
        </message>
        <message>
            <source>%1 is not in the dump: there is no state after it to compare</source>
            <translation>%1 ist nicht im Dump: Es gibt keinen Zustand danach, der sich vergleichen ließe</translation>
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
    <context>
        <name>trellis::ui::resolution::StateResView</name>
        <message>
            <source>Select a merge event and choose “Explain state resolution”.</source>
            <translation>Wählen Sie ein zusammenführendes Ereignis und dann „Zustandsauflösung erklären“.</translation>
        </message>
        <message>
            <source>State resolution</source>
            <translation>Zustandsauflösung</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>◀ Back</source>
            <translation>◀ Zurück</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Weiter ▶</translation>
        </message>
        <message>
            <source>Why the state before %1 is what it is</source>
            <translation>Warum der Zustand vor %1 so ist, wie er ist</translation>
        </message>
        <message>
            <source>Resolving the states after its prev events again…</source>
            <translation>Die Zustände nach seinen vorherigen Ereignissen werden erneut aufgelöst…</translation>
        </message>
        <message>
            <source>The state before this event could not be resolved again: %1</source>
            <translation>Der Zustand vor diesem Ereignis konnte nicht erneut aufgelöst werden: %1</translation>
        </message>
        <message>
            <source>The states after this event's prev events are the same (or it has one prev event): the state before it needs no resolution.</source>
            <translation>Die Zustände nach den vorherigen Ereignissen dieses Ereignisses sind gleich (oder es hat nur ein vorheriges Ereignis): der Zustand davor braucht keine Auflösung.</translation>
        </message>
        <message>
            <source>Algorithm %1 (room version %2): %3 states, %4 conflicted events, %5 of %6 auth checks rejected.</source>
            <translation>Algorithmus %1 (Raumversion %2): %3 Zustände, %4 konfligierende Ereignisse, %5 von %6 Auth-Prüfungen abgelehnt.</translation>
        </message>
        <message>
            <source>Spec: %1</source>
            <translation>Spezifikation: %1</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>Schritt %1 von %2</translation>
        </message>
        <message>
            <source>Resolving the states after the picked events…</source>
            <translation>Die Zustände nach den ausgewählten Ereignissen werden aufgelöst …</translation>
        </message>
        <message>
            <source>How the states after %1 resolve</source>
            <translation>Wie sich die Zustände nach %1 auflösen</translation>
        </message>
        <message>
            <source>The states after the picked events could not be resolved: %1</source>
            <translation>Die Zustände nach den ausgewählten Ereignissen konnten nicht aufgelöst werden: %1</translation>
        </message>
        <message>
            <source>The states after the picked events are the same: there is nothing to resolve.</source>
            <translation>Die Zustände nach den ausgewählten Ereignissen sind gleich: Es gibt nichts aufzulösen.</translation>
        </message>
    </context>
</TS>
