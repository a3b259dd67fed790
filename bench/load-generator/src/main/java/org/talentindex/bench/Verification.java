package org.talentindex.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks that the latest published scores of every released period equal what the model computes from the sent values. */
final class Verification {

    private static final double TOLERANCE = 0.011;

    private Verification() {
    }

    /** e.g. "1200/1200 scores match"; {@code published} gives region → score for a key. */
    static String check(CellModel model, List<Integer> periods, Function<String, Map<String, Double>> published) {
        SyntheticFramework framework = model.framework();
        int matching = 0;
        int total = 0;
        for (int period : periods) {
            if (!model.complete(period)) {
                continue;
            }
            double[] expected = model.expectedScores(period);
            Map<String, Double> scores = published.apply(framework.key(period));
            for (int region = 0; region < expected.length; region++) {
                Double score = scores.get(framework.regionCode(region));
                total++;
                if (score != null && Math.abs(score - expected[region]) <= TOLERANCE) {
                    matching++;
                }
            }
        }
        return matching + "/" + total + " scores match";
    }
}
