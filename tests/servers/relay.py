#!/usr/bin/python3
# Loopback stand-in for a relay receiver (architecture.md §7), for the sending tests.
#
#   python3 tests/servers/relay.py --port-file PATH --token TOKEN [--path /api/v1/submissions]
#                                  [--store-dir DIR] [--tls-cert CERT --tls-key KEY]
#
# Accepts POST <path> with a bearer token, an Idempotency-Key and a multipart/form-data body
# (metadata, letter, attachment...), checks every part against the metadata, and answers
# 201 {"receipt": ...} (200 with the same receipt for a repeated key). README.md has the details.

import hmac
import json
import os
import re
import shutil
import sys
import tempfile
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lpserver  # noqa: E402
from lpserver import BadRequest, HashSink  # noqa: E402

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
FILENAME_RE = re.compile(r"^[A-Za-z0-9._-]+$")
SHA256_RE = re.compile(r"^[0-9a-fA-F]{64}$")
METADATA_FORMAT = "lettre-plainte/submission"
METADATA_MAX = 1 << 20


class Refused(Exception):
    """The request is well-formed but its content disagrees with its metadata (422)."""


class RelayState(lpserver.BaseState):
    name = "relay"

    def __init__(self, args):
        super().__init__()
        self.args = args
        self.tmpdir = tempfile.mkdtemp(prefix="lp-relay-")
        self.reset_received()

    def reset_received(self):
        self.submissions = []
        self.by_key = {}
        self.duplicates = []

    def received(self):
        with self.lock:
            return {"submissions": list(self.submissions), "duplicates": list(self.duplicates),
                    "requests": self.requests, "log": list(self.log)}

    def cleanup(self):
        shutil.rmtree(self.tmpdir, ignore_errors=True)


