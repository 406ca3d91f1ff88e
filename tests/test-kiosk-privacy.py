#!/usr/bin/python3
# test-kiosk-privacy.py — issue 5's privacy test: a public terminal forgets the person.
#
# Usage (on a private X server and D-Bus session, as root for the private CUPS server):
#   GTK_A11Y=atspi tests/run-gui-test.sh /usr/bin/python3 tests/test-kiosk-privacy.py \
#       PROGRAM SOURCE_ROOT
#
# 1. Starts a private CUPS server with a cups-pdf queue (tests/cups/cups-pdf-queue.sh, which
#    sets PreserveJobFiles No and PreserveJobHistory No, as the kiosk's README asks).
# 2. Starts PROGRAM --kiosk --config SITE.conf ([print] printer = that queue, short inactivity
#    timeouts) with its own HOME, XDG directories and a 0700 XDG_RUNTIME_DIR, and fills the
#    whole wizard through AT-SPI, as a person would (tests/a11y/fill-wizard.py's helpers), with
#    a distinctive invented person and a valid test NIR (GIVEN_NAME, BIRTH_NAME, NIR_* below:
#    a woman born in July 1953 in Haute-Corse; not the NIR of tests/data, which other tests
#    running at the same time may leave in /tmp).
# 3. Prints the letter to the queue and waits for cups-pdf's PDF.
# 4. Resets: the kiosk's "erase my data" button when there is one, otherwise the inactivity
#    countdown (inactivity-warning + inactivity-grace seconds, the shortest the site
#    configuration accepts), and waits for the welcome screen.
# 5. Proves that no file under the program's HOME and XDG directories, /tmp and /var/tmp holds
#    the name (UTF-8) or the NIR (grouped or not) in its content or its name. One directory is
#    left out ON PURPOSE: cups-pdf's output directory, which holds the printout (the paper's
#    stand-in). The rest of the CUPS server's directory (spool, logs) is searched, and its spool
#    must hold no job file once the job is done.
# 6. Dumps the core of the STILL RUNNING program (gdb's gcore) and proves that it does not
#    contain the NIR in either form (the name is reported, not asserted: GTK's own caches are
#    out of the program's hands).
#
# TAP; anything missing (gdb, cupsd, cups-pdf, pyatspi) fails, never skips.

import glob
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

# The needles are put together at run time, so that this file (or a copy of the source tree
# under /tmp) never holds them literally and cannot be a match itself.
GIVEN_NAME = "Zéph" + "yrine"
BIRTH_NAME = "Quatre" + "barbes"
NIR_BODY = "2530" + "72B" + "042117"          # woman, July 1953, Haute-Corse, commune 042
NIR_KEY = 97 - int(NIR_BODY.replace("2B", "18")) % 97
NIR_PLAIN = "%s%02d" % (NIR_BODY, NIR_KEY)
NIR_GROUPED = " ".join((NIR_PLAIN[0], NIR_PLAIN[1:3], NIR_PLAIN[3:5], NIR_PLAIN[5:7],
                        NIR_PLAIN[7:10], NIR_PLAIN[10:13], NIR_PLAIN[13:15]))
NEEDLES = {
    "the name": [("%s %s" % (GIVEN_NAME, BIRTH_NAME)).encode(), BIRTH_NAME.encode(),
                 BIRTH_NAME.upper().encode(), GIVEN_NAME.encode()],
    "the NIR": [NIR_GROUPED.encode(), NIR_PLAIN.encode()],
}
QUEUE = "LpKioskPrivacy"
INACTIVITY_WARNING = 20    # long enough to fill a step without the warning coming up
INACTIVITY_GRACE = 20      # the shortest the site configuration accepts (RGAA 13.1)

here = os.path.dirname(os.path.abspath(__file__))


def bail(message):
    print("Bail out! " + message)
    sys.stdout.flush()
    sys.exit(1)


