#!/usr/bin/env python3
"""The service manager's side of sd_notify for the package test: binds an AF_UNIX datagram socket
at SOCKET (writable by everyone, so a service user can reach it) and waits until a message holding
the line EXPECTED arrives; prints every message. Exit 0 when it came, 1 at the time limit.
Usage: notify_wait.py SOCKET EXPECTED SECONDS"""
import os
import socket
import sys
import time

path, expected, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(path)
os.chmod(path, 0o777)
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    sock.settimeout(max(0.01, deadline - time.monotonic()))
    try:
        message = sock.recv(4096).decode("utf-8", "replace")
    except socket.timeout:
        break
    print("notify: " + message.replace("\n", " | "), flush=True)
    if expected in message.split("\n"):
        sys.exit(0)
sys.exit(1)
