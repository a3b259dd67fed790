package org.talentindex.scoring.engine.compute;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Ranks 1..n on unrounded scores, best first; equal scores are ordered by region code so ranks are unique and reproducible. */
public final class Ranking {

    private Ranking() {
    }

    /** @return rank per row, 0 for rows not ranked (not {@code ranked} or NaN score) */
    public static int[] ranks(double[] scores, boolean[] ranked, List<String> codes, boolean higherIsBetter) {
        Integer[] rows = java.util.stream.IntStream.range(0, scores.length).filter(i -> ranked[i] && !Double.isNaN(scores[i]))
                .boxed().toArray(Integer[]::new);
        Comparator<Integer> byScore = Comparator.comparingDouble(i -> higherIsBetter ? -scores[i] : scores[i]);
        Arrays.sort(rows, byScore.thenComparing(codes::get));
        int[] ranks = new int[scores.length];
        for (int position = 0; position < rows.length; position++) {
            ranks[rows[position]] = position + 1;
        }
        return ranks;
    }
}
