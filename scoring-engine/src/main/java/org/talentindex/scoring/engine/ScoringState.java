package org.talentindex.scoring.engine;

import java.util.ArrayList;
import java.util.List;

import org.talentindex.scoring.engine.compute.ColumnStatistics;
import org.talentindex.scoring.engine.compute.Winsoriser;
import org.talentindex.framework.Framework;

/**
 * The working matrices of one composite evaluation, column-major ([indicator or node][region]); kept by {@link IncrementalEvaluation}
 * between updates. Regions are sorted by code.
 */
final class ScoringState {

    final Framework framework;
    final Hierarchy hierarchy;
    final EvaluationOptions options;
    final List<String> regions;
    /** Warnings found while loading the values (screening warnings are added when publishing). */
    final List<String> warnings = new ArrayList<>();
    /** Number of present cells per region and per indicator. */
    final int[] presentInRegion;
    final int[] presentInIndicator;
    /** Values after derivation and denomination; NaN = missing. */
    final double[][] raw;
    /** Whether each region has enough values to be scored. */
    final boolean[] eligible;
    /** Whether each indicator has enough values to be used. */
    final boolean[] indicatorUsed;
    /** Values after imputation and outlier treatment. */
    final double[][] prepared;
    final boolean[][] imputed;
    final Winsoriser.Treatment[] treatments;
    final ColumnStatistics[] statistics;
    final double[][] normalised;
    /** Aggregated scores of every node before the final rescale; the last node is the composite. */
    final double[][] nodeScores;
    final double[][] nodeWeights;

    ScoringState(Framework framework, Hierarchy hierarchy, EvaluationOptions options, List<String> regions) {
        this.framework = framework;
        this.hierarchy = hierarchy;
        this.options = options;
        this.regions = regions;
        int m = hierarchy.indicators.size();
        int n = regions.size();
        raw = new double[m][n];
        eligible = new boolean[n];
        presentInRegion = new int[n];
        presentInIndicator = new int[m];
        indicatorUsed = new boolean[m];
        prepared = new double[m][];
        imputed = new boolean[m][n];
        treatments = new Winsoriser.Treatment[m];
        statistics = new ColumnStatistics[m];
        normalised = new double[m][];
        nodeScores = new double[hierarchy.nodeCount()][n];
        nodeWeights = new double[hierarchy.nodeCount()][];
    }

    int regionCount() {
        return regions.size();
    }

    int indicatorCount() {
        return raw.length;
    }
}