spec = importlib.util.spec_from_file_location("fill_wizard", os.path.join(here, "a11y",
                                                                          "fill-wizard.py"))
if spec is None:
    bail("tests/a11y/fill-wizard.py is missing")
fw = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fw)
tap = fw.tap
Failure = fw.Failure
pyatspi = fw.pyatspi

KEY_SHIFT = 0xffe1


def keep_alive():
    """A Shift tap: input the kiosk's inactivity timer sees (AT-SPI's text edits may not be),
    as a person keeps touching the screen while filling in."""
    pyatspi.Registry.generateKeyboardEvent(KEY_SHIFT, None, pyatspi.KEY_SYM)
    fw.pump(0.05)


# ---- The CUPS server -----------------------------------------------------------------------

def start_cups(state):
    script = os.path.join(here, "cups", "cups-pdf-queue.sh")
    if not os.path.exists(script):
        bail("tests/cups/cups-pdf-queue.sh is missing")
    run = subprocess.run(["sh", script, "START", state, QUEUE], capture_output=True, text=True)
    if run.returncode != 0:
        bail("the private CUPS server did not start: " + run.stderr.strip().replace("\n", " | "))
    values = dict(line.split("=", 1) for line in run.stdout.splitlines() if "=" in line)
    return values


def stop_cups(state):
    subprocess.run(["sh", os.path.join(here, "cups", "cups-pdf-queue.sh"), "STOP", state],
                   capture_output=True)


# ---- Filling the wizard in kiosk mode ------------------------------------------------------

def fill(wizard):
    keep_alive()
    fw.tick(wizard.frame, wizard.control("radio button", "For myself"))
    wizard.next(2)

    keep_alive()
    fw.tick(wizard.frame, wizard.control("radio button", "Madame"))
    fw.type_into(wizard.entry("Birth name"), BIRTH_NAME)
    fw.type_into(wizard.entry("Given name 1"), GIVEN_NAME)
    fw.type_into(wizard.entry("Date of birth, Day"), "21")
    fw.type_into(wizard.entry("Date of birth, Month"), "7")
    fw.type_into(wizard.entry("Date of birth, Year"), "1953")
    fw.tick(wizard.frame, wizard.control("radio button", "In France (overseas included)"))
    fw.type_into(wizard.entry("Commune of birth"), "Corte")
    fw.type_into(wizard.entry("Department of birth"), "2B")
    wizard.next(3)

    keep_alive()
    fw.type_into(wizard.entry("Address"), "7 impasse des Essais")
    fw.type_into(wizard.entry("Postal code"), "20250")
    fw.type_into(wizard.entry("Town or city"), "Corte")
    country = wizard.entry("Country")
    if fw.text_of(country) != "France":
        fw.type_into(country, "France")
    fw.type_into(wizard.entry("Phone number"), "06 39 98 11 22")
    wizard.next(4)

    keep_alive()
    fw.type_into(wizard.entry("Name of your health insurer or mutuelle"), "Mutuelle des Essais")
    fw.tick(wizard.frame, wizard.control("radio button", "Viamedis"))
    fw.tick(wizard.frame, wizard.control("check box", "Did your health insurer or mutuelle tell you",
                                         exact=False))
    fw.type_into(wizard.entry("When did they tell you?, Day"), "8")
    fw.type_into(wizard.entry("When did they tell you?, Month"), "2")
    fw.type_into(wizard.entry("When did they tell you?, Year"), "2024")
    fw.tick(wizard.frame, wizard.control("radio button", "By post"))
    fw.type_into(wizard.control({"text", "entry"}, "Social security number", exact=False),
                 NIR_GROUPED)
    wizard.next(5)

    keep_alive()
    wizard.next(6)
    keep_alive()
    wizard.next(7)

    keep_alive()
    place = wizard.entry("Place of signature")
    if fw.text_of(place) == "":
        fw.type_into(place, "Corte")
    wizard.next(8)
    # Not the name nor the NIR in the TAP output: meson keeps it in a log file, and a build
    # directory under /tmp would be a match of the search below.
    tap.ok(True, "filled the eight steps in kiosk mode with the distinctive name and NIR")


