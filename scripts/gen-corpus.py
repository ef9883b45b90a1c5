#!/usr/bin/env python3
"""Generate the benchmark corpora of scripts/bench.sh from the five seed articles.

    python3 scripts/gen-corpus.py copies  OUT MB   # whole seed files, round-robin
    python3 scripts/gen-corpus.py names   OUT MB   # the same, people renamed per file
    python3 scripts/gen-corpus.py article OUT MB   # one long article: the seeds repeated
    python3 scripts/gen-corpus.py dated   OUT N    # one article of N dated sentences

OUT is a folder; it must not exist yet or be empty. MB is in 10^6 bytes: files
are written whole until the total reaches it, so a corpus is at most one seed
larger than asked. Everything is deterministic: the same arguments give the same
bytes.

- `copies` writes `000000_<seed>`, `000001_<seed>`, ... taking the seeds
  (`seeds/*.txt`, sorted) in turn, about 40 files a megabyte.
- `names` does the same, but in each file every person the seed's gold file
  (`tests/gold/<seed>.json`, officials and other people) names is replaced by a
  name invented for that file, so the number of distinct people grows with the
  corpus. Invented names are a common surname and two given-name characters
  taken from a counter; none occurs in a seed or holds a name of the gold files.
  Seeds whose gold file names nobody are copied unchanged.
- `article` writes `article.txt`: the seeds one after the other, a blank line
  between them, again and again until the size is reached.
- `dated` writes `dated.txt`: a heading sentence naming an invented district
  official, then N lines such as `1月2日，黄…出席…。`, one day apart, months
  and years wrapping (the heading gives the first year).
"""

import datetime
import json
import math
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")
GOLD = os.path.join(ROOT, "tests", "gold")

USAGE = """usage: gen-corpus.py MODE OUT SIZE
  copies  OUT MB   about MB megabytes of seed copies, one file each
  names   OUT MB   the same, every person renamed to a name invented per file
  article OUT MB   one file of about MB megabytes: the seeds repeated
  dated   OUT N    one file of N dated sentences about one official
OUT is a folder that does not exist yet or is empty."""

# Common surnames; none is a character of a district name or a function word.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶程苏魏吕丁沈姜"
)
# About a hundred common given-name characters, none of them a character of a
# district name (福田 罗湖 盐田 南山 宝安 龙岗 龙华 坪山 光明 大鹏 深汕) or a title.
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛超秀霞刚英玉萍红建文辉力斌宇浩凯飞鑫波宁婷雪琳晶颖慧嘉俊峰帆"
    "瑞欣琪阳晨子思雨梓博睿航轩昊泽彬旭哲铭翔逸皓宏志海兴振德成永荣庆春秋冬晓丹琦璐薇婧怡蕾莹洁"
    "然昕悦诚毅远亮佳蓉倩蕊鸣琛楠"
)

ACTS = ["出席", "主持召开", "调研", "参加", "检查", "率队考察", "会见"]
THINGS = [
    "重点项目推进会",
    "区委常委会会议",
    "安全生产工作会议",
    "招商引资工作座谈会",
    "城市更新项目现场",
    "民生实事项目建设情况",
    "营商环境优化工作会",
    "科技创新产业园",
    "防汛防风工作",
    "教育科技产业园二期工程",
    "企业服务大会",
]


class UsageError(Exception):
    pass


def seed_files():
    try:
        names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    except OSError as e:
        raise SystemExit(f"gen-corpus: reading {SEEDS}: {e.strerror}")
    if not names:
        raise SystemExit(f"gen-corpus: no .txt files in {SEEDS}")
    seeds = []
    for name in names:
        with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
            seeds.append((name, f.read()))
    return seeds


def gold_names(seed_name):
    """The people a seed's gold file names, longest first."""
    path = os.path.join(GOLD, os.path.splitext(seed_name)[0] + ".json")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        gold = json.load(f)
    names = set()
    for key in ("officials", "other_people"):
        for person in gold.get(key) or []:
            if person.get("name"):
                names.add(person["name"])
    for row in gold.get("participations") or []:
        if row.get("person"):
            names.add(row["person"])
    return sorted(names, key=lambda n: (-len(n), n))


