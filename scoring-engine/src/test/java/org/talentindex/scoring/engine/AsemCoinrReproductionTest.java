package org.talentindex.scoring.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.talentindex.framework.Framework;

/** The ASEM index evaluated from its YAML and sample data matches COINr's configuration-A output at every level to 1e-6. */
class AsemCoinrReproductionTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void reproducesCoinrAtEveryLevelForEveryCountry() throws IOException {
        Framework framework = Shipped.framework("asem-connectivity");
        Evaluation evaluation = FrameworkEvaluator.evaluate(framework, Shipped.samples("asem-connectivity").get("2018"));
        List<String> lines = Files.readAllLines(Shipped.PUBLISHED.resolve("asem_expected_config_A.csv"));
        String[] header = unquote(lines.get(0));
        double maxDeviation = 0;
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = unquote(line);
            RegionResult result = evaluation.region(cells[0]).orElseThrow();
            assertEquals(RegionStatus.RANKED, result.status());
            for (int c = 1; c < header.length; c++) {
                double expected = Double.parseDouble(cells[c]);
                Double actual = header[c].equals("Index") ? Double.valueOf(result.score())
                        : framework.indicator(header[c]).isPresent() ? result.indicatorScores().get(header[c])
                        : result.levelScores().get(header[c]);
                assertNotNull(actual, header[c] + " of " + cells[0]);
                maxDeviation = Math.max(maxDeviation, Math.abs(actual - expected));
                compared++;
            }
        }
        assertEquals(51 * 60, compared);
        assertTrue(maxDeviation < TOLERANCE, "max deviation from COINr " + maxDeviation);
        System.out.printf("ASEM vs COINr: %d values compared, max |deviation| = %.3g%n", compared, maxDeviation);
    }

    @Test
    void recordsTheSixtyThreeImputedCells() {
        Evaluation evaluation = FrameworkEvaluator.evaluate(Shipped.framework("asem-connectivity"),
                Shipped.samples("asem-connectivity").get("2018"));
        assertEquals(63, evaluation.regions().stream().mapToInt(r -> r.imputedIndicators().size()).sum());
    }

    private static String[] unquote(String line) {
        return Arrays.stream(line.split(",", -1)).map(s -> s.replace("\"", "")).toArray(String[]::new);
    }
}
