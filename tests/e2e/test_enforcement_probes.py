"""The programs the enforcement suite runs inside the PC, as the child or the parent.

Each is a short Python script passed with `python -c`: a child's own client, a server of
another account's, a DNS question. No test functions live here.
"""

RAW_CLIENT = """
import socket, ssl, sys
host, port, sni, data = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4].encode()
s = socket.create_connection((host, port), timeout=1.5)
try:
    if sni:  # a tunnel client: any certificate, an allowed name in the ClientHello
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        s = context.wrap_socket(s, server_hostname=sni)
    if data:
        s.sendall(data.decode("unicode_escape").encode("latin1"))
    got = b""
    while chunk := s.recv(4096):
        got += chunk
except OSError as e:
    got = locals().get("got", b"") + f" [{type(e).__name__}]".encode()
print(repr(got[:200]))
"""

SEND = """
import socket, sys
address, port, kind = sys.argv[1], int(sys.argv[2]), sys.argv[3]
family = socket.AF_INET6 if ":" in address else socket.AF_INET
types = {"tcp": (socket.SOCK_STREAM, 0), "udp": (socket.SOCK_DGRAM, 0),
         "ping": (socket.SOCK_DGRAM, socket.IPPROTO_ICMP if family == socket.AF_INET
                  else socket.IPPROTO_ICMPV6),
         "raw": (socket.SOCK_RAW, socket.IPPROTO_ICMP)}
echo = bytes.fromhex("0800f7ff00000000" if family == socket.AF_INET else "8000000000000000")
try:
    s = socket.socket(family, *types[kind]); s.settimeout(2)
    s.connect((address, port))
    if kind != "tcp":
        s.send(echo if kind in ("ping", "raw") else b"x" * 100)
    if kind == "ping":
        s.recv(100)
    print("sent")
except OSError as e:
    print("refused", e)
"""

DNS_QUERY = """
import socket, sys
name, kind = sys.argv[2], int(sys.argv[3])
q = bytes.fromhex("abcd01000001000000000000")
q += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\\x00"
q += kind.to_bytes(2, "big") + b"\\x00\\x01"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(5)
s.sendto(q, (sys.argv[1], 53)); answer = s.recv(4096)
print(answer[3] & 15, int.from_bytes(answer[6:8], "big"))
"""

DNS_BURST = """
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(3)
codes = []
for number in range(int(sys.argv[2]), int(sys.argv[2]) + int(sys.argv[3])):
    q = number.to_bytes(2, "big") + bytes.fromhex("01000001000000000000")  # an id each
    q += bytes([10]) + f"{number:05d}chunk".encode()  # data would be in this label
    q += b"\\x06tunnel\\x04test\\x00\\x00\\x01\\x00\\x01"
    s.sendto(q, (sys.argv[1], 53)); codes.append(str(s.recv(512)[3] & 15))
print(" ".join(codes))
"""

LOOPBACK_SERVER = """
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); s.settimeout(1)
print("listening", flush=True)
end = time.monotonic() + 60
while time.monotonic() < end:
    try:
        c, _ = s.accept()
    except OSError:
        continue
    c.sendall(b"socks here\\n"); c.close()
"""

LOOPBACK_CLIENT = """
import socket, sys
own = socket.socket(); own.bind(("127.0.0.1", 0)); own.listen()
for name, port in (("own", own.getsockname()[1]), ("other", int(sys.argv[1]))):
    s = socket.socket(); s.settimeout(2)
    try:
        s.connect(("127.0.0.1", port)); print(name, "connected")
    except OSError:
        print(name, "no answer")
"""

LOOPBACK_SERVICES = """
import socket, threading, time
def tcp(family, address, port):
    s = socket.socket(family); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((address, port)); s.listen()
    while True:
        c, _ = s.accept(); c.sendall(b"service here"); c.close()
def udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 9053))
    while True:
        data, peer = s.recvfrom(100); s.sendto(b"service here", peer)
for target, args in (
    (tcp, (socket.AF_INET6, "::1", 9051)), (tcp, (socket.AF_INET, "127.0.0.1", 9052)), (udp, ())
):
    threading.Thread(target=target, args=args, daemon=True).start()
print("listening", flush=True)
time.sleep(60)
"""

LOOPBACK_PROBE = """
import socket
for name, family, kind, address, port in (
    ("tcp6", socket.AF_INET6, socket.SOCK_STREAM, "::1", 9051),
    ("any", socket.AF_INET, socket.SOCK_STREAM, "0.0.0.0", 9052),
    ("udp", socket.AF_INET, socket.SOCK_DGRAM, "127.0.0.1", 9053),
):
    s = socket.socket(family, kind); s.settimeout(1)
    try:
        s.connect((address, port)); s.send(b"x"); print(name, s.recv(100).decode())
    except OSError:
        print(name, "no answer")
"""

GUESS_PIN = """
import sys
from pathlib import Path
from app.ipc.client import IpcClient
from rules.ipc import IpcError
answers = []
with IpcClient(Path("/run/qorgan/qorgan.sock")) as client:
    for pin in [*(f"{n:04d}" for n in range(1000, 1006)), sys.argv[1]]:
        try:
            client.login(pin)
            answers.append("opened")
        except IpcError as error:
            answers.append(str(error.code))
print(" ".join(answers))
"""
