<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
            <source>This build holds the protocol kernel: canonical JSON, signing keys, event hashes, event IDs and redaction for room versions 1 to 12. Use trellis-cli to work with them. The server, the rooms and the DAG and state-resolution views come next.</source>
            <translation>This build holds the protocol kernel: canonical JSON, signing keys, event hashes, event IDs and redaction for room versions 1 to 12. Use trellis-cli to work with them. The server, the rooms and the DAG and state-resolution views come next.</translation>
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
    </context>
</TS>
