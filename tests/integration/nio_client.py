#!/usr/bin/python3
"""A real Matrix client (matrix-nio) against a running Trellis server.

Usage: nio_client.py HOMESERVER_URL USER PASSWORD
Logs in, creates a room, sends messages, sets a topic, syncs incrementally and reads the
history back; exits non-zero with a message on the first thing that is not as a client
expects it.
"""
import asyncio
import sys

from nio import (AsyncClient, LoginResponse, RoomCreateResponse, RoomMessagesResponse,
                 RoomSendResponse, SyncResponse, RoomPutStateResponse, RoomMessageText,
                 MessageDirection)


def check(condition, message):
    if not condition:
        print("FAIL: " + message, file=sys.stderr)
        sys.exit(1)


async def main(url, user, password):
    client = AsyncClient(url, user)
    try:
        login = await client.login(password, device_name="nio test")
        check(isinstance(login, LoginResponse), f"login: {login}")
        check(login.user_id.startswith("@" + user + ":"), f"login user_id {login.user_id}")

        first = await client.sync(timeout=0, full_state=True)
        check(isinstance(first, SyncResponse), f"initial sync: {first}")

        created = await client.room_create(name="nio room", topic="first topic")
        check(isinstance(created, RoomCreateResponse), f"createRoom: {created}")
        room_id = created.room_id

        bodies = [f"message {i}" for i in range(25)]
        for body in bodies:
            sent = await client.room_send(room_id, "m.room.message",
                                          {"msgtype": "m.text", "body": body})
            check(isinstance(sent, RoomSendResponse), f"send: {sent}")

        topic = await client.room_put_state(room_id, "m.room.topic", {"topic": "second topic"})
        check(isinstance(topic, RoomPutStateResponse), f"set topic: {topic}")

        incremental = await client.sync(timeout=1000, since=first.next_batch)
        check(isinstance(incremental, SyncResponse), f"incremental sync: {incremental}")
        check(room_id in incremental.rooms.join, "the new room is not in the incremental sync")
        joined = incremental.rooms.join[room_id]
        check(joined.timeline.limited, "a 25-message timeline should be limited")
        room = client.rooms[room_id]
        check(room.topic == "second topic", f"topic seen by the client: {room.topic!r}")
        check(room.name == "nio room", f"room name seen by the client: {room.name!r}")

        # Read the whole history back, newest first, through /messages.
        seen = []
        token = joined.timeline.prev_batch
        for event in reversed(joined.timeline.events):
            if isinstance(event, RoomMessageText):
                seen.append(event.body)
        for _ in range(20):
            page = await client.room_messages(room_id, token, direction=MessageDirection.back,
                                              limit=10)
            check(isinstance(page, RoomMessagesResponse), f"messages: {page}")
            for event in page.chunk:
                if isinstance(event, RoomMessageText):
                    seen.append(event.body)
            if not page.chunk or page.end is None or page.end == token:
                break
            token = page.end
        check(list(reversed(seen)) == bodies, f"history read back: {list(reversed(seen))}")

        # Nothing new: a waiting sync returns after its timeout with nothing for the room.
        quiet = await client.sync(timeout=200, since=incremental.next_batch)
        check(isinstance(quiet, SyncResponse), f"quiet sync: {quiet}")
        check(room_id not in quiet.rooms.join or not quiet.rooms.join[room_id].timeline.events,
              "a quiet sync returned timeline events")
        print("ok: room", room_id, "history", len(seen), "messages")
    finally:
        await client.close()


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    asyncio.run(main(*sys.argv[1:]))
