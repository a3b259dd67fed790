package org.talentindex.scoring.engine.deviation;

/** One sector: d = output share / employment share - 1, its share of the total |d| / Σ|d| (a fraction), and how it reads. */
public record SectorDeviation(String sector, double deviation, double contribution, DeviationFlag flag) {
}
