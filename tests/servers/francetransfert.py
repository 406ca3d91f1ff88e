#!/usr/bin/python3
# Loopback emulator of the FranceTransfert public API (/api-public/...), built from
# /work/shared/docs/francetransfert-api.md (itself read from numerique-gouv/francetransfert).
#
#   python3 tests/servers/francetransfert.py --port-file PATH [--api-key KEY]
#       [--max-chunk-bytes 5242880] [--min-part-bytes N] [--domain '*'] [--ips 127.0.0.1,::1]
#       [--agent-domains gouv.fr] [--final-status 032-PAT] [--polls-per-step 1]
#       [--token-ttl 120] [--no-chunk-order] [--store-dir DIR] [--tls-cert CERT --tls-key KEY]
#
# Implements initPli, chargementPli, statutPli and donneesPli with the cleAPI checks (403 with an
# empty body), the business validations (422 {"erreurs": [...]}, every error at once), the
# chunk rules (chunk 1 first, idempotent re-sends, S3's minimum part size) and the 011-ECH trap.
# README.md lists what had to be guessed.

import datetime
import hashlib
import hmac
import ipaddress
import json
import os
import re
import secrets
import shutil
import string
import sys
import tempfile
import time
import urllib.parse
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lpserver  # noqa: E402
from lpserver import BadRequest, HashSink  # noqa: E402

PREFIX = "/api-public/"
MIB = 1 << 20

# CORE/enums/StatutEnum.java
STATUS = {
    "000-INI": "Initialisé",
    "010-ECC": "En cours de chargement",
    "011-ECH": "Erreur lors du chargement du pli",
    "012-CHT": "Chargement terminé",
    "020-ANA": "Analyse du pli",
    "021-ETF": "Erreur détectée lors de l’analyse des types de fichier",
    "022-EAV": "Erreur détectée lors de l’analyse antivirale",
    "023-APT": "Analyse du pli terminée",
    "030-EDC": "Envoi des courriels",
    "031-EEC": "Erreur lors de l’envoi des courriels",
    "032-PAT": "Prêt au téléchargement",
    "040-ECT": "En cours de téléchargement",
    "090-ARC": "Archivé",
}

# What the worker does after 012-CHT, one step per statutPli poll, by final status.
WORKER_PATHS = {
    "032-PAT": ["012-CHT", "020-ANA", "023-APT", "030-EDC", "032-PAT"],
    "021-ETF": ["012-CHT", "020-ANA", "021-ETF"],
    "022-EAV": ["012-CHT", "020-ANA", "022-EAV"],
    "031-EEC": ["012-CHT", "020-ANA", "023-APT", "030-EDC", "031-EEC"],
}

