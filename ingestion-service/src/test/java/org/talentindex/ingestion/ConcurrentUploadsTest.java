package org.talentindex.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.talentindex.ingestion.ApiClients.asClient;
import static org.talentindex.ingestion.ApiClients.asReader;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

/** Uploads that write the same cells in different orders neither deadlock into 500s nor leave gaps in the revisions. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class ConcurrentUploadsTest {

    private static final int UPLOADS = 40;
    private static final List<String> REGIONS = List.of("110000", "120000", "130000");
    private static final List<String> PERIODS = List.of("2020", "2021", "2022", "2023", "2024", "2025");
    private static final int RETRIES = 50;
    private static final long RETRY_PAUSE_MILLIS = 100;

    @Test
    void fortyUploadsOfOverlappingCellsInRandomOrdersAreAnsweredWithoutServerErrorsAndNumberEveryRevisionOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(UPLOADS);
        List<Future<Response>> answers = new ArrayList<>();
        int accepted = 0;
        try {
            for (int upload = 0; upload < UPLOADS; upload++) {
                String csv = csvInRandomOrder(run, upload, new Random(upload));
                answers.add(clients.submit(() -> uploadUntilTaken(csv)));
            }
            List<String> unexpected = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                boolean toldToRetry = (response.statusCode() == 503 || response.statusCode() == 429) && response.header("Retry-After") != null;
                if (response.statusCode() == 200) {
                    accepted++;
                } else if (!toldToRetry) {
                    unexpected.add(response.statusCode() + " " + response.asString());
                }
            }
            assertEquals(List.of(), unexpected);
            assertTrue(accepted > 0, "some uploads got through");
        } finally {
            clients.shutdown();
        }
        for (String region : REGIONS) {
            for (String period : PERIODS) {
                JsonPath history = asReader().queryParam("region", region).queryParam("indicator", "high_skill_talent")
                        .queryParam("period", period).get("/api/observations").jsonPath();
                List<Integer> revisions = history.getList("revision", Integer.class);
                assertEquals(IntStream.rangeClosed(1, revisions.size()).boxed().toList(), revisions, region + "/" + period);
                List<String> sources = history.getList("findAll { it.source.endsWith('" + run + "') }.source", String.class);
                assertEquals(accepted, Set.copyOf(sources).size(), "each accepted upload stored each cell: " + region + "/" + period);
                assertEquals(accepted, sources.size(), "and only once: " + region + "/" + period);
            }
        }
    }

    /** Sends again when told to wait (a few times, as a client would), so that many uploads write at the same time. */
    private static Response uploadUntilTaken(String csv) throws InterruptedException {
        Response response = null;
        for (int attempt = 0; attempt < RETRIES; attempt++) {
            response = asClient().contentType("text/csv; charset=UTF-8").body(csv).post("/api/observations");
            if (response.statusCode() != 429 && response.statusCode() != 503) {
                return response;
            }
            Thread.sleep(RETRY_PAUSE_MILLIS);
        }
        return response;
    }

    /** Every cell once, in an order of its own; the value and source name the upload. */
    private static String csvInRandomOrder(String run, int upload, Random random) {
        List<String> rows = new ArrayList<>();
        for (String region : REGIONS) {
            for (String period : PERIODS) {
                rows.add(region + ",high_skill_talent," + period + "," + (upload + 1) + ",万人,upload " + upload + " " + run);
            }
        }
        Collections.shuffle(rows, random);
        return "region,indicator,period,value,unit,source\n" + String.join("\n", rows) + "\n";
    }
}
