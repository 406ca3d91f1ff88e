#!/usr/bin/env python3
"""Makes the benchmark inputs from tests/data/complaint-typical.json.

  make-inputs.py batch N OUT.json        an array of N complaints (names vary, all invented)
  make-inputs.py photos PHOTO1 PHOTO2 OUT.json
                                         the typical complaint with two photo attachments
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPICAL = os.path.join(HERE, "..", "tests", "data", "complaint-typical.json")


def typical():
    with open(TYPICAL, encoding="utf-8") as f:
        return json.load(f)


def batch(n, out):
    base = typical()
    items = []
    for i in range(n):
        c = json.loads(json.dumps(base))
        c["complainant"]["given_names"] = ["Camille", f"Exemple{i}"]
        c["complainant"]["birth_name"] = f"Essai-{i:04d}"
        items.append(c)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False)


def photos(p1, p2, out):
    c = typical()
    c["attachments"] = [
        {"file": os.path.relpath(p1, os.path.dirname(out)), "title": "Courrier de ma mutuelle"},
        {"file": os.path.relpath(p2, os.path.dirname(out)), "title": "SMS reçu le 20 février"},
    ]
    with open(out, "w", encoding="utf-8") as f:
        json.dump(c, f, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1] == "batch":
        batch(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "photos":
        photos(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit(__doc__)