# CORE/enums/ValidationErrorEnum.java: name -> (codeChamp, numErreur, libelleErreur)
ERRORS = {
    "FT01": ("typePli", "ERR_FT01_001", "Le type de pli est obligatoire"),
    "FT02": ("typePli", "ERR_FT01_002",
             "La valeur fournie pour le champ typePli doit appartenir à la liste de valeur « Liste des types de pli »"),
    "FT04": ("courrielExpediteur", "ERR_FTXX_001",
             "Le domaine de messagerie du courriel expéditeur / utilisateur doit être celui d’un agent de l’Etat"),
    "FT05": ("courrielExpediteur", "ERR_FTXX_002", "Le courriel expéditeur / utilisateur est obligatoire"),
    "FT06": ("courrielExpediteur", "ERR_FTXX_003",
             "Le courriel expéditeur / utilisateur doit respecter le format d’un courriel"),
    "FT07": ("destinataires", "ERR_FT01_007",
             "Une liste de destinataires est obligatoire si le type de Pli est « courriel »"),
    "FT08": ("destinataires.courrielDestinataire", "ERR_FT01_008",
             "Si une liste de destinataires est fournie alors au moins un destinataire doit être renseigné"),
    "FT09": ("destinataires.courrielDestinataire", "ERR_FT01_009",
             "Le courriel destinataire doit respecter le format d’un courriel"),
    "FT010": ("preferences.dateValidite", "ERR_FT01_010",
              "La date de fin de validité du pli doit être comprise entre J+1 et J+60 jours"),
    "FT011": ("preferences.dateValidite", "ERR_FT01_011",
              "La date de fin de validité doit respecter le format d’une date"),
    "FT012": ("preferences.motDePasse", "ERR_FT01_012",
              "Le mot de passe doit respecter les critères de robustesse et caractères autorisés : 12 caractères minimum - 64 caractères maximum - Au moins 3 lettres minuscules (a-z non accentué) - Au moins 3 lettres majuscules (A-Z non accentué) - Au moins 3 chiffres - Au moins 3 caractères spéciaux (!@#$%^&*()_-:+) - aucun caractère spécial non supporté\r\n"),
    "FT014": ("preferences.langueCourriel", "ERR_FT01_014",
              "La valeur fournie pour le champ langueCourriel doit appartenir à la liste de valeur « Liste des langues de courriel »"),
    "FT016": ("preferences.protectionArchive", "ERR_FT01_016",
              "Le champ protectionArchive doit respecter le format d’un booléen"),
    "FT018": ("fichiers", "ERR_FT01_018", "Au moins un fichier doit être fourni"),
    "FT019": ("fichiers.nomFichier", "ERR_FTXX_006", "Le nom de fichier est obligatoire"),
    "FT020": ("fichiers.tailleFichier", "ERR_FTXX_007", "La taille de fichier est obligatoire"),
    "FT021": ("fichiers.tailleFichier", "ERR_FT01_021",
              "La taille de chaque fichier ne peut pas dépasser 2 147 483 648 octets (2 Go)"),
    "FT022": ("fichiers.tailleFichier", "ERR_FT01_022",
              "La taille totale du pli ne peut pas dépasser 21 474 836 480 (20 Go)"),
    "FT023": ("fichiers.idFichier", "ERR_FTXX_005", "L’identifiant de fichier est obligatoire"),
    "FT024": ("fichiers.cheminRelatif", "ERR_FT01_024", "Le chemin relatif d’accès au fichier est obligatoire"),
    "FT025": ("fichiers.nomFichier", "ERR_FT01_025", "Le type d’un des fichiers du pli n’est pas autorisé"),
    "FT031": ("fichiers.nomFichier", "ERR_FT01_031", "Le nom du fichier doit être inférieur à 170 caractères"),
    "FT026": ("destinataires", "ERR_FT01_026", "Le nombre de destinataires est limité à 100"),
    "FT027": ("message", "ERR_FT01_027", "La taille maximum du message est de 25 000 caractères"),
    "FT028": ("fichiers.nomFichier", "ERR_FT01_028", "Le nom du fichier doit être unique"),
    "FT030": ("fichiers.idFichier", "ERR_FT01_030", "L’id du fichier doit être unique"),
    "FT204": ("courrielExpediteur", "ERR_FT02_004", "Le courriel expéditeur doit respecter le format d’un courriel"),
    "FT205": ("idPli", "ERR_FTXX_004", "L’identifiant du pli doit être connu de France transfert."),
    "FT2020": ("courrielExpediteur", "ERR_FTXX_008",
               "Le courriel expéditeur n’est pas cohérent avec l’identifiant de pli indiqués dans la requête."),
    "FT206": ("idFichier", "ERR_FT02_006", "L’identifiant de fichier est obligatoire"),
    "FT207": ("nomFichier", "ERR_FT02_007", "Le nom de fichier est obligatoire"),
    "FT208": ("numMorceauFichier", "ERR_FT02_008", "Le numéro de morceau du fichier est obligatoire"),
    "FT209": ("numMorceauFichier", "ERR_FT02_009",
              "Le numéro de morceau du fichier doit être inférieur ou égal au nombre total de morceaux du fichier"),
    "FT2010": ("numMorceauFichier", "ERR_FT02_010", "Le numéro de morceau du fichier doit être un entier supérieur à 0"),
    "FT2011": ("totalMorceauxFichier", "ERR_FT02_011", "Le nombre total de morceaux du fichier est obligatoire"),
    "FT2012": ("totalMorceauxFichier", "ERR_FT02_012",
               "Le nombre total de morceaux du fichier doit être un entier supérieur à 0"),
    "FT2013": ("tailleMorceauFichier", "ERR_FT02_013", "La taille du morceau du fichier est obligatoire"),
    "FT2014": ("tailleMorceauFichier", "ERR_FT02_014", "La taille du morceau du fichier doit être un entier supérieur à 0"),
    "FT2016": ("fichier", "ERR_FT02_016", "Le contenu du fichier est obligatoire"),
    "FT2017": ("", "ERR_FT02_017",
               "Pour autoriser le chargement des fichiers du pli, le statut du pli doit être 000-INI ou 010-ECC"),
    "FT2018": ("tailleFichier", "ERR_FT02_018", "La taille du fichier doit être un entier supérieur à 0"),
    "FT406": ("", "ERR_FT04_006",
              "Il n’est pas possible d’obtenir les métadonnées du pli si le statut du pli n’est pas 032-PAT, 040-ECT ou 090-ARC"),
    "FT2019": ("", "ERR_FT02_019",
               "L’identifiant de fichier fourni doit correspondre à un identifiant de fichier déclaré à l’initialisation du pli"),
}
BY_NUM = {num: (champ, num, label) for champ, num, label in ERRORS.values()}

# Guessed stand-in for the secret production blacklist (the FAQ's forbidden extensions).
BLACKLISTED_EXTENSIONS = {"exe", "js", "html", "htm", "bat", "msi", "cmd", "com", "scr", "vbs",
                          "jar", "ps1", "sh", "dll", "apk"}

EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                      r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
PASSWORD_SPECIALS = "!@#$%^&*()_-:+"
LOCALES = {"fr-FR": "fr_FR", "fr_FR": "fr_FR", "en-GB": "en_GB", "en_GB": "en_GB"}
MAX_FILE = 2147483648
MAX_TOTAL = 21474836480
MAX_RECIPIENTS = 100          # upload.max.recipient.agent (prod): count must be < this
MAX_MESSAGE = 25000
MAX_FILENAME = 170
EXPIRY_DAYS_MAX = 60          # upload.expired.limit (prod)


def ft_error(name):
    champ, num, label = ERRORS[name]
    return {"libelleErreur": label, "codeChamp": champ, "numErreur": num}


def status_json(code):
    return {"codeStatutPli": code, "libelleStatutPli": STATUS[code]}


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def valid_email(value):
    return isinstance(value, str) and EMAIL_RE.match(value) is not None


def valid_password(password):
    if len(password) < 12 or len(password) > 64:
        return False
    allowed = string.ascii_letters + string.digits + PASSWORD_SPECIALS
    if any(c not in allowed for c in password):
        return False
    return (sum(c in string.ascii_lowercase for c in password) >= 3
            and sum(c in string.ascii_uppercase for c in password) >= 3
            and sum(c in string.digits for c in password) >= 3
            and sum(c in PASSWORD_SPECIALS for c in password) >= 3)


def generate_password():
    chars = ([secrets.choice(string.ascii_lowercase) for _ in range(4)]
             + [secrets.choice(string.ascii_uppercase) for _ in range(4)]
             + [secrets.choice(string.digits) for _ in range(4)]
             + [secrets.choice(PASSWORD_SPECIALS) for _ in range(4)])
    secrets.SystemRandom().shuffle(chars)
    return "".join(chars)


class UploadFailure(Exception):
    """A failure inside chunk processing: the pli goes to 011-ECH and the answer is a 400."""


class ChunkTooLarge(Exception):
    pass


class FileRecord:
    def __init__(self, id_fichier, nom, declared_size, directory):
        self.id = id_fichier
        self.name = nom
        self.declared_size = declared_size
        self.dir = directory
        self.chunks = {}            # number -> size
        self.arrival = []           # chunk numbers in arrival order (stored ones)
        self.duplicates = 0
        self.complete = False
        self.size = None
        self.sha256 = None

    def chunk_path(self, num):
        return os.path.join(self.dir, "%06d" % num)

    def to_json(self):
        return {"idFichier": self.id, "name": self.name, "declared_size": self.declared_size,
                "size": self.size if self.complete else sum(self.chunks.values()),
                "sha256": self.sha256, "chunks": list(self.arrival),
                "chunk_sizes": [self.chunks[n] for n in self.arrival],
                "duplicate_chunks": self.duplicates, "complete": self.complete}


class Pli:
    def __init__(self, data, password, final_status, directory):
        self.id = str(uuid.uuid4())
        self.token = str(uuid.uuid4())
        self.dir = directory
        self.sender = data["courrielExpediteur"]
        self.type = data["typePli"]
        self.recipients = list(data.get("destinataires") or []) if self.type == "COU" else []
        self.objet = data.get("objet")
        self.message = data.get("message")
        self.preferences = data["preferences"]
        self.password = password
        self.final_status = final_status
        self.status = "000-INI"
        self.history = ["000-INI"]
        self.polls = 0
        self.created = datetime.datetime.now().replace(microsecond=0)
        self.files = {}
        for i, f in enumerate(data["fichiers"]):
            self.files[f["idFichier"]] = FileRecord(f["idFichier"], f["nomFichier"],
                                                    f.get("tailleFichier"),
                                                    os.path.join(directory, "f%d" % i))

    def set_status(self, code):
        if self.status != code:
            self.status = code
            self.history.append(code)

    def expiry(self):
        date = self.preferences.get("dateValidite")
        if date:
            return date[:10] + "T00:00:00"
        return (datetime.date.today() + datetime.timedelta(days=30)).isoformat() + "T00:00:00"

    def to_json(self):
        prefs = {k: v for k, v in self.preferences.items() if k != "motDePasse"}
        return {"idPli": self.id, "sender": self.sender, "recipients": self.recipients,
                "typePli": self.type, "objet": self.objet, "message": self.message,
                "preferences": prefs,
                "password_given": not is_blank(self.preferences.get("motDePasse")),
                "files": [f.to_json() for f in self.files.values()],
                "status": self.status, "status_history": list(self.history),
                "final_status": self.final_status}


