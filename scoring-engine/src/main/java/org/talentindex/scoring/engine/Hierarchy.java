package org.talentindex.scoring.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.talentindex.framework.AggregationMethod;
import org.talentindex.framework.Dimension;
import org.talentindex.framework.Framework;
import org.talentindex.framework.Indicator;
import org.talentindex.framework.WeightingMethod;

/**
 * A framework's tree flattened into arrays: indicators 0..m-1 in file order, dimension nodes in post-order (children before parents)
 * and a last, unnamed root node whose score is the composite.
 */
final class Hierarchy {

    final List<Indicator> indicators;
    final Map<String, Integer> indicatorIndex = new HashMap<>();
    final List<String> indicatorCodes = new ArrayList<>();
    final List<String> dimensionCodes = new ArrayList<>();
    final Map<String, Integer> dimensionIndex = new HashMap<>();
    final List<int[]> children = new ArrayList<>();
    final List<Boolean> holdsIndicators = new ArrayList<>();
    final List<WeightingMethod> weighting = new ArrayList<>();
    final List<AggregationMethod> aggregation = new ArrayList<>();
    final List<List<Double>> declaredWeights = new ArrayList<>();
    final int root;
    /** The node holding each indicator. */
    final int[] indicatorParent;
    /** Each node's parent; -1 for the root. */
    final int[] nodeParent;

    Hierarchy(Framework framework) {
        indicators = framework.indicators();
        for (int j = 0; j < indicators.size(); j++) {
            indicatorIndex.put(indicators.get(j).code(), j);
            indicatorCodes.add(indicators.get(j).code());
        }
        int[] top = new int[framework.dimensions().size()];
        for (int c = 0; c < top.length; c++) {
            top[c] = add(framework.dimensions().get(c), framework);
        }
        root = children.size();
        children.add(top);
        holdsIndicators.add(false);
        weighting.add(framework.weighting().method());
        aggregation.add(framework.aggregation());
        declaredWeights.add(framework.dimensions().stream().map(Dimension::weight).toList());
        indicatorParent = new int[indicators.size()];
        nodeParent = new int[children.size()];
        nodeParent[root] = -1;
        for (int node = 0; node < children.size(); node++) {
            for (int child : children.get(node)) {
                if (holdsIndicators.get(node)) {
                    indicatorParent[child] = node;
                } else {
                    nodeParent[child] = node;
                }
            }
        }
    }

    /** The nodes from an indicator's parent up to the root, children before parents. */
    List<Integer> ancestors(int indicator) {
        List<Integer> path = new ArrayList<>();
        for (int node = indicatorParent[indicator]; node >= 0; node = nodeParent[node]) {
            path.add(node);
        }
        return path;
    }

    private int add(Dimension dimension, Framework framework) {
        int[] nodeChildren;
        List<Double> weights;
        if (dimension.holdsIndicators()) {
            nodeChildren = dimension.indicators().stream().mapToInt(i -> indicatorIndex.get(i.code())).toArray();
            weights = dimension.indicators().stream().map(Indicator::weight).toList();
        } else {
            nodeChildren = dimension.dimensions().stream().mapToInt(d -> add(d, framework)).toArray();
            weights = dimension.dimensions().stream().map(Dimension::weight).toList();
        }
        int node = children.size();
        dimensionIndex.put(dimension.code(), node);
        dimensionCodes.add(dimension.code());
        children.add(nodeChildren);
        holdsIndicators.add(dimension.holdsIndicators());
        weighting.add(dimension.weighting() != null ? dimension.weighting() : framework.weighting().method());
        aggregation.add(dimension.aggregation() != null ? dimension.aggregation() : framework.aggregation());
        declaredWeights.add(weights);
        return node;
    }

    int nodeCount() {
        return children.size();
    }

    int dimensionCount() {
        return root;
    }

    /** The code of a node's child at position c (an indicator or a dimension code). */
    String childCode(int node, int c) {
        int child = children.get(node)[c];
        return holdsIndicators.get(node) ? indicatorCodes.get(child) : dimensionCodes.get(child);
    }
}
