#!/usr/bin/python3
# measure.py — called by run.sh on a private X server: start-to-first-frame of the wizard against
# a minimal GTK 4 window, same machine, same renderer, same probe (first-frame-shim.so).
#
# Usage: measure.py SHIM MINIMAL_PROGRAM MINIMAL_ADW_PROGRAM WIZARD_PROGRAM RUNS
# For each renderer (cairo, then GTK's default), the programs alternate run by run (so a change
# in the machine's load hits all), after one warm-up run each. The libadwaita minimal window is
# not the budget's reference: it shows how much of the wizard's time is libadwaita's own. Prints one table line per
# program and renderer (median, min, max of the time; median peak RSS), the ratio, and the
# wizard's memory 3 s after its first frame (campaign loaded).

import os
import statistics
import subprocess
import sys
import tempfile
import time


def run_once(shim, program, renderer, linger_ms=0):
    with tempfile.NamedTemporaryFile("r", suffix=".txt") as out:
        env = dict(os.environ)
        env["LD_PRELOAD"] = shim
        env["LP_BENCH_OUT"] = out.name
        env["LP_BENCH_LINGER_MS"] = str(linger_ms)
        if renderer == "cairo":
            env["GSK_RENDERER"] = "cairo"
        else:
            env.pop("GSK_RENDERER", None)
        env["LP_BENCH_T0_NS"] = str(time.monotonic_ns())
        process = subprocess.run([program], env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, timeout=60)
        line = out.read().strip()
    if not line.startswith("first-frame "):
        raise SystemExit("%s gave no first frame (exit %d)" % (program, process.returncode))
    fields = dict(item.split("=", 1) for item in line.split()[1:])
    return fields


def main():
    shim, minimal, minimal_adw, wizard = sys.argv[1:5]
    runs = int(sys.argv[5])
    programs = [("minimal GTK 4 window", minimal), ("minimal libadwaita", minimal_adw),
                ("lettre-plainte", wizard)]
    # LP_BENCH_RENDERERS=cairo: only that one (quicker, while trying a change).
    renderers = os.environ.get("LP_BENCH_RENDERERS", "cairo default").split()
    for renderer in renderers:
        results = {label: [] for label, _ in programs}
        renderer_names = set()
        for _, program in programs:
            run_once(shim, program, renderer)   # warm-up: page cache, font cache
        for _ in range(runs):
            for label, program in programs:
                fields = run_once(shim, program, renderer)
                results[label].append(fields)
                renderer_names.add(fields["renderer"])
        print("renderer %s (%s), %d runs each" % (renderer, ", ".join(sorted(renderer_names)), runs))
        medians = {}
        for label, _ in programs:
            ms = [float(f["ms"]) for f in results[label]]
            hwm = [int(f["hwm_kb"]) for f in results[label]]
            medians[label] = statistics.median(ms)
            print("  %-22s first frame median %7.1f ms (min %7.1f, max %7.1f); peak RSS median %6.1f MB"
                  % (label, statistics.median(ms), min(ms), max(ms),
                     statistics.median(hwm) / 1024))
            phases = {key: statistics.median(float(f[key]) for f in results[label])
                      for key in ("run_ms", "startup_ms", "realize_ms", "map_ms")}
            print("  %-22s   medians from exec: g_application_run %.1f, startup done %.1f, "
                  "window realized %.1f, mapped %.1f ms"
                  % ("", phases["run_ms"], phases["startup_ms"], phases["realize_ms"],
                     phases["map_ms"]))
        print("  ratio lettre-plainte / minimal: %.2f (budget <= 1.5)"
              % (medians["lettre-plainte"] / medians["minimal GTK 4 window"]))
        later = [run_once(shim, wizard, renderer, linger_ms=3000) for _ in range(3)]
        print("  lettre-plainte 3 s after the first frame: peak RSS %s MB (budget <= 150 MB)"
              % ", ".join("%.1f" % (int(f["later_hwm_kb"]) / 1024) for f in later))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
