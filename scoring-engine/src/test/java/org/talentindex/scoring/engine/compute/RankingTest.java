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
}
