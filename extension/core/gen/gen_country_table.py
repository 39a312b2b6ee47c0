#!/usr/bin/env python3
"""Generate extension/core/country_table.h from extension/core/gen/countries.txt.

    python3 extension/core/gen/gen_country_table.py            # write the header
    python3 extension/core/gen/gen_country_table.py --check    # exit 1 if stale

The data file is the project's own (see its header for the format).  This
script checks what can be checked without the C code (well-formed codes, one
country per code in every scheme, known regions, names present, shared names
marked as such on every side) and writes static tables that only
extension/core/country.c includes.  Name matching keys are computed at run
time by the C code (with sn_text folding), so that the generator never has to
agree with C on Unicode details; tests/unit/test_country_table.c checks the
invariants that depend on them.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "countries.txt")
OUT = os.path.join(HERE, "..", "country_table.h")

# UN M49 sub-regions (intermediate regions where M49 has them), grouped by
# their M49 region, which is what continent() returns.
REGIONS = [
    ("Northern Africa", "Africa"),
    ("Eastern Africa", "Africa"),
    ("Middle Africa", "Africa"),
    ("Southern Africa", "Africa"),
    ("Western Africa", "Africa"),
    ("Caribbean", "Americas"),
    ("Central America", "Americas"),
    ("South America", "Americas"),
    ("Northern America", "Americas"),
    ("Central Asia", "Asia"),
    ("Eastern Asia", "Asia"),
    ("South-eastern Asia", "Asia"),
    ("Southern Asia", "Asia"),
    ("Western Asia", "Asia"),
    ("Eastern Europe", "Europe"),
    ("Northern Europe", "Europe"),
    ("Southern Europe", "Europe"),
    ("Western Europe", "Europe"),
    ("Australia and New Zealand", "Oceania"),
    ("Melanesia", "Oceania"),
    ("Micronesia", "Oceania"),
    ("Polynesia", "Oceania"),
    # no M49 sub-region: continent only
    (None, "Antarctica"),
]
SCHEMES = {"gw": "SN_COUNTRY_SCHEME_GW", "cow": "SN_COUNTRY_SCHEME_COW",
           "fips": "SN_COUNTRY_SCHEME_FIPS"}


class DataError(Exception):
    pass


def fail(lineno, msg):
    raise DataError("%s:%d: %s" % (SRC, lineno, msg))


def parse(text):
    countries = []
    historic = []
    cur = None
    for lineno, raw in enumerate(text.split("\n"), 1):
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@historic "):
            m = re.match(r"@historic (gw|cow|fips) (\S+) (?:=([A-Z]{3}) )?(.+)$", line)
            if not m:
                fail(lineno, "bad @historic line")
            scheme, code, successor, name = m.groups()
            if successor and scheme == "fips":
                fail(lineno, "a FIPS code has no successor here")
            if scheme == "fips":
                if not re.fullmatch(r"[A-Z]{2}", code):
                    fail(lineno, "bad FIPS code %r" % code)
                key = code
            else:
                if not re.fullmatch(r"[1-9][0-9]{0,2}", code):
                    fail(lineno, "bad %s number %r" % (scheme, code))
                key = int(code)
            historic.append((scheme, key, successor, name, lineno))
            continue
        if line.startswith("  en: ") or line.startswith("  fr: "):
            if cur is None:
                fail(lineno, "names before a country line")
            lang = line[2:4]
            if cur[lang] is not None:
                fail(lineno, "two %s: lines" % lang)
            names = [n.strip() for n in line[6:].split(";")]
            if not names or any(not n or n == "?" for n in names):
                fail(lineno, "empty name")
            if names[0].startswith("?"):
                fail(lineno, "the short name may not be ambiguous")
            cur[lang] = names
            continue
        m = re.match(r"([A-Z]{3}) ([A-Z]{2}) +(\d+|-) +([A-Z]{2}(?:/[A-Z]{2})*|-) +"
                     r"(\d+|-) +(\d+|-) +(.+)$", line)
        if not m:
            fail(lineno, "not a country line: %r" % line)
        iso3, iso2, num, fips, gw, cow, region = m.groups()
        region = region.strip()
        if region.startswith("-/"):
            reg = (None, region[2:])
        else:
            cont = [c for r, c in REGIONS if r == region]
            if not cont:
                fail(lineno, "unknown region %r" % region)
            reg = (region, cont[0])
        if reg not in REGIONS:
            fail(lineno, "unknown region %r" % region)

        def number(s, lo, hi, what):
            if s == "-":
                return 0
            v = int(s)
            if not lo <= v <= hi or (s != str(v)):
                fail(lineno, "%s %r out of range or with leading zeros" % (what, s))
            return v
        cur = {
            "line": lineno, "iso3": iso3, "iso2": iso2,
            "num": number(num, 1, 999, "ISO numeric"),
            "fips": [] if fips == "-" else fips.split("/"),
            "gw": number(gw, 1, 999, "GW number"),
            "cow": number(cow, 1, 999, "COW number"),
            "region": REGIONS.index(reg),
            "en": None, "fr": None,
        }
        countries.append(cur)
    for c in countries:
        if c["en"] is None or c["fr"] is None:
            fail(c["line"], "%s lacks its en: or fr: line" % c["iso3"])
    return countries, historic


def check(countries, historic):
    iso3s = [c["iso3"] for c in countries]
    if iso3s != sorted(iso3s):
        raise DataError("countries are not in alpha-3 order")
    for scheme in ("iso3", "iso2", "num", "gw", "cow"):
        seen = {}
        for c in countries:
            v = c[scheme]
            if not v:
                continue
            if v in seen:
                fail(c["line"], "%s %r is also %s" % (scheme, v, seen[v]))
            seen[v] = c["iso3"]
    seen = {}
    for c in countries:
        for f in c["fips"]:
            if f in seen:
                fail(c["line"], "FIPS %r is also %s" % (f, seen[f]))
            seen[f] = c["iso3"]
    for scheme, key, successor, name, lineno in historic:
        field = scheme
        for c in countries:
            if (key in c["fips"]) if scheme == "fips" else (c[field] == key):
                fail(lineno, "historic %s %s is in use by %s" % (scheme, key, c["iso3"]))
        if successor and successor not in iso3s:
            fail(lineno, "successor %s is not a country of the table" % successor)
    keys = [(h[0], h[1]) for h in historic]
    if len(keys) != len(set(keys)):
        raise DataError("a historic code is listed twice")
    # A name shared by several countries must be marked "?" everywhere.
    # (Exact spelling only; the C test checks folded keys.)
    owners = {}
    for c in countries:
        for lang in ("en", "fr"):
            for n in c[lang]:
                owners.setdefault(n.lstrip("?"), []).append((c["iso3"], n.startswith("?")))
    for name, who in owners.items():
        isos = {w[0] for w in who}
        if len(isos) > 1 and not all(w[1] for w in who):
            raise DataError("name %r is shared by %s but not marked '?' everywhere"
                            % (name, ", ".join(sorted(isos))))


def cstr(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif 32 <= ord(ch) < 127:
            out.append(ch)
        else:
            for b in ch.encode("utf-8"):
                out.append("\\%03o" % b)
    return '"' + "".join(out) + '"'


def generate(countries, historic):
    o = []
    w = o.append
    w("/*")
    w(" * extension/core/country_table.h")
    w(" *")
    w(" * GENERATED by extension/core/gen/gen_country_table.py from")
    w(" * extension/core/gen/countries.txt: edit those, not this file.")
    w(" * Included by extension/core/country.c only.")
    w(" */")
    w("#ifndef SN_COUNTRY_TABLE_H")
    w("#define SN_COUNTRY_TABLE_H")
    w("")
    w("#define SN_COUNTRY_TABLE_COUNT %d" % len(countries))
    w("#define SN_COUNTRY_REGION_COUNT %d" % len(REGIONS))
    w("")
    w("static const char *const sn_country_region_names[SN_COUNTRY_REGION_COUNT] = {")
    for r, _ in REGIONS:
        w("\t%s," % (cstr(r) if r else "NULL"))
    w("};")
    w("")
    w("static const char *const sn_country_continent_names[SN_COUNTRY_REGION_COUNT] = {")
    for _, c in REGIONS:
        w("\t%s," % cstr(c))
    w("};")
    w("")
    # names: all names of all countries, grouped by country, English first
    names = []
    for i, c in enumerate(countries):
        c["first_name"] = len(names)
        for lang in ("en", "fr"):
            for k, n in enumerate(c[lang]):
                names.append((n.lstrip("?"), lang, k == 0, n.startswith("?"), i))
        c["name_count"] = len(names) - c["first_name"]
    w("#define SN_COUNTRY_NAME_COUNT %d" % len(names))
    w("")
    w("static const sn_country_name sn_country_name_table[SN_COUNTRY_NAME_COUNT] = {")
    for n, lang, short, amb, i in names:
        flags = []
        if short:
            flags.append("SN_COUNTRY_NAME_SHORT")
        if amb:
            flags.append("SN_COUNTRY_NAME_SHARED")
        w("\t{%s, %s, %s, %d}," % (cstr(n), "SN_LANG_EN" if lang == "en" else "SN_LANG_FR",
                                 "|".join(flags) or "0", i))
    w("};")
    w("")
    w("static const sn_country_info sn_country_table[SN_COUNTRY_TABLE_COUNT] = {")
    for c in countries:
        w("\t{%s, %s, %d, %s, %s, %d, %d, %d, %s, %s, %d, %d}," % (
            cstr(c["iso3"]), cstr(c["iso2"]), c["num"],
            cstr(c["fips"][0]) if c["fips"] else "NULL",
            cstr(c["fips"][1]) if len(c["fips"]) > 1 else "NULL",
            c["gw"], c["cow"], c["region"],
            cstr(c["en"][0].lstrip("?")), cstr(c["fr"][0].lstrip("?")),
            c["first_name"], c["name_count"]))
    w("};")
    w("")
    w("#define SN_COUNTRY_HISTORIC_COUNT %d" % len(historic))
    w("")
    w("static const sn_country_historic sn_country_historic_table[SN_COUNTRY_HISTORIC_COUNT] = {")
    for scheme, key, successor, name, _ in historic:
        if scheme == "fips":
            w("\t{%s, 0, %s, %s, NULL}," % (SCHEMES[scheme], cstr(key), cstr(name)))
        else:
            w("\t{%s, %d, NULL, %s, %s}," % (SCHEMES[scheme], key, cstr(name),
                                            cstr(successor) if successor else "NULL"))
    w("};")
    w("")
    w("#endif\t\t\t\t\t\t\t/* SN_COUNTRY_TABLE_H */")
    return "\n".join(o) + "\n"


def main(argv):
    with open(SRC, encoding="utf-8") as f:
        countries, historic = parse(f.read())
    check(countries, historic)
    text = generate(countries, historic)
    if "--check" in argv:
        try:
            with open(OUT, encoding="utf-8") as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current != text:
            sys.stderr.write("%s is stale: run %s\n" % (os.path.relpath(OUT), argv[0]))
            return 1
        print("country_table.h is up to date (%d countries)" % len(countries))
        return 0
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    # PGXS does not track header dependencies: make country.o stale.
    os.utime(os.path.join(HERE, "..", "country.c"))
    print("wrote %s: %d countries, %d historic codes" % (os.path.relpath(OUT), len(countries), len(historic)))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except DataError as e:
        sys.stderr.write("%s\n" % e)
        sys.exit(2)
