#!/usr/bin/env python3
"""Writes a synthetic universe CSV of N issuers (seeded, reproducible) in the `datrules screen --input` format.

Usage: python3 benchmarks/scripts/generate-universe.py N [SEED] > universe.csv

About 3% of rows sit exactly on the 50% line (digital = total / 2) and 1% have no total assets,
so the boundary and the Indeterminate path are exercised at scale. Amounts are whole cents.
"""
import random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
rng = random.Random(seed)
out = sys.stdout
out.write("ticker,as_of,digital_assets_usd,total_assets_usd\n")
dates = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]
for i in range(n):
    total_cents = rng.randrange(100_000_00, 500_000_000_000_00)
    k = rng.random()
    if k < 0.03:
        total_cents -= total_cents % 2
        digital_cents = total_cents // 2
    elif k < 0.04:
        digital_cents, total_cents = rng.randrange(0, 10**12), None
    else:
        digital_cents = int(total_cents * rng.random() ** 3)
    d = f"{digital_cents // 100}.{digital_cents % 100:02d}"
    t = "" if total_cents is None else f"{total_cents // 100}.{total_cents % 100:02d}"
    out.write(f"T{i:07d},{dates[i % 4]},{d},{t}\n")
