"""A real SMTP server for the tests (aiosmtpd on 127.0.0.1), keeping every message it accepts.

`reject` holds addresses the server refuses at RCPT; `hold_at` makes the server stop and
wait inside the n-th message's RCPT or DATA (for killing the client there), `held` is set
when it does.
"""

from __future__ import annotations

import asyncio
import email
import socket
import threading
import time
from dataclasses import dataclass, field
from email import policy
from typing import Optional

from aiosmtpd.controller import Controller


@dataclass
class Arrived:
    sender: str
    recipients: list[str]
    content: bytes

    @property
    def message(self):
        return email.message_from_bytes(self.content, policy=policy.default)


@dataclass
class Sink:
    messages: list[Arrived] = field(default_factory=list)
    reject: set[str] = field(default_factory=set)
    hold_at: Optional[tuple[str, int]] = None  # ("RCPT" | "DATA", n-th message, from 1)
    held: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)
    _rcpt_count: int = 0

    async def _hold(self) -> None:
        self.held.set()
        while not self.released.is_set():
            await asyncio.sleep(0.05)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 5.1.1 Mailbox unavailable"
        if not envelope.rcpt_tos:
            self._rcpt_count += 1
            if self.hold_at == ("RCPT", self._rcpt_count):
                await self._hold()
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(Arrived(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        if self.hold_at == ("DATA", len(self.messages)):
            await self._hold()
        return "250 Message accepted for delivery"

    def by_message_id(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for arrived in self.messages:
            mid = arrived.message["Message-ID"]
            counts[mid] = counts.get(mid, 0) + 1
        return counts


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, sink: Sink):
        self.sink = sink
        self.port = _free_port()
        self.controller = Controller(sink, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> "Server":
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.sink.released.set()
        time.sleep(0.1)
        self.controller.stop()
