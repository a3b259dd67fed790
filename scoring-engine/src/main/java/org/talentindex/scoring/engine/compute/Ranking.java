package org.talentindex.scoring.engine.compute;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks 1..n on scores to {@value #SIGNIFICANT_DIGITS} significant digits, best first; equal scores are ordered by region code
 * so ranks are unique and reproducible. Twelve digits lie above the rounding noise of an evaluation (about 1e-15 relative),
 * so two regions whose scores are equal in exact arithmetic tie, whichever order the floating-point sums took.
 */
public final class Ranking {

    static final int SIGNIFICANT_DIGITS = 12;

    private Ranking() {
    }

    /** The score to {@value #SIGNIFICANT_DIGITS} significant digits. */
    static double comparable(double score) {
        if (score == 0 || !Double.isFinite(score)) {
            return score;
        }
        double scale = Math.pow(10, SIGNIFICANT_DIGITS - 1 - Math.floor(Math.log10(Math.abs(score))));
        return Math.round(score * scale) / scale;
    }

    /** @return rank per row, 0 for rows not ranked (not {@code ranked} or NaN score) */
    public static int[] ranks(double[] scores, boolean[] ranked, List<String> codes, boolean higherIsBetter) {
        return ranks(scores, ranked, codes, higherIsBetter, new int[0]);
    }

    /**
     * The same ranks, sorting from a previous order of the rows (best first): when few scores moved since, the rows are
     * nearly in order and the sort takes about one comparison per row. The order of equal scores does not depend on it.
     */
    public static int[] ranks(double[] scores, boolean[] ranked, List<String> codes, boolean higherIsBetter, int[] previousOrder) {
        boolean[] placed = new boolean[scores.length];
        List<Integer> rows = new ArrayList<>(scores.length);
        for (int row : previousOrder) {
            if (row < scores.length && !placed[row] && ranked[row] && !Double.isNaN(scores[row])) {
                rows.add(row);
                placed[row] = true;
            }
        }
        for (int row = 0; row < scores.length; row++) {
            if (!placed[row] && ranked[row] && !Double.isNaN(scores[row])) {
                rows.add(row);
            }
        }
        double[] comparable = new double[scores.length];
        for (int row : rows) {
            comparable[row] = comparable(scores[row]);
        }
        Comparator<Integer> byScore = Comparator.comparingDouble(i -> higherIsBetter ? -comparable[i] : comparable[i]);
        rows.sort(byScore.thenComparing(codes::get));
        int[] ranks = new int[scores.length];
        for (int position = 0; position < rows.size(); position++) {
            ranks[rows.get(position)] = position + 1;
        }
        return ranks;
    }
}
