#!/usr/bin/env python3
"""Deterministic dev/frozen split used by the datasets in this folder.

Rule: within each domain, items are ordered by the SHA-256 hex digest of their id (UTF-8); the first
round(0.6 * n) go to dev.jsonl, the rest to frozen.jsonl. Both files keep that order.

Usage: python3 split.py DIR          re-splits DIR/dev.jsonl + DIR/frozen.jsonl and reports whether the
                                     files already follow the rule (it rewrites nothing)
       python3 split.py DIR --write  rewrites them (only when adding items, never to move items
                                     after tuning has started)
"""
import hashlib
import json
import sys
from pathlib import Path

DEV_SHARE = 0.6


def split(items):
    by_domain = {}
    for item in items:
        by_domain.setdefault(item["domain"], []).append(item)
    dev, frozen = [], []
    for domain in sorted(by_domain):
        ordered = sorted(by_domain[domain], key=lambda i: hashlib.sha256(i["id"].encode("utf-8")).hexdigest())
        cut = int(len(ordered) * DEV_SHARE + 0.5)
        dev += ordered[:cut]
        frozen += ordered[cut:]
    return dev, frozen


def read(path):
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main():
    folder = Path(sys.argv[1])
    items = read(folder / "dev.jsonl") + read(folder / "frozen.jsonl")
    ids = [i["id"] for i in items]
    if len(ids) != len(set(ids)):
        sys.exit("duplicate ids")
    dev, frozen = split(items)
    if "--write" in sys.argv:
        for name, part in (("dev.jsonl", dev), ("frozen.jsonl", frozen)):
            with open(folder / name, "w", encoding="utf-8", newline="\n") as f:
                for item in part:
                    f.write(json.dumps(item, ensure_ascii=False) + "\n")
    current = [i["id"] for i in read(folder / "dev.jsonl")]
    ok = current == [i["id"] for i in dev]
    print(f"{folder}: {len(dev)} dev, {len(frozen)} frozen; files follow the rule: {ok}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
