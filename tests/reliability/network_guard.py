"""Installed as ``sitecustomize`` for a test kernel: refuse and record any non-loopback connection.

Loopback (127.0.0.0/8, ::1, localhost) and unix sockets stay open, so the kernel
still talks to its client. Every refused attempt is appended to the file named
by GOINGFIRST_NET_LOG; every process that loaded the guard is listed in that
file name plus ".loaded".
"""

import errno
import ipaddress
import os
import socket
import traceback

_LOG = os.environ.get("GOINGFIRST_NET_LOG", "")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex
_create_connection = socket.create_connection
_getaddrinfo = socket.getaddrinfo


def _is_loopback(host) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").split("%")[0].lower()
    if host in ("", "localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _allowed(sock, address) -> bool:
    if sock.family == getattr(socket, "AF_UNIX", object()) or isinstance(address, (str, bytes)):
        return True
    return _is_loopback(address[0])


def _record(kind: str, target) -> None:
    if _LOG:
        where = " | ".join(line.strip() for line in traceback.format_stack(limit=6)[:-2])
        with open(_LOG, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {kind} {target!r} from {where}\n")


def connect(self, address):
    if not _allowed(self, address):
        _record("connect", address)
        raise ConnectionRefusedError(errno.ECONNREFUSED, "outbound network blocked by the test")
    return _connect(self, address)


def connect_ex(self, address):
    if not _allowed(self, address):
        _record("connect_ex", address)
        return errno.ECONNREFUSED
    return _connect_ex(self, address)


def create_connection(address, *args, **kwargs):
    if not _is_loopback(address[0]):
        _record("create_connection", address)
        raise ConnectionRefusedError(errno.ECONNREFUSED, "outbound network blocked by the test")
    return _create_connection(address, *args, **kwargs)


def getaddrinfo(host, *args, **kwargs):
    if not _is_loopback(host):
        _record("getaddrinfo", host)
        raise socket.gaierror(socket.EAI_NONAME, "name lookup blocked by the test")
    return _getaddrinfo(host, *args, **kwargs)


socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.create_connection = create_connection
socket.getaddrinfo = getaddrinfo

if _LOG:
    with open(_LOG + ".loaded", "a", encoding="utf-8") as _handle:
        _handle.write(f"{os.getpid()}\n")