class FTState(lpserver.BaseState):
    name = "francetransfert"

    def __init__(self, args):
        super().__init__()
        self.args = args
        self.tmpdir = tempfile.mkdtemp(prefix="lp-ft-")
        self.networks = [ipaddress.ip_network(n.strip(), strict=False)
                         for n in args.ips.split(",") if n.strip()]
        self.reset_received()

    def reset_received(self):
        self.plis = {}
        self.order = []
        self.tokens = {}
        self.deleted = []
        for entry in os.listdir(self.tmpdir) if os.path.isdir(self.tmpdir) else []:
            shutil.rmtree(os.path.join(self.tmpdir, entry), ignore_errors=True)

    def fault_matches(self, fault, method, path):
        if "match" not in fault:
            # These only make sense on one endpoint: do not let another request consume them.
            if "final_status" in fault:
                return path.endswith("/initPli")
            if "ech011" in fault:
                return path.endswith("/chargementPli")
        return super().fault_matches(fault, method, path)

    def received(self):
        with self.lock:
            return {"plis": [p.to_json() for p in self.order], "deleted_plis": list(self.deleted),
                    "requests": self.requests, "log": list(self.log)}

    def cleanup(self):
        shutil.rmtree(self.tmpdir, ignore_errors=True)


class FTHandler(lpserver.Handler):
    name = "francetransfert"
    fault_keys = ("ft_error", "ech011", "final_status")

    # -- responses in the API's own shapes --------------------------------------------------

    def respond(self, status, payload=b"", content_type="application/json", headers=None,
                from_fault=False):
        headers = dict(headers or {})
        # CorrelationIdMdcFilter: echo the client's ids, or make new ones.
        headers["x-correlation-id"] = self.headers.get("x-correlation-id") or str(uuid.uuid4())
        headers["x-session-id"] = self.headers.get("x-session-id") or str(uuid.uuid4())
        super().respond(status, payload, content_type, headers, from_fault)

    def forbidden(self):
        self.respond(403, b"", None)

    def validation_errors(self, names):
        self.send_json(422, {"erreurs": [ft_error(n) for n in names]})

    def technical(self, status, kind, ident=""):
        self.send_json(status, {"statusCode": status, "type": kind, "id": ident})

    def internal_error(self):
        self.technical(500, "500 INTERNAL_SERVER_ERROR")

    def respond_error(self, status, message):
        # Malformed requests (bad chunking, broken multipart): Spring would answer 400.
        self.technical(status, message)

    def check_fault(self, fault):
        super().check_fault(fault)
        if "final_status" in fault and fault["final_status"] not in WORKER_PATHS:
            raise BadRequest("final_status must be one of %s" % ", ".join(sorted(WORKER_PATHS)))
        if "ft_error" in fault and not (isinstance(fault["ft_error"], str) or (
                isinstance(fault["ft_error"], list) and all(isinstance(c, str) for c in fault["ft_error"]))):
            raise BadRequest("ft_error must be a string or an array of strings")

    def apply_fault_before(self):
        if "ft_error" in self.fault and "status" not in self.fault:
            self.fault["status"] = 422
        return super().apply_fault_before()

    def respond_fault_status(self, fault):
        status = fault["status"]
        headers = {}
        if "retry_after" in fault:
            headers["Retry-After"] = str(int(round(fault["retry_after"])))
        if "ft_error" in fault:
            codes = fault["ft_error"]
            if isinstance(codes, str):
                codes = [codes]
            errors = []
            for code in codes:
                champ, num, label = BY_NUM.get(code, ERRORS.get(code, ("", code, "Erreur simulée")))
                errors.append({"libelleErreur": label, "codeChamp": champ, "numErreur": num})
            payload, ctype = json.dumps({"erreurs": errors}, ensure_ascii=False).encode(), "application/json"
        elif status == 403:
            payload, ctype = b"", None
        else:
            kind = {400: "TECHNICAL_ERROR during file upload : injected fault",
                    401: "Unauthorized", 500: "500 INTERNAL_SERVER_ERROR"}.get(status, "injected fault")
            payload = json.dumps({"statusCode": status, "type": kind, "id": ""}).encode()
            ctype = "application/json"
        self.respond(status, payload, ctype, headers, from_fault=True)

    # -- authentication (§1.3) --------------------------------------------------------------

    def client_ip(self):
        forwarded = self.headers.get(self.state.args.forwarded_header)
        return forwarded.strip() if forwarded and forwarded.strip() else self.client_address[0]

    def authorized(self, sender):
        """cleAPI present, known, bound to the sender's domain and to the caller's IP."""
        args = self.state.args
        key = self.headers.get("cleAPI")
        if is_blank(key) or not hmac.compare_digest(key.encode(), args.api_key.encode()):
            return False
        domain = args.domain
        if domain != "*":
            if not isinstance(sender, str):
                return False
            if "@" in domain:
                if sender != domain:
                    return False
            elif sender.rsplit("@", 1)[-1].lower() not in domain.lower():
                return False
        try:
            ip = ipaddress.ip_address(self.client_ip())
        except ValueError:
            return False
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        return any(ip in net for net in self.state.networks if net.version == ip.version)

    def is_agent(self, sender):
        domain = sender.rsplit("@", 1)[-1].lower()
        return any(domain == d or domain.endswith("." + d) for d in self.state.agent_domains)

    # -- routing -----------------------------------------------------------------------------

    def handle_api(self):
        path = self.url.path
        routes = {"initPli": ("POST", self.init_pli), "chargementPli": ("POST", self.chargement_pli),
                  "statutPli": ("GET", self.statut_pli), "donneesPli": ("GET", self.donnees_pli)}
        name = path[len(PREFIX):] if path.startswith(PREFIX) else None
        if name not in routes:
            self.send_json(404, {"timestamp": datetime.datetime.now().isoformat(), "status": 404,
                                 "error": "Not Found", "path": path})
            return
        method, func = routes[name]
        if self.command != method:
            self.send_json(405, {"timestamp": datetime.datetime.now().isoformat(), "status": 405,
                                 "error": "Method Not Allowed", "path": path}, {"Allow": method})
            return
        func()

    def query(self):
        return {k: v[0] for k, v in urllib.parse.parse_qs(self.url.query, keep_blank_values=True).items()}

    def missing_parameter(self, name):
        self.technical(422, "Missing required request parameter: %s" % name)

    # -- initPli (§1.4) ----------------------------------------------------------------------

    def init_pli(self):
        ctype = lpserver.parse_header_params("Content-Type", self.headers.get("Content-Type", ""))
        if ctype.get_content_type() != "application/json":
            self.technical(415, "Content-Type '%s' is not supported" % ctype.get_content_type())
            return
        try:
            data = self.read_json_body(limit=16 * MIB)
        except BadRequest:
            self.technical(400, "JSON parse error")
            return
        if not isinstance(data, dict):
            self.technical(400, "JSON parse error")
            return
        data = self.coerce_init(data)
        if data is None:
            self.technical(400, "JSON parse error")
            return

        # Bean validation runs before the controller: 400.
        bean = {}
        if isinstance(data.get("destinataires"), list) and len(data["destinataires"]) > 101:
            bean["destinataires"] = "la taille doit être comprise entre 0 et 101"
        if isinstance(data.get("objet"), str) and len(data["objet"]) > 500:
            bean["objet"] = "la taille doit être comprise entre 0 et 500"
        if bean:
            self.send_json(400, {"status": "BAD_REQUEST", "message": "MethodArgumentNotValidException",
                                 "errors": bean})
            return

        if not self.authorized(data.get("courrielExpediteur")):
            self.forbidden()
            return
        # Dereferenced without a null check in the real code: NPE -> 500.
        if not isinstance(data.get("preferences"), dict) or not isinstance(data.get("fichiers"), list):
            self.internal_error()
            return

        errors = self.validate_init(data)
        if errors:
            self.validation_errors(errors)
            return

        prefs = data["preferences"]
        password = prefs.get("motDePasse")
        password = password.strip() if not is_blank(password) else generate_password()
        final = self.state.args.final_status
        if self.fault and "final_status" in self.fault:
            final = self.fault["final_status"]
        state = self.state
        with state.lock:
            pli = Pli(data, password, final, os.path.join(state.tmpdir, "pli-%d" % len(state.order)))
            state.plis[pli.id] = pli
            state.order.append(pli)
            state.tokens[pli.token] = (pli.id, time.monotonic() + state.args.token_ttl)
        self.send_json(201, {"idPli": pli.id, "statutPli": status_json("000-INI"), "token": pli.token})

    def coerce_init(self, data):
        """Jackson's coercions: null primitives become 0/false, numeric strings become numbers.
        Returns None where Jackson would fail to bind (answered 400)."""
        files = data.get("fichiers")
        if isinstance(files, list):
            for f in files:
                if not isinstance(f, dict):
                    return None
                size = f.get("tailleFichier")
                if size is None:
                    f["tailleFichier"] = 0
                elif isinstance(size, str) and re.match(r"^-?\d+$", size.strip()):
                    f["tailleFichier"] = int(size)
                elif not isinstance(size, int) or isinstance(size, bool):
                    return None
                for key in ("idFichier", "nomFichier"):
                    if f.get(key) is not None and not isinstance(f[key], (str, int)):
                        return None
                    if isinstance(f.get(key), int):
                        f[key] = str(f[key])
        for key in ("typePli", "courrielExpediteur", "objet", "message"):
            if data.get(key) is not None and not isinstance(data[key], str):
                return None
        recipients = data.get("destinataires")
        if recipients is not None and not isinstance(recipients, list):
            return None
        prefs = data.get("preferences")
        if isinstance(prefs, dict):
            for key in ("protectionArchive", "envoiMdpDestinataires"):
                if prefs.get(key) is not None and not isinstance(prefs[key], bool):
                    return None
            for key in ("dateValidite", "langueCourriel", "motDePasse"):
                if prefs.get(key) is not None and not isinstance(prefs[key], str):
                    return None
        return data

    def validate_init(self, data):
        """ValidationMailService.validateMailData, in its order. Returns error names."""
        errors = []
        sender = data.get("courrielExpediteur")
        type_pli = data.get("typePli")
        recipients = data.get("destinataires")
        prefs = data["preferences"]
        files = data["fichiers"]

        type_error = None
        if is_blank(type_pli):
            type_error = "FT01"
        elif type_pli not in ("COU", "LIE"):
            type_error = "FT02"
        if type_error is None:
            if not sender:
                errors.append("FT05")
            elif not valid_email(sender):
                errors.append("FT06")
            elif not self.is_agent(sender):
                errors.append("FT04")
            elif type_pli == "COU":
                if not recipients:
                    errors.append("FT07")
                elif len(recipients) >= MAX_RECIPIENTS:
                    errors.append("FT026")
                elif not all(valid_email(r) for r in recipients):
                    errors.append("FT09")

        message = data.get("message")
        if isinstance(message, str) and len(message) > MAX_MESSAGE:
            errors.append("FT027")

        names = [f.get("nomFichier") for f in files if not is_blank(f.get("nomFichier"))]
        if len(names) != len(set(names)):
            errors.append("FT028")
        ids = [f.get("idFichier") for f in files if not is_blank(f.get("idFichier"))]
        if len(ids) != len(set(ids)):
            errors.append("FT030")

        lang = prefs.get("langueCourriel")
        if lang is not None and lang not in LOCALES:
            errors.append("FT014")
        date = prefs.get("dateValidite")
        if date is not None:
            parsed = None
            if DATE_RE.match(date):
                try:
                    parsed = datetime.datetime.strptime(date, "%Y-%m-%dT%H:%M:%S").date()
                except ValueError:
                    parsed = None
            if parsed is None:
                errors.append("FT011")
            else:
                days = (parsed - datetime.date.today()).days
                if days < 1 or days > EXPIRY_DAYS_MAX:
                    errors.append("FT010")

        password = prefs.get("motDePasse")
        if not is_blank(password) and not valid_password(password.strip()):
            errors.append("FT012")
        if type_error:
            errors.append(type_error)

        if not files:
            errors.append("FT018")
        else:
            for f in files:
                fid, name = f.get("idFichier"), f.get("nomFichier")
                if is_blank(fid) or fid == "null":
                    errors.append("FT023")
                    break
                if is_blank(name):
                    errors.append("FT019")
                    break
                if len(name) > MAX_FILENAME:
                    errors.append("FT031")
                    break
            sizes = [f["tailleFichier"] for f in files]
            if any(s > MAX_FILE for s in sizes):
                errors.append("FT021")
            elif sum(sizes) > MAX_TOTAL:
                errors.append("FT022")
            elif sum(sizes) <= 0:
                errors.append("FT020")
            for f in files:
                name = f.get("nomFichier") or ""
                if "." in name and name.rsplit(".", 1)[1].lower() in BLACKLISTED_EXTENSIONS:
                    errors.append("FT025")
                    break
        return errors

    # -- chargementPli (§1.5) -----------------------------------------------------------------

    def chargement_pli(self):
        args = self.state.args
        fields = {}
        fichier = None
        workdir = tempfile.mkdtemp(dir=self.state.tmpdir, prefix="in-")
        try:
            ctype = self.headers.get("Content-Type", "")
            if lpserver.parse_header_params("Content-Type", ctype).get_content_type() == "multipart/form-data":
                boundary = lpserver.multipart_boundary(ctype)

                def make_sink(part):
                    if part.filename is not None:
                        return HashSink(path=os.path.join(workdir, uuid.uuid4().hex),
                                        max_bytes=args.max_chunk_bytes, too_big=ChunkTooLarge)
                    return HashSink(keep_bytes=65536, max_bytes=65536)

                try:
                    parts = lpserver.parse_multipart(self.body, boundary, make_sink)
                except ChunkTooLarge:
                    # Spring's multipart size limit (MaxUploadSizeExceededException): generic 500.
                    self.internal_error()
                    return
                for part in parts:
                    if part.filename is not None:
                        if part.name == "fichier" and fichier is None:
                            fichier = part
                    elif part.name not in fields:
                        fields[part.name] = part.sink.bytes().decode("utf-8", "replace")
            for key, value in self.query().items():
                fields.setdefault(key, value)

            for name in ("idPli", "courrielExpediteur", "idFichier", "nomFichier"):
                if name not in fields:
                    self.missing_parameter(name)
                    return
            if fichier is None:
                self.technical(422, "Missing required request part: fichier")
                return
            numbers = {}
            for name in ("numMorceauFichier", "totalMorceauxFichier", "tailleMorceauFichier",
                         "tailleFichier"):
                value = fields.get(name)
                if value is None or not value.strip():
                    numbers[name] = None
                    continue
                try:
                    numbers[name] = int(value.strip())
                except ValueError:
                    self.technical(400, "Failed to convert value of type 'java.lang.String' to "
                                        "required type 'int'; For input string: \"%s\"" % value)
                    return
            self.upload_chunk(fields, numbers, fichier)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    def token_valid(self, token, id_pli):
        entry = self.state.tokens.get(token)
        return entry is not None and entry[0] == id_pli and time.monotonic() < entry[1]

    def upload_chunk(self, fields, numbers, fichier):
        state = self.state
        id_pli, sender = fields["idPli"], fields["courrielExpediteur"]
        token = self.headers.get("token")
        if token and token.strip() and token.lower() != "unknown":
            if not self.token_valid(token, id_pli):
                self.forbidden()
                return
        elif not self.authorized(sender):
            self.forbidden()
            return

        num, total = numbers["numMorceauFichier"], numbers["totalMorceauxFichier"]
        chunk_size, file_size = numbers["tailleMorceauFichier"], numbers["tailleFichier"]
        with state.lock:
            pli = state.plis.get(id_pli)
            errors = []
            if is_blank(fields["idFichier"]):
                errors.append("FT023")
            elif is_blank(fields["nomFichier"]):
                errors.append("FT019")
            if num is None:
                errors.append("FT208")
            elif num <= 0:
                errors.append("FT2010")
            if total is None:
                errors.append("FT2011")
            elif total <= 0:
                errors.append("FT2012")
            if file_size is None:
                errors.append("FT020")
            elif file_size <= 0:
                errors.append("FT2018")
            if fichier.sink.size == 0:
                errors.append("FT2016")
            if pli is not None and pli.status not in ("000-INI", "010-ECC"):
                errors.append("FT2017")
            if chunk_size is None:
                errors.append("FT2013")
            elif chunk_size <= 0:
                errors.append("FT2014")
            if num is not None and total is not None and num > total:
                errors.append("FT209")
            if pli is None:
                errors.append("FT205")
            elif sender.lower() != pli.sender.lower():
                errors.append("FT2020")
            if errors:
                self.validation_errors(errors)
                return

            try:
                self.process_chunk(pli, fields["idFichier"], num, total, fichier)
            except UploadFailure as e:
                pli.set_status("011-ECH")
                self.technical(400, "TECHNICAL_ERROR during file upload : %s" % e, pli.id)
                return
            except ValidationFailure as e:
                pli.set_status("011-ECH")
                self.validation_errors([str(e)])
                return
            except ExtensionRefused:
                # UploadServices.checkExtension -> cleanEnclosure: the pli is gone.
                del state.plis[pli.id]
                state.order.remove(pli)
                state.deleted.append({"idPli": pli.id, "reason": "extension",
                                      "filename": fichier.filename})
                shutil.rmtree(pli.dir, ignore_errors=True)
                self.technical(500, "TECHNICAL_ERROR", str(uuid.uuid4()))
                return
            status = pli.status
        self.send_json(201, {"idPli": pli.id, "statutPli": status_json(status)})

    def process_chunk(self, pli, id_fichier, num, total, fichier):
        """UploadServices.uploadFile. Called with the state lock held."""
        if self.fault and self.fault.get("ech011"):
            raise UploadFailure("injected storage failure (ech011 fault)")
        record = pli.files.get(id_fichier)
        if record is None:
            raise ValidationFailure("FT2019")
        name = fichier.filename or ""
        if "." not in name or name.rsplit(".", 1)[1].lower() in BLACKLISTED_EXTENSIONS:
            raise ExtensionRefused()
        if num in record.chunks:
            record.duplicates += 1               # the part exists already: success, no change
            return
        if num != 1 and 1 not in record.chunks and self.state.args.chunk_order:
            raise UploadFailure("no multipart upload id for file %s after 5 s: chunk 1 must be "
                                "sent (and answered) before the others" % id_fichier)
        os.makedirs(record.dir, exist_ok=True)
        os.replace(fichier.sink.path, record.chunk_path(num))
        record.chunks[num] = fichier.sink.size
        record.arrival.append(num)
        if pli.status == "000-INI":
            pli.set_status("010-ECC")
        if len(record.chunks) >= total:
            self.complete_file(pli, record, total)
        if all(f.complete for f in pli.files.values()):
            pli.set_status("012-CHT")

    def complete_file(self, pli, record, total):
        """finishUploadFile: S3 CompleteMultipartUpload, with its minimum part size."""
        if set(record.chunks) != set(range(1, total + 1)):
            raise UploadFailure("InvalidPart: chunks %s do not make 1..%d"
                                % (sorted(record.chunks), total))
        minimum = self.state.args.min_part_bytes
        for n in range(1, total):
            if record.chunks[n] < minimum:
                raise UploadFailure("EntityTooSmall: chunk %d of file %s is %d bytes, every chunk "
                                    "but the last must be at least %d"
                                    % (n, record.id, record.chunks[n], minimum))
        sha = hashlib.sha256()
        size = 0
        out = None
        store = self.state.args.store_dir
        if store:
            os.makedirs(os.path.join(store, pli.id), exist_ok=True)
            out = open(os.path.join(store, pli.id, os.path.basename(record.name)), "wb")
        try:
            for n in range(1, total + 1):
                with open(record.chunk_path(n), "rb") as f:
                    while True:
                        block = f.read(lpserver.BLOCK)
                        if not block:
                            break
                        sha.update(block)
                        size += len(block)
                        if out:
                            out.write(block)
        finally:
            if out:
                out.close()
        record.complete = True
        record.size = size
        record.sha256 = sha.hexdigest()

    # -- statutPli and donneesPli (§1.6, §1.7) ----------------------------------------------

    def pli_from_query(self):
        """Common part of the GET endpoints. Returns the pli, or None once answered."""
        query = self.query()
        for name in ("idPli", "courrielExpediteur"):
            if name not in query:
                self.missing_parameter(name)
                return None
        sender = query["courrielExpediteur"]
        if not self.authorized(sender):
            self.forbidden()
            return None
        pli = self.state.plis.get(query["idPli"])
        if pli is None:
            self.validation_errors(["FT205"])
            return None
        if sender.lower() != pli.sender.lower():
            self.validation_errors(["FT2020"])
            return None
        return pli

    def statut_pli(self):
        with self.state.lock:
            pli = self.pli_from_query()
            if pli is None:
                return
            path = WORKER_PATHS[pli.final_status]
            if pli.status in path[:-1]:
                pli.polls += 1
                if pli.polls % self.state.args.polls_per_step == 0:
                    pli.set_status(path[path.index(pli.status) + 1])
            body = {"idPli": pli.id, "statutPli": status_json(pli.status)}
        self.send_json(200, body)

    def donnees_pli(self):
        with self.state.lock:
            pli = self.pli_from_query()
            if pli is None:
                return
            if pli.status not in ("032-PAT", "040-ECT", "090-ARC"):
                self.validation_errors(["FT406"])
                return
            lang = LOCALES.get(pli.preferences.get("langueCourriel") or "fr_FR", "fr_FR")
            body = {
                "idPli": pli.id, "statutPli": status_json(pli.status), "typePli": pli.type,
                "courrielExpediteur": pli.sender,
                "destinataires": [{"courrielDestinataire": r, "nbTelechargements": 0,
                                   "datesTelechargement": []} for r in pli.recipients],
                "objet": pli.objet, "message": pli.message,
                "preferences": {"langueCourriel": lang,
                                "protectionArchive": bool(pli.preferences.get("protectionArchive")),
                                "dateValidite": pli.expiry(),
                                "motDePasse": pli.password if pli.status == "032-PAT" else ""},
                "dateDepot": pli.created.strftime("%Y-%m-%dT%H:%M:%S"),
                "fichiers": [{"nomFichier": f.name, "tailleFichier": f.declared_size}
                             for f in pli.files.values()],
                "lienTelechargementPublic": (
                    "https://francetransfert.numerique.gouv.fr/download/download-info-public"
                    "?enclosure=" + pli.id if pli.type == "LIE" else ""),
            }
        self.send_json(200, body)


