# Shared plumbing for the loopback test servers (relay.py, francetransfert.py).
#
# Standard library only, /usr/bin/python3 (Debian 12's 3.11). See README.md next to this file for
# the command lines, the control API and the faults; tests/servers/test_servers.py checks them.
#
# What lives here: the port-file handshake, SIGTERM handling, optional TLS, the fault queue and
# the /_control endpoints, a request-body reader that understands Content-Length and
# Transfer-Encoding: chunked, and a streaming multipart/form-data parser. Bodies can be ~25 MB:
# they are read in 1 MiB blocks and streamed into hashes / temp files, never held whole.

import argparse
import email.message
import hashlib
import json
import os
import signal
import socket
import ssl
import struct
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BLOCK = 1 << 20                # read size for bodies
MAX_DRAIN = 64 << 20           # how much unread body we swallow before answering an error
MAX_HEADER_BYTES = 16 << 10    # per multipart part header block

# Set by SIGTERM/SIGINT: every sleep in the servers waits on it so that shutdown is prompt.
STOP = threading.Event()


class BadRequest(Exception):
    """The request is malformed (answered 400 by the caller)."""


class DropConnection(Exception):
    """Abort the connection now, without any response."""


class ClientGone(Exception):
    """The client closed the connection while we were reading its body."""


def sleep(seconds):
    STOP.wait(max(0.0, float(seconds)))


# --------------------------------------------------------------------------------------------
# Request bodies

class BodyReader:
    """Reads a request body as plain bytes, undoing chunked transfer coding.

    read(n) returns up to n bytes, b"" at the end. rate (bytes/s) throttles reading for the
    slow_body_bytes_per_s fault.
    """

    def __init__(self, rfile, headers):
        self.rfile = rfile
        self.consumed = 0
        self.rate = None
        self.chunked = "chunked" in headers.get("Transfer-Encoding", "").lower()
        self._started = False
        self.remaining = 0
        self.eof = False
        if self.chunked:
            return
        length = headers.get("Content-Length")
        if length is None:
            self.eof = True
            return
        try:
            self.remaining = int(length.strip())
        except ValueError:
            self.eof = True
            raise BadRequest("Content-Length is not a number")
        if self.remaining < 0:
            self.eof = True
            raise BadRequest("negative Content-Length")
        if self.remaining == 0:
            self.eof = True

    def _readline(self):
        line = self.rfile.readline(65537)
        if not line:
            raise ClientGone("connection closed inside a chunked body")
        return line

    def _next_chunk(self):
        if self._started:
            if self._readline() not in (b"\r\n", b"\n"):
                raise BadRequest("chunk data not followed by CRLF")
        self._started = True
        line = self._readline()
        try:
            size = int(line.split(b";", 1)[0].strip(), 16)
        except ValueError:
            raise BadRequest("bad chunk size line")
        if size < 0:
            raise BadRequest("bad chunk size line")
        if size == 0:
            while self._readline() not in (b"\r\n", b"\n"):
                pass                                    # trailer fields, ignored
            self.eof = True
        else:
            self.remaining = size

    def read(self, n=BLOCK):
        if self.eof:
            return b""
        if self.chunked and self.remaining == 0:
            self._next_chunk()
            if self.eof:
                return b""
        want = min(n, self.remaining)
        if self.rate:
            want = min(want, max(1, int(self.rate / 10)))
        data = self.rfile.read(want)
        if not data:
            raise ClientGone("connection closed inside the body")
        self.remaining -= len(data)
        self.consumed += len(data)
        if not self.chunked and self.remaining == 0:
            self.eof = True
        if self.rate:
            sleep(len(data) / self.rate)
        return data

    def drain(self, limit=MAX_DRAIN):
        """Reads and discards the rest of the body, up to limit bytes. True if all was read."""
        start = self.consumed
        try:
            while not self.eof and self.consumed - start < limit:
                self.read(BLOCK)
        except (BadRequest, ClientGone, OSError):
            return False
        return self.eof


