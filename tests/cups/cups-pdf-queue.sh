#!/bin/sh
# cups-pdf-queue.sh — a private CUPS server with one cups-pdf queue, for print tests.
#
#   tests/cups/cups-pdf-queue.sh START STATEDIR [QUEUE]
#   tests/cups/cups-pdf-queue.sh STOP  STATEDIR
#
# START writes a configuration into STATEDIR, starts `cupsd -f` in the background (its own
# ServerRoot, spool, logs and a Unix socket STATEDIR/cups.sock; no TCP port), adds the queue
# QUEUE (default LpTestPDF) with the cups-pdf backend, waits until it accepts jobs, and
# prints three lines:
#
#   CUPS_SERVER=STATEDIR/cups.sock      export it: libcups, lp and GTK's CUPS backend use it
#   QUEUE=LpTestPDF
#   OUT=STATEDIR/out                    where cups-pdf writes each printed job as a PDF
#
# STOP stops that cupsd (SIGTERM, SIGKILL after 5 s) and waits until it has gone. It leaves
# STATEDIR for the caller to remove (the PDFs may hold what a test needs to look at).
#
# What it changes on the machine: one file, /etc/cups/cups-pdf-QUEUE.conf (cups-pdf reads
# its per-queue settings from that fixed directory, whatever the server's ServerRoot: checked
# on Debian 12's 3.0.1), written by START with a marker line and removed by STOP; START
# refuses to overwrite such a file that it did not write. /etc/cups/cups-pdf.conf and the
# system's cupsd (if any) are left alone; everything else lives in STATEDIR.
# It needs root (cupsd runs the cups-pdf backend as root only when the backend is mode 0700
# root, as Debian installs it) and the packages cups, cups-client, cups-filters and
# printer-driver-cups-pdf (scripts/deps.sh). Exit status non-zero, with cupsd's error log on
# stderr, when something does not come up.
set -eu

die () {
  echo "cups-pdf-queue.sh: $*" >&2
  if [ -n "${STATE:-}" ] && [ -f "$STATE/log/error_log" ]; then
    tail -n 40 "$STATE/log/error_log" >&2
  fi
  exit 1
}

[ $# -ge 2 ] || die "usage: $0 START|STOP STATEDIR [QUEUE]"
ACTION=$1
STATE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
QUEUE=${3:-LpTestPDF}
MARKER="# Written by lettre-plainte tests/cups/cups-pdf-queue.sh for"

stop () {
  # The queue's cups-pdf settings, if this script wrote them for this STATEDIR.
  if [ -f "$STATE/queue-conf" ]; then
    conf=$(cat "$STATE/queue-conf")
    if [ -f "$conf" ] && grep -q "^$MARKER $STATE\$" "$conf"; then rm -f "$conf"; fi
    rm -f "$STATE/queue-conf"
  fi
  [ -f "$STATE/cupsd.pid" ] || return 0
  pid=$(cat "$STATE/cupsd.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null; do
      i=$((i + 1))
      if [ $i -eq 50 ]; then kill -KILL "$pid" 2>/dev/null || true; fi
      if [ $i -gt 100 ]; then die "cupsd (pid $pid) does not stop"; fi
      sleep 0.1
    done
  fi
  rm -f "$STATE/cupsd.pid"
}

case "$ACTION" in
  STOP)
    stop
    exit 0
    ;;
  START) ;;
  *) die "unknown action $ACTION (START or STOP)" ;;
esac

[ "$(id -u)" -eq 0 ] || die "must run as root (cupsd runs the cups-pdf backend as root)"
for tool in /usr/sbin/cupsd /usr/sbin/lpadmin /usr/bin/lpstat /usr/bin/gs \
            /usr/lib/cups/backend/cups-pdf /usr/lib/cups/filter/pdftops; do
  [ -x "$tool" ] || die "$tool is missing: install cups cups-client cups-filters printer-driver-cups-pdf"
done
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
[ -f "$PPD" ] || die "$PPD is missing (printer-driver-cups-pdf)"

