// A real Matrix client (matrix-js-sdk, as Element uses it) against a running Trellis server.
//
// Usage: node jssdk_client.mjs HOMESERVER_URL USER PASSWORD
// Logs in, syncs, creates rooms, sends messages (their local echoes must be replaced by the
// server's, through unsigned.transaction_id), changes state, redacts, sends receipts, typing
// and account data, leaves a room, paginates history from a second device and logs out.
// Exits non-zero with a message on the first thing that is not as the SDK expects it.
import * as sdk from "matrix-js-sdk";
import { logger } from "matrix-js-sdk/lib/logger.js";

logger.setLevel("error");

const [url, user, password] = process.argv.slice(2);
const kTimeoutMs = 20000;

function fail(message) {
    console.error("FAIL: " + message);
    process.exit(1);
}

function check(condition, message) {
    if (!condition)
        fail(message);
}

/// Resolves once `predicate()` holds, re-checking on every event the client emits.
function until(client, what, predicate) {
    return new Promise((resolve, reject) => {
        if (predicate())
            return resolve();
        const timer = setTimeout(() => {
            client.off("event", recheck);
            client.off(sdk.ClientEvent.Sync, recheck);
            client.off(sdk.RoomEvent.Timeline, recheck);
            client.off(sdk.RoomEvent.LocalEchoUpdated, recheck);
            reject(new Error("timed out waiting for " + what));
        }, kTimeoutMs);
        function recheck() {
            if (!predicate())
                return;
            clearTimeout(timer);
            client.off("event", recheck);
            client.off(sdk.ClientEvent.Sync, recheck);
            client.off(sdk.RoomEvent.Timeline, recheck);
            client.off(sdk.RoomEvent.LocalEchoUpdated, recheck);
            resolve();
        }
        client.on("event", recheck);
        client.on(sdk.ClientEvent.Sync, recheck);
        client.on(sdk.RoomEvent.Timeline, recheck);
        client.on(sdk.RoomEvent.LocalEchoUpdated, recheck);
    });
}

async function loggedInClient(deviceName, initialSyncLimit) {
    const anonymous = sdk.createClient({ baseUrl: url });
    const flows = await anonymous.loginFlows();
    check(flows.flows.some((flow) => flow.type === "m.login.password"), "no m.login.password flow");
    const login = await anonymous.login("m.login.password", {
        identifier: { type: "m.id.user", user },
        password,
        initial_device_display_name: deviceName,
    });
    check(login.user_id.startsWith("@" + user + ":"), "login user_id " + login.user_id);
    const client = sdk.createClient({
        baseUrl: url,
        accessToken: login.access_token,
        userId: login.user_id,
        deviceId: login.device_id,
    });
    await client.startClient({ initialSyncLimit, lazyLoadMembers: true });
    await until(client, "the first sync", () => client.getSyncState() === sdk.SyncState.Syncing);
    return client;
}

/// The bodies of the room's live timeline, as the SDK shows them.
function timelineBodies(room) {
    return room.getLiveTimeline().getEvents()
        .filter((event) => event.getType() === "m.room.message")
        .map((event) => event.getContent().body);
}