# --------------------------------------------------------------------------------------------
# multipart/form-data

def parse_header_params(name, value):
    """Parses a MIME header (Content-Type or Content-Disposition) with the email package."""
    msg = email.message.Message()
    msg[name] = value
    return msg


class Part:
    def __init__(self, headers):
        self.headers = headers                              # dict, lower-case names
        disp = parse_header_params("Content-Disposition", headers.get("content-disposition", ""))
        self.disposition = disp.get_content_disposition()
        self.name = disp.get_param("name", header="content-disposition")
        self.filename = disp.get_filename()
        if "content-type" in headers:
            self.content_type = headers["content-type"]
            self.mime_type = parse_header_params("Content-Type", self.content_type).get_content_type()
        else:
            self.content_type = None
            self.mime_type = "text/plain"
        self.sink = None


class HashSink:
    """Counts and hashes a part's bytes; keeps them in memory up to keep_bytes and/or writes them
    to a file. Raises BadRequest past max_bytes (None = no limit)."""

    def __init__(self, path=None, keep_bytes=0, max_bytes=None, too_big=None):
        self.sha = hashlib.sha256()
        self.size = 0
        self.path = path
        self.file = open(path, "wb") if path else None
        self.keep_bytes = keep_bytes
        self.kept = bytearray()
        self.max_bytes = max_bytes
        self.too_big = too_big or BadRequest

    def write(self, data):
        self.size += len(data)
        if self.max_bytes is not None and self.size > self.max_bytes:
            self.close()
            raise self.too_big("part larger than %d bytes" % self.max_bytes)
        self.sha.update(data)
        if self.file:
            self.file.write(data)
        if len(self.kept) < self.keep_bytes:
            self.kept += data[: self.keep_bytes - len(self.kept)]

    def close(self):
        if self.file:
            self.file.close()
            self.file = None

    @property
    def sha256(self):
        return self.sha.hexdigest()

    def bytes(self):
        return bytes(self.kept)


def multipart_boundary(content_type):
    """Returns the boundary of a multipart/form-data Content-Type, or raises BadRequest."""
    if not content_type:
        raise BadRequest("missing Content-Type (multipart/form-data expected)")
    msg = parse_header_params("Content-Type", content_type)
    if msg.get_content_type() != "multipart/form-data":
        raise BadRequest("Content-Type is %s, multipart/form-data expected" % msg.get_content_type())
    boundary = msg.get_param("boundary")
    if not boundary or len(boundary) > 200:
        raise BadRequest("multipart/form-data without a usable boundary")
    return boundary.encode("latin-1")


