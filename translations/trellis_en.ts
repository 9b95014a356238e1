<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ResolutionSteps</name>
        <message>
            <source>States to resolve</source>
            <translation>States to resolve</translation>
        </message>
        <message>
            <source>The state before %1 is the resolution of the states after its prev events. They are %2 different states; the keys on which they disagree are highlighted.</source>
            <translation>The state before %1 is the resolution of the states after its prev events. They are %2 different states; the keys on which they disagree are highlighted.</translation>
        </message>
        <message>
            <source>After %1</source>
            <translation>After %1</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Start: the unconflicted state</source>
            <translation>Start: the unconflicted state</translation>
        </message>
        <message>
            <source>R, the result so far, starts as the union of the states without the keys on which they hold different events.</source>
            <translation>R, the result so far, starts as the union of the states without the keys on which they hold different events.</translation>
        </message>
        <message>
            <source>Unconflicted state map</source>
            <translation>Unconflicted state map</translation>
        </message>
        <message>
            <source>The keys that every state has, with the same event. They are settled: step 5 puts them back over the result.</source>
            <translation>The keys that every state has, with the same event. They are settled: step 5 puts them back over the result.</translation>
        </message>
        <message>
            <source>Conflicted state set</source>
            <translation>Conflicted state set</translation>
        </message>
        <message>
            <source>The events the states hold for keys on which they disagree: the conflicting events. Each conflict is settled by a pass below.</source>
            <translation>The events the states hold for keys on which they disagree: the conflicting events. Each conflict is settled by a pass below.</translation>
        </message>
        <message>
            <source>The events the states hold for keys that not every state has with the same event. Only these and the events they depend on are resolved.</source>
            <translation>The events the states hold for keys that not every state has with the same event. Only these and the events they depend on are resolved.</translation>
        </message>
        <message>
            <source>In states</source>
            <translation>In states</translation>
        </message>
        <message>
            <source>Here there are none: the union of the states is the result.</source>
            <translation>Here there are none: the union of the states is the result.</translation>
        </message>
        <message>
            <source>Resolved state</source>
            <translation>Resolved state</translation>
        </message>
        <message>
            <source>Step 5: resolved state</source>
            <translation>Step 5: resolved state</translation>
        </message>
        <message>
            <source>Pass: %1</source>
            <translation>Pass: %1</translation>
        </message>
        <message>
            <source>Conflicting power levels are resolved first.</source>
            <translation>Conflicting power levels are resolved first.</translation>
        </message>
        <message>
            <source>Conflicting join rules are resolved after the power levels.</source>
            <translation>Conflicting join rules are resolved after the power levels.</translation>
        </message>
        <message>
            <source>Conflicting memberships are resolved after the power levels and the join rules, one key at a time.</source>
            <translation>Conflicting memberships are resolved after the power levels and the join rules, one key at a time.</translation>
        </message>
        <message>
            <source>The candidates are sorted by ascending depth, then descending sha1 of the event ID; the first goes into R, and each next one replaces it while the authorisation rules allow it in R. The first that fails ends the pass.</source>
            <translation>The candidates are sorted by ascending depth, then descending sha1 of the event ID; the first goes into R, and each next one replaces it while the authorisation rules allow it in R. The first that fails ends the pass.</translation>
        </message>
        <message>
            <source>Any other conflict: of the candidates, by descending depth then ascending sha1 of the event ID, the first that the authorisation rules allow in R is taken. When none is allowed, Trellis keeps the one of least depth, as Synapse does.</source>
            <translation>Any other conflict: of the candidates, by descending depth then ascending sha1 of the event ID, the first that the authorisation rules allow in R is taken. When none is allowed, Trellis keeps the one of least depth, as Synapse does.</translation>
        </message>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
        </message>
        <message>
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>Depth</source>
            <translation>Depth</translation>
        </message>
        <message>
            <source>Verdict</source>
            <translation>Verdict</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>taken first, unchecked</source>
            <translation>taken first, unchecked</translation>
        </message>
        <message>
            <source>in R</source>
            <translation>in R</translation>
        </message>
        <message>
            <source>Auth difference</source>
            <translation>Auth difference</translation>
        </message>
        <message>
            <source>The events in the auth chain of some state but not of every state: the authorisations the forks do not share.</source>
            <translation>The events in the auth chain of some state but not of every state: the authorisations the forks do not share.</translation>
        </message>
        <message>
            <source>Conflicted state subgraph</source>
            <translation>Conflicted state subgraph</translation>
        </message>
        <message>
            <source>The events on auth event paths from one conflicted event to another, ends included: they may be needed to authorise the conflicted events.</source>
            <translation>The events on auth event paths from one conflicted event to another, ends included: they may be needed to authorise the conflicted events.</translation>
        </message>
        <message>
            <source>Full conflicted set</source>
            <translation>Full conflicted set</translation>
        </message>
        <message>
            <source>The conflicted state set, the conflicted state subgraph and the auth difference together: the events the algorithm orders and checks.</source>
            <translation>The conflicted state set, the conflicted state subgraph and the auth difference together: the events the algorithm orders and checks.</translation>
        </message>
        <message>
            <source>The conflicted state set and the auth difference together: the events the algorithm orders and checks.</source>
            <translation>The conflicted state set and the auth difference together: the events the algorithm orders and checks.</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Why</translation>
        </message>
        <message>
            <source>conflicted</source>
            <translation>conflicted</translation>
        </message>
        <message>
            <source>subgraph</source>
            <translation>subgraph</translation>
        </message>
        <message>
            <source>auth difference</source>
            <translation>auth difference</translation>
        </message>
        <message>
            <source>Step 1: power events</source>
            <translation>Step 1: power events</translation>
        </message>
        <message>
            <source>The power events of the full conflicted set (power levels, join rules, kicks and bans) and the events of their auth chains that are in it, in reverse topological power order: auth events first, then senders of greater power, then older timestamps, then smaller event IDs.</source>
            <translation>The power events of the full conflicted set (power levels, join rules, kicks and bans) and the events of their auth chains that are in it, in reverse topological power order: auth events first, then senders of greater power, then older timestamps, then smaller event IDs.</translation>
        </message>
        <message>
            <source>Timestamp</source>
            <translation>Timestamp</translation>
        </message>
        <message>
            <source>Here there are none.</source>
            <translation>Here there are none.</translation>
        </message>
        <message>
            <source>Step 2: auth checks of the power events</source>
            <translation>Step 2: auth checks of the power events</translation>
        </message>
        <message>
            <source>In that order, each event is checked against the authorisation rules in the state built so far, starting from an empty state (v2.1); keys the state lacks come from the event's own auth events. An allowed event takes its key.</source>
            <translation>In that order, each event is checked against the authorisation rules in the state built so far, starting from an empty state (v2.1); keys the state lacks come from the event's own auth events. An allowed event takes its key.</translation>
        </message>
        <message>
            <source>In that order, each event is checked against the authorisation rules in the state built so far, starting from the unconflicted state map; keys the state lacks come from the event's own auth events. An allowed event takes its key.</source>
            <translation>In that order, each event is checked against the authorisation rules in the state built so far, starting from the unconflicted state map; keys the state lacks come from the event's own auth events. An allowed event takes its key.</translation>
        </message>
        <message>
            <source>Step 4: auth checks of the other events</source>
            <translation>Step 4: auth checks of the other events</translation>
        </message>
        <message>
            <source>In mainline order, each other event is checked against the authorisation rules in the partial state as it grows; an allowed event takes its key.</source>
            <translation>In mainline order, each other event is checked against the authorisation rules in the partial state as it grows; an allowed event takes its key.</translation>
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
            <source>Here there are none to check.</source>
            <translation>Here there are none to check.</translation>
        </message>
        <message>
            <source>Partial state</source>
            <translation>Partial state</translation>
        </message>
        <message>
            <source>The state after step 2; the keys its checks set are highlighted. Its power levels event is the start of the mainline.</source>
            <translation>The state after step 2; the keys its checks set are highlighted. Its power levels event is the start of the mainline.</translation>
        </message>
        <message>
            <source>Step 3: mainline</source>
            <translation>Step 3: mainline</translation>
        </message>
        <message>
            <source>The power levels event of the partial state, then the power levels event in its auth events, and so on back to the start of the room. Position 0 is the newest.</source>
            <translation>The power levels event of the partial state, then the power levels event in its auth events, and so on back to the start of the room. Position 0 is the newest.</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>The partial state has no power levels event: every mainline position is infinite.</source>
            <translation>The partial state has no power levels event: every mainline position is infinite.</translation>
        </message>
        <message>
            <source>Step 3: other events by mainline</source>
            <translation>Step 3: other events by mainline</translation>
        </message>
        <message>
            <source>The events of the full conflicted set not taken in step 1, sorted by mainline position: events based on an older power levels event first (∞: none on the mainline), then older timestamps, then smaller event IDs.</source>
            <translation>The events of the full conflicted set not taken in step 1, sorted by mainline position: events based on an older power levels event first (∞: none on the mainline), then older timestamps, then smaller event IDs.</translation>
        </message>
        <message>
            <source>Mainline position</source>
            <translation>Mainline position</translation>
        </message>
        <message>
            <source>the state an event on top of the picked events would have</source>
            <translation>the state an event on top of the picked events would have</translation>
        </message>
        <message>
            <source>the state before %1</source>
            <translation>the state before %1</translation>
        </message>
        <message>
            <source>The states after the %1 picked events, resolved as if they were the prev events of one new event. They are %2 different states; the keys on which they disagree are highlighted.</source>
            <translation>The states after the %1 picked events, resolved as if they were the prev events of one new event. They are %2 different states; the keys on which they disagree are highlighted.</translation>
        </message>
        <message>
            <source>This is %1: R after the last pass. The keys the passes decided are highlighted.</source>
            <translation>This is %1: R after the last pass. The keys the passes decided are highlighted.</translation>
        </message>
        <message>
            <source>This is %1: the state after step 4, with the unconflicted state map put back over it. The keys the resolution decided are highlighted.</source>
            <translation>This is %1: the state after step 4, with the unconflicted state map put back over it. The keys the resolution decided are highlighted.</translation>
        </message>
    </context>
    <context>
        <name>StepCells</name>
        <message>
            <source>not in the dump</source>
            <translation>not in the dump</translation>
        </message>
        <message>
            <source>join</source>
            <translation>join</translation>
        </message>
        <message>
            <source>leave</source>
            <translation>leave</translation>
        </message>
        <message>
            <source>kick by %1</source>
            <translation>kick by %1</translation>
        </message>
        <message>
            <source>ban by %1</source>
            <translation>ban by %1</translation>
        </message>
        <message>
            <source>invite by %1</source>
            <translation>invite by %1</translation>
        </message>
        <message>
            <source>knock</source>
            <translation>knock</translation>
        </message>
        <message>
            <source>membership “%1” by %2</source>
            <translation>membership “%1” by %2</translation>
        </message>
        <message>
            <source>by %1</source>
            <translation>by %1</translation>
        </message>
        <message>
            <source>%1 (rejected in the replay)</source>
            <translation>%1 (rejected in the replay)</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Event</translation>
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
            <source>What</source>
            <translation>What</translation>
        </message>
        <message>
            <source>accepted</source>
            <translation>accepted</translation>
        </message>
        <message>
            <source>rejected by rule %1 (%2): %3</source>
            <translation>rejected by rule %1 (%2): %3</translation>
        </message>
    </context>
    <context>
        <name>trellis::app::LiveRooms</name>
        <message>
            <source>Rooms</source>
            <translation>Rooms</translation>
        </message>
        <message>
            <source>Could not send the message: %1</source>
            <translation>Could not send the message: %1</translation>
        </message>
        <message>
            <source>Could not create the room: %1</source>
            <translation>Could not create the room: %1</translation>
        </message>
        <message>
            <source>Could not join the room: %1</source>
            <translation>Could not join the room: %1</translation>
        </message>
        <message>
            <source>Could not open the room: %1</source>
            <translation>Could not open the room: %1</translation>
        </message>
        <message>
            <source>Could not list the rooms: %1</source>
            <translation>Could not list the rooms: %1</translation>
        </message>
        <message>
            <source>Could not leave the room: %1</source>
            <translation>Could not leave the room: %1</translation>
        </message>
        <message>
            <source>Could not change the room's settings: %1</source>
            <translation>Could not change the room's settings: %1</translation>
        </message>
        <message>
            <source>Could not list the logins: %1</source>
            <translation>Could not list the logins: %1</translation>
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
        <message>
            <source>The certificate could not be made: %1</source>
            <translation>The certificate could not be made: %1</translation>
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
        <message>
            <source>Make a self-signed certificate (for experiments only)</source>
            <translation>Make a self-signed certificate (for experiments only)</translation>
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
            <translation>Warning</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>Critical</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>Level</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::LogView</name>
        <message>
            <source>Minimum &amp;level:</source>
            <translation>Minimum &amp;level:</translation>
        </message>
        <message>
            <source>Filter by category or message</source>
            <translation>Filter by category or message</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copy</translation>
        </message>
        <message>
            <source>Copies the selected lines, or all shown lines when none is selected</source>
            <translation>Copies the selected lines, or all shown lines when none is selected</translation>
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
            <source>%1 (live)</source>
            <translation>%1 (live)</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>Start the Server with Trellis</source>
            <translation>Start the Server with Trellis</translation>
        </message>
        <message>
            <source>Keep the Server Running When the Window Closes</source>
            <translation>Keep the Server Running When the Window Closes</translation>
        </message>
        <message>
            <source>Your homeserver runs in the background (see the Server panel below); log into it with any Matrix client, or use the Rooms panel: double-click a room to explore its event DAG live. Open a room dump (File &gt; Open Room Dump…, or drop it here) to explore one someone sent you; select a merge event and press “Explain state resolution” to step through how its state was decided, or Ctrl+click several events to compare and resolve their states.</source>
            <translation>Your homeserver runs in the background (see the Server panel below); log into it with any Matrix client, or use the Rooms panel: double-click a room to explore its event DAG live. Open a room dump (File &gt; Open Room Dump…, or drop it here) to explore one someone sent you; select a merge event and press “Explain state resolution” to step through how its state was decided, or Ctrl+click several events to compare and resolve their states.</translation>
        </message>
        <message>
            <source>&amp;Appearance</source>
            <translation>&amp;Appearance</translation>
        </message>
        <message>
            <source>Like the &amp;System</source>
            <translation>Like the &amp;System</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Light</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Dark</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::NewRoomDialog</name>
        <message>
            <source>Anyone may join</source>
            <translation>Anyone may join</translation>
        </message>
        <message>
            <source>New Room</source>
            <translation>New Room</translation>
        </message>
        <message>
            <source>Name of the new room</source>
            <translation>Name of the new room</translation>
        </message>
        <message>
            <source>%1 (the server's default)</source>
            <translation>%1 (the server's default)</translation>
        </message>
        <message>
            <source>A public room (join rule public); otherwise members join by invitation</source>
            <translation>A public room (join rule public); otherwise members join by invitation</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>Room &amp;version:</source>
            <translation>Room &amp;version:</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::RoomComposer</name>
        <message>
            <source>Send</source>
            <translation>Send</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>Write a plain message instead</source>
            <translation>Write a plain message instead</translation>
        </message>
        <message>
            <source>Replying to %1: %2</source>
            <translation>Replying to %1: %2</translation>
        </message>
        <message>
            <source>Editing your message</source>
            <translation>Editing your message</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::RoomSettingsDialog</name>
        <message>
            <source>Room Settings</source>
            <translation>Room Settings</translation>
        </message>
        <message>
            <source>Invited users only</source>
            <translation>Invited users only</translation>
        </message>
        <message>
            <source>Anyone who knows the room</source>
            <translation>Anyone who knows the room</translation>
        </message>
        <message>
            <source>Anyone may ask to join (knock)</source>
            <translation>Anyone may ask to join (knock)</translation>
        </message>
        <message>
            <source>Room:</source>
            <translation>Room:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Topic:</source>
            <translation>Topic:</translation>
        </message>
        <message>
            <source>Who may join:</source>
            <translation>Who may join:</translation>
        </message>
        <message>
            <source>Send messages:</source>
            <translation>Send messages:</translation>
        </message>
        <message>
            <source>Change settings:</source>
            <translation>Change settings:</translation>
        </message>
        <message>
            <source>Invite:</source>
            <translation>Invite:</translation>
        </message>
        <message>
            <source>Remove members:</source>
            <translation>Remove members:</translation>
        </message>
        <message>
            <source>Ban:</source>
            <translation>Ban:</translation>
        </message>
        <message>
            <source>Delete others' messages:</source>
            <translation>Delete others' messages:</translation>
        </message>
        <message>
            <source>Members start at:</source>
            <translation>Members start at:</translation>
        </message>
        <message>
            <source>Power levels:</source>
            <translation>Power levels:</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::RoomTimeline</name>
        <message>
            <source>Encrypted message</source>
            <translation>Encrypted message</translation>
        </message>
        <message>
            <source>%1 reacted with %2</source>
            <translation>%1 reacted with %2</translation>
        </message>
        <message>
            <source>%1 sent %2</source>
            <translation>%1 sent %2</translation>
        </message>
        <message>
            <source>Message deleted</source>
            <translation>Message deleted</translation>
        </message>
        <message>
            <source>[sticker: %1]</source>
            <translation>[sticker: %1]</translation>
        </message>
        <message>
            <source>* %1 %2</source>
            <translation>* %1 %2</translation>
        </message>
        <message>
            <source>[image: %1]</source>
            <translation>[image: %1]</translation>
        </message>
        <message>
            <source>[file: %1]</source>
            <translation>[file: %1]</translation>
        </message>
        <message>
            <source>[video: %1]</source>
            <translation>[video: %1]</translation>
        </message>
        <message>
            <source>[audio: %1]</source>
            <translation>[audio: %1]</translation>
        </message>
        <message>
            <source>%1 created the room (version %2)</source>
            <translation>%1 created the room (version %2)</translation>
        </message>
        <message>
            <source>%1 removed the room name</source>
            <translation>%1 removed the room name</translation>
        </message>
        <message>
            <source>%1 changed the room name to %2</source>
            <translation>%1 changed the room name to %2</translation>
        </message>
        <message>
            <source>%1 removed the topic</source>
            <translation>%1 removed the topic</translation>
        </message>
        <message>
            <source>%1 changed the topic to %2</source>
            <translation>%1 changed the topic to %2</translation>
        </message>
        <message>
            <source>%1 changed the power levels</source>
            <translation>%1 changed the power levels</translation>
        </message>
        <message>
            <source>%1 set the join rule to %2</source>
            <translation>%1 set the join rule to %2</translation>
        </message>
        <message>
            <source>%1 set the history visibility to %2</source>
            <translation>%1 set the history visibility to %2</translation>
        </message>
        <message>
            <source>%1 set %2</source>
            <translation>%1 set %2</translation>
        </message>
        <message>
            <source>%1 joined the room</source>
            <translation>%1 joined the room</translation>
        </message>
        <message>
            <source>%1 invited %2</source>
            <translation>%1 invited %2</translation>
        </message>
        <message>
            <source>%1 banned %2</source>
            <translation>%1 banned %2</translation>
        </message>
        <message>
            <source>%1 asked to join</source>
            <translation>%1 asked to join</translation>
        </message>
        <message>
            <source>%1 rejected the invitation</source>
            <translation>%1 rejected the invitation</translation>
        </message>
        <message>
            <source>%1 withdrew their request to join</source>
            <translation>%1 withdrew their request to join</translation>
        </message>
        <message>
            <source>%1 left the room</source>
            <translation>%1 left the room</translation>
        </message>
        <message>
            <source>%1 unbanned %2</source>
            <translation>%1 unbanned %2</translation>
        </message>
        <message>
            <source>%1 withdrew the invitation of %2</source>
            <translation>%1 withdrew the invitation of %2</translation>
        </message>
        <message>
            <source>%1 kicked %2</source>
            <translation>%1 kicked %2</translation>
        </message>
        <message>
            <source>%1 set the membership of %2 to %3</source>
            <translation>%1 set the membership of %2 to %3</translation>
        </message>
        <message>
            <source>%1 (reason: %2)</source>
            <translation>%1 (reason: %2)</translation>
        </message>
        <message>
            <source>%1 removed their display name</source>
            <translation>%1 removed their display name</translation>
        </message>
        <message>
            <source>%1 changed their display name to %2</source>
            <translation>%1 changed their display name to %2</translation>
        </message>
        <message>
            <source>%1 changed their avatar</source>
            <translation>%1 changed their avatar</translation>
        </message>
        <message>
            <source>%1 updated their membership</source>
            <translation>%1 updated their membership</translation>
        </message>
        <message>
            <source>In reply to an earlier message</source>
            <translation>In reply to an earlier message</translation>
        </message>
        <message>
            <source>(edited)</source>
            <translation>(edited)</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Timeline</translation>
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
            <translation>Reply</translation>
        </message>
        <message>
            <source>Edit</source>
            <translation>Edit</translation>
        </message>
    </context>
    <context>
        <name>trellis::ui::RoomsPanel</name>
        <message>
            <source>Join</source>
            <translation>Join</translation>
        </message>
        <message>
            <source>New Room…</source>
            <translation>New Room…</translation>
        </message>
        <message>
            <source>Room ID or #alias:server</source>
            <translation>Room ID or #alias:server</translation>
        </message>
        <message>
            <source>Room to join</source>
            <translation>Room to join</translation>
        </message>
        <message>
            <source>Rooms</source>
            <translation>Rooms</translation>
        </message>
        <message>
            <source>1 member</source>
            <translation>1 member</translation>
        </message>
        <message>
            <source>%1 members</source>
            <translation>%1 members</translation>
        </message>
        <message>
            <source>invited · version %1</source>
            <translation>invited · version %1</translation>
        </message>
        <message>
            <source>version %1 · %2</source>
            <translation>version %1 · %2</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>Accept</translation>
        </message>
        <message>
            <source>Leave</source>
            <translation>Leave</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Reject</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Settings…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Joining %1…</source>
            <translation>Joining %1…</translation>
        </message>
        <message>
            <source> · remote</source>
            <translation> · remote</translation>
        </message>
        <message>
            <source> · %1 unread</source>
            <translation> · %1 unread</translation>
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
        <message>
            <source>Device</source>
            <translation>Device</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Last seen</source>
            <translation>Last seen</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Logins (devices):</source>
            <translation>Logins (devices):</translation>
        </message>
        <message>
            <source>not since login</source>
            <translation>not since login</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Requests</translation>
        </message>
        <message>
            <source>Log</source>
            <translation>Log</translation>
        </message>
        <message>
            <source>Connections:</source>
            <translation>Connections:</translation>
        </message>
        <message>
            <source>1 open</source>
            <translation>1 open</translation>
        </message>
        <message>
            <source>%1 open</source>
            <translation>%1 open</translation>
        </message>
        <message>
            <source>Certificate:</source>
            <translation>Certificate:</translation>
        </message>
        <message>
            <source>%1, issued by %2, valid until %3</source>
            <translation>%1, issued by %2, valid until %3</translation>
        </message>
        <message>
            <source>itself (self-signed: clients and other servers do not trust it)</source>
            <translation>itself (self-signed: clients and other servers do not trust it)</translation>
        </message>
        <message>
            <source>(expired: clients refuse it)</source>
            <translation>(expired: clients refuse it)</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint: %1</source>
            <translation>SHA-256 fingerprint: %1</translation>
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
        <message>
            <source>“%1” is neither a depth nor a time</source>
            <translation>“%1” is neither a depth nor a time</translation>
        </message>
        <message>
            <source>No event sent at %1 or later</source>
            <translation>No event sent at %1 or later</translation>
        </message>
        <message>
            <source>Visible part as SVG (*.svg)</source>
            <translation>Visible part as SVG (*.svg)</translation>
        </message>
        <message>
            <source>Draw the selected event's auth events and ring its whole auth chain</source>
            <translation>Draw the selected event's auth events and ring its whole auth chain</translation>
        </message>
        <message>
            <source>Find an event (Ctrl+F): an event ID prefix, a sender or a type</source>
            <translation>Find an event (Ctrl+F): an event ID prefix, a sender or a type</translation>
        </message>
        <message>
            <source>Find…</source>
            <translation>Find…</translation>
        </message>
        <message>
            <source>Depth or time…</source>
            <translation>Depth or time…</translation>
        </message>
        <message>
            <source>Go to (Ctrl+G) a depth (42), a time (14:30, on the selected event's day), a day (2026-12-06) or both (2026-12-06 14:30); times are the senders' clocks, in local time</source>
            <translation>Go to (Ctrl+G) a depth (42), a time (14:30, on the selected event's day), a day (2026-12-06) or both (2026-12-06 14:30); times are the senders' clocks, in local time</translation>
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
        <message>
            <source>Explain state resolution</source>
            <translation>Explain state resolution</translation>
        </message>
        <message>
            <source>Step through the state resolution that gives the state before this event</source>
            <translation>Step through the state resolution that gives the state before this event</translation>
        </message>
        <message>
            <source>The state before this event is not a resolution of several states</source>
            <translation>The state before this event is not a resolution of several states</translation>
        </message>
        <message>
            <source>Resolve these states</source>
            <translation>Resolve these states</translation>
        </message>
        <message>
            <source>After %1</source>
            <translation>After %1</translation>
        </message>
        <message>
            <source>Step through the resolution of the states after the %1 picked events</source>
            <translation>Step through the resolution of the states after the %1 picked events</translation>
        </message>
        <message>
            <source>%1 compared with %2 other events</source>
            <translation>%1 compared with %2 other events</translation>
        </message>
        <message>
            <source>Content hash: missing (receiving servers would redact the event)</source>
            <translation>Content hash: missing (receiving servers would redact the event)</translation>
        </message>
        <message>
            <source>Content hash: %1 (matches the content)</source>
            <translation>Content hash: %1 (matches the content)</translation>
        </message>
        <message>
            <source>Content hash: %1 does not match the content (%2): receiving servers would redact the event</source>
            <translation>Content hash: %1 does not match the content (%2): receiving servers would redact the event</translation>
        </message>
        <message>
            <source>Sent %1 (the sender's clock)</source>
            <translation>Sent %1 (the sender's clock)</translation>
        </message>
        <message>
            <source>Signed by: %1 (not verified: no server keys)</source>
            <translation>Signed by: %1 (not verified: no server keys)</translation>
        </message>
        <message>
            <source>valid</source>
            <translation>valid</translation>
        </message>
        <message>
            <source>missing</source>
            <translation>missing</translation>
        </message>
        <message>
            <source>not verified (no key known)</source>
            <translation>not verified (no key known)</translation>
        </message>
        <message>
            <source>invalid: %1</source>
            <translation>invalid: %1</translation>
        </message>
        <message>
            <source>%1 (%2) %3</source>
            <translation>%1 (%2) %3</translation>
        </message>
        <message>
            <source>Signatures: %1</source>
            <translation>Signatures: %1</translation>
        </message>
        <message>
            <source>%1 is not in the dump: there is no state after it to compare</source>
            <translation>%1 is not in the dump: there is no state after it to compare</translation>
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
    <context>
        <name>trellis::ui::resolution::StateResView</name>
        <message>
            <source>Select a merge event and choose “Explain state resolution”.</source>
            <translation>Select a merge event and choose “Explain state resolution”.</translation>
        </message>
        <message>
            <source>State resolution</source>
            <translation>State resolution</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>◀ Back</source>
            <translation>◀ Back</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Next ▶</translation>
        </message>
        <message>
            <source>Why the state before %1 is what it is</source>
            <translation>Why the state before %1 is what it is</translation>
        </message>
        <message>
            <source>Resolving the states after its prev events again…</source>
            <translation>Resolving the states after its prev events again…</translation>
        </message>
        <message>
            <source>The state before this event could not be resolved again: %1</source>
            <translation>The state before this event could not be resolved again: %1</translation>
        </message>
        <message>
            <source>The states after this event's prev events are the same (or it has one prev event): the state before it needs no resolution.</source>
            <translation>The states after this event's prev events are the same (or it has one prev event): the state before it needs no resolution.</translation>
        </message>
        <message>
            <source>Algorithm %1 (room version %2): %3 states, %4 conflicted events, %5 of %6 auth checks rejected.</source>
            <translation>Algorithm %1 (room version %2): %3 states, %4 conflicted events, %5 of %6 auth checks rejected.</translation>
        </message>
        <message>
            <source>Spec: %1</source>
            <translation>Spec: %1</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>Step %1 of %2</translation>
        </message>
        <message>
            <source>Resolving the states after the picked events…</source>
            <translation>Resolving the states after the picked events…</translation>
        </message>
        <message>
            <source>How the states after %1 resolve</source>
            <translation>How the states after %1 resolve</translation>
        </message>
        <message>
            <source>The states after the picked events could not be resolved: %1</source>
            <translation>The states after the picked events could not be resolved: %1</translation>
        </message>
        <message>
            <source>The states after the picked events are the same: there is nothing to resolve.</source>
            <translation>The states after the picked events are the same: there is nothing to resolve.</translation>
        </message>
    </context>
</TS>
