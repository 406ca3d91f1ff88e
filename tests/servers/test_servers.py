#!/usr/bin/python3
# Self-test of the loopback test servers (relay.py, francetransfert.py, nginx-webdav.sh), with
# curl as the client where a real client matters (multipart, chunked, TLS) and http.client for
# the JSON. Prints TAP ("ok N - ...", then "1..N"); registered in tests/meson.build.
#
# Needs /usr/bin/python3, curl, openssl and nginx (nginx-light): a missing tool FAILS the test.

import hashlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"
TOKEN = "relay-secret-token"
API_KEY = "ft-test-key"
SENDER = "agent@prefecture.gouv.fr"
RECIPIENT = "plainte-befti@interieur.gouv.fr"
CHUNK = 65536

TMP = tempfile.mkdtemp(prefix="lp-servers-test-")
results = []
processes = []


def ok(cond, name, detail=None):
    results.append(bool(cond))
    print("%s %d - %s" % ("ok" if cond else "not ok", len(results), name), flush=True)
    if not cond and detail is not None:
        for line in str(detail).splitlines():
            print("# " + line, flush=True)
    return bool(cond)


def path(name):
    return os.path.join(TMP, name)


def write_file(name, data):
    with open(path(name), "wb") as f:
        f.write(data)
    return path(name)


def sha(data):
    return hashlib.sha256(data).hexdigest()


# -- processes ---------------------------------------------------------------------------------

class Server:
    def __init__(self, script, *args):
        self.port_file = path("port-%s-%d" % (os.path.basename(script), len(processes)))
        self.log = open(self.port_file + ".log", "wb")
        self.proc = subprocess.Popen([PYTHON, os.path.join(HERE, script),
                                      "--port-file", self.port_file] + list(args),
                                     stdout=subprocess.DEVNULL, stderr=self.log)
        processes.append(self.proc)
        deadline = time.monotonic() + 10
        while not os.path.exists(self.port_file):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("%s did not write its port file" % script)
            time.sleep(0.02)
        with open(self.port_file) as f:
            self.port_text = f.read()
        self.port = int(self.port_text)

    def stop(self):
        start = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            code = None
        return code, time.monotonic() - start


def request(port, method, target, body=None, headers=None, tls_ca=None):
    if tls_ca:
        import ssl
        ctx = ssl.create_default_context(cafile=tls_ca)
        conn = http.client.HTTPSConnection("127.0.0.1", port, timeout=20, context=ctx)
    else:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    if isinstance(body, (dict, list)):
        body = json.dumps(body).encode()
        headers = dict(headers or {})
        headers.setdefault("Content-Type", "application/json")
    conn.request(method, target, body=body, headers=headers or {})
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, resp, data


def jbody(data):
    try:
        return json.loads(data.decode("utf-8"))
    except ValueError:
        return None


def control(port, what, payload=None):
    if payload is None and what in ("received", "faults"):
        status, _, data = request(port, "GET", "/_control/" + what)
    else:
        status, _, data = request(port, "POST", "/_control/" + what,
                                  payload if payload is not None else b"")
    assert status == 200, (what, status, data)
    return jbody(data)


def curl(args, timeout=60):
    """Runs curl; returns (exit code, http code or None, body)."""
    out = path("curl-out")
    cmd = ["curl", "-sS", "-o", out, "-w", "%{http_code}"] + args
    proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
    body = b""
    if os.path.exists(out):
        with open(out, "rb") as f:
            body = f.read()
        os.unlink(out)
    code = proc.stdout.decode().strip()
    return proc.returncode, (int(code) if code.isdigit() and code != "000" else None), body


# -- relay ---------------------------------------------------------------------------------------

def relay_metadata(key, files):
    return json.dumps({
        "format": "lettre-plainte/submission", "version": 1, "submission_id": key,
        "campaign_id": "viamedis-almerys-2024", "site": "Test", "created_at": "2024-03-01T10:00:00Z",
        "files": [{"name": n, "size": len(d), "type": t, "sha256": sha(d)} for n, d, t in files],
    }).encode()