def parse_multipart(body, boundary, make_sink):
    """Streams a multipart body: returns the list of Part, each with .sink = make_sink(part).

    The part bytes go straight to the sink in blocks; the buffer never holds more than about
    one block plus the delimiter.
    """
    delim = b"--" + boundary
    needle = b"\r\n" + delim
    buf = b""
    eof = False

    def fill():
        nonlocal buf, eof
        data = body.read(BLOCK)
        if not data:
            eof = True
        buf += data

    # Preamble: the first delimiter may sit at the very start (no CRLF before it).
    while True:
        if buf.startswith(delim):
            buf = buf[len(delim):]
            break
        i = buf.find(needle)
        if i >= 0:
            buf = buf[i + len(needle):]
            break
        if eof:
            raise BadRequest("multipart body without its boundary")
        if len(buf) > 65536:
            raise BadRequest("multipart preamble too long")
        fill()

    parts = []
    while True:
        while len(buf) < 2 and not eof:
            fill()
        if buf.startswith(b"--"):
            break                                           # close delimiter
        # transport padding then CRLF
        while True:
            j = buf.find(b"\r\n")
            if j >= 0:
                break
            if eof or len(buf) > 1024:
                raise BadRequest("bad multipart delimiter line")
            fill()
        if buf[:j].strip(b" \t"):
            raise BadRequest("bad multipart delimiter line")
        buf = buf[j + 2:]

        # part headers
        while True:
            if buf.startswith(b"\r\n"):
                head, buf = b"", buf[2:]
                break
            k = buf.find(b"\r\n\r\n")
            if k >= 0:
                head, buf = buf[:k], buf[k + 4:]
                break
            if eof:
                raise BadRequest("truncated multipart part headers")
            if len(buf) > MAX_HEADER_BYTES:
                raise BadRequest("multipart part headers too long")
            fill()
        headers = {}
        for line in head.split(b"\r\n"):
            if not line:
                continue
            if b":" not in line:
                raise BadRequest("bad multipart part header line")
            key, _, val = line.partition(b":")
            headers[key.strip().lower().decode("latin-1")] = val.strip().decode("utf-8", "replace")
        part = Part(headers)
        part.sink = make_sink(part)
        parts.append(part)

        # part data, up to the next delimiter
        keep = len(needle) - 1
        while True:
            i = buf.find(needle)
            if i >= 0:
                if i:
                    part.sink.write(memoryview(buf)[:i])
                buf = buf[i + len(needle):]
                break
            if eof:
                part.sink.close()
                raise BadRequest("truncated multipart body")
            if len(buf) > keep:
                part.sink.write(memoryview(buf)[: len(buf) - keep])
                buf = buf[len(buf) - keep:]
            fill()
        part.sink.close()

    # Epilogue: read and ignore whatever follows the close delimiter.
    body.drain()
    return parts


# --------------------------------------------------------------------------------------------
# State shared by the handlers: faults, request counters, log

class BaseState:
    def __init__(self):
        self.lock = threading.RLock()   # reentrant: handlers may answer while holding it
        self.faults = []
        self.requests = 0
        self.log = []

    def reset(self):
        with self.lock:
            self.faults = []
            self.requests = 0
            self.log = []
            self.reset_received()

    def reset_received(self):
        pass

    def set_faults(self, faults):
        with self.lock:
            self.faults = list(faults)

    def fault_matches(self, fault, method, path):
        match = fault.get("match")
        return match is None or match in path

    def take_fault(self, method, path):
        """Removes and returns the first queued fault that matches this request (FIFO)."""
        with self.lock:
            for i, fault in enumerate(self.faults):
                if self.fault_matches(fault, method, path):
                    return self.faults.pop(i)
        return None

    def count_request(self):
        with self.lock:
            self.requests += 1

    def add_log(self, method, path, status):
        with self.lock:
            self.log.append([method, path, status])

    def received(self):
        raise NotImplementedError

    def cleanup(self):
        pass


FAULT_KEYS = {"status", "retry_after", "drop_after_bytes", "delay", "slow_body_bytes_per_s",
              "match", "after_processing", "drop_response"}


def check_fault(fault, extra_keys=()):
    if not isinstance(fault, dict):
        raise BadRequest("each fault must be a JSON object")
    unknown = set(fault) - FAULT_KEYS - set(extra_keys)
    if unknown:
        raise BadRequest("unknown fault keys: %s" % ", ".join(sorted(unknown)))
    for key in ("status", "drop_after_bytes"):
        if key in fault and (not isinstance(fault[key], int) or isinstance(fault[key], bool)
                             or fault[key] < 0):
            raise BadRequest("%s must be a non-negative integer" % key)
    for key in ("delay", "slow_body_bytes_per_s", "retry_after"):
        if key in fault and (not isinstance(fault[key], (int, float)) or isinstance(fault[key], bool)
                             or fault[key] < 0):
            raise BadRequest("%s must be a non-negative number" % key)
    if fault.get("slow_body_bytes_per_s") == 0:
        raise BadRequest("slow_body_bytes_per_s must be > 0")
    if "match" in fault and not isinstance(fault["match"], str):
        raise BadRequest("match must be a string")


