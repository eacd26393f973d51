#!/usr/bin/env python3
"""Converts ../shared/data/companies.csv (the sourced research table) into the embedded dataset
src/DatRules.Cli/Data/companies.csv in the project's own input format.

Kept in the repository so the provenance of every embedded figure is reproducible:
- numbers are copied as they are; nothing is computed except the column layout;
- the source's "| UNVERIFIED: a;b" tag becomes the estimated_fields column (shipped labelled as estimates);
- "| DERIVED: ..." stays in the source text (derived by arithmetic from cited inputs);
- index_constituent is filled only where a public source says so (see docs/data.md).
Usage: python3 eng/convert-shared-data.py ../shared/data/companies.csv > src/DatRules.Cli/Data/companies.csv
"""
import csv, sys

CONSTITUENTS = {
    "MSTR": "true",    # MSCI USA / MSCI World holders: JPMorgan note, reported 20 Nov 2025
    "3350.T": "true",  # MSCI freezes its NOS/FIF/DIF increases (10 Oct 2025): only constituents have them
    "ALCPB": "true",   # idem (Capital B)
}
ASSET_FIX = {"BTC (multi-asset portfolio)": "CRYPTO"}  # Coinbase: value covers a multi-asset portfolio

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/companies.csv"
rows = list(csv.DictReader(open(src, newline="", encoding="utf-8")))
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["ticker", "name", "country", "as_of", "asset", "units", "digital_assets_usd",
              "total_assets_usd", "shares_outstanding", "index_constituent", "estimated_fields", "source"])
for r in rows:
    source = r["source"]
    estimated = ""
    parts = [p.strip() for p in source.split("|")]
    kept = [parts[0]]
    for p in parts[1:]:
        if p.startswith("UNVERIFIED:"):
            estimated = p[len("UNVERIFIED:"):].strip()
        else:
            kept.append(p)
    asset = ASSET_FIX.get(r["asset"], r["asset"])
    units = r["units"] if asset != "CRYPTO" else ""  # the 14,548 units are BTC only, not the portfolio
    out.writerow([r["ticker"], r["name"], r["country"], r["as_of"], asset, units,
                  r["digital_assets_usd"], r["total_assets_usd"], r["shares_outstanding"],
                  CONSTITUENTS.get(r["ticker"], ""), estimated, " | ".join(kept)])