def relay_curl_args(port, key, files, meta=None, token=TOKEN, extra=()):
    meta_path = write_file("meta-%s.json" % key, meta if meta is not None else relay_metadata(key, files))
    args = list(extra) + ["-H", "Authorization: Bearer " + token, "-H", "Idempotency-Key: " + key,
                          "-F", "metadata=@%s;type=application/json" % meta_path]
    for i, (name, data, ctype) in enumerate(files):
        fpath = write_file("f-%s-%s" % (key, name), data)
        args += ["-F", "%s=@%s;type=%s;filename=%s"
                 % ("letter" if i == 0 else "attachment", fpath, ctype, name)]
    return args + ["http://127.0.0.1:%d/api/v1/submissions" % port]


def test_relay():
    srv = Server("relay.py", "--token", TOKEN, "--store-dir", path("relay-store"))
    port = srv.port
    ok(re.match(r"^\d+\n$", srv.port_text) and not os.path.exists(srv.port_file + ".tmp"),
       "relay: port file holds the port and a newline, written atomically")

    letter = os.urandom(3 * 1000 * 1000 + 7)
    photo = os.urandom(12345)
    files = [("lettre-plainte.pdf", letter, "application/pdf"), ("piece-1.jpg", photo, "image/jpeg")]
    key = str(uuid.uuid4())
    rc, code, body = curl(relay_curl_args(port, key, files))
    receipt = (jbody(body) or {}).get("receipt")
    ok(rc == 0 and code == 201 and receipt and receipt.startswith("R-"),
       "relay: a good upload (curl -F, Content-Length) gets 201 and a receipt", (rc, code, body))

    got = control(port, "received")
    sub = got["submissions"][0] if got["submissions"] else {}
    parts = sub.get("parts", [])
    ok(len(got["submissions"]) == 1 and sub["idempotency_key"] == key
       and sub["authorization"] == "Bearer " + TOKEN and sub["metadata"]["version"] == 1
       and [(p["name"], p["filename"], p["content_type"], p["size"], p["sha256"]) for p in parts]
       == [("letter", "lettre-plainte.pdf", "application/pdf", len(letter), sha(letter)),
           ("attachment", "piece-1.jpg", "image/jpeg", len(photo), sha(photo))]
       and sub["receipt"] == receipt and sub["duplicate_of"] is None,
       "relay: /_control/received describes the delivery byte for byte", json.dumps(got)[:2000])
    with open(path("relay-store/%s/lettre-plainte.pdf" % key), "rb") as f:
        ok(f.read() == letter, "relay: --store-dir keeps the delivered letter unchanged")

    rc, code, body = curl(relay_curl_args(port, key, files))
    got = control(port, "received")
    ok(code == 200 and jbody(body) == {"receipt": receipt} and len(got["submissions"]) == 1
       and len(got["duplicates"]) == 1,
       "relay: a repeated Idempotency-Key gets 200 with the same receipt, nothing stored twice",
       (code, body, got.get("duplicates")))

    key2 = str(uuid.uuid4())
    rc, code, body = curl(relay_curl_args(port, key2, files, extra=["-H", "Transfer-Encoding: chunked",
                                                                    "-H", "Expect:"]))
    got = control(port, "received")
    ok(code == 201 and len(got["submissions"]) == 2
       and got["submissions"][1]["transfer_encoding"] == "chunked"
       and got["submissions"][1]["parts"][0]["sha256"] == sha(letter)
       and jbody(body)["receipt"] != receipt,
       "relay: a chunked upload without Expect is accepted, with a new receipt", (code, body))

    rc, code, body = curl(relay_curl_args(port, str(uuid.uuid4()), files, token="wrong"))
    rc2, code2, _ = curl(["-X", "POST", "-H", "Idempotency-Key: " + str(uuid.uuid4()),
                          "http://127.0.0.1:%d/api/v1/submissions" % port])
    ok(code == 401 and code2 == 401 and "error" in jbody(body),
       "relay: wrong or missing bearer token gets 401", (code, code2))

    rc, code, body = curl(relay_curl_args(port, "not-a-uuid", files))
    ok(code == 400, "relay: an Idempotency-Key that is not a UUID gets 400", (code, body))
    status, _, data = request(port, "POST", "/api/v1/submissions", b"garbage",
                              {"Authorization": "Bearer " + TOKEN, "Idempotency-Key": str(uuid.uuid4()),
                               "Content-Type": "multipart/form-data; boundary=xyz"})
    ok(status == 400, "relay: a broken multipart body gets 400", (status, data))

    k = str(uuid.uuid4())
    bad = json.loads(relay_metadata(k, files))
    bad["files"][0]["sha256"] = sha(b"other")
    rc, code, body = curl(relay_curl_args(port, k, files, meta=json.dumps(bad).encode()))
    k2 = str(uuid.uuid4())
    bad2 = json.loads(relay_metadata(k2, files))
    bad2["files"][1]["size"] += 1
    rc, code2, body2 = curl(relay_curl_args(port, k2, files, meta=json.dumps(bad2).encode()))
    ok(code == 422 and code2 == 422 and "SHA-256" in jbody(body)["error"]
       and len(control(port, "received")["submissions"]) == 2,
       "relay: a SHA-256 or size that disagrees with the metadata gets 422, nothing stored",
       (code, body, code2, body2))

    # faults
    control(port, "faults", [{"status": 500}, {"status": 429, "retry_after": 1}])
    rc, code, body = curl(relay_curl_args(port, str(uuid.uuid4()), files))
    rc2, code2, _ = curl(relay_curl_args(port, str(uuid.uuid4()), files) + ["-D", path("hdrs")])
    with open(path("hdrs"), "rb") as f:
        hdrs = f.read().decode("latin-1").lower()
    rc3, code3, _ = curl(relay_curl_args(port, str(uuid.uuid4()), files))
    ok(code == 500 and "error" in jbody(body) and code2 == 429 and "retry-after: 1" in hdrs
       and code3 == 201,
       "relay: faults 500 then 429 + Retry-After are consumed in order, then normal service",
       (code, code2, code3, hdrs))

    control(port, "faults", [{"match": "/elsewhere", "status": 503}, {"status": 401}])
    rc, code, _ = curl(relay_curl_args(port, str(uuid.uuid4()), files))
    left = control(port, "faults")
    ok(code == 401 and left == [{"match": "/elsewhere", "status": 503}],
       "relay: a fault whose match does not fit the path stays queued", (code, left))
    control(port, "faults", [])

    control(port, "faults", [{"drop_after_bytes": 4096}])
    rc, code, _ = curl(relay_curl_args(port, str(uuid.uuid4()), files))
    ok(rc in (52, 55, 56) and code in (None, 100),          # 100: the interim 100 Continue
       "relay: drop_after_bytes closes the connection without a response", (rc, code))

    control(port, "faults", [{"delay": 2}])
    rc, code, _ = curl(["--max-time", "0.5"] + relay_curl_args(port, str(uuid.uuid4()), files))
    ok(rc == 28, "relay: delay makes a 0.5 s client time out", (rc, code))

    small = [("lettre-plainte.pdf", os.urandom(6000), "application/pdf")]
    control(port, "faults", [{"slow_body_bytes_per_s": 20000}])
    start = time.monotonic()
    rc, code, _ = curl(relay_curl_args(port, str(uuid.uuid4()), small))
    ok(code == 201 and time.monotonic() - start >= 0.25,
       "relay: slow_body_bytes_per_s reads slowly and still answers", (rc, code))

    k = str(uuid.uuid4())
    control(port, "faults", [{"status": 500, "after_processing": True}])
    rc, code, _ = curl(relay_curl_args(port, k, small))
    rc2, code2, body2 = curl(relay_curl_args(port, k, small))
    stored = [s for s in control(port, "received")["submissions"] if s["idempotency_key"] == k]
    ok(code == 500 and code2 == 200 and len(stored) == 1 and jbody(body2)["receipt"] == stored[0]["receipt"],
       "relay: after_processing stores the delivery but answers 500; the retry gets 200",
       (code, code2))

    control(port, "faults", [{"drop_response": True}])
    rc, code, _ = curl(relay_curl_args(port, str(uuid.uuid4()), small))
    ok(rc in (52, 56) and code is None, "relay: drop_response processes, then closes without answer",
       (rc, code))

    control(port, "reset")
    got = control(port, "received")
    ok(got["submissions"] == [] and got["requests"] == 0 and control(port, "faults") == [],
       "relay: /_control/reset forgets submissions, counters and faults", got)

    # 20 MB, streamed: the server's peak memory must not grow with the body.
    big = os.urandom(20 * 1000 * 1000)
    rc, code, _ = curl(relay_curl_args(port, str(uuid.uuid4()), [("lettre-plainte.pdf", big, "application/pdf")]))
    with open("/proc/%d/status" % srv.proc.pid) as f:
        hwm = int(re.search(r"VmHWM:\s+(\d+) kB", f.read()).group(1))
    got = control(port, "received")
    ok(code == 201 and got["submissions"][0]["parts"][0]["sha256"] == sha(big) and hwm < 80 * 1024,
       "relay: a 20 MB upload is hashed correctly with bounded memory (peak RSS %d kB)" % hwm,
       (code, hwm))

    # SIGTERM while a request is stuck in a delay
    control(port, "faults", [{"delay": 30}])
    stuck = subprocess.Popen(["curl", "-s", "-o", "/dev/null", "--max-time", "20"]
                             + relay_curl_args(port, str(uuid.uuid4()), small))
    time.sleep(0.3)
    code, took = srv.stop()
    stuck.wait(timeout=20)
    ok(code == 0 and took < 1.5, "relay: SIGTERM exits 0 within 1 s, even mid-request (%.2f s)" % took,
       (code, took))