stop
QUEUE_CONF=/etc/cups/cups-pdf-$QUEUE.conf
mkdir -p "$STATE/etc/ppd" "$STATE/etc/ssl" "$STATE/spool/tmp" "$STATE/cache" "$STATE/log" \
         "$STATE/out" "$STATE/run" "$STATE/cups-pdf-spool"
# cupsd refuses a spool it cannot hand to its filters' user (lp).
chmod 0755 "$STATE" "$STATE/etc" "$STATE/out"
# cups-pdf's spool and Ghostscript's temporary files (the job's contents: a privacy test
# must find them nowhere else, and they must go with STATEDIR).
chmod 0700 "$STATE/cups-pdf-spool"
chown root:lp "$STATE/spool" "$STATE/spool/tmp" 2>/dev/null || true
chmod 0710 "$STATE/spool"
chmod 1770 "$STATE/spool/tmp"

cat > "$STATE/etc/cupsd.conf" <<EOF
# Written by tests/cups/cups-pdf-queue.sh: a private server for tests.
Listen $STATE/cups.sock
Browsing No
BrowseLocalProtocols none
DefaultAuthType None
WebInterface No
LogLevel info
MaxLogSize 0
PreserveJobFiles No
PreserveJobHistory No
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF

cat > "$STATE/etc/cups-files.conf" <<EOF
# Written by tests/cups/cups-pdf-queue.sh.
SystemGroup root
User lp
Group lp
ServerRoot $STATE/etc
RequestRoot $STATE/spool
TempDir $STATE/spool/tmp
CacheDir $STATE/cache
StateDir $STATE/run
AccessLog $STATE/log/access_log
ErrorLog $STATE/log/error_log
PageLog $STATE/log/page_log
FileDevice No
Printcap $STATE/run/printcap
EOF

# cups-pdf's own settings for this queue only (/etc/cups/cups-pdf-QUEUE.conf, read instead of
# cups-pdf.conf). Out: where the PDFs go (for every user); Label 1: "job_N-title.pdf" names,
# so a test can tell its job's file.
if [ -e "$QUEUE_CONF" ] && ! grep -q "^$MARKER" "$QUEUE_CONF"; then
  die "$QUEUE_CONF exists and was not written by this script: choose another queue name"
fi
cat > "$QUEUE_CONF" <<EOF
$MARKER $STATE
Out $STATE/out
AnonDirName $STATE/out
Label 1
Spool $STATE/cups-pdf-spool
GSTmp $STATE/cups-pdf-spool
UserUMask 0077
Log $STATE/log
LogType 3
EOF
echo "$QUEUE_CONF" > "$STATE/queue-conf"

/usr/sbin/cupsd -f -c "$STATE/etc/cupsd.conf" -s "$STATE/etc/cups-files.conf" \
  > "$STATE/log/cupsd.out" 2>&1 &
echo $! > "$STATE/cupsd.pid"

CUPS_SERVER=$STATE/cups.sock
export CUPS_SERVER
i=0
until lpstat -r 2>/dev/null | grep -q "is running"; do
  i=$((i + 1))
  kill -0 "$(cat "$STATE/cupsd.pid")" 2>/dev/null || { cat "$STATE/log/cupsd.out" >&2; die "cupsd exited"; }
  [ $i -lt 100 ] || die "cupsd did not answer within 10 s"
  sleep 0.1
done

lpadmin -p "$QUEUE" -v "cups-pdf:/$QUEUE" -P "$PPD" -E -o printer-is-shared=false \
  || die "lpadmin could not add $QUEUE"
lpadmin -d "$QUEUE" || die "lpadmin could not make $QUEUE the default"
i=0
until lpstat -a "$QUEUE" 2>/dev/null | grep -q "accepting"; do
  i=$((i + 1))
  [ $i -lt 100 ] || die "$QUEUE does not accept jobs"
  sleep 0.1
done

echo "CUPS_SERVER=$CUPS_SERVER"
echo "QUEUE=$QUEUE"
echo "OUT=$STATE/out"
