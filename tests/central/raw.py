"""HTTP over a bare socket, for what ordinary clients will not send: bodies far larger than
they say, bodies cut off half-way, chunked streams that never end. And the server's memory
as the kernel counts it (/proc), to see what a request cost."""

from __future__ import annotations

import json
import select
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

CHUNK = 1 << 20


@dataclass
class Answer:
    status: int
    doc: dict
    sent: int          # body bytes the server let us send before it answered


def memory_kb(pid: int) -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak since start) of a process, in kB."""
    fields = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0])
    return fields


def connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def head(method: str, path: str, headers: dict[str, str | bytes]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1".encode(), b"Host: 127.0.0.1"]
    for name, value in headers.items():
        lines.append(name.encode() + b": " + (value if isinstance(value, bytes)
                                               else value.encode("latin-1")))
    return b"\r\n".join(lines) + b"\r\n\r\n"


def _answered(sock: socket.socket, wait_s: float) -> bool:
    return bool(select.select([sock], [], [], wait_s)[0])


def stream(url: str, path: str, headers: dict[str, str | bytes], total: int, *,
           chunked: bool = False, first_wait_s: float = 2.0) -> Answer | None:
    """Send headers, then up to `total` body bytes in 1 MiB pieces, stopping as soon as the
    server answers; None when it never answers (it is reading everything we send)."""
    sock = connect(url)
    try:
        sock.sendall(head("POST", path, headers))
        sent = 0
        if _answered(sock, first_wait_s):        # refused on its headers alone
            return _read(sock, sent)
        piece = b"7" * CHUNK
        while sent < total:
            if _answered(sock, 0):
                return _read(sock, sent)
            data = piece[:min(CHUNK, total - sent)]
            try:
                sock.sendall(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
            except (BrokenPipeError, ConnectionResetError):
                return _read(sock, sent)
            sent += len(data)
        if chunked:
            sock.sendall(b"0\r\n\r\n")
        return _read(sock, sent) if _answered(sock, 10) else None
    finally:
        sock.close()


def _read(sock: socket.socket, sent: int) -> Answer:
    data = b""
    try:
        while b"\r\n\r\n" not in data or len(data.partition(b"\r\n\r\n")[2]) < _length(data):
            more = sock.recv(65536)
            if not more:
                break
            data += more
    except ConnectionResetError:
        pass
    top, _, body = data.partition(b"\r\n\r\n")
    status = int(top.split(b" ", 2)[1])
    return Answer(status, json.loads(body[:_length(data)] or b"{}"), sent)


def _length(data: bytes) -> int:
    for line in data.partition(b"\r\n\r\n")[0].split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
    return 0


def send_and_vanish(url: str, path: str, headers: dict[str, str | bytes], part: bytes) -> None:
    """Start a request, send part of its body and close the connection."""
    sock = connect(url)
    sock.sendall(head("POST", path, headers) + part)
    sock.close()
