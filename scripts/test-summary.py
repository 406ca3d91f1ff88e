#!/usr/bin/env python3
"""Counts the individual TAP results of a meson test run.

meson's own summary counts test programs; a program holds many cases, so the line we print
counts cases: "ok" lines pass, "not ok" lines fail ("# SKIP" counts as skipped, "# TODO"
as neither). A program that failed without reporting a failing case (a crash, a timeout)
counts as one failure. Exit status 1 when anything failed or when nothing ran.

Several files may be given, and the line counts them all: meson's testlog.json of each
build (the normal one and the sanitizer one), and plain TAP files such as the one
tests/fuzz/run-all.sh writes (any file whose name does not end in .json).

Before that line, each failed program is named with the end of what it printed: CI keeps
only the end of a run's output, and meson's error logs scroll out of it long before.
"""
import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")
TAIL_LINES = 25

# (where, name, result, last lines) of every program that failed, printed at the end.
failures = []


def count_tap(lines):
    """(passed, failed, skipped) of TAP result lines."""
    passed = failed = skipped = 0
    for out in lines:
        match = TAP_LINE.match(out.strip())
        if not match:
            continue
        directive = match.group(2)
        if "# SKIP" in directive.upper():
            skipped += 1
        elif "# TODO" in directive.upper():
            continue
        elif match.group(1) == "ok":
            passed += 1
        else:
            failed += 1
    return passed, failed, skipped


def count_testlog(path):
    passed = failed = skipped = 0
    with open(path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            entry = json.loads(line)
            prog_passed, prog_failed, prog_skipped = count_tap(
                (entry.get("stdout") or "").splitlines())
            result = entry.get("result")
            if result not in ("OK", "SKIP", "EXPECTEDFAIL") and prog_failed == 0:
                print(f"{entry.get('name')}: {result} without a failing case", file=sys.stderr)
                prog_failed = 1
            if prog_failed:
                output = ((entry.get("stdout") or "") + (entry.get("stderr") or "")).splitlines()
                failures.append((path, entry.get("name"), result, output[-TAIL_LINES:]))
            passed += prog_passed
            failed += prog_failed
            skipped += prog_skipped
    return passed, failed, skipped


def count_tap_file(path):
    with open(path, encoding="utf-8") as tap:
        lines = tap.read().splitlines()
    counts = count_tap(lines)
    if counts[1]:
        failures.append((path, "", "FAIL", [l for l in lines if l.startswith("not ok")]))
    return counts


def main(paths):
    passed = failed = skipped = 0
    for path in paths:
        try:
            counts = count_testlog(path) if path.endswith(".json") else count_tap_file(path)
        except OSError as error:
            # A run that did not even produce its results (a build that failed) is a failure.
            print(f"{path}: {error.strerror}", file=sys.stderr)
            counts = (0, 1, 0)
        passed += counts[0]
        failed += counts[1]
        skipped += counts[2]
    for path, name, result, tail in failures:
        print(f"FAILED {name or path} ({result}) in {path}; its last lines:")
        for out in tail:
            print("  | " + out)
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test-summary.py TESTLOG.json|RESULTS.tap...")
    sys.exit(main(sys.argv[1:]))
