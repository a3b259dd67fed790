package org.talentindex.scoring.engine.deviation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.talentindex.scoring.engine.Evaluation;
import org.talentindex.scoring.engine.FrameworkEvaluator;
import org.talentindex.scoring.engine.Shipped;
import org.talentindex.framework.Framework;

/** M1 against the Beijing Talent Report 2024: tables 7-9 and the JJJ 2022 total. */
class PublishedDeviationTablesTest {

    /** Printed d_i have 3 decimals, so each |d_i| is off by up to 0.0005 and the total by up to 0.0015. */
    private static final double TOTAL_ROUNDING = 0.0015;
    /** Contributions are printed to 0.1 pp; with d_i rounded they can be off by a little more (CHECKS.md: up to 0.13 pp). */
    private static final double CONTRIBUTION_ROUNDING_PP = 0.15;

    @ParameterizedTest
    @ValueSource(strings = {"beijing", "tianjin", "hebei"})
    void totalsAndContributionsFromThePrintedDeviations(String region) throws IOException {
        List<String> lines = Files.readAllLines(Shipped.PUBLISHED.resolve("jjj_industry_talent_deviation_" + region + ".csv"));
        assertEquals(10, lines.size());
        double maxTotalGap = 0;
        double maxContributionGap = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, Double> deviations = new LinkedHashMap<>();
            deviations.put("primary", Double.parseDouble(cells[4]));
            deviations.put("secondary", Double.parseDouble(cells[5]));
            deviations.put("tertiary", Double.parseDouble(cells[6]));
            DeviationResult result = StructureDeviation.fromDeviations(region + cells[2], deviations);
            maxTotalGap = Math.max(maxTotalGap, Math.abs(result.total() - Double.parseDouble(cells[3])));
            String[] sectors = {"primary", "secondary", "tertiary"};
            for (int s = 0; s < 3; s++) {
                double printed = Double.parseDouble(cells[7 + s]);
                maxContributionGap = Math.max(maxContributionGap, Math.abs(100 * result.sector(sectors[s]).contribution() - printed));
            }
            assertEquals(DeviationFlag.SURPLUS, result.sector("primary").flag());
            assertEquals(DeviationFlag.SHORTAGE, result.sector("tertiary").flag());
        }
        assertTrue(maxTotalGap <= TOTAL_ROUNDING, region + " total off by " + maxTotalGap);
        assertTrue(maxContributionGap <= CONTRIBUTION_ROUNDING_PP, region + " contribution off by " + maxContributionGap + " pp");
    }

    @Test
    void jjj2022TotalFromThePrintedSharesIs0940() {
        Framework framework = Shipped.framework("industry-talent-deviation");
        List<DeviationResult> results = StructureDeviation.evaluate(framework, Shipped.samples("industry-talent-deviation").get("2022"));
        assertEquals(1, results.size());
        DeviationResult jjj = results.get(0);
        assertEquals(0.940, Math.round(jjj.total() * 1000) / 1000.0, 1e-12);
        assertEquals(4.8 / 16.5 - 1, jjj.sector("primary").deviation(), 1e-12);
        assertEquals(29.6 / 28.5 - 1, jjj.sector("secondary").deviation(), 1e-12);
        assertEquals(65.6 / 55.0 - 1, jjj.sector("tertiary").deviation(), 1e-12);
        assertEquals(75.4, Math.round(jjj.sector("primary").contribution() * 1000) / 10.0, 1e-9);
        assertEquals(4.1, Math.round(jjj.sector("secondary").contribution() * 1000) / 10.0, 1e-9);
        assertEquals(20.5, Math.round(jjj.sector("tertiary").contribution() * 1000) / 10.0, 1e-9);
        assertEquals(DeviationFlag.SHORTAGE, jjj.sector("secondary").flag());
    }

    @Test
    void asAnEvaluationTheTotalIsTheScoreAndRegionsWithoutSharesAreNotRanked() {
        Evaluation evaluation = FrameworkEvaluator.evaluate(Shipped.framework("industry-talent-deviation"),
                Shipped.samples("industry-talent-deviation").get("2022"));
        assertEquals(1, evaluation.ranking().size());
        assertEquals(0.9404, evaluation.region("JJJ").orElseThrow().score(), 1e-4);
        assertEquals(4.8 / 16.5 - 1, evaluation.region("JJJ").orElseThrow().levelScores().get("primary"), 1e-12);
        assertEquals(0, evaluation.region("110000").orElseThrow().rank());
    }
}
