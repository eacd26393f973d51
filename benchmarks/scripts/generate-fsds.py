#!/usr/bin/env python3
"""Writes a synthetic SEC Financial Statement Data Sets quarter (zip with sub.txt and num.txt) in the real files' shape.

Seeded: the same arguments give the same bytes. Default: 7,000 submissions and 3,500,000 num.txt rows (500 a submission),
the size of a recent real quarter. The columns are the SEC's (sub.txt: the 36 of the 2023q1 file; num.txt: the 2024+
layout with segments); values carry four decimals as the SEC writes them. About 3% of filers hold crypto (half as
CryptoAssetFairValue with per-coin dimensional rows beside it, half as current + noncurrent); every submission has total
assets for its period and a prior year-end; the rest are duration facts, dimensional facts, co-registrant facts and
other instant facts, as in the real files. Synthetic: no figure here is a real company's.

usage: generate-fsds.py OUT.zip [--submissions N] [--rows-per-submission R] [--seed S]
"""
import argparse, io, random, zipfile

SUB_HEADER = ("adsh\tcik\tname\tsic\tcountryba\tstprba\tcityba\tzipba\tbas1\tbas2\tbaph\tcountryma\tstprma\tcityma\tzipma\tmas1\tmas2"
              "\tcountryinc\tstprinc\tein\tformer\tchanged\tafs\twksi\tfye\tform\tperiod\tfy\tfp\tfiled\taccepted\tprevrpt\tdetail"
              "\tinstance\tnciks\taciks")
NUM_HEADER = "adsh\ttag\tversion\tddate\tqtrs\tuom\tsegments\tcoreg\tvalue\tfootnote"
COMMON = ["Liabilities", "LiabilitiesAndStockholdersEquity", "StockholdersEquity", "CashAndCashEquivalentsAtCarryingValue",
          "AssetsCurrent", "LiabilitiesCurrent", "PropertyPlantAndEquipmentNet", "Goodwill", "AccountsReceivableNetCurrent",
          "Revenues", "NetIncomeLoss", "OperatingIncomeLoss", "EarningsPerShareBasic", "RetainedEarningsAccumulatedDeficit",
          "CommonStockSharesOutstanding", "InventoryNet", "LongTermDebtNoncurrent", "OperatingExpenses", "CostOfRevenue",
          "IncomeTaxExpenseBenefit", "NetCashProvidedByUsedInOperatingActivities", "ShareBasedCompensation"]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--submissions", type=int, default=7000)
    p.add_argument("--rows-per-submission", type=int, default=500)
    p.add_argument("--seed", type=int, default=20251010)
    a = p.parse_args()
    rnd = random.Random(a.seed)
    tags = COMMON + [f"SyntheticConcept{i:04d}" for i in range(600)]
    sub = io.StringIO()
    num = io.StringIO()
    sub.write(SUB_HEADER + "\n")
    num.write(NUM_HEADER + "\n")
    periods = ["20250331", "20250630", "20250930"]
    for i in range(a.submissions):
        cik = 1_000_000 + i * 7
        adsh = f"{9_000_000_000 + i:010d}-25-{i:06d}"
        form = rnd.choices(["10-Q", "10-K", "10-Q/A", "10-K/A"], [75, 20, 4, 1])[0]
        period = rnd.choice(periods)
        filed = f"2025{int(period[4:6]) + 1:02d}{rnd.randint(1, 28):02d}"
        cols = [adsh, str(cik), f"SYNTHETIC FILER {i} INC", "6199", "US", "NY", "NEW YORK", "10001", "1 MAIN ST", "", "2125550100",
                "US", "NY", "NEW YORK", "10001", "1 MAIN ST", "", "US", "DE", f"{100000000 + i}", "", "", "1-LAF", "0", "1231",
                form, period, "2025", "Q3" if form.startswith("10-Q") else "FY", filed, f"{filed[:4]}-{filed[4:6]}-{filed[6:]} 16:05:00.0",
                "0", "1", f"f{i}-{period}_htm.xml", "1", ""]
        sub.write("\t".join(cols) + "\n")
        rows = 0
        total = rnd.randint(10_000_000, 500_000_000_000)
        prior = "20241231"
        for d in (period, prior):
            num.write(f"{adsh}\tAssets\tus-gaap/2024\t{d}\t0\tUSD\t\t\t{total if d == period else total * 9 // 10}.0000\t\n")
            rows += 1
        kind = rnd.random()
        if kind < 0.015:
            crypto = rnd.randint(0, total)
            btc = crypto * rnd.randint(40, 90) // 100
            num.write(f"{adsh}\tCryptoAssetFairValue\tus-gaap/2024\t{period}\t0\tUSD\t\t\t{crypto}.0000\t\n")
            num.write(f"{adsh}\tCryptoAssetFairValue\tus-gaap/2024\t{period}\t0\tUSD\tCryptoAssetAxis=Bitcoin;\t\t{btc}.0000\t\n")
            num.write(f"{adsh}\tCryptoAssetFairValue\tus-gaap/2024\t{period}\t0\tUSD\tCryptoAssetAxis=Ethereum;\t\t{crypto - btc}.0000\t\n")
            rows += 3
        elif kind < 0.03:
            cur = rnd.randint(0, total // 2)
            non = rnd.randint(0, total - cur)
            num.write(f"{adsh}\tCryptoAssetFairValueCurrent\tus-gaap/2024\t{period}\t0\tUSD\t\t\t{cur}.0000\t\n")
            num.write(f"{adsh}\tCryptoAssetFairValueNoncurrent\tus-gaap/2024\t{period}\t0\tUSD\t\t\t{non}.0000\t\n")
            rows += 2
        used = set()
        while rows < a.rows_per_submission:
            tag = rnd.choice(tags)
            qtrs = rnd.choices(["0", "1", "2", "3", "4"], [45, 30, 10, 5, 10])[0]
            d = period if rnd.random() < 0.7 else prior
            seg = rnd.choice(["", "", "", "", "", "", "", "", "StatementBusinessSegmentsAxis=Segment1;", "ProductOrServiceAxis=Product2;"])
            coreg = "Subsidiary LLC" if rnd.random() < 0.02 else ""
            # (tag, date, qtrs, segments, coreg) is a fact's key within a submission, as in the SEC's files.
            if (tag, d, qtrs, seg, coreg) in used:
                continue
            used.add((tag, d, qtrs, seg, coreg))
            version = "us-gaap/2024" if not tag.startswith("Synthetic") or rnd.random() < 0.8 else adsh
            num.write(f"{adsh}\t{tag}\t{version}\t{d}\t{qtrs}\tUSD\t{seg}\t{coreg}\t{rnd.randint(-10**9, 10**11)}.0000\t\n")
            rows += 1
    with zipfile.ZipFile(a.out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("sub.txt", sub.getvalue())
        z.writestr("num.txt", num.getvalue())


if __name__ == "__main__":
    main()