def print_letter(wizard, app, out_dir):
    keep_alive()
    buttons = [b for b in fw.find_all(wizard.page(), "push button")
               if fw.name(b).startswith("Print")]
    if not buttons:
        raise Failure("no “Print…” button on the last step")
    fw.click(buttons[0])
    # The kiosk prints on the site's printer; a print dialog (home mode's route) is driven too,
    # so that the test checks the privacy of printing whichever route the step takes.
    end = time.monotonic() + 5
    dialog = None
    while time.monotonic() < end and dialog is None:
        dialog = next((c for c in fw.children(app) if fw.role(c) == "dialog"), None)
        fw.pump(0.2)
        if glob.glob(os.path.join(out_dir, "*.pdf")):
            break
    if dialog is not None:
        tap.diag("a print dialog opened (%r): choosing %s in it" % (fw.name(dialog), QUEUE))
        cells = [c for c in fw.walk(dialog) if fw.role(c) in ("table cell", "label")
                 and fw.name(c) == QUEUE]
        if not cells:
            raise Failure("the print dialog does not list the queue %s" % QUEUE)
        try:
            cells[0].querySelection()
        except Exception:
            pass
        try:
            cells[0].queryComponent().grabFocus()
        except Exception:
            pass
        buttons = [b for b in fw.walk(dialog) if fw.role(b) == "push button"]
        chosen = [b for b in buttons if fw.name(b).replace("_", "").split()[-1:] == ["Print"]]
        if not chosen:
            raise Failure("no “Print” button in the print dialog (buttons: %s)"
                          % ", ".join(repr(fw.name(b)) for b in buttons))
        fw.click(chosen[0])

    # The printout must have the letter's text: when a filter fails, cups-pdf still writes a
    # PDF, of nothing (then the job stays in the queue, its spool files with it).
    def letters_printed():
        count = 0
        for pdf in glob.glob(os.path.join(out_dir, "*.pdf")):
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                                  text=True).stdout
            if len(text.split()) >= 20:
                count += 1
        return count
    try:
        fw.wait_for(letters_printed, 60, "the letter in cups-pdf's output")
    except Failure:
        pass
    pdfs = glob.glob(os.path.join(out_dir, "*.pdf"))
    letters = letters_printed()
    tap.ok(letters > 0, "the letter was printed to the cups-pdf queue %s (%d PDF, %d with "
           "text in it)" % (QUEUE, len(pdfs), letters))
    return letters > 0


def current_wizard(app):
    """The wizard of the window showing now: a reset may replace the window."""
    frames = [c for c in fw.children(app) if fw.role(c) == "frame"
              and fw.has_state(c, pyatspi.STATE_SHOWING)]
    if not frames:
        return None
    wizard = fw.Wizard(app)
    if not fw.same(wizard.frame, frames[-1]):
        wizard = fw.Wizard(app)
        wizard.frame = frames[-1]
        if hasattr(wizard, "_stepper"):
            wizard._stepper = None
    return wizard


def position_now(app):
    wizard = current_wizard(app)
    return wizard.position() if wizard is not None else (0, "")


