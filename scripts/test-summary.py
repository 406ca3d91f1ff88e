#!/usr/bin/env python3
"""Counts the individual TAP results of a meson test run.

meson's own summary counts test programs; a program holds many cases, so the line we print
counts cases: "ok" lines pass, "not ok" lines fail ("# SKIP" counts as skipped, "# TODO"
as neither). A program that failed without reporting a failing case (a crash, a timeout)
counts as one failure. Exit status 1 when anything failed or when nothing ran.
"""
import json
import re
import sys

TAP_LINE = re.compile(r"^(not ok|ok)\b(.*)$")


def main(path):
    passed = failed = skipped = 0
    with open(path, encoding="utf-8") as log:
        for line in log:
            if not line.strip():
                continue
            entry = json.loads(line)
            prog_passed = prog_failed = 0
            for out in (entry.get("stdout") or "").splitlines():
                match = TAP_LINE.match(out.strip())
                if not match:
                    continue
                directive = match.group(2)
                if "# SKIP" in directive.upper():
                    skipped += 1
                elif "# TODO" in directive.upper():
                    continue
                elif match.group(1) == "ok":
                    prog_passed += 1
                else:
                    prog_failed += 1
            if entry.get("result") not in ("OK", "SKIP", "EXPECTEDFAIL") and prog_failed == 0:
                print(f"{entry.get('name')}: {entry.get('result')} without a failing case",
                      file=sys.stderr)
                prog_failed = 1
            passed += prog_passed
            failed += prog_failed
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