# --------------------------------------------------------------------------------------------
# The request handler

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "lp-test-server/1"
    timeout = 120                                    # idle keep-alive connections
    rbufsize = 256 << 10                             # bigger read buffer: fewer recv() calls
    fault_keys = ()                                  # extra fault keys a subclass understands
    name = "server"

    # -- plumbing ---------------------------------------------------------------------------

    def setup(self):
        if isinstance(self.request, ssl.SSLSocket):
            self.request.settimeout(10)
            self.request.do_handshake()
        super().setup()

    def finish(self):
        try:
            super().finish()
        except (OSError, ValueError):
            pass

    def log_message(self, fmt, *args):
        pass                                         # we log one line per request in respond()

    def log_line(self, status):
        path = urllib.parse.urlsplit(self.path).path     # never the query string
        sys.stderr.write("%s: %s %s %s\n" % (self.name, self.command, path, status))

    @property
    def state(self):
        return self.server.state

    def do_GET(self):
        self.dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    def dispatch(self):
        self.body = None
        self.fault = None
        self.responded = False
        self.url = urllib.parse.urlsplit(self.path)
        try:
            try:
                self.body = BodyReader(self.rfile, self.headers)
            except BadRequest as e:
                self.close_connection = True
                self.respond_error(400, str(e))
                return
            if self.url.path.startswith("/_control/"):
                self.handle_control()
                return
            self.state.count_request()
            self.fault = self.state.take_fault(self.command, self.url.path)
            if self.fault and self.apply_fault_before():
                return
            self.handle_api()
        except DropConnection:
            self.abort()
        except ClientGone:
            self.close_connection = True
        except BadRequest as e:
            if not self.responded:
                self.respond_error(400, str(e))
        except (ConnectionError, socket.timeout, ssl.SSLError):
            self.close_connection = True

    def abort(self):
        """Closes the socket abruptly: SO_LINGER 0 makes the kernel send RST, no response."""
        self.close_connection = True
        self.log_line("(dropped)")
        if self.url is not None:
            self.state.add_log(self.command, self.url.path, 0)
        try:
            self.request.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
        try:
            self.wfile.flush()
        except (OSError, ValueError):
            pass
        try:
            self.request.close()
        except OSError:
            pass

    def apply_fault_before(self):
        """Applies a fault before the request is handled. True if the request is finished."""
        fault = self.fault
        if "delay" in fault:
            sleep(fault["delay"])
        if "drop_after_bytes" in fault:
            limit = fault["drop_after_bytes"]
            try:
                while not self.body.eof and self.body.consumed < limit:
                    self.body.read(min(BLOCK, limit - self.body.consumed))
            except (BadRequest, ClientGone, OSError):
                pass
            raise DropConnection()
        if "slow_body_bytes_per_s" in fault:
            self.body.rate = float(fault["slow_body_bytes_per_s"])
        if "status" in fault and not fault.get("after_processing"):
            self.respond_fault_status(fault)
            return True
        return False

    def respond_fault_status(self, fault):
        headers = {}
        if "retry_after" in fault:
            headers["Retry-After"] = str(int(round(fault["retry_after"])))
        status = fault["status"]
        self.send_json(status, {"error": "injected fault: HTTP %d" % status}, headers,
                       from_fault=True)

    # -- responses --------------------------------------------------------------------------

    def respond(self, status, payload=b"", content_type="application/json", headers=None,
                from_fault=False):
        """Sends one response. Drains the unread body first (so the client can read our answer
        instead of a reset), and closes the connection if the body could not be drained."""
        if not from_fault and self.fault and not self.responded:
            if self.fault.get("drop_response"):
                self.body and self.body.drain()
                raise DropConnection()
            if "status" in self.fault and self.fault.get("after_processing"):
                self.responded = True
                self.respond_fault_status(self.fault)
                return
        self.responded = True
        if self.body is not None and not self.body.eof and not self.body.drain():
            self.close_connection = True
        self.send_response_only(status)
        self.send_header("Date", self.date_time_string())
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if payload or content_type:
            if content_type:
                self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and payload:
            self.wfile.write(payload)
        self.wfile.flush()
        self.log_line(status)
        if not self.url.path.startswith("/_control/"):
            self.state.add_log(self.command, self.url.path, status)

    def send_json(self, status, obj, headers=None, from_fault=False):
        payload = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        self.respond(status, payload, "application/json", headers, from_fault=from_fault)

    def respond_error(self, status, message):
        self.send_json(status, {"error": message})

    # -- control API ------------------------------------------------------------------------

    def read_json_body(self, limit=1 << 20):
        data = bytearray()
        while True:
            chunk = self.body.read(BLOCK)
            if not chunk:
                break
            data += chunk
            if len(data) > limit:
                raise BadRequest("JSON body too large")
        try:
            return json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise BadRequest("body is not valid JSON")

    def handle_control(self):
        path, method = self.url.path, self.command
        if path == "/_control/faults" and method == "POST":
            faults = self.read_json_body()
            if isinstance(faults, dict):
                faults = [faults]
            if not isinstance(faults, list):
                raise BadRequest("faults must be a JSON array of objects")
            for fault in faults:
                self.check_fault(fault)
            self.state.set_faults(faults)
            self.send_json(200, {"queued": len(faults)})
        elif path == "/_control/faults" and method == "GET":
            with self.state.lock:
                self.send_json(200, list(self.state.faults))
        elif path == "/_control/received" and method == "GET":
            self.send_json(200, self.state.received())
        elif path == "/_control/reset" and method == "POST":
            self.state.reset()
            self.send_json(200, {"reset": True})
        else:
            self.respond_error(404, "unknown control endpoint")

    def check_fault(self, fault):
        check_fault(fault, self.fault_keys)

    def handle_api(self):
        raise NotImplementedError