class Namer:
    """Invented names, one per call, never twice, never holding one of `taken`."""

    def __init__(self, texts, taken):
        self.counter = 0
        self.taken = set(taken)
        # Nor may it hold a real name (黄伟 in 黄伟芳).
        self.names = sorted(taken)
        # Every three-character string of the seeds: an invented name must not
        # already occur in them.
        for text in texts:
            for i in range(len(text) - 2):
                self.taken.add(text[i : i + 3])
        self.capacity = len(SURNAMES) * len(GIVEN) * len(GIVEN)

    def next(self):
        while self.counter < self.capacity:
            i = self.counter
            self.counter += 1
            s = SURNAMES[i % len(SURNAMES)]
            i //= len(SURNAMES)
            # A bijection of i onto pairs of characters that seldom repeats one.
            a = i % len(GIVEN)
            b = (i // len(GIVEN) + a + 1) % len(GIVEN)
            g1, g2 = GIVEN[a], GIVEN[b]
            name = s + g1 + g2
            if name not in self.taken and not any(n in name for n in self.names):
                return name
        raise SystemExit(
            f"gen-corpus: out of invented names after {self.capacity}; ask for a smaller corpus"
        )


def prepare_out(out):
    if os.path.exists(out):
        if not os.path.isdir(out):
            raise SystemExit(f"gen-corpus: {out} exists and is not a folder")
        if os.listdir(out):
            raise SystemExit(f"gen-corpus: {out} is not empty; remove it first")
    else:
        os.makedirs(out)


def write(path, text):
    data = text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def copies(out, target, rename):
    seeds = seed_files()
    people = {name: gold_names(name) for name, _ in seeds}
    patterns = {
        name: re.compile("|".join(map(re.escape, ns))) if ns else None
        for name, ns in people.items()
    }
    every = {n for ns in people.values() for n in ns}
    namer = Namer([t for _, t in seeds], every) if rename else None
    total = 0
    i = 0
    while total < target:
        seed, text = seeds[i % len(seeds)]
        pattern = patterns[seed]
        if rename and pattern is not None:
            mapping = {n: namer.next() for n in people[seed]}
            text = pattern.sub(lambda m: mapping[m.group(0)], text)
        total += write(os.path.join(out, f"{i:06d}_{seed}"), text)
        i += 1
    return i, total


def article(out, target):
    seeds = seed_files()
    parts = []
    total = 0
    i = 0
    while total < target:
        text = seeds[i % len(seeds)][1].strip("\n") + "\n\n"
        parts.append(text)
        total += len(text.encode("utf-8"))
        i += 1
    return 1, write(os.path.join(out, "article.txt"), "".join(parts))


def dated(out, n):
    seeds = seed_files()
    every = {p for name, _ in seeds for p in gold_names(name)}
    namer = Namer([t for _, t in seeds], every)
    # The first invented name with the surname 黄, as in the heading of the brief.
    name = namer.next()
    while not name.startswith("黄"):
        name = namer.next()
    day = datetime.date(2024, 1, 1)
    lines = [f"{day.year}年{day.month}月{day.day}日，福田区委书记{name}主持召开区委常委会会议。"]
    for i in range(n):
        day += datetime.timedelta(days=1)
        act = ACTS[i % len(ACTS)]
        thing = THINGS[i % len(THINGS)]
        lines.append(f"{day.month}月{day.day}日，{name}{act}{thing}。")
    return 1, write(os.path.join(out, "dated.txt"), "\n".join(lines) + "\n")


def number(text, kind):
    try:
        value = float(text) if kind is float else int(text)
    except ValueError:
        raise UsageError(f"not a number: {text}")
    if not math.isfinite(value) or value <= 0:
        raise UsageError(f"not a positive number: {text}")
    return value


def main(argv):
    if len(argv) != 3 or argv[0] not in ("copies", "names", "article", "dated"):
        raise UsageError("")
    mode, out, size = argv
    if mode == "dated":
        n = number(size, int)
        prepare_out(out)
        files, total = dated(out, n)
    else:
        target = number(size, float) * 1e6
        prepare_out(out)
        if mode == "article":
            files, total = article(out, target)
        else:
            files, total = copies(out, target, rename=mode == "names")
    print(f"{out}: {files} files, {total} bytes")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except UsageError as e:
        if str(e):
            print(f"gen-corpus: {e}", file=sys.stderr)
        print(USAGE, file=sys.stderr)
        sys.exit(2)
