package org.talentindex.scoring.engine.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.RepeatedTest;

class RankingTest {

    private final Random random = new Random();

    @RepeatedTest(50)
    void aPreviousOrderNeverChangesTheRanks() {
        int n = 1 + random.nextInt(300);
        double[] scores = new double[n];
        boolean[] ranked = new boolean[n];
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextInt(5) == 0 ? Double.NaN : random.nextInt(40);
            ranked[i] = random.nextInt(10) > 0;
            codes.add(String.format("R%04d", random.nextInt(10_000) * n + i));
        }
        List<Integer> hint = new ArrayList<>(IntStream.range(0, n + 5).boxed().toList());
        Collections.shuffle(hint, random);
        int[] previousOrder = hint.subList(0, random.nextInt(hint.size())).stream().mapToInt(Integer::intValue).toArray();
        for (boolean higherIsBetter : new boolean[] {true, false}) {
            assertArrayEquals(Ranking.ranks(scores, ranked, codes, higherIsBetter),
                    Ranking.ranks(scores, ranked, codes, higherIsBetter, previousOrder));
        }
    }

    /** Scores equal in exact arithmetic but summed in different orders tie, and ties go by region code. */
    @RepeatedTest(20)
    void exactTiesAreOrderedByRegionCodeWhateverTheirRoundingNoise() {
        int groups = 1 + random.nextInt(40);
        List<Double> scores = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            double[] parts = random.doubles(3 + random.nextInt(6), 0, 100).toArray();
            int members = 2 + random.nextInt(4);
            for (int m = 0; m < members; m++) {
                List<Double> shuffled = new ArrayList<>(java.util.Arrays.stream(parts).boxed().toList());
                Collections.shuffle(shuffled, random);
                scores.add(shuffled.stream().mapToDouble(Double::doubleValue).reduce(0, (a, b) -> a + b) / parts.length);
                codes.add(String.format("G%03d-%d", g, random.nextInt(1_000_000)));
            }
        }
        double[] column = scores.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] ranked = new boolean[column.length];
        java.util.Arrays.fill(ranked, true);
        int[] ranks = Ranking.ranks(column, ranked, codes, true);
        for (int i = 0; i < column.length; i++) {
            for (int j = 0; j < column.length; j++) {
                boolean sameGroup = codes.get(i).substring(0, 4).equals(codes.get(j).substring(0, 4));
                if (sameGroup && codes.get(i).compareTo(codes.get(j)) < 0) {
                    org.junit.jupiter.api.Assertions.assertTrue(ranks[i] < ranks[j], codes.get(i) + " before " + codes.get(j));
                }
            }
        }
    }
}