class RelayHandler(lpserver.Handler):
    name = "relay"

    def handle_api(self):
        args = self.state.args
        if self.url.path != args.path:
            self.respond_error(404, "no such endpoint")
            return
        if self.command != "POST":
            self.send_json(405, {"error": "use POST"}, {"Allow": "POST"})
            return

        auth = self.headers.get("Authorization")
        expected = "Bearer " + args.token
        if auth is None or not hmac.compare_digest(auth.encode(), expected.encode()):
            self.send_json(401, {"error": "missing or wrong bearer token"},
                           {"WWW-Authenticate": 'Bearer realm="relay"'})
            return

        key = self.headers.get("Idempotency-Key")
        if key is None:
            raise BadRequest("missing Idempotency-Key header")
        if not UUID_RE.match(key.strip()):
            raise BadRequest("Idempotency-Key is not a UUID")
        key = key.strip().lower()

        boundary = lpserver.multipart_boundary(self.headers.get("Content-Type"))
        workdir = tempfile.mkdtemp(dir=self.state.tmpdir)
        try:
            parts = lpserver.parse_multipart(self.body, boundary,
                                             lambda part: self.make_sink(part, workdir))
            try:
                metadata, files = self.check_parts(parts, key)
            except Refused as e:
                self.send_json(422, {"error": str(e)})
                return
            self.store(key, auth, metadata, parts, files, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def make_sink(self, part, workdir):
        if part.name == "metadata":
            return HashSink(keep_bytes=METADATA_MAX, max_bytes=METADATA_MAX)
        path = None
        if self.state.args.store_dir:
            path = os.path.join(workdir, uuid.uuid4().hex)
        return HashSink(path=path)

    def check_parts(self, parts, key):
        """Structure problems raise BadRequest (400); disagreements raise Refused (422)."""
        if not parts or parts[0].name != "metadata":
            raise BadRequest("the first part must be named metadata")
        meta_part = parts[0]
        if meta_part.mime_type != "application/json":
            raise BadRequest("the metadata part must be application/json")
        try:
            metadata = json.loads(meta_part.sink.bytes().decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise BadRequest("the metadata part is not valid JSON")
        if not isinstance(metadata, dict):
            raise BadRequest("the metadata part must be a JSON object")

        files = parts[1:]
        if not files or files[0].name != "letter":
            raise BadRequest("the second part must be named letter")
        names = set()
        for i, part in enumerate(files):
            if part.name not in ("letter", "attachment"):
                raise BadRequest("unexpected part %r" % part.name)
            if i > 0 and part.name != "attachment":
                raise BadRequest("only attachment parts may follow the letter")
            if not part.filename:
                raise BadRequest("part %s has no filename" % part.name)
            if not FILENAME_RE.match(part.filename):
                raise BadRequest("file name %r is not plain ASCII [A-Za-z0-9._-]" % part.filename)
            if part.filename in names:
                raise BadRequest("file name %r sent twice" % part.filename)
            names.add(part.filename)
            if part.content_type is None:
                raise BadRequest("part %s has no Content-Type" % part.filename)
        if files[0].mime_type != "application/pdf":
            raise BadRequest("the letter part must be application/pdf")

        if metadata.get("format") != METADATA_FORMAT:
            raise Refused("metadata format must be %r" % METADATA_FORMAT)
        if metadata.get("version") != 1 or isinstance(metadata.get("version"), bool):
            raise Refused("metadata version must be 1")
        sub_id = metadata.get("submission_id")
        if sub_id is not None and str(sub_id).lower() != key:
            raise Refused("metadata submission_id differs from the Idempotency-Key")
        described = metadata.get("files")
        if not isinstance(described, list) or not all(isinstance(f, dict) for f in described):
            raise Refused("metadata must list the files in \"files\" (an array of objects)")
        by_name = {}
        for entry in described:
            name = entry.get("name", entry.get("filename"))
            if not isinstance(name, str):
                raise Refused("a metadata file entry has no name")
            by_name[name] = entry
        for part in files:
            entry = by_name.pop(part.filename, None)
            if entry is None:
                raise Refused("file %s is not described in the metadata" % part.filename)
            if entry.get("size") != part.sink.size:
                raise Refused("file %s: metadata says %r bytes, received %d"
                              % (part.filename, entry.get("size"), part.sink.size))
            sha = entry.get("sha256")
            if not isinstance(sha, str) or not SHA256_RE.match(sha):
                raise Refused("file %s: metadata sha256 is missing or not hex" % part.filename)
            if sha.lower() != part.sink.sha256:
                raise Refused("file %s: SHA-256 differs from the metadata" % part.filename)
            role = entry.get("role")
            if role is not None and role != part.name:
                raise Refused("file %s: metadata role %r but sent as part %r"
                              % (part.filename, role, part.name))
            mtype = entry.get("type", entry.get("content_type"))
            if mtype is not None and mtype != part.mime_type:
                raise Refused("file %s: metadata type %r but part Content-Type %r"
                              % (part.filename, mtype, part.mime_type))
        if by_name:
            raise Refused("metadata lists files that were not sent: %s"
                          % ", ".join(sorted(by_name)))
        return metadata, files

    def store(self, key, auth, metadata, parts, files, workdir):
        state = self.state
        with state.lock:
            first = state.by_key.get(key)
            if first is not None:
                state.duplicates.append({"idempotency_key": key, "receipt": first["receipt"],
                                         "duplicate_of": state.submissions.index(first)})
                receipt, status = first["receipt"], 200
            else:
                receipt, status = "R-" + uuid.uuid4().hex[:16].upper(), 201
                submission = {
                    "idempotency_key": key,
                    "authorization": auth,
                    "metadata": metadata,
                    "metadata_size": parts[0].sink.size,
                    "metadata_sha256": parts[0].sink.sha256,
                    "parts": [{"name": p.name, "filename": p.filename,
                               "content_type": p.content_type, "size": p.sink.size,
                               "sha256": p.sink.sha256} for p in files],
                    "receipt": receipt,
                    "duplicate_of": None,
                    "transfer_encoding": self.headers.get("Transfer-Encoding"),
                    "content_length": self.headers.get("Content-Length"),
                    "expect": self.headers.get("Expect"),
                }
                state.submissions.append(submission)
                state.by_key[key] = submission
        if status == 201 and state.args.store_dir:
            self.keep_files(key, files)
        self.send_json(status, {"receipt": receipt})

    def keep_files(self, key, files):
        target = os.path.join(self.state.args.store_dir, key)
        os.makedirs(target, exist_ok=True)
        for part in files:
            shutil.move(part.sink.path, os.path.join(target, part.filename))


def main():
    parser = lpserver.new_parser("Loopback relay receiver for the Lettre-plainte tests.")
    parser.add_argument("--token", required=True, help="the expected bearer token")
    parser.add_argument("--path", default="/api/v1/submissions", help="the submission endpoint")
    parser.add_argument("--store-dir",
                        help="keep each delivered file as DIR/<idempotency-key>/<filename>")
    args = parser.parse_args()
    if args.store_dir:
        os.makedirs(args.store_dir, exist_ok=True)
    lpserver.serve(RelayHandler, RelayState(args), args)


if __name__ == "__main__":
    main()