class ValidationFailure(Exception):
    """An ApiValidationException inside chunk processing: 422, and the pli goes to 011-ECH."""


class ExtensionRefused(Exception):
    pass


def main():
    parser = lpserver.new_parser("Loopback emulator of the FranceTransfert public API.")
    parser.add_argument("--api-key", default="test", help="the one valid cleAPI value")
    parser.add_argument("--domain", default="*",
                        help="domaine[0] of the key: '*', an exact address, or a domain the "
                             "sender's domain must be a substring of")
    parser.add_argument("--ips", default="127.0.0.1,::1", help="allowed caller IPs / CIDRs")
    parser.add_argument("--forwarded-header", default="X-Forwarded-For",
                        help="header read for the caller IP before the TCP peer")
    parser.add_argument("--agent-domains", default="gouv.fr",
                        help="State-agent mail domains (subdomains included)")
    parser.add_argument("--max-chunk-bytes", type=int, default=5 * MIB,
                        help="largest accepted fichier part (default 5 MiB)")
    parser.add_argument("--min-part-bytes", type=int, default=None,
                        help="smallest non-last chunk (S3 minimum part; default = --max-chunk-bytes)")
    parser.add_argument("--final-status", default="032-PAT", choices=sorted(WORKER_PATHS),
                        help="where statutPli polling ends")
    parser.add_argument("--polls-per-step", type=int, default=1,
                        help="statutPli polls per worker status step after 012-CHT")
    parser.add_argument("--token-ttl", type=float, default=120,
                        help="lifetime in seconds of the initPli token")
    parser.add_argument("--no-chunk-order", dest="chunk_order", action="store_false",
                        help="accept a file's other chunks before its chunk 1")
    parser.add_argument("--store-dir", help="write each completed file as DIR/<idPli>/<nomFichier>")
    args = parser.parse_args()
    if args.min_part_bytes is None:
        args.min_part_bytes = args.max_chunk_bytes
    if args.polls_per_step < 1:
        parser.error("--polls-per-step must be >= 1")
    state = FTState(args)
    state.agent_domains = [d.strip().lower() for d in args.agent_domains.split(",") if d.strip()]
    lpserver.serve(FTHandler, state, args)


if __name__ == "__main__":
    main()
