package org.talentindex.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.talentindex.scoring.service.IndicatorUpdate;
import org.talentindex.scoring.service.ScoringService;
import org.talentindex.testsupport.InfrastructureTestResource;

/**
 * A batch writes a new version of each framework-period it changes only on top of the stored one: when another instance
 * moved one of them meanwhile, nothing of the batch is stored, and the batch applied again builds on the stored state.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
class VersionFenceTest {

    private static final String FRAMEWORK = "jjj-talent-development";
    private static final List<String> REGIONS = List.of("110000", "120000", "130000");
    private static final List<String> INDICATORS = List.of("high_skill_talent", "st_talent_rd_fte", "patent_applications");

    @Inject
    ScoringService scoring;

    @Inject
    AgroalDataSource database;

    @Test
    void aBatchOverTwoFrameworkPeriodsIsStoredWholeOrNotAtAll() throws Exception {
        List<IndicatorUpdate> filled = new ArrayList<>();
        for (String period : List.of("2060", "2061")) {
            for (int r = 0; r < REGIONS.size(); r++) {
                for (String indicator : INDICATORS) {
                    filled.add(update(period, REGIONS.get(r), indicator, 10 + r, 1));
                }
            }
        }
        assertEquals(2, scoring.applyBatch(filled, "indicator-updates", Map.of()));
        assertEquals(1, version("2060"));
        assertEquals(1, version("2061"));

        execute("update framework_period set version = 5 where framework_id = '" + FRAMEWORK + "' and period = '2061'");
        List<IndicatorUpdate> revised = List.of(update("2060", "110000", "patent_applications", 50, 2),
                update("2061", "110000", "patent_applications", 50, 2));
        assertThrows(RuntimeException.class, () -> scoring.applyBatch(revised, "indicator-updates", Map.of()));
        assertEquals(1, version("2060"), "the batch's other framework-period is not stored either");
        assertEquals(1, revision("2060"));

        assertEquals(2, scoring.applyBatch(revised, "indicator-updates", Map.of()));
        assertEquals(2, version("2060"));
        assertEquals(6, version("2061"));
        assertEquals(2, revision("2060"));
    }

    private static IndicatorUpdate update(String period, String region, String indicator, double value, int revision) {
        return new IndicatorUpdate(UUID.randomUUID().toString(), FRAMEWORK, period, region, indicator, value, "万人", revision,
                "test", "2060-01-01T00:00:00Z");
    }

    private long version(String period) throws Exception {
        return single("select version from framework_period where framework_id = '" + FRAMEWORK + "' and period = '" + period + "'");
    }

    private long revision(String period) throws Exception {
        return single("select revision from cell_value where framework_id = '" + FRAMEWORK + "' and period = '" + period
                + "' and region = '110000' and indicator = 'patent_applications'");
    }

    private long single(String sql) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}
