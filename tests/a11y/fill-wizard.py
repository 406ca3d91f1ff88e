#!/usr/bin/python3
# fill-wizard.py — the accessibility test of issue 3: fills the whole wizard through AT-SPI, as a
# screen-reader user would, and checks that the letter is right.
#
# Usage: tests/a11y/fill-wizard.sh build/ui/lettre-plainte (it runs this script on a private X
# server and D-Bus session with GTK_A11Y=atspi); meson: `meson test -C build test-a11y-fill-wizard`.
#
# What it does, with accessible names and roles only (no coordinates, no widget internals):
# * starts PROGRAM (lettre-plainte, no argument, LANGUAGE=en) and finds it on the AT-SPI bus;
# * reads the current step from the stepper ("Step N of 8" and its heading), and on every step
#   lists each interactive control (buttons, entries, check boxes, radio buttons...) that has no
#   accessible name: any such control fails the test;
# * types into entries with the EditableText interface, presses buttons with their "click" action,
#   and ticks radio buttons and check boxes with the keyboard (Tab until the control, or its
#   radio group, has the focus, then the arrow keys and Space): GTK 4.8 gives them no AT-SPI action and does not implement
#   Component.grabFocus, so the keyboard is also the only way a screen-reader user has;
# * checks that the focus lands inside each step when it is shown (a screen reader reads it);
# * presses "Next" on the empty identity step and checks that the error reaches AT-SPI (focus on
#   the first invalid entry, "invalid" state, the error in its description, and the events);
# * at the review, checks the summary shows what was typed, goes on to "Send or print", saves the
#   PDF through the file chooser (its accessible "Name" entry and "Save" button) and checks the
#   letter with pdftotext.
#
# TAP output, one line per step filled and per check. A control the test needs that cannot be
# found by its name is a failure, never a skip.

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import traceback


def bail_out(reason):
    path = os.environ.get("LP_TAP_FILE")
    with (open(path, "a", encoding="utf-8") if path else os.fdopen(os.dup(1), "w")) as out:
        out.write("Bail out! %s\n" % reason)
    sys.exit(1)


try:
    import pyatspi
    from gi.repository import GLib
except ImportError as error:
    bail_out("pyatspi is missing (%s): run scripts/deps.sh" % error)

APP_NAME = "lettre-plainte"
STEP_COUNT = 8

# The person, invented (tests/data/README.md). The NIR matches the birth date and place.
PERSON = {
    "birth_name": "Aubépine",
    "given_name": "Léonie",
    "birth_day": "21", "birth_month": "7", "birth_year": "1953",
    "commune": "Bastia", "department": "2B",
    "street": "4 chemin des Essais", "postal_code": "20200", "city": "Bastia",
    "country": "France", "phone": "06 39 98 76 54",
    "insurer": "Mutuelle des Essais",
    "told_day": "8", "told_month": "2", "told_year": "2024",
    "nir": "2 53 07 2B 073 004 70",
    "account": "Après le courrier de ma mutuelle, j’ai reçu un SMS frauduleux au nom de l’Assurance maladie.",
    "place": "Bastia",
}
LEGAL_SENTENCE = "je dépose plainte contre toute personne que l’enquête déterminera"

# Roles a person acts on: each must have a name a screen reader can read.
INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "text", "entry",
    "password text", "combo box", "spin button", "slider", "link", "menu item",
    "check menu item", "radio menu item",
}
# GTK 4.8 reports the type name ("GtkFlowBoxChild") when a widget has no accessible name.
TYPE_NAME_FALLBACK = re.compile(r"^(Gtk|Adw|Lp|Gdk)[A-Z][A-Za-z]*$")

KEY_TAB = 0xff09
KEY_SPACE = 0x20
KEY_DOWN = 0xff54
KEY_UP = 0xff52
KEY_LEFT = 0xff51
KEY_RIGHT = 0xff53