async function main() {
    const client = await loggedInClient("js-sdk test", 10);
    const me = client.getUserId();
    const versions = await client.getVersions();
    check(versions.versions.includes("v1.1"), "versions: " + JSON.stringify(versions.versions));

    const { room_id: roomId } = await client.createRoom({
        name: "js-sdk room", topic: "first topic", preset: sdk.Preset.PrivateChat,
    });
    await until(client, "the new room", () => client.getRoom(roomId)?.getMyMembership() === "join");
    const room = client.getRoom(roomId);
    check(room.name === "js-sdk room", "room name " + room.name);

    // Messages: every local echo must become the server's event exactly once.
    const bodies = [];
    const eventIds = [];
    for (let i = 0; i < 12; ++i) {
        bodies.push("js message " + i);
        const sent = await client.sendTextMessage(roomId, "js message " + i);
        check(sent.event_id?.startsWith("$"), "send: " + JSON.stringify(sent));
        eventIds.push(sent.event_id);
    }
    await until(client, "the remote echoes", () =>
        eventIds.every((id) => room.findEventById(id) && !room.findEventById(id).status));
    const shown = timelineBodies(room);
    for (const body of bodies)
        check(shown.filter((b) => b === body).length === 1, `"${body}" shown ${shown.filter((b) => b === body).length} times`);

    // State.
    await client.setRoomTopic(roomId, "second topic");
    await until(client, "the new topic", () =>
        room.currentState.getStateEvents("m.room.topic", "")?.getContent().topic === "second topic");
    await client.setRoomName(roomId, "renamed by js-sdk");
    await until(client, "the new name", () => room.name === "renamed by js-sdk");
    // Room version 12 by default: the creator's power comes from the create event, and the
    // power levels must not name them (rooms/v12).
    check(room.getVersion() === "12", "room version " + room.getVersion());
    const power = room.currentState.getStateEvents("m.room.power_levels", "");
    check(power && !(me in (power.getContent().users ?? {})), "power levels name the creator");

    // A redaction.
    await client.redactEvent(roomId, eventIds[0], undefined, { reason: "testing" });
    await until(client, "the redaction", () => room.findEventById(eventIds[0])?.isRedacted());
    check(!room.findEventById(eventIds[0]).getContent().body, "the redacted event kept its body");

    // Receipts, typing, account data (global and per room), tags.
    const last = room.findEventById(eventIds[eventIds.length - 1]);
    // The server's echo of the receipt, as the SDK hands it over (getEventReadUpTo() would not
    // do: the SDK counts one's own later events, the redaction, as read already).
    const receiptEcho = new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("timed out waiting for the read receipt")), kTimeoutMs);
        room.on(sdk.RoomEvent.Receipt, (event) => {
            const read = event.getContent()[last.getId()]?.["m.read"]?.[me];
            if (read) {
                clearTimeout(timer);
                resolve(read);
            }
        });
    });
    await client.sendReadReceipt(last);
    const echoed = await receiptEcho;
    check(echoed.ts > 0, "receipt without ts: " + JSON.stringify(echoed));
    await client.sendTyping(roomId, true, 5000);
    await client.setAccountData("org.trellis.test", { answer: 42 });
    await until(client, "the account data", () => client.getAccountData("org.trellis.test")?.getContent().answer === 42);
    await client.setRoomAccountData(roomId, "org.trellis.room", { colour: "green" });
    await until(client, "the room account data", () => room.getAccountData("org.trellis.room")?.getContent().colour === "green");
    await client.setRoomTag(roomId, "m.favourite", { order: 0.5 });
    await until(client, "the tag", () => room.tags["m.favourite"]?.order === 0.5);

    // A second room, left again.
    const { room_id: otherId } = await client.createRoom({ name: "left behind" });
    await until(client, "the second room", () => client.getRoom(otherId)?.getMyMembership() === "join");
    await client.leave(otherId);
    await until(client, "leaving", () => client.getRoom(otherId)?.getMyMembership() === "leave");
    const joined = await client.getJoinedRooms();
    check(joined.joined_rooms.includes(roomId) && !joined.joined_rooms.includes(otherId), "joined_rooms " + JSON.stringify(joined));

    // A second device sees everything, paginating back from a short initial timeline.
    const second = await loggedInClient("js-sdk second device", 2);
    const seen = second.getRoom(roomId);
    check(seen, "the second device does not see the room");
    check(seen.name === "renamed by js-sdk", "second device: room name " + seen.name);
    for (let page = 0; page < 10 && !timelineBodies(seen).includes("js message 1"); ++page)
        await second.scrollback(seen, 10);
    const history = timelineBodies(seen);
    for (const body of bodies.slice(1))
        check(history.filter((b) => b === body).length === 1, `second device: "${body}" in history ${history.filter((b) => b === body).length} times`);
    const devices = await second.getDevices();
    check(devices.devices.length >= 2, "devices: " + JSON.stringify(devices));

    // A message from the second device reaches the first through its sync.
    const fromSecond = await second.sendTextMessage(roomId, "from the second device");
    await until(client, "the second device's message", () => room.findEventById(fromSecond.event_id));

    second.stopClient();
    await second.logout(true);
    client.stopClient();
    await client.logout(true);
}

main().then(() => process.exit(0), (error) => fail(error?.stack ?? String(error)));
