package org.talentindex.ingestion;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talentindex.ingestion.ApiClients.asClient;
import static org.talentindex.ingestion.ApiClients.asLimitedClient;
import static org.talentindex.ingestion.ApiClients.asReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class ObservationResourceTest {

    private static final String HEADER = "region,indicator,period,value,unit,source\n";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void csvUploadAcceptsValidRowsAndReportsEveryRefusedRow() {
        String csv = HEADER
                + "110000,high_skill_talent,2016,100,万人,\"Yearbook, table 3\"\n"
                + "120000,high_skill_talent,2016,abc,万人,Yearbook\n"
                + "130000,nope,2016,1,万人,Yearbook\n"
                + "130000,high_skill_talent,2016,200,万人,Yearbook\n";
        asClient().contentType("text/csv; charset=UTF-8").body(csv).post("/api/observations")
                .then().statusCode(422)
                .body("received", equalTo(4)).body("accepted", equalTo(2)).body("rejected", equalTo(2))
                .body("problems", hasSize(2))
                .body("problems[0].row", equalTo(2)).body("problems[0].reason", equalTo("WRONG_TYPE"))
                .body("problems[1].row", equalTo(3)).body("problems[1].reason", equalTo("UNKNOWN_INDICATOR"));
    }

    @Test
    void resendingIsANoOpAndANewValueIsANewRevisionRecordingTheSender() {
        String first = HEADER + "110000,st_talent_rd_fte,2017,30,万人年,Yearbook 2018\n";
        asClient().contentType("text/csv; charset=UTF-8").body(first).post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));
        asClient().contentType("text/csv; charset=UTF-8").body(first).post("/api/observations")
                .then().statusCode(200).body("duplicate", equalTo(1)).body("accepted", equalTo(0));
        asClient().contentType("application/json; charset=UTF-8")
                .body("[{\"region\":\"110000\",\"indicator\":\"st_talent_rd_fte\",\"period\":\"2017\",\"value\":31,\"unit\":\"万人年\",\"source\":\"Yearbook 2019\"}]")
                .post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));

        asReader().queryParam("region", "110000").queryParam("indicator", "st_talent_rd_fte").queryParam("period", "2017")
                .get("/api/observations")
                .then().statusCode(200).body("revision", equalTo(List.of(1, 2)))
                .body("canonicalValue", equalTo(List.of(30.0f, 31.0f)))
                .body("sender", everyItem(equalTo("rest:test-client")));
    }

    @Test
    void anAcknowledgedUploadLeavesNoChunkWaitingToBeForwarded() {
        String csv = HEADER + "110000,high_skill_talent,2014,11,万人,Yearbook\n" + "120000,high_skill_talent,2014,12,万人,Yearbook\n";
        asClient().contentType("text/csv; charset=UTF-8").body(csv).post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(2));
        await("no chunk still recorded as unforwarded").atMost(Duration.ofSeconds(5)).until(() -> unforwardedChunks() == 0);
    }

    private long unforwardedChunks() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet count = connection.createStatement().executeQuery("select count(*) from unforwarded_chunk")) {
            count.next();
            return count.getLong(1);
        }
    }

    @Test
    void concurrentUploadsToTheSameCellsNumberEveryRevisionOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        List<String> regions = List.of("110000", "120000", "130000");
        int uploads = 4;
        int rowsPerUpload = 60;
        ExecutorService clients = Executors.newFixedThreadPool(uploads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int upload = 0; upload < uploads; upload++) {
                StringBuilder csv = new StringBuilder(HEADER);
                for (int row = 0; row < rowsPerUpload; row++) {
                    csv.append(regions.get(row % regions.size())).append(",high_skill_talent,2015,").append(upload * 1000 + row)
                            .append(",万人,concurrent ").append(run).append('\n');
                }
                answers.add(clients.submit(() -> asClient().contentType("text/csv; charset=UTF-8").body(csv.toString())
                        .post("/api/observations").then().statusCode(200).extract().<Integer>path("accepted")));
            }
            for (Future<Integer> accepted : answers) {
                assertEquals(rowsPerUpload, accepted.get());
            }
        } finally {
            clients.shutdown();
        }
        for (String region : regions) {
            List<Integer> revisions = revisionsOfCell(region, "high_skill_talent", "2015");
            List<Integer> expected = IntStream.rangeClosed(1, revisions.size()).boxed().toList();
            assertEquals(expected, revisions, "revisions of " + region + " without gaps or repeats");
            assertTrue(revisions.size() >= uploads * rowsPerUpload / regions.size());
        }
    }

    @Test
    void aRevisionThatAnotherInstanceStoredMeanwhileIsNumberedAfter() throws Exception {
        String run = UUID.randomUUID().toString();
        String row = "110000,st_talent_rd_fte,2013,%d,万人年,another writer " + run + "\n";
        asClient().contentType("text/csv; charset=UTF-8").body(HEADER + row.formatted(1)).post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));
        int stored = revisionsOfCell("110000", "st_talent_rd_fte", "2013").size();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("""
                    insert into observation (id, observation_key, region, indicator, period, revision, value_received, unit_received,
                                             canonical_value, canonical_unit, source, sender, received_at)
                    values (nextval('observation_seq'), 'another instance %s', '110000', 'st_talent_rd_fte', '2013', %d,
                            2, '万人年', 2, '万人年', 'another instance', 'rest:another-instance', now())""".formatted(run, stored + 1));
        }

        asClient().contentType("text/csv; charset=UTF-8").body(HEADER + row.formatted(3)).post("/api/observations")
                .then().statusCode(200).body("accepted", equalTo(1));

        List<Integer> revisions = revisionsOfCell("110000", "st_talent_rd_fte", "2013");
        assertEquals(IntStream.rangeClosed(1, stored + 2).boxed().toList(), revisions);
    }

    private static List<Integer> revisionsOfCell(String region, String indicator, String period) {
        return asReader().queryParam("region", region).queryParam("indicator", indicator).queryParam("period", period)
                .get("/api/observations").then().statusCode(200).extract().path("revision");
    }

    @Test
    void aDocumentThatIsNotAnArrayIsRefused() {
        asClient().contentType("application/json; charset=UTF-8").body("42").post("/api/observations")
                .then().statusCode(400).body("reason", equalTo("MALFORMED_JSON"));
    }

    @Test
    void aWideTableHasOneColumnPerIndicatorNamedByCodeOrChineseNameWithItsUnit() {
        String csv = "地区,年份,high_skill_talent[人],专利申请数（万件）,st_talent_rd_fte\n"
                + "北京市,2019年,\"1,150,000\",21.5,\n"
                + "天津,2019,480000,,9\n"
                + "130000,2019,n/a,7.2,12\n";
        asClient().contentType("text/csv; charset=UTF-8").queryParam("source", "Yearbook 2020, table 2-1")
                .queryParam("unit", "st_talent_rd_fte:万人年")
                .body(csv).post("/api/observations")
                .then().statusCode(422)
                .body("received", equalTo(7)).body("accepted", equalTo(6)).body("rejected", equalTo(1))
                .body("problems[0].row", equalTo(3)).body("problems[0].column", equalTo("high_skill_talent[人]"))
                .body("problems[0].reason", equalTo("WRONG_TYPE"));

        asClient().queryParam("region", "110000").queryParam("indicator", "high_skill_talent").queryParam("period", "2019")
                .get("/api/observations")
                .then().statusCode(200).body("canonicalValue", equalTo(List.of(115.0f)))
                .body("unitReceived", equalTo(List.of("人"))).body("canonicalUnit", equalTo(List.of("万人")));
    }

    @Test
    void writesAndAuditReadsNeedAKeyWithTheRightRole() {
        given().contentType("text/csv").body(HEADER).post("/api/observations").then().statusCode(401);
        given().header(ApiClients.KEY_HEADER, "not-a-key").contentType("text/csv").body(HEADER).post("/api/observations")
                .then().statusCode(401);
        given().queryParam("region", "110000").get("/api/observations").then().statusCode(401);
        asReader().contentType("text/csv").body(HEADER).post("/api/observations").then().statusCode(403);
        given().get("/q/health").then().statusCode(200);
    }

    @Test
    void aClientOverItsBudgetIsToldToWait() {
        for (int i = 0; i < 2; i++) {
            asLimitedClient().contentType("text/csv").body(HEADER).post("/api/observations").then().statusCode(200);
        }
        asLimitedClient().contentType("text/csv").body(HEADER).post("/api/observations")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("reason", equalTo("RATE_LIMITED"));
    }

    @Test
    void anUploadWithMoreRowsThanAllowedIsCutWithTheReason() {
        StringBuilder csv = new StringBuilder(HEADER);
        String row = "110000,high_skill_talent,2011,1,万人,row limit " + java.util.UUID.randomUUID() + "\n";
        for (int i = 0; i < 50_005; i++) {
            csv.append(row);
        }
        asClient().contentType("text/csv; charset=UTF-8").body(csv.toString()).post("/api/observations")
                .then().log().ifValidationFails().statusCode(413).body("truncated", equalTo(true))
                .body("received", equalTo(50_001)).body("accepted", equalTo(1)).body("duplicate", equalTo(49_999))
                .body("rejected", equalTo(1))
                .body("problems[0].reason", equalTo("TOO_MANY_ROWS")).body("problems[0].row", equalTo(50_001));
    }
}
