<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
            <source>This build holds the protocol kernel: canonical JSON, signing keys, event hashes, event IDs and redaction for room versions 1 to 12. Use trellis-cli to work with them. The server, the rooms and the DAG and state-resolution views come next.</source>
            <translation>Diese Version enthält den Protokollkern: kanonisches JSON, Signaturschlüssel, Ereignis-Hashes, Ereignis-IDs und Schwärzung für die Raumversionen 1 bis 12. Mit trellis-cli lässt sich damit arbeiten. Als Nächstes folgen der Server, die Räume sowie die DAG- und Zustandsauflösungsansichten.</translation>
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
    </context>
</TS>
