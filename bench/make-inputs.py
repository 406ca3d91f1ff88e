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


def letters(i):
    """A name made of letters only (names may not hold digits): 0 -> "Ba", 1 -> "Be", ..."""
    syllables = ["ba", "be", "bi", "bo", "da", "de", "di", "do", "la", "le", "li", "lo",
                 "ma", "me", "mi", "mo", "na", "ne", "ni", "no", "ra", "re", "ri", "ro"]
    word = ""
    while True:
        word += syllables[i % len(syllables)]
        i //= len(syllables)
        if i == 0:
            return word.capitalize()


def batch(n, out):
    base = typical()
    items = []
    for i in range(n):
        c = json.loads(json.dumps(base))
        c["complainant"]["given_names"] = ["Camille", letters(i)]
        c["complainant"]["birth_name"] = "Essai-" + letters(i * 7 + 3)
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
