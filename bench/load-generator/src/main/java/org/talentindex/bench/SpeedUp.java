package org.talentindex.bench;

/**
 * The same stream of single-cell updates scored incrementally and, after a restart with
 * {@code talentindex.scoring.incremental=false}, recomputed from scratch per update: mean recompute time from
 * scoring's own timer, and the stream's latency to score-updates.
 */
record SpeedUp(String framework, long incrementalBatches, double incrementalMillis, long fullBatches, double fullMillis,
               ScenarioResult incrementalStream, ScenarioResult fullStream) {

    double factor() {
        return fullMillis / incrementalMillis;
    }
}