class Tap:
    def __init__(self):
        self.count = 0
        self.failed = 0
        # fill-wizard.sh gives the TAP its own file: the session's stdout gets the AT-SPI
        # registry's chatter.
        path = os.environ.get("LP_TAP_FILE")
        self.out = open(path, "a", encoding="utf-8") if path else sys.stdout

    def write(self, line):
        self.out.write(line + "\n")
        self.out.flush()

    def ok(self, condition, description, diagnostics=()):
        self.count += 1
        if not condition:
            self.failed += 1
        self.write("%s %d - %s" % ("ok" if condition else "not ok", self.count, description))
        for line in diagnostics:
            self.write("# " + line)
        return condition

    def diag(self, text):
        for line in text.splitlines():
            self.write("# " + line)

    def finish(self):
        self.write("1..%d" % self.count)


class Failure(Exception):
    """A control the test needs is missing: the rest of the walk cannot go on."""


tap = Tap()


# ---- AT-SPI helpers ----------------------------------------------------------------------------

def pump(seconds):
    """Lets AT-SPI events arrive (the listeners run from the GLib main context)."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def wait_for(predicate, timeout=10.0, what="a change"):
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise Failure("timed out waiting for " + what)
        pump(0.1)


def states(acc):
    try:
        return acc.getState()
    except Exception:
        return None


def has_state(acc, state):
    s = states(acc)
    return s is not None and s.contains(state)


def children(acc):
    try:
        count = acc.childCount
    except Exception:
        return []
    result = []
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            result.append(child)
    return result


def walk(acc, visible_only=True):
    """Every descendant, skipping hidden subtrees (GTK 4.8 sets "visible" per widget only, so a
    hidden section's children keep it: pruning at the first invisible ancestor is needed)."""
    stack = [acc]
    while stack:
        node = stack.pop()
        if visible_only and not has_state(node, pyatspi.STATE_VISIBLE):
            continue
        yield node
        stack.extend(reversed(children(node)))


def role(acc):
    try:
        return acc.getRoleName()
    except Exception:
        return ""


def name(acc):
    try:
        return acc.name or ""
    except Exception:
        return ""


def description(acc):
    try:
        return acc.description or ""
    except Exception:
        return ""


def is_unnamed(acc):
    text = name(acc).strip()
    return text == "" or TYPE_NAME_FALLBACK.match(text) is not None


def find_all(root, roles, wanted_name=None, exact=True):
    if isinstance(roles, str):
        roles = {roles}
    found = []
    for node in walk(root):
        if role(node) not in roles:
            continue
        if wanted_name is None:
            found.append(node)
        elif exact and name(node) == wanted_name:
            found.append(node)
        elif not exact and name(node).startswith(wanted_name):
            found.append(node)
    return found


def find_one(root, roles, wanted_name, exact=True, where=""):
    found = find_all(root, roles, wanted_name, exact)
    if not found:
        raise Failure("no %s named %r%s" % ("/".join(sorted(roles)) if not isinstance(roles, str)
                                             else roles, wanted_name, where))
    return found[0]


def is_invalid(acc):
    return has_state(acc, pyatspi.STATE_INVALID) or has_state(acc, pyatspi.STATE_INVALID_ENTRY)


def text_of(acc):
    # GTK 4.8's GtkText answers getText(0, -1) with "": ask for the exact character count.
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def same(a, b):
    try:
        return a.path == b.path
    except Exception:
        return False


def find_application(timeout=30.0):
    def lookup():
        desktop = pyatspi.Registry.getDesktop(0)
        for app in children(desktop):
            if name(app) == APP_NAME:
                return app
        return None
    return wait_for(lookup, timeout, "the application %r on the AT-SPI bus" % APP_NAME)


def frame_of(app):
    return wait_for(lambda: next((c for c in children(app) if role(c) == "frame"), None),
                    10, "the main window")


class FocusTracker:
    """Follows the focus through "object:state-changed:focused" events, as a screen reader does:
    walking the whole tree after every key press would make the test slow."""

    def __init__(self):
        self.current = None
        self.events = 0
        pyatspi.Registry.registerEventListener(self.on_event, "object:state-changed:focused")

    def on_event(self, event):
        if event.detail1:
            self.current = event.source
            self.events += 1


focus_tracker = None


def focused(root):
    if focus_tracker is not None and focus_tracker.current is not None:
        if has_state(focus_tracker.current, pyatspi.STATE_FOCUSED):
            return focus_tracker.current
    for node in walk(root):
        if has_state(node, pyatspi.STATE_FOCUSED):
            return node
    return None


def key(keysym):
    before = focus_tracker.events if focus_tracker else 0
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    # Wait for the focus event the key causes (or a little while when it causes none).
    end = time.monotonic() + 0.3
    pump(0.03)
    while focus_tracker and focus_tracker.events == before and time.monotonic() < end:
        pump(0.02)


def focus_by_keyboard(frame, target, limit=80, accept=None):
    """Presses Tab until TARGET (or a control ACCEPT likes) has the focus, as a screen-reader
    user who hears each control's name in turn. Returns the focused control, or raises when the
    target is not reachable (with the names heard on the way)."""
    heard = []
    for _ in range(limit):
        current = focused(frame)
        if current is not None and (same(current, target) or (accept and accept(current))):
            return current
        heard.append("%s %r" % (role(current), name(current)) if current else "(nothing)")
        key(KEY_TAB)
    raise Failure("%s %r cannot be reached with the Tab key; Tab went through: %s"
                  % (role(target), name(target), ", ".join(heard[:40])))


def tick(frame, target):
    """Checks a check box or chooses a radio button with the keyboard. A radio group is one Tab
    stop in GTK 4: Tab to the group, then the arrow keys to the choice, then Space."""
    if has_state(target, pyatspi.STATE_CHECKED):
        return
    if role(target) == "radio button":
        group = target.parent

        def in_group(node):
            return role(node) == "radio button" and same(node.parent, group)

        current = focus_by_keyboard(frame, target, accept=in_group)
        # A horizontal group moves with Left/Right only, a vertical one with Up/Down.
        for arrow in (KEY_DOWN, KEY_UP, KEY_RIGHT, KEY_LEFT):
            for _ in range(len(children(group))):
                if same(current, target):
                    break
                key(arrow)
                current = focused(frame)
                if current is None or not in_group(current):
                    # GTK 4.8 moves the focus out of a group at its ends with some arrows.
                    raise Failure("the arrow keys leave the radio group of %r" % name(target))
            if same(current, target):
                break
        if not same(current, target):
            raise Failure("radio button %r cannot be reached with the arrow keys" % name(target))
    else:
        focus_by_keyboard(frame, target)
    if not has_state(target, pyatspi.STATE_CHECKED):
        key(KEY_SPACE)
    wait_for(lambda: has_state(target, pyatspi.STATE_CHECKED), 5,
             "%s %r to be checked" % (role(target), name(target)))


def click(button):
    action = button.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate"):
            action.doAction(i)
            pump(0.05)
            return
    raise Failure("%s %r has no click action" % (role(button), name(button)))


def type_into(entry, text):
    if not entry.queryEditableText().setTextContents(text):
        raise Failure("the entry %r refused the text" % name(entry))
    wait_for(lambda: text_of(entry) == text, 5, "the entry %r to hold the text" % name(entry))


# ---- The wizard --------------------------------------------------------------------------------

STEPPER = re.compile(r"^Step (\d+) of (\d+)$")


class Wizard:
    def __init__(self, app):
        self.app = app
        self.frame = frame_of(app)
        self._stepper = None

    def stepper(self):
        # The stepper stays the same object; only its name changes from step to step.
        if self._stepper is not None and STEPPER.match(name(self._stepper)):
            return self._stepper
        self._stepper = None
        for node in walk(self.frame):
            if role(node) == "panel" and STEPPER.match(name(node)):
                self._stepper = node
                break
        return self._stepper

    def position(self):
        """(number, title) of the step the stepper announces."""
        stepper = self.stepper()
        if stepper is None:
            return (0, "")
        number = int(STEPPER.match(name(stepper)).group(1))
        headings = [c for c in children(stepper) if role(c) == "heading"]
        return (number, name(headings[0]) if headings else "")

    def page(self):
        """The stack page of the current step: the panel named with the step's title, beside the
        stepper."""
        stepper = self.stepper()
        number, title = self.position()
        parent = stepper.parent
        for sibling in children(parent):
            for candidate in children(sibling):
                if role(candidate) == "panel" and name(candidate) == title:
                    return candidate
        raise Failure("no page titled %r for step %d" % (title, number))

    def button(self, label):
        return find_one(self.frame, "push button", label, where=" in the window")

    def next(self, expect_number):
        click(self.button("Next"))
        wait_for(lambda: self.position()[0] == expect_number, 15,
                 "step %d after Next" % expect_number)
        pump(0.3)
        self.check_focus_in_page()

    def check_focus_in_page(self):
        """A screen-reader user hears where the focus lands: on a new step it must be inside the
        step (its first field), not left on "Next" or lost."""
        number, title = self.position()
        current = focused(self.frame)
        page = self.page()
        inside = False
        node = current
        for _ in range(40):
            if node is None:
                break
            if same(node, page):
                inside = True
                break
            node = node.parent
        tap.ok(inside, "step %d (%s): the focus starts inside the step, on %s"
               % (number, title, "%s %r" % (role(current), name(current)) if current else "nothing"))

    def entry(self, label):
        return find_one(self.page(), {"text", "entry"}, label, where=" on this step")

    def control(self, roles, label, exact=True):
        return find_one(self.page(), roles, label, exact, where=" on this step")


def report_unnamed(wizard, step_label):
    current = wizard.page()
    stack = current.parent
    hidden_paths = {c.path for c in children(stack) if not same(c, current)}
    unnamed = []
    seen = 0

    def visit(node, depth):
        nonlocal seen
        if not has_state(node, pyatspi.STATE_VISIBLE):
            return
        if node.path in hidden_paths:
            return
        r = role(node)
        focusable = has_state(node, pyatspi.STATE_FOCUSABLE)
        # Headings too: a screen-reader user jumps from heading to heading.
        if (r in INTERACTIVE_ROLES or r == "heading"
                or (focusable and r not in {"scroll pane", "frame"})):
            seen += 1
            if is_unnamed(node):
                parent = node.parent
                unnamed.append("%s named %r (focusable=%s), in %s %r"
                               % (r, name(node), focusable, role(parent), name(parent)))
        for child in children(node):
            visit(child, depth + 1)

    visit(wizard.frame, 0)
    tap.ok(not unnamed and seen > 0,
           "%s: all %d interactive controls and headings have an accessible name" % (step_label, seen),
           ["unnamed: " + line for line in unnamed])


# ---- The steps ---------------------------------------------------------------------------------

def step_welcome(wizard):
    tap.ok(wizard.position() == (1, "Welcome"), "the program opens on step 1 of 8, Welcome",
           ["stepper says %r" % (wizard.position(),)])
    report_unnamed(wizard, "step 1 (welcome)")
    wizard.check_focus_in_page()
    english = find_one(wizard.page(), "push button", "English")
    tap.ok("in use" in description(english).lower(),
           "the language in use is announced (English: %r)" % description(english))
    myself = wizard.control("radio button", "For myself")
    tick(wizard.frame, myself)
    tap.ok(has_state(myself, pyatspi.STATE_CHECKED), "step 1: chose “For myself”")
    wizard.next(2)


def step_identity_errors(wizard):
    """Next on the empty identity step: the error must reach a screen reader."""
    events = []

    def on_event(event):
        events.append((event.type, name(event.source), event.detail1, str(event.any_data)))

    kinds = ("object:state-changed:invalid", "object:state-changed:invalid-entry",
             "object:property-change:accessible-description")
    pyatspi.Registry.registerEventListener(on_event, *kinds)
    try:
        birth_name = wizard.entry("Birth name")
        click(wizard.button("Next"))
        pump(1.0)
        tap.ok(wizard.position()[0] == 2, "step 2: Next on the empty step stays on the step")
        current = focused(wizard.frame)
        tap.ok(current is not None and same(current, birth_name),
               "step 2: the focus moves to the first invalid field, “Birth name”",
               ["focused: %s %r" % (role(current), name(current)) if current else "nothing focused"])
        # GTK 4.8 maps GTK_ACCESSIBLE_STATE_INVALID to the AT-SPI state "invalid" (later
        # versions to "invalid-entry", which Orca reads as "invalid entry"): accept either.
        tap.ok(is_invalid(birth_name), "step 2: “Birth name” has the invalid state")
        desc = description(birth_name)
        tap.ok(desc != "" and desc != "The family name given at birth, as on the birth certificate.",
               "step 2: “Birth name” describes the error: %r" % desc)
        pump(0.5)
        seen = {(t, n) for (t, n, _, _) in events}
        tap.ok(("object:state-changed:invalid", "Birth name") in seen
               or ("object:state-changed:invalid-entry", "Birth name") in seen,
               "step 2: the invalid state change is emitted as an AT-SPI event",
               ["events: %r" % sorted(seen)[:12]])
        tap.ok(("object:property-change:accessible-description", "Birth name") in seen,
               "step 2: the description change is emitted as an AT-SPI event")
        alerts = find_all(wizard.frame, "alert")
        tap.ok(len(alerts) > 0, "step 2: the error summary has the alert role (%s)"
               % ", ".join(repr(name(a)) for a in alerts))
    finally:
        pyatspi.Registry.deregisterEventListener(on_event, *kinds)


def step_identity(wizard):
    report_unnamed(wizard, "step 2 (identity)")
    step_identity_errors(wizard)
    tick(wizard.frame, wizard.control("radio button", "Madame"))
    type_into(wizard.entry("Birth name"), PERSON["birth_name"])
    type_into(wizard.entry("Given name 1"), PERSON["given_name"])
    type_into(wizard.entry("Date of birth, Day"), PERSON["birth_day"])
    type_into(wizard.entry("Date of birth, Month"), PERSON["birth_month"])
    type_into(wizard.entry("Date of birth, Year"), PERSON["birth_year"])
    tick(wizard.frame, wizard.control("radio button", "In France (overseas included)"))
    type_into(wizard.entry("Commune of birth"), PERSON["commune"])
    type_into(wizard.entry("Department of birth"), PERSON["department"])
    tap.ok(True, "step 2: filled civility, birth name, given name, date and place of birth")
    wizard.next(3)
    tap.ok(not is_invalid(wizard_entry_anywhere(wizard, "Birth name")),
           "step 2: the error state is cleared once the field is right")


def wizard_entry_anywhere(wizard, label):
    return find_one(wizard.frame, {"text", "entry"}, label)


def step_contact(wizard):
    report_unnamed(wizard, "step 3 (contact)")
    type_into(wizard.entry("Address"), PERSON["street"])
    type_into(wizard.entry("Postal code"), PERSON["postal_code"])
    type_into(wizard.entry("Town or city"), PERSON["city"])
    country = wizard.entry("Country")
    if text_of(country) != PERSON["country"]:
        type_into(country, PERSON["country"])
    type_into(wizard.entry("Phone number"), PERSON["phone"])
    tap.ok(True, "step 3: filled address and phone")
    wizard.next(4)


def step_insurance(wizard):
    report_unnamed(wizard, "step 4 (insurance)")
    type_into(wizard.entry("Name of your health insurer or mutuelle"), PERSON["insurer"])
    tick(wizard.frame, wizard.control("radio button", "Viamedis"))
    told = wizard.control("check box", "Did your health insurer or mutuelle tell you", exact=False)
    tick(wizard.frame, told)
    type_into(wizard.entry("When did they tell you?, Day"), PERSON["told_day"])
    type_into(wizard.entry("When did they tell you?, Month"), PERSON["told_month"])
    type_into(wizard.entry("When did they tell you?, Year"), PERSON["told_year"])
    tick(wizard.frame, wizard.control("radio button", "By post"))
    nir = wizard.control({"text", "entry"}, "Social security number", exact=False)
    type_into(nir, PERSON["nir"])
    tap.ok(True, "step 4: filled insurer, operator, “I was told”, when and how, and the NIR")
    wizard.next(5)


def step_facts(wizard):
    report_unnamed(wizard, "step 5 (what happened since)")
    boxes = find_all(wizard.page(), "check box")
    current = focused(wizard.frame)
    tap.ok(boxes and current is not None and same(current, boxes[0]),
           "step 5: the focus starts on the first choice, %r"
           % (name(boxes[0]) if boxes else "(no check box)"),
           ["focused: %s %r" % (role(current), name(current)) if current else "nothing focused"])
    sms = wizard.control("check box", "Fraudulent text messages", exact=False)
    tick(wizard.frame, sms)
    account = wizard.control({"text", "entry"}, "In your own words, what happened?", exact=False)
    type_into(account, PERSON["account"])
    tap.ok(True, "step 5: ticked a consequence and wrote the account")
    wizard.next(6)


def step_documents(wizard):
    report_unnamed(wizard, "step 6 (documents)")
    wizard.control("push button", "Add a document", exact=False)
    tap.ok(True, "step 6: documents skipped (optional)")
    wizard.next(7)


def step_review(wizard):
    report_unnamed(wizard, "step 7 (review)")
    page = wizard.page()
    texts = []
    for node in walk(page):
        texts.append(name(node))
        if role(node) in ("label", "static", "text"):
            try:
                texts.append(text_of(node))
            except Exception:
                pass
    summary = "\n".join(texts)
    for value in (PERSON["birth_name"], PERSON["given_name"], PERSON["insurer"],
                  PERSON["postal_code"], PERSON["phone"]):
        tap.ok(value in summary, "step 7: the summary shows %r" % value)
    tap.ok(PERSON["nir"].replace(" ", "") not in summary.replace(" ", ""),
           "step 7: the summary does not show the whole NIR")
    changes = [n for n in find_all(page, {"push button", "link"}) if name(n).startswith("Change")]
    tap.ok(len(changes) >= 4, "step 7: each group has a named “Change” control (%d)" % len(changes),
           [repr(name(c)) for c in changes])
    place = wizard.entry("Place of signature")
    if text_of(place) == "":
        type_into(place, PERSON["place"])
    day = wizard.entry("Date of signature, Day")
    tap.ok(text_of(place) != "" and text_of(day) != "",
           "step 7: place and date of signature are filled (%r, day %r)"
           % (text_of(place), text_of(day)))
    preview = [n for n in walk(page) if name(n).startswith("Preview of your letter")]
    tap.ok(len(preview) > 0, "step 7: the letter's preview is named")
    wizard.next(8)


def step_send(wizard, app, documents_dir):
    report_unnamed(wizard, "step 8 (send or print)")
    click(wizard.control("push button", "Save the letter (PDF)"))
    try:
        dialog = wait_for(lambda: next((c for c in children(app)
                                        # GTK 4.8 gives GtkFileChooserDialog the role
                                        # "filler"; later versions "dialog".
                                        if role(c) in ("dialog", "file chooser", "frame",
                                                       "filler")
                                        and name(c) == "Save the letter"), None),
                          15, "the “Save the letter” dialog")
    except Failure:
        tap.diag("the application's windows: %s"
                 % ", ".join("%s %r" % (role(c), name(c)) for c in children(app)))
        raise
    tap.ok(True, "step 8: “Save the letter (PDF)” opens the “Save the letter” dialog")
    # GTK 4.8's own file chooser has many unnamed buttons (path bar, sidebar...): they are GTK's,
    # not the program's, and the person needs none of them here, so they are only listed.
    unnamed = [n for n in walk(dialog)
               if role(n) in {"push button", "text", "entry", "toggle button"} and is_unnamed(n)]
    if unnamed:
        tap.diag("GTK's file chooser has %d unnamed controls (not the program's): %s"
                 % (len(unnamed), ", ".join(sorted({"%s %r" % (role(n), name(n))
                                                     for n in unnamed}))))
    name_entry = find_one(dialog, {"text", "entry"}, "Name:", where=" in the dialog")
    type_into(name_entry, "lettre-a11y.pdf")
    # GTK 4.8's own file chooser names its dialog buttons twice ("Cancel Cancel", "Save Save":
    # its label and its labelled-by relation); that is GTK's, so the doubled name is accepted.
    save = [n for n in find_all(dialog, "push button")
            if name(n) in ("Save", "Save Save", "_Save Save")]
    if not save:
        raise Failure("no push button named “Save” in the dialog: %s"
                      % ", ".join(repr(name(n)) for n in find_all(dialog, "push button")))
    # GTK 4.8 names a button with a mnemonic "_Save Save" (see lp_ui_name_after_label): a screen
    # reader reads the underscore and the word twice.
    # Only the two labels the program gives the chooser count; GTK's own ("Con_nect") are listed.
    leaks = sorted({name(n) for n in find_all(dialog, {"push button", "toggle button"})
                    if "_" in name(n)})
    ours = [n for n in leaks if n.replace("_", "").split()[0] in ("Save", "Cancel")]
    tap.ok(not ours, "step 8: the dialog's Save and Cancel buttons are named without mnemonic "
           "marks (Save: %r)" % name(save[0]),
           ["named with a mnemonic: %r%s" % (n, "" if n in ours else " (GTK's own)")
            for n in leaks])
    click(save[0])
    pdf = os.path.join(documents_dir, "lettre-a11y.pdf")
    try:
        wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 1000, 30, "the saved PDF")
        pump(1.0)
    except Failure:
        pass
    if not tap.ok(os.path.exists(pdf), "step 8: the letter is saved as %s" % os.path.basename(pdf)):
        return
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = " ".join(text.split())
    tap.ok(PERSON["birth_name"].upper() in flat or PERSON["birth_name"] in flat,
           "the letter names the person (%s)" % PERSON["birth_name"])
    tap.ok(PERSON["given_name"] in flat, "the letter has the given name")
    tap.ok(LEGAL_SENTENCE in flat, "the letter says “%s”" % LEGAL_SENTENCE)
    tap.ok(PERSON["insurer"] in flat, "the letter names the insurer")
    tap.ok(PERSON["nir"] in flat or PERSON["nir"].replace(" ", "") in flat.replace(" ", ""),
           "the letter has the social security number")
    messages = [name(n) for n in walk(wizard.page()) if "saved" in name(n)]
    tap.ok(any("was saved" in m for m in messages),
           "step 8: the saving is confirmed in an accessible text", [repr(m) for m in messages])