def reset(wizard, app):
    """The kiosk's end button when it has one, else the inactivity countdown. Returns how."""
    # The window showing now (printing may have replaced the one the test started with).
    now = current_wizard(app)
    frame = now.frame if now is not None else wizard.frame
    erase = [b for b in fw.find_all(frame, "push button")
             if re.match(r"^(Erase|Delete) my data", fw.name(b))]
    tap.diag("erase buttons: %s" % ", ".join(repr(fw.name(b)) for b in erase))
    if erase:
        fw.click(erase[0])
        how = "the “%s” button" % fw.name(erase[0])
        timeout = 20
        # It asks first ("Erase everything you typed?"): confirm, as the person would.
        confirm = []

        def erase_response():
            for window in fw.children(app):
                if fw.same(window, frame):
                    continue
                # GTK 4.8 names a response button "_Erase Erase".
                confirm[:] = [b for b in fw.walk(window) if fw.role(b) == "push button"
                              and fw.name(b).replace("_", "").split()[:1] == ["Erase"]]
                if confirm:
                    break
            return confirm
        try:
            fw.wait_for(erase_response, 10, "the confirmation of “%s”" % fw.name(erase[0]))
            fw.click(confirm[0])
            how += " (confirmed)"
        except Failure:
            how += " (no confirmation dialog)"
            tap.diag("windows: %s" % ", ".join("%s %r: %s" % (fw.role(w), fw.name(w), [
                (fw.role(b), fw.name(b)) for b in fw.walk(w, False)
                if fw.role(b) == "push button"]) for w in fw.children(app)))
    else:
        how = "the inactivity countdown (%d s + %d s)" % (INACTIVITY_WARNING, INACTIVITY_GRACE)
        timeout = INACTIVITY_WARNING + INACTIVITY_GRACE + 30
    try:
        fw.wait_for(lambda: position_now(app)[0] == 1, timeout, "the welcome screen")
        back = True
    except Failure:
        back = False
    fw.pump(1.0)
    tap.ok(back, "reset by %s: the welcome screen is back" % how,
           ["stepper says %r" % (position_now(app),)])
    now = current_wizard(app)
    birth_name = fw.find_all(now.frame, {"text", "entry"}, "Birth name") if now else []
    tap.ok(bool(birth_name) and fw.text_of(birth_name[0]) == "",
           "the birth name field is empty after the reset")
    return back


# ---- Searching ---------------------------------------------------------------------------

def search_files(roots, excluded):
    """(path, what) for every file whose content or name holds a needle."""
    hits = []

    def same_filesystem(path, device):
        # Not into another mount: a chroot under /var/tmp with its /proc and /dev bound in
        # made the search read /proc/kcore and /dev/zero for ever.
        try:
            return os.lstat(path).st_dev == device
        except OSError:
            return False

    for root in roots:
        if not os.path.isdir(root):
            continue
        device = os.stat(root).st_dev
        for directory, subdirs, files in os.walk(root, onerror=lambda e: None):
            subdirs[:] = [d for d in subdirs
                          if not any(os.path.join(directory, d) == x for x in excluded)
                          and same_filesystem(os.path.join(directory, d), device)]
            for entry in files + subdirs:
                for what, needles in NEEDLES.items():
                    if any(n.decode() in entry for n in needles):
                        hits.append((os.path.join(directory, entry), what + " in the file name"))
            for entry in files:
                path = os.path.join(directory, entry)
                if not os.path.isfile(path) or os.path.islink(path):
                    continue
                try:
                    with open(path, "rb") as f:
                        data = f.read()
                except OSError:
                    continue
                for what, needles in NEEDLES.items():
                    if any(n in data for n in needles):
                        hits.append((path, what))
    return hits


def core_dump(pid, directory):
    prefix = os.path.join(directory, "core")
    run = subprocess.run(["gcore", "-o", prefix, str(pid)], capture_output=True, text=True,
                         timeout=120)
    path = "%s.%d" % (prefix, pid)
    if run.returncode != 0 or not os.path.exists(path):
        tap.diag("gcore: " + (run.stdout + run.stderr)[-1500:])
        return None
    return path


def count_in(path, needle):
    count = 0
    with open(path, "rb") as f:
        tail = b""
        while True:
            block = f.read(1 << 24)
            if not block:
                break
            data = tail + block
            count += data.count(needle)
            tail = data[-(len(needle) - 1):] if len(needle) > 1 else b""
            # A needle cut by the block boundary is counted once: the tail cannot hold a whole one.
    return count


# ---- Main --------------------------------------------------------------------------------

