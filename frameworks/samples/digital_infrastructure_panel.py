"""Extends the synthetic 2021 digital-infrastructure sample back to 2011, shaped like the source's city panel (2011-2021).

Each region and indicator keeps its 2021 value; earlier years divide by (1 + g) year by year, where g is the indicator's
typical annual growth times a region factor (uniform 0.6-1.4) plus noise (sd 0.01), seeded. Synthetic: not statistics.
Run from the repository root: python3 frameworks/samples/digital_infrastructure_panel.py
"""
import csv
import random

SAMPLE = "frameworks/samples/digital-infrastructure.csv"
GROWTH = {"internet_users_per_100": 0.05, "ict_employment_share": 0.03, "digital_financial_inclusion": 0.09,
          "telecom_volume_per_capita": 0.15, "mobile_users_per_100": 0.03}
HEADER = ("# SYNTHETIC sample data: the source prints no inputs for this index; values are generated (seeded) for demonstration\n"
          "# and tests only. 2021 as drawn first; 2011-2020 by frameworks/samples/digital_infrastructure_panel.py.\n")

with open(SAMPLE, encoding="utf-8") as f:
    rows = [r for r in csv.DictReader(line for line in f if not line.startswith("#")) if r["period"] == "2021"]

rows.sort(key=lambda r: (r["region"], r["indicator"]))
random.seed(20111231)
panel = []
for row in rows:
    factor = random.uniform(0.6, 1.4)
    value = float(row["value"])
    series = {2021: value}
    for year in range(2020, 2010, -1):
        value = value / (1 + GROWTH[row["indicator"]] * factor + random.gauss(0, 0.01))
        series[year] = value
    for year in sorted(series):
        panel.append((row["region"], row["indicator"], year, round(series[year], 4)))

with open(SAMPLE, "w", encoding="utf-8", newline="") as f:
    f.write(HEADER)
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["region", "indicator", "period", "value"])
    for region, indicator, year, value in sorted(panel, key=lambda r: (r[2], r[0], r[1])):
        out.writerow([region, indicator, year, value if year != 2021 else next(x["value"] for x in rows
                      if x["region"] == region and x["indicator"] == indicator)])
