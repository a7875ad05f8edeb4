#!/usr/bin/env python3
"""Writes jieba-base.dict: the words of jieba's dictionary (dict.txt, MIT, as
the jieba-rs crate ships it) used often enough to matter, with their
frequencies and part-of-speech tags.

Why a trimmed copy: jieba-rs loads its whole dictionary (349,045 words) in
about 200 ms, which the command line would pay on every run; the 136,547
words seen five times or more load in about 70 ms and segment our texts the
same way for every word the checks read (rare words are names, which the
HMM model of unknown words and our field dictionary cover).

    python3 assets/lexicon/generate_base.py   # reads the crate from cargo's registry
"""
import json
import subprocess
from pathlib import Path

MIN_FREQ = 5


def crate_dict():
    meta = json.loads(subprocess.check_output(["cargo", "metadata", "--format-version", "1"], text=True))
    for p in meta["packages"]:
        if p["name"] == "jieba-rs":
            return Path(p["manifest_path"]).parent / "src" / "data" / "dict.txt"
    raise SystemExit("jieba-rs is not a dependency of this package")


def main():
    src = crate_dict()
    kept = 0
    target = Path(__file__).with_name("jieba-base.dict")
    with open(src, encoding="utf-8") as f, open(target, "w", encoding="utf-8", newline="\n") as out:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and int(parts[1]) >= MIN_FREQ:
                out.write(line if line.endswith("\n") else line + "\n")
                kept += 1
    print(f"{kept} words written to {target}")


if __name__ == "__main__":
    main()
