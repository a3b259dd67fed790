package org.talentindex.scoring.engine;

import java.util.BitSet;

/**
 * The nodes of a framework's tree that a batch of changed cells made stale, each with the regions to re-aggregate (or all of
 * them). Nodes are numbered children before parents, so one ascending pass re-aggregates every node once, after its children.
 */
final class DirtyNodes {

    private final Hierarchy hierarchy;
    private final boolean[] allRegions;
    private final BitSet[] rows;

    DirtyNodes(Hierarchy hierarchy) {
        this.hierarchy = hierarchy;
        this.allRegions = new boolean[hierarchy.nodeCount()];
        this.rows = new BitSet[hierarchy.nodeCount()];
    }

    /** Indicator {@code j} changed in region {@code row}, or in its whole column. */
    void mark(int indicator, int row, boolean wholeColumn) {
        int node = hierarchy.indicatorParent[indicator];
        if (wholeColumn) {
            allRegions[node] = true;
        } else {
            rowsOf(node).set(row);
        }
    }

    void aggregate(ScoringState state) {
        for (int node = 0; node < hierarchy.nodeCount(); node++) {
            boolean all = allRegions[node] || rows[node] != null && hierarchy.weighting.get(node).dataDriven();
            if (all) {
                CompositePipeline.aggregateNode(state, node);
            } else if (rows[node] != null) {
                for (int row = rows[node].nextSetBit(0); row >= 0; row = rows[node].nextSetBit(row + 1)) {
                    CompositePipeline.aggregateNode(state, node, row);
                }
            } else {
                continue;
            }
            int parent = hierarchy.nodeParent[node];
            if (parent >= 0) {
                if (all) {
                    allRegions[parent] = true;
                } else {
                    rowsOf(parent).or(rows[node]);
                }
            }
        }
    }

    private BitSet rowsOf(int node) {
        if (rows[node] == null) {
            rows[node] = new BitSet();
        }
        return rows[node];
    }
}