# --------------------------------------------------------------------------------------------
# Server start-up: port file, TLS, signals

class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def server_bind(self):
        # HTTPServer.server_bind calls getfqdn(), which may wait on DNS: not needed on loopback.
        self.socket.bind(self.server_address)
        self.server_address = self.socket.getsockname()
        self.server_name = "127.0.0.1"
        self.server_port = self.server_address[1]

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (ConnectionError, ssl.SSLError, socket.timeout, OSError)):
            sys.stderr.write("%s: connection error: %s\n" % (self.state.name, exc.__class__.__name__))
        else:
            super().handle_error(request, client_address)


def add_common_arguments(parser):
    parser.add_argument("--port-file", required=True,
                        help="where to write the chosen port, once ready")
    parser.add_argument("--tls-cert", help="PEM certificate: serve HTTPS")
    parser.add_argument("--tls-key", help="PEM private key for --tls-cert")


def write_port_file(path, port):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, path)


def serve(handler_class, state, args):
    if bool(args.tls_cert) != bool(args.tls_key):
        sys.exit("--tls-cert and --tls-key go together")
    server = Server(("127.0.0.1", 0), handler_class)
    server.state = state
    if args.tls_cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True,
                                        do_handshake_on_connect=False)

    def on_signal(signum, frame):
        STOP.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              daemon=True)
    thread.start()
    write_port_file(args.port_file, server.server_address[1])
    sys.stderr.write("%s: listening on %s://127.0.0.1:%d\n"
                     % (state.name, "https" if args.tls_cert else "http", server.server_address[1]))
    while not STOP.is_set():
        STOP.wait(0.2)
    server.shutdown()
    server.server_close()
    state.cleanup()
    sys.stderr.write("%s: stopped\n" % state.name)
    sys.stderr.flush()
    # Handler threads may sit in a blocking read: do not wait for them.
    os._exit(0)


def new_parser(description):
    parser = argparse.ArgumentParser(description=description)
    add_common_arguments(parser)
    return parser
