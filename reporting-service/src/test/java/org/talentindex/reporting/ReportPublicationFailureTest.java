package org.talentindex.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.talentindex.reporting.ScoreUpdates.RegionScores.ranked;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;
import org.talentindex.testsupport.LocalInfrastructure;

/** Reports the broker refuses are read again until it takes them; then the latest version is published. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class ReportPublicationFailureTest {

    private static final ConfigResource INDEX_REPORTS = new ConfigResource(ConfigResource.Type.TOPIC, "index-reports");

    @Test
    void batchesWhoseReportsAreRefusedAreReadAgainUntilTheBrokerTakesThem() throws Exception {
        String key = "jjj-talent-development/2038";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                LocalInfrastructure.shared().bootstrapServers()))) {
            limitMessageSize(admin, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "64"),
                    AlterConfigOp.OpType.SET));
            try {
                ScoreUpdates.publish(key, 1, List.of(ranked("110000", 100, 1, Map.of()), ranked("120000", 50, 2, Map.of())));
                ScoreUpdates.awaitReportVersion(key, 1);
                ScoreUpdates.publish(key, 2, List.of(ranked("120000", 120, 1, Map.of()), ranked("110000", 100, 2, Map.of())));
                ScoreUpdates.awaitReportVersion(key, 2);
                Thread.sleep(3000); // at least one more attempt, refused too
            } finally {
                limitMessageSize(admin, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
                        AlterConfigOp.OpType.DELETE));
            }
        }
        List<JsonNode> published = IndexReports.of(key, 2);
        assertEquals(2, published.get(published.size() - 1).path("version").asInt(), "the latest report, once accepted");
        given().get("/api/reports/" + key).then().body("version", equalTo(2)).body("ranking[0].region", equalTo("120000"));
    }

    private static void limitMessageSize(Admin admin, AlterConfigOp change) throws Exception {
        admin.incrementalAlterConfigs(Map.of(INDEX_REPORTS, List.of(change))).all().get();
    }
}