def main():
    if len(sys.argv) != 2:
        bail_out("usage: fill-wizard.py PATH/TO/lettre-plainte")
    program = sys.argv[1]
    for tool in ("pdftotext",):
        if shutil.which(tool) is None:
            bail_out("%s is missing: run scripts/deps.sh" % tool)
    if os.environ.get("GTK_A11Y") != "atspi" or os.environ.get("NO_AT_BRIDGE"):
        bail_out("run me with GTK_A11Y=atspi and without NO_AT_BRIDGE (see fill-wizard.sh)")

    home = tempfile.mkdtemp(prefix="lp-a11y-")
    documents = os.path.join(home, "Documents")
    config = os.path.join(home, ".config")
    os.makedirs(documents)
    os.makedirs(config)
    with open(os.path.join(config, "user-dirs.dirs"), "w") as f:
        f.write('XDG_DOCUMENTS_DIR="%s"\n' % documents)
    env = dict(os.environ)
    env.update({
        "HOME": home, "XDG_CONFIG_HOME": config,
        "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
        "XDG_CACHE_HOME": os.path.join(home, ".cache"),
        "LANGUAGE": "en", "LC_ALL": "C.UTF-8", "GTK_A11Y": "atspi",
    })
    env.pop("NO_AT_BRIDGE", None)
    # The program gets the test environment's G_DEBUG (fatal-warnings) back: fill-wizard.sh took
    # it away from this script, whose libatspi warns.
    env.pop("G_DEBUG", None)
    if os.environ.get("LP_PROGRAM_G_DEBUG"):
        env["G_DEBUG"] = os.environ["LP_PROGRAM_G_DEBUG"]
    log = open(os.path.join(home, "program.log"), "w+")
    global focus_tracker
    focus_tracker = FocusTracker()
    process = subprocess.Popen([program], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        app = find_application()
        tap.ok(True, "found the application %r on the AT-SPI bus" % APP_NAME)
        wizard = Wizard(app)
        wait_for(lambda: wizard.position()[0] == 1, 15, "the stepper")
        pump(0.5)
        for step in (step_welcome, step_identity, step_contact, step_insurance, step_facts,
                     step_documents, step_review):
            step(wizard)
        step_send(wizard, app, documents)
    except Failure as failure:
        number, title = (0, "")
        try:
            number, title = Wizard(find_application(2)).position()
        except Exception:
            pass
        tap.ok(False, "on step %d (%s): %s" % (number, title, failure),
               [] if process.poll() is None else ["the program had exited (%s)" % process.returncode])
    except Exception:
        tap.ok(False, "unexpected error", traceback.format_exc().splitlines())
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.seek(0)
        output = log.read()
        if output.strip():
            tap.diag("the program's output:\n" + output[-3000:])
        log.close()
        shutil.rmtree(home, ignore_errors=True)
    tap.ok(process.returncode in (0, -15), "the program ended cleanly (%s)" % process.returncode)
    tap.finish()
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
