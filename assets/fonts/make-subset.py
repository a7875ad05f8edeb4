#!/usr/bin/env python3
"""Build the bundled CJK font: Noto Sans CJK SC cut down to GB2312 and common punctuation.

Reads Debian's fonts-noto-cjk and writes, beside this script:
  NotoSansSC-GB2312.otf   the subset (OFL-1.1)
  OFL.txt                 the font's licence, taken from Debian's copyright file

Needs: apt-get install fonts-noto-cjk; pip install fonttools
Run:   python3 assets/fonts/make-subset.py
"""
import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
COPYRIGHT = pathlib.Path("/usr/share/doc/fonts-noto-cjk/copyright")
FACE = "Noto Sans CJK SC"
HERE = pathlib.Path(__file__).resolve().parent


def gb2312_chars():
    """Every character GB2312 encodes: rows 0xA1-0xF7, cells 0xA1-0xFE."""
    out = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def extra_codepoints():
    """ASCII, Latin-1, general punctuation, CJK symbols, enclosed numbers, full-width forms."""
    ranges = [
        (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2100, 0x214F),
        (0x2150, 0x218F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x2500, 0x257F),
        (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0x3200, 0x32FF),
        (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
    ]
    return {c for lo, hi in ranges for c in range(lo, hi + 1)}


def licence_text(font):
    """The SIL OFL 1.1 block of Debian's machine-readable copyright file."""
    lines = COPYRIGHT.read_text(encoding="utf-8").splitlines()
    start = lines.index("License: SIL-1.1", lines.index("Files: *"))
    # The second "License: SIL-1.1" line opens the full text.
    start = lines.index("License: SIL-1.1", start + 1)
    body = []
    for line in lines[start + 1:]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    head = f"{FACE}\n{font['name'].getDebugName(0)}\n\n"
    return head + "\n".join(body).strip() + "\n"


def main():
    collection = TTCollection(str(SOURCE))
    font = next((f for f in collection.fonts if f["name"].getDebugName(1) == FACE), None)
    if font is None:
        sys.exit(f"{FACE} not found in {SOURCE}")
    options = subset.Options()
    options.layout_features = ["kern", "halt", "vhal"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    unicodes = {ord(c) for c in gb2312_chars()} | extra_codepoints()
    subsetter.populate(unicodes=unicodes)
    subsetter.subset(font)
    out = HERE / "NotoSansSC-GB2312.otf"
    font.save(str(out))
    (HERE / "OFL.txt").write_text(licence_text(font), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(unicodes)} code points asked for)")


if __name__ == "__main__":
    main()
