package org.talentindex.scoring.engine.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.talentindex.scoring.engine.Shipped;
import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Framework;
import org.talentindex.framework.NormalisationMethod;

class SensitivityAnalysisTest {

    private final Framework framework = Shipped.framework("talent-stickiness");
    private final ValueTable values = Shipped.samples("talent-stickiness").get("2024");

    @Test
    void sameSeedSameIntervalsAndEveryIntervalIsOrdered() {
        SensitivitySettings settings = new SensitivitySettings(200, 42, 0.25, List.of());
        SensitivityResult first = SensitivityAnalysis.run(framework, values, settings);
        SensitivityResult second = SensitivityAnalysis.run(framework, values, settings);
        assertEquals(first.intervals(), second.intervals());
        assertEquals(120, first.intervals().size());
        for (RankInterval interval : first.intervals()) {
            assertTrue(interval.p5() <= interval.median() && interval.median() <= interval.p95(), interval.toString());
            assertTrue(interval.p5() >= 1 && interval.p95() <= 120, interval.toString());
        }
        assertNotEquals(first.intervals(), SensitivityAnalysis.run(framework, values, new SensitivitySettings(200, 43, 0.25, List.of())).intervals());
    }

    @Test
    void noPerturbationMeansNoUncertainty() {
        SensitivityResult result = SensitivityAnalysis.run(framework, values, new SensitivitySettings(5, 1, 0, List.of()));
        for (RankInterval interval : result.intervals()) {
            assertEquals(interval.nominalRank(), interval.p5());
            assertEquals(interval.nominalRank(), interval.p95());
        }
    }

    @Test
    void widerPerturbationAndNormalisationChoiceWidenTheIntervals() {
        double narrow = meanWidth(SensitivityAnalysis.run(framework, values, new SensitivitySettings(150, 7, 0.1, List.of())));
        double wide = meanWidth(SensitivityAnalysis.run(framework, values, new SensitivitySettings(150, 7, 0.5,
                List.of(NormalisationMethod.MIN_MAX, NormalisationMethod.Z_SCORE, NormalisationMethod.PERCENTILE))));
        assertTrue(wide > narrow, wide + " vs " + narrow);
    }

    private static double meanWidth(SensitivityResult result) {
        return result.intervals().stream().mapToDouble(i -> i.p95() - i.p5()).average().orElseThrow();
    }
}