def test_relay_tls():
    cert, key = path("cert.pem"), path("key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    srv = Server("relay.py", "--token", TOKEN, "--tls-cert", cert, "--tls-key", key)
    files = [("lettre-plainte.pdf", os.urandom(1000), "application/pdf")]
    args = relay_curl_args(srv.port, str(uuid.uuid4()), files)
    args[-1] = args[-1].replace("http://", "https://")
    rc, code, body = curl(["--cacert", cert] + args)
    rc2, code2, _ = curl(args)                            # no CA: must fail verification
    ok(code == 201 and rc2 == 60, "relay: --tls-cert serves HTTPS; an unknown CA is refused",
       (rc, code, body, rc2))
    code, took = srv.stop()
    ok(code == 0, "relay (TLS): SIGTERM exits 0", code)


# -- francetransfert -------------------------------------------------------------------------------

def init_body(files, **over):
    body = {"typePli": "COU", "courrielExpediteur": SENDER, "destinataires": [RECIPIENT],
            "objet": "Plainte", "message": "Bonjour",
            "preferences": {"langueCourriel": "fr-FR", "envoiMdpDestinataires": True},
            "fichiers": [{"idFichier": "f%d" % i, "nomFichier": n, "tailleFichier": len(d)}
                         for i, (n, d) in enumerate(files, 1)]}
    body.update(over)
    return body


def ft_init(port, body, headers=None):
    hdrs = {"cleAPI": API_KEY} if headers is None else headers
    status, resp, data = request(port, "POST", "/api-public/initPli", body, hdrs)
    return status, jbody(data), data, resp


def ft_chunk(port, id_pli, id_fichier, name, data, num, total, sender=SENDER, filename=None,
             headers=None, file_size=None):
    cpath = write_file("chunk", data)
    args = []
    for k, v in (headers if headers is not None else {"cleAPI": API_KEY}).items():
        args += ["-H", "%s: %s" % (k, v)]
    for k, v in (("idPli", id_pli), ("courrielExpediteur", sender), ("idFichier", id_fichier),
                 ("nomFichier", name), ("numMorceauFichier", num), ("totalMorceauxFichier", total),
                 ("tailleMorceauFichier", CHUNK), ("tailleFichier", file_size or len(data))):
        args += ["--form-string", "%s=%s" % (k, v)]
    args += ["-F", "fichier=@%s;type=application/octet-stream;filename=%s" % (cpath, filename or name)]
    rc, code, body = curl(args + ["http://127.0.0.1:%d/api-public/chargementPli" % port])
    return code, jbody(body)


def ft_upload(port, id_pli, id_fichier, name, data):
    chunks = [data[i:i + CHUNK] for i in range(0, len(data), CHUNK)] or [b""]
    answers = []
    for k, chunk in enumerate(chunks, 1):
        answers.append(ft_chunk(port, id_pli, id_fichier, name, chunk, k, len(chunks),
                                file_size=len(data)))
    return answers


def ft_status(port, id_pli, sender=SENDER):
    q = "/api-public/statutPli?idPli=%s&courrielExpediteur=%s" % (id_pli, sender)
    status, _, data = request(port, "GET", q, headers={"cleAPI": API_KEY})
    return status, jbody(data)


def nums(body):
    return [e["numErreur"] for e in (body or {}).get("erreurs", [])]


def test_francetransfert():
    srv = Server("francetransfert.py", "--api-key", API_KEY, "--max-chunk-bytes", str(CHUNK),
                 "--store-dir", path("ft-store"))
    port = srv.port
    pdf = b"%PDF-1.4\n" + os.urandom(2 * CHUNK + 1000)
    jpg = os.urandom(5000)
    files = [("lettre-plainte.pdf", pdf), ("piece-1.jpg", jpg)]

    st, body, raw, _ = ft_init(port, init_body(files), headers={})
    st2, _, raw2, _ = ft_init(port, init_body(files), headers={"cleAPI": "wrong"})
    st3, _, raw3, _ = ft_init(port, init_body(files), headers={"cleAPI": API_KEY,
                                                                "X-Forwarded-For": "10.1.2.3"})
    ok(st == st2 == st3 == 403 and raw == raw2 == raw3 == b"",
       "ft: missing or unknown cleAPI, or a foreign IP, get 403 with an empty body", (st, st2, st3))

    bad = init_body(files, typePli="XXX", fichiers=[],
                    preferences={"dateValidite": "2026-08-20", "motDePasse": "short"})
    st, body, raw, _ = ft_init(port, bad)
    ok(st == 422 and set(nums(body)) == {"ERR_FT01_002", "ERR_FT01_018", "ERR_FT01_011", "ERR_FT01_012"}
       and all(set(e) == {"libelleErreur", "codeChamp", "numErreur"} for e in body["erreurs"]),
       "ft: initPli reports every validation error at once, as 422 {erreurs: [...]}", raw)
    st, body, raw, _ = ft_init(port, init_body(files, courrielExpediteur="someone@gmail.com"))
    ok(st == 422 and nums(body) == ["ERR_FTXX_001"], "ft: a non-agent sender gets ERR_FTXX_001", raw)
    st, body, raw, _ = ft_init(port, init_body(files, preferences=None))
    ok(st == 500 and body == {"statusCode": 500, "type": "500 INTERNAL_SERVER_ERROR", "id": ""},
       "ft: initPli without preferences gets the real server's 500", raw)

    st, body, raw, resp = ft_init(port, init_body(files))
    id_pli = (body or {}).get("idPli", "")
    ok(st == 201 and re.match(r"^[0-9a-f-]{36}$", id_pli) and body.get("token")
       and body.get("statutPli") == {"codeStatutPli": "000-INI", "libelleStatutPli": "Initialisé"}
       and resp.getheader("x-correlation-id"),
       "ft: initPli gets 201 {idPli, statutPli 000-INI, token} and x-correlation-id", raw)

    code, b = ft_chunk(port, id_pli, "f1", "lettre-plainte.pdf", pdf[:CHUNK], 1, 3,
                       file_size=len(pdf), headers={})
    ok(code == 403, "ft: chargementPli without cleAPI nor token gets 403", code)

    answers = ft_upload(port, id_pli, "f1", "lettre-plainte.pdf", pdf)
    ok([a[0] for a in answers] == [201, 201, 201]
       and [a[1]["statutPli"]["codeStatutPli"] for a in answers] == ["010-ECC"] * 3,
       "ft: three 64 KiB chunks of the PDF get 201 and 010-ECC", answers)
    again = ft_chunk(port, id_pli, "f1", "lettre-plainte.pdf", pdf[CHUNK:2 * CHUNK], 2, 3,
                     file_size=len(pdf))
    ok(again[0] == 201, "ft: re-sending a chunk is idempotent (201)", again)
    code, b = ft_chunk(port, id_pli, "f2", "piece-1.jpg", jpg, 1, 1,
                       headers={"token": resp and body["token"]})
    ok(code == 201 and b["statutPli"]["codeStatutPli"] == "012-CHT",
       "ft: the last chunk (sent with the initPli token header) makes the pli 012-CHT", (code, b))

    polls = [ft_status(port, id_pli)[1]["statutPli"]["codeStatutPli"] for _ in range(5)]
    ok(polls == ["020-ANA", "023-APT", "030-EDC", "032-PAT", "032-PAT"],
       "ft: statutPli walks 020-ANA, 023-APT, 030-EDC to 032-PAT", polls)
    st, _, data = request(port, "GET", "/api-public/donneesPli?idPli=%s&courrielExpediteur=%s"
                          % (id_pli, SENDER), headers={"cleAPI": API_KEY})
    info = jbody(data)
    ok(st == 200 and info["preferences"]["motDePasse"] and info["fichiers"][0]
       == {"nomFichier": "lettre-plainte.pdf", "tailleFichier": len(pdf)},
       "ft: donneesPli at 032-PAT gives the generated password and the files", data)

    got = control(port, "received")
    pli = got["plis"][0]
    f1, f2 = pli["files"]
    ok(pli["idPli"] == id_pli and pli["sender"] == SENDER and pli["recipients"] == [RECIPIENT]
       and pli["status"] == "032-PAT"
       and (f1["name"], f1["size"], f1["sha256"], f1["chunks"], f1["duplicate_chunks"])
       == ("lettre-plainte.pdf", len(pdf), sha(pdf), [1, 2, 3], 1)
       and (f2["size"], f2["sha256"]) == (len(jpg), sha(jpg))
       and ["POST", "/api-public/initPli", 201] in got["log"],
       "ft: /_control/received has the files byte for byte, the chunks and the log",
       json.dumps(got)[:3000])
    with open(path("ft-store/%s/lettre-plainte.pdf" % id_pli), "rb") as f:
        ok(f.read() == pdf, "ft: --store-dir holds the reassembled PDF")

    st, body = ft_status(port, id_pli, sender="other@prefecture.gouv.fr")
    st2, body2 = ft_status(port, str(uuid.uuid4()))
    st3, _, data3 = request(port, "GET", "/api-public/statutPli?idPli=" + id_pli,
                            headers={"cleAPI": API_KEY})
    ok(st == 422 and nums(body) == ["ERR_FTXX_008"] and nums(body2) == ["ERR_FTXX_004"]
       and st3 == 422 and jbody(data3) == {"statusCode": 422, "id": "",
                                           "type": "Missing required request parameter: courrielExpediteur"},
       "ft: statutPli errors: wrong sender, unknown pli, missing parameter", (body, body2, data3))

    # the 011-ECH trap: unknown idFichier
    _, body, _, _ = ft_init(port, init_body(files))
    p2 = body["idPli"]
    code, b = ft_chunk(port, p2, "nope", "x.pdf", pdf[:CHUNK], 1, 1)
    code2, b2 = ft_chunk(port, p2, "f1", "lettre-plainte.pdf", pdf[:CHUNK], 1, 3, file_size=len(pdf))
    ok(code == 422 and nums(b) == ["ERR_FT02_019"] and ft_status(port, p2)[1]["statutPli"]["codeStatutPli"]
       == "011-ECH" and code2 == 422 and nums(b2) == ["ERR_FT02_017"],
       "ft: an unknown idFichier gives ERR_FT02_019, 011-ECH, then ERR_FT02_017 on every chunk",
       (b, b2))

    # ech011 fault
    _, body, _, _ = ft_init(port, init_body(files))
    p3 = body["idPli"]
    control(port, "faults", [{"ech011": True}])
    code, b = ft_chunk(port, p3, "f1", "lettre-plainte.pdf", pdf[:CHUNK], 1, 3, file_size=len(pdf))
    ok(code == 400 and b["id"] == p3 and b["type"].startswith("TECHNICAL_ERROR during file upload")
       and ft_status(port, p3)[1]["statutPli"]["codeStatutPli"] == "011-ECH",
       "ft: the ech011 fault fails a chunk with 400 and leaves the pli in 011-ECH", b)

    # chunk rules
    _, body, _, _ = ft_init(port, init_body(files))
    p4 = body["idPli"]
    code, b = ft_chunk(port, p4, "f1", "lettre-plainte.pdf", pdf[CHUNK:2 * CHUNK], 2, 3, file_size=len(pdf))
    ok(code == 400 and ft_status(port, p4)[1]["statutPli"]["codeStatutPli"] == "011-ECH",
       "ft: a chunk sent before chunk 1 of its file fails the pli (011-ECH)", b)
    _, body, _, _ = ft_init(port, init_body(files))
    p5 = body["idPli"]
    c1 = ft_chunk(port, p5, "f1", "lettre-plainte.pdf", pdf[:1000], 1, 2, file_size=len(pdf))
    c2 = ft_chunk(port, p5, "f1", "lettre-plainte.pdf", pdf[1000:2000], 2, 2, file_size=len(pdf))
    ok(c1[0] == 201 and c2[0] == 400 and "EntityTooSmall" in c2[1]["type"],
       "ft: a non-last chunk under the minimum part size fails at completion (EntityTooSmall)", (c1, c2))
    _, body, _, _ = ft_init(port, init_body(files))
    p6 = body["idPli"]
    code, b = ft_chunk(port, p6, "f1", "lettre-plainte.pdf", pdf[:CHUNK + 1], 1, 2, file_size=len(pdf))
    ok(code == 500, "ft: a chunk larger than --max-chunk-bytes is refused", (code, b))
    code, b = ft_chunk(port, p6, "f1", "lettre-plainte.pdf", pdf[:CHUNK], 1, 3,
                       file_size=len(pdf), filename="evil.exe")
    st, sb = ft_status(port, p6)
    ok(code == 500 and b["type"] == "TECHNICAL_ERROR" and nums(sb) == ["ERR_FTXX_004"],
       "ft: a blacklisted extension in the fichier filename gets 500 and deletes the pli", (b, sb))

    # injected FT errors and final status
    control(port, "faults", [{"match": "initPli", "status": 422, "ft_error": "ERR_FT01_022"},
                             {"final_status": "022-EAV"}])
    st, body, raw, _ = ft_init(port, init_body(files))
    ok(st == 422 and body["erreurs"][0]["numErreur"] == "ERR_FT01_022"
       and body["erreurs"][0]["codeChamp"] == "fichiers.tailleFichier",
       "ft: an ft_error fault answers 422 with the API's error body", raw)
    _, body, _, _ = ft_init(port, init_body([files[1]]))
    p7 = body["idPli"]
    ft_upload(port, p7, "f1", "piece-1.jpg", jpg)
    polls = [ft_status(port, p7)[1]["statutPli"]["codeStatutPli"] for _ in range(3)]
    ok(polls == ["020-ANA", "022-EAV", "022-EAV"], "ft: a final_status fault ends the pli in 022-EAV", polls)

    control(port, "faults", [{"status": 503, "retry_after": 2, "match": "statutPli"}])
    st, resp_body = ft_status(port, p7)
    ok(st == 503 and resp_body["statusCode"] == 503, "ft: generic status faults work on the emulator too",
       (st, resp_body))

    code, took = srv.stop()
    ok(code == 0 and took < 1.5, "ft: SIGTERM exits 0 within 1 s (%.2f s)" % took, (code, took))


# -- WebDAV ------------------------------------------------------------------------------------------

def test_webdav():
    script = os.path.join(HERE, "nginx-webdav.sh")
    state = path("dav")
    proc = subprocess.run([script, "START", state, "lp", "s3cret"], capture_output=True, timeout=30)
    url = proc.stdout.decode().strip()
    if not ok(proc.returncode == 0 and re.match(r"^http://127\.0\.0\.1:\d+/dav/$", url),
              "webdav: nginx-webdav.sh START prints the base URL", proc.stderr.decode()):
        return
    try:
        sub = url + str(uuid.uuid4()) + "/"
        data = os.urandom(100000)
        fpath = write_file("dav.pdf", data)
        _, c1, _ = curl(["-X", "MKCOL", "-u", "lp:s3cret", sub])
        _, c2, _ = curl(["-T", fpath, "-u", "lp:s3cret", sub + "lettre-plainte.pdf"])
        _, c3, _ = curl(["-T", fpath, "-u", "lp:wrong", sub + "x.pdf"])
        stored = os.path.join(state, "root", sub.split("/", 3)[3], "lettre-plainte.pdf")
        with open(stored, "rb") as f:
            same = f.read() == data
        ok(c1 == 201 and c2 == 201 and c3 == 401 and same,
           "webdav: MKCOL and PUT with Basic auth store the file; a wrong password gets 401",
           (c1, c2, c3))
    finally:
        subprocess.run([script, "STOP", state], timeout=30)
    port = int(url.split(":")[2].split("/")[0])
    s = socket.socket()
    refused = s.connect_ex(("127.0.0.1", port)) != 0
    s.close()
    ok(refused, "webdav: nginx-webdav.sh STOP stops nginx")


def main():
    for tool in ("curl", "openssl", "nginx"):
        if shutil.which(tool) is None and not os.path.exists("/usr/sbin/" + tool):
            ok(False, "%s is installed (scripts/deps.sh)" % tool)
    for test in (test_relay, test_relay_tls, test_francetransfert, test_webdav):
        try:
            test()
        except Exception:
            ok(False, "%s ran to the end" % test.__name__, traceback.format_exc())
    for proc in processes:
        if proc.poll() is None:
            proc.kill()
    shutil.rmtree(TMP, ignore_errors=True)
    print("1..%d" % len(results))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
