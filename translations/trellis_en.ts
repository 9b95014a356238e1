<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>trellis::app::ServerController</name>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Serving %1 on %2</source>
            <translation>Serving %1 on %2</translation>
        </message>
        <message>
            <source>Server failed: %1</source>
            <translation>Server failed: %1</translation>
        </message>
        <message>
            <source>Server not running</source>
            <translation>Server not running</translation>
        </message>
        <message>
            <source>Trellis</source>
            <translation>Trellis</translation>
        </message>
        <message>
            <source>The server keeps running. Quit it from this icon's menu.</source>
            <translation>The server keeps running. Quit it from this icon's menu.</translation>
        </message>
        <message>
            <source>Show Trellis</source>
            <translation>Show Trellis</translation>
        </message>
        <message>
            <source>Quit (stops the server)</source>
            <translation>Quit (stops the server)</translation>
        </message>
        <message>
            <source>The configuration could not be saved: %1</source>
            <translation>The configuration could not be saved: %1</translation>
        </message>
        <message>
            <source>no account yet: press Start to create it</source>
            <translation>no account yet: press Start to create it</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::FirstRunDialog</name>
        <message>
            <source>Welcome to Trellis</source>
            <translation>Welcome to Trellis</translation>
        </message>
        <message>
            <source>Trellis runs your own Matrix homeserver. Choose its name and create your account; you can log into it with any Matrix client.</source>
            <translation>Trellis runs your own Matrix homeserver. Choose its name and create your account; you can log into it with any Matrix client.</translation>
        </message>
        <message>
            <source>The part after ':' in your user ID. Other servers reach yours under this DNS name; it cannot change once rooms exist.</source>
            <translation>The part after ':' in your user ID. Other servers reach yours under this DNS name; it cannot change once rooms exist.</translation>
        </message>
        <message>
            <source>TLS certificate (PEM)</source>
            <translation>TLS certificate (PEM)</translation>
        </message>
        <message>
            <source>TLS private key (PEM)</source>
            <translation>TLS private key (PEM)</translation>
        </message>
        <message>
            <source>Server name:</source>
            <translation>Server name:</translation>
        </message>
        <message>
            <source>User name:</source>
            <translation>User name:</translation>
        </message>
        <message>
            <source>Password:</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>Password again:</source>
            <translation>Password again:</translation>
        </message>
        <message>
            <source>TLS certificate:</source>
            <translation>TLS certificate:</translation>
        </message>
        <message>
            <source>TLS key:</source>
            <translation>TLS key:</translation>
        </message>
        <message>
            <source>Without TLS the server speaks plain HTTP and listens on this computer only (127.0.0.1), which is safe for local clients. To reach it from elsewhere, give a certificate for the server name (for example from Let's Encrypt); a self-signed one works for experiments only, as clients and other servers will not trust it.</source>
            <translation>Without TLS the server speaks plain HTTP and listens on this computer only (127.0.0.1), which is safe for local clients. To reach it from elsewhere, give a certificate for the server name (for example from Let's Encrypt); a self-signed one works for experiments only, as clients and other servers will not trust it.</translation>
        </message>
        <message>
            <source>Create and start</source>
            <translation>Create and start</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
            <translation>PEM files (*.pem *.crt *.key);;All files (*)</translation>
        </message>
        <message>
            <source>The server name is not a valid DNS name or address.</source>
            <translation>The server name is not a valid DNS name or address.</translation>
        </message>
        <message>
            <source>User names are made of a-z, 0-9 and . _ = - /</source>
            <translation>User names are made of a-z, 0-9 and . _ = - /</translation>
        </message>
        <message>
            <source>Choose a password of at least 8 characters.</source>
            <translation>Choose a password of at least 8 characters.</translation>
        </message>
        <message>
            <source>The passwords differ.</source>
            <translation>The passwords differ.</translation>
        </message>
        <message>
            <source>Give both the TLS certificate and its key, or neither.</source>
            <translation>Give both the TLS certificate and its key, or neither.</translation>
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
            <translation>A personal Matrix homeserver and an explorer for Matrix rooms: their event graphs and how state resolution decides them.</translation>
        </message>
        <message>
            <source>Server not running</source>
            <translation>Server not running</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About Trellis</source>
            <translation>&amp;About Trellis</translation>
        </message>
        <message>
            <source>About Trellis</source>
            <translation>About Trellis</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Trellis %1&lt;/h3&gt;&lt;p&gt;A personal, federating Matrix homeserver and an explorer for room event graphs and state resolution.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Trellis %1&lt;/h3&gt;&lt;p&gt;A personal, federating Matrix homeserver and an explorer for room event graphs and state resolution.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>Welcome</translation>
        </message>
        <message>
            <source>&amp;Open Room Dump…</source>
            <translation>&amp;Open Room Dump…</translation>
        </message>
        <message>
            <source>Open Room Dump</source>
            <translation>Open Room Dump</translation>
        </message>
        <message>
            <source>Room dumps (*.json);;All files (*)</source>
            <translation>Room dumps (*.json);;All files (*)</translation>
        </message>
        <message>
            <source>Your homeserver runs in the background (see the Server panel below); log into it with any Matrix client. Open a room dump (File &gt; Open Room Dump…, or drop it here) to explore its event DAG; the state-resolution view comes next.</source>
            <translation>Your homeserver runs in the background (see the Server panel below); log into it with any Matrix client. Open a room dump (File &gt; Open Room Dump…, or drop it here) to explore its event DAG; the state-resolution view comes next.</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::ServerDashboard</name>
        <message>
            <source>State:</source>
            <translation>State:</translation>
        </message>
        <message>
            <source>Server name:</source>
            <translation>Server name:</translation>
        </message>
        <message>
            <source>Owner:</source>
            <translation>Owner:</translation>
        </message>
        <message>
            <source>Listening on:</source>
            <translation>Listening on:</translation>
        </message>
        <message>
            <source>TLS:</source>
            <translation>TLS:</translation>
        </message>
        <message>
            <source>Signing key:</source>
            <translation>Signing key:</translation>
        </message>
        <message>
            <source>Data directory:</source>
            <translation>Data directory:</translation>
        </message>
        <message>
            <source>&amp;Start server</source>
            <translation>&amp;Start server</translation>
        </message>
        <message>
            <source>S&amp;top server</source>
            <translation>S&amp;top server</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Method</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Path</translation>
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
            <translation>Requests:</translation>
        </message>
        <message>
            <source>Starting…</source>
            <translation>Starting…</translation>
        </message>
        <message>
            <source>Running (started in %1 ms)</source>
            <translation>Running (started in %1 ms)</translation>
        </message>
        <message>
            <source>no account yet</source>
            <translation>no account yet</translation>
        </message>
        <message>
            <source>on</source>
            <translation>on</translation>
        </message>
        <message>
            <source>off (plain HTTP: keep the server on loopback)</source>
            <translation>off (plain HTTP: keep the server on loopback)</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Stopped</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>Failed: %1</source>
            <translation>Failed: %1</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::dag::DagExplorer</name>
        <message>
            <source>Events: %1; checking the room…</source>
            <translation>Events: %1; checking the room…</translation>
        </message>
        <message>
            <source>Events: %1</source>
            <translation>Events: %1</translation>
        </message>
        <message>
            <source>Find: event ID prefix, sender or type</source>
            <translation>Find: event ID prefix, sender or type</translation>
        </message>
        <message>
            <source>Go to depth</source>
            <translation>Go to depth</translation>
        </message>
        <message>
            <source>No event at depth %1 or deeper</source>
            <translation>No event at depth %1 or deeper</translation>
        </message>
        <message>
            <source>Auth edges</source>
            <translation>Auth edges</translation>
        </message>
        <message>
            <source>Types</source>
            <translation>Types</translation>
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
            <translation>Export…</translation>
        </message>
        <message>
            <source>Loading…</source>
            <translation>Loading…</translation>
        </message>
        <message>
            <source>Loading %1…</source>
            <translation>Loading %1…</translation>
        </message>
        <message>
            <source>No event matches “%1”</source>
            <translation>No event matches “%1”</translation>
        </message>
        <message>
            <source>Visible part as PNG (*.png)</source>
            <translation>Visible part as PNG (*.png)</translation>
        </message>
        <message>
            <source>Whole graph as PNG (*.png)</source>
            <translation>Whole graph as PNG (*.png)</translation>
        </message>
        <message>
            <source>Whole graph as SVG (*.svg)</source>
            <translation>Whole graph as SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export the graph</source>
            <translation>Export the graph</translation>
        </message>
        <message>
            <source>Cannot write %1: %2</source>
            <translation>Cannot write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::dag::EventDetailsPanel</name>
        <message>
            <source>No event selected</source>
            <translation>No event selected</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>State key</source>
            <translation>State key</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>First event</source>
            <translation>First event</translation>
        </message>
        <message>
            <source>Second event</source>
            <translation>Second event</translation>
        </message>
        <message>
            <source>PDU</source>
            <translation>PDU</translation>
        </message>
        <message>
            <source>State before</source>
            <translation>State before</translation>
        </message>
        <message>
            <source>State after</source>
            <translation>State after</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Difference</translation>
        </message>
        <message>
            <source>%1 compared with %2</source>
            <translation>%1 compared with %2</translation>
        </message>
        <message>
            <source>This event is not in the dump: another event cites it as a prev event.</source>
            <translation>This event is not in the dump: another event cites it as a prev event.</translation>
        </message>
        <message>
            <source>Content hash: %1 · signed by: %2 (not verified)</source>
            <translation>Content hash: %1 · signed by: %2 (not verified)</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>nobody</source>
            <translation>nobody</translation>
        </message>
        <message>
            <source>Missing event</source>
            <translation>Missing event</translation>
        </message>
        <message>
            <source>The replay failed: %1</source>
            <translation>The replay failed: %1</translation>
        </message>
        <message>
            <source>Checking the room…</source>
            <translation>Checking the room…</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>Accepted</translation>
        </message>
        <message>
            <source>its auth events</source>
            <translation>its auth events</translation>
        </message>
        <message>
            <source>the state before it</source>
            <translation>the state before it</translation>
        </message>
        <message>
            <source>Rejected against %1 by rule %2 (%3): %4</source>
            <translation>Rejected against %1 by rule %2 (%3): %4</translation>
        </message>
        <message>
            <source>The states could not be computed: %1</source>
            <translation>The states could not be computed: %1</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::dag::RoomDumpDocument</name>
        <message>
            <source>Cannot open the room dump %1: %2</source>
            <translation>Cannot open the room dump %1: %2</translation>
        </message>
        <message>
            <source>Cannot replay the room dump %1: %2</source>
            <translation>Cannot replay the room dump %1: %2</translation>
        </message>
    </context>
</TS>
