package org.talentindex.scoring.engine.sensitivity;

/** A region's rank under the framework as defined, and the 5th, 50th and 95th percentiles of its rank over the replications. */
public record RankInterval(String region, int nominalRank, double p5, double median, double p95) {
}