def main():
    # meson's timeout and Ctrl+C send TERM to the whole group: leave through the `finally`
    # below (stop CUPS, remove the printout, the dumps and the queue's file), not at once.
    # A next run searches /tmp and would otherwise find this run's name and NIR.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if len(sys.argv) != 3:
        bail("usage: test-kiosk-privacy.py PROGRAM SOURCE_ROOT")
    program = sys.argv[1]
    if os.geteuid() != 0:
        bail("run as root: the private CUPS server runs the cups-pdf backend as root")
    for tool in ("gcore", "gdb", "cupsd", "lpstat", "pdftotext"):
        if shutil.which(tool) is None and not os.path.exists("/usr/sbin/" + tool):
            bail("%s is missing: run scripts/deps.sh" % tool)
    if os.environ.get("GTK_A11Y") != "atspi" or os.environ.get("NO_AT_BRIDGE"):
        bail("run me with GTK_A11Y=atspi and without NO_AT_BRIDGE (tests/run-gui-test.sh)")

    root = tempfile.mkdtemp(prefix="lp-kiosk-privacy-")
    # cupsd's filters run as the user lp and read the job from the spool under root: it must
    # be traversable (not listable). A 0700 root made pdftopdf fail ("Unable to copy PDF
    # file: Permission denied"): the jobs stayed in the queue, their spool files with them.
    os.chmod(root, 0o711)
    cups_state = os.path.join(root, "cups")
    home = os.path.join(root, "home")
    runtime = os.path.join(root, "runtime")
    dumps = tempfile.mkdtemp(prefix="lp-kiosk-core-", dir="/dev/shm")
    os.makedirs(home)
    os.makedirs(runtime, mode=0o700)
    os.chmod(runtime, 0o700)
    process = None
    log_path = os.path.join(dumps, "program.log")
    try:
        cups = start_cups(cups_state)
        out_dir = cups["OUT"]
        site = os.path.join(root, "site.conf")
        with open(site, "w") as f:
            f.write("[site]\nname=Mairie de Test\nmode=kiosk\nlanguage=en\n\n"
                    "[kiosk]\ninactivity-warning=%d\ninactivity-grace=%d\n\n"
                    "[send]\ntransport=none\n\n[print]\nprinter=%s\n"
                    % (INACTIVITY_WARNING, INACTIVITY_GRACE, QUEUE))
        env = dict(os.environ)
        env.update({
            "HOME": home, "XDG_RUNTIME_DIR": runtime,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
            "XDG_CACHE_HOME": os.path.join(home, ".cache"),
            "XDG_STATE_HOME": os.path.join(home, ".local", "state"),
            "CUPS_SERVER": cups["CUPS_SERVER"],
            "LANGUAGE": "en", "LC_ALL": "C.UTF-8", "GTK_A11Y": "atspi",
        })
        env.pop("G_DEBUG", None)
        env.pop("TMPDIR", None)
        # The program's output goes to /dev/shm, outside the searched directories: it is the
        # test's, and the program must not print personal data anyway (checked below).
        log = open(log_path, "w+")
        process = subprocess.Popen([program, "--kiosk", "--config", site], env=env,
                                   stdout=log, stderr=subprocess.STDOUT)
        app = fw.find_application()
        wizard = fw.Wizard(app)
        fw.wait_for(lambda: wizard.position()[0] == 1, 15, "the welcome screen")
        fw.pump(0.5)
        fill(wizard)
        printed = print_letter(wizard, app, out_dir)

        # The job is done: CUPS keeps no copy of the document (PreserveJobFiles No) nor the
        # job's control file with its title (PreserveJobHistory No).
        if printed:
            try:
                fw.wait_for(lambda: subprocess.run(["lpstat", "-o", QUEUE], env=env,
                                                   capture_output=True, text=True).stdout == "",
                            15, "the print queue to empty")
            except Failure:
                pass
            jobs = subprocess.run(["lpstat", "-W", "all", "-o"], env=env, capture_output=True,
                                  text=True).stdout
            tap.diag("jobs: " + (jobs.strip().replace("\n", " | ") or "none"))
            tap.diag("printout files: " + ", ".join(sorted(os.path.basename(p) for p in
                                                           glob.glob(os.path.join(out_dir, "*")))))
            time.sleep(1.0)
        spool = os.path.join(cups_state, "spool")
        job_files = [p for p in glob.glob(os.path.join(spool, "*"))
                     if re.match(r"^[cd]\d+", os.path.basename(p))]
        details = ["left: " + p for p in job_files]
        if job_files or not printed:
            # Why: the jobs' states, and what cupsd said about them.
            details += ["lpstat: " + line for line in subprocess.run(
                ["lpstat", "-W", "all", "-l", "-o"], env=env, capture_output=True,
                text=True).stdout.splitlines()[:20]]
            try:
                with open(os.path.join(cups_state, "log", "error_log"), errors="replace") as f:
                    details += ["error_log: " + line.rstrip() for line in f.readlines()[-25:]]
            except OSError:
                pass
        tap.ok(printed and not job_files,
               "no print spool copy is left in the CUPS spool (PreserveJobFiles No)", details)

        reset(wizard, app)

        # Files: the program's HOME and XDG directories, /tmp and /var/tmp (the CUPS server's
        # directory is under /tmp: searched, but for cups-pdf's output).
        roots = [home, runtime, "/tmp", "/var/tmp"]
        hits = search_files(roots, excluded=[out_dir, dumps])
        tap.ok(not any(what.startswith("the name") for _, what in hits),
               "no file under HOME, XDG_RUNTIME_DIR, ~/.cache, ~/.local/share, ~/.config, /tmp or "
               "/var/tmp holds the name (cups-pdf's output directory left out: it is the printout)",
               ["%s: %s" % (what, path) for path, what in hits if what.startswith("the name")])
        tap.ok(not any(what.startswith("the NIR") for _, what in hits),
               "no file there holds the NIR, grouped or not",
               ["%s: %s" % (what, path) for path, what in hits if what.startswith("the NIR")])
        leftovers = os.listdir(runtime)
        tap.ok(all(not n.startswith("lettre-plainte") and not n.startswith(fw.APP_NAME)
                   for n in leftovers) or not leftovers,
               "the private runtime directory is gone after the reset",
               ["in XDG_RUNTIME_DIR: %s" % ", ".join(sorted(leftovers))])

        # The core of the running program.
        tap.ok(process.poll() is None, "the program is still running after the reset")
        core = core_dump(process.pid, dumps) if process.poll() is None else None
        tap.ok(core is not None, "gcore dumped the running program's memory")
        if core is not None:
            grouped = count_in(core, NIR_GROUPED.encode())
            plain = count_in(core, NIR_PLAIN.encode())
            tap.ok(grouped == 0 and plain == 0,
                   "the core dump does not contain the NIR (%d grouped, %d ungrouped)"
                   % (grouped, plain))
            names = count_in(core, BIRTH_NAME.encode())
            tap.diag("the core dump holds the birth name %d times (reported, not asserted)" % names)
            os.unlink(core)

        log.seek(0)
        output = log.read().encode()
        tap.ok(not any(n in output for ns in NEEDLES.values() for n in ns),
               "the program printed neither the name nor the NIR on its output")
        log.close()
    except Exception as failure:  # a Failure, or AT-SPI losing an object: report, never crash
        number, title = (0, "")
        try:
            number, title = fw.Wizard(fw.find_application(2)).position()
        except Exception:
            pass
        tap.ok(False, "on step %d (%s): %s" % (number, title, failure))
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if tap.failed and os.path.exists(log_path):
            with open(log_path, errors="replace") as f:
                tap.diag("the program's output:\n" + f.read()[-2000:])
        stop_cups(cups_state)
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(dumps, ignore_errors=True)
    tap.finish()
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
