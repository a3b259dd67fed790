package org.talentindex.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A framework added to the running platform's frameworks directory is taken up by all three services without a
 * restart: its data is accepted, scored and reported. A broken definition written next to it is refused and the
 * frameworks in force stay as they were.
 */
class FrameworkReloadTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void aFrameworkAddedWhileRunningIsScoredAndABrokenOneChangesNothing() throws Exception {
        Path frameworks = Files.createDirectories(work.resolve("frameworks"));
        Files.writeString(frameworks.resolve("first.yaml"), SyntheticFramework.yaml("first", 3, 2));
        try (Stack stack = Stack.start(work.resolve("stack"), frameworks, Stack.SERVICES, m -> System.out.println("[stack] " + m))) {
            String ingestion = stack.service("ingestion-service").url();
            String reporting = stack.service("reporting-service").url();

            Files.writeString(frameworks.resolve("added.yml"), SyntheticFramework.yaml("added", 3, 2).replace("i0", "a0").replace("i1", "a1")
                    .replace("rescale: {min: 0, max: 100}\n", "rescale: {min: 0, max: 100}\nmissing-data: {imputation: last-period}\n"));
            String csv = "region,indicator,period,value,unit,source\n"
                    + "R000,a0,2024,1,index,reload test\nR001,a0,2024,2,index,reload test\nR002,a0,2024,3,index,reload test\n"
                    + "R000,a1,2024,3,index,reload test\nR001,a1,2024,1,index,reload test\nR002,a1,2024,2,index,reload test\n";
            HttpResponse<String> upload = uploadUntilAccepted(ingestion, stack.apiKey(), csv, Duration.ofSeconds(60));
            assertEquals(200, upload.statusCode(), upload.body());

            JsonNode report = JsonAnswers.await(HttpRequest.newBuilder(URI.create(reporting + "/api/reports/added/2024")).build(),
                    Duration.ofSeconds(60), r -> r.path("ranking").size() == 3);
            assertEquals("Synthetic test", report.path("names").path("en").asText());
            assertLastPeriodImputationFollowsTheEarlierPeriod(stack, csv);

            Files.writeString(frameworks.resolve("broken.yaml"), SyntheticFramework.yaml("broken", 3, 2).replace("method: composite", "method: magic"));
            Files.writeString(frameworks.resolve("zz-after-broken.yaml"), SyntheticFramework.yaml("zz-after-broken", 3, 2).replace("i0", "z0"));
            // were the file beside the broken one taken up, this upload would be accepted within a few seconds
            HttpResponse<String> refused = uploadUntilAccepted(ingestion, stack.apiKey(), "region,indicator,period,value,unit,source\n"
                    + "R000,z0,2024,1,index,reload test\n", Duration.ofSeconds(5));
            assertEquals(422, refused.statusCode(), "a framework beside a broken one is not taken up: " + refused.body());
            assertTrue(refused.body().contains("UNKNOWN_INDICATOR"), refused.body());
            HttpResponse<String> stillAccepted = upload(ingestion, stack.apiKey(), csv.replace(",1,index", ",4,index"));
            assertEquals(200, stillAccepted.statusCode(), "the frameworks in force stay: " + stillAccepted.body());
        }
    }

    /**
     * 2025 lacks R001's a1, which "added" imputes from 2024: its scores are 2024's. A revision of 2024 re-scores 2025, though
     * nothing of 2025 was sent again.
     */
    private static void assertLastPeriodImputationFollowsTheEarlierPeriod(Stack stack, String csv) throws Exception {
        String ingestion = stack.service("ingestion-service").url();
        String reporting = stack.service("reporting-service").url();
        String withoutOneCell = String.join("\n", csv.lines().filter(line -> !line.startsWith("R001,a1")).toList()) + "\n";
        assertEquals(200, upload(ingestion, stack.apiKey(), withoutOneCell.replace(",2024,", ",2025,")).statusCode());
        List<String> before = scores(report(reporting, "added/2024", r -> r.path("ranking").size() == 3));
        assertEquals(before, scores(report(reporting, "added/2025", r -> scores(r).equals(before))), "2025 imputed from 2024");

        assertEquals(200, upload(ingestion, stack.apiKey(), "region,indicator,period,value,unit,source\nR001,a1,2024,3,index,revision\n")
                .statusCode());
        List<String> revised = scores(report(reporting, "added/2024", r -> !scores(r).equals(before)));
        assertEquals(revised, scores(report(reporting, "added/2025", r -> scores(r).equals(revised))), "2025 re-scored with 2024's revision");
    }

    private static JsonNode report(String reporting, String key, Predicate<JsonNode> done) throws Exception {
        return JsonAnswers.await(HttpRequest.newBuilder(URI.create(reporting + "/api/reports/" + key)).build(), Duration.ofSeconds(60), done);
    }

    private static List<String> scores(JsonNode report) {
        List<String> scores = new ArrayList<>();
        report.path("ranking").forEach(entry -> scores.add(entry.path("region").asText() + "=" + entry.path("score").asText()));
        return scores;
    }

    /** Sends the upload again until it is accepted or the time is up, and gives the last answer. */
    private static HttpResponse<String> uploadUntilAccepted(String ingestion, String apiKey, String csv, Duration atMost) throws Exception {
        Instant deadline = Instant.now().plus(atMost);
        HttpResponse<String> response = upload(ingestion, apiKey, csv);
        while (response.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = upload(ingestion, apiKey, csv);
        }
        return response;
    }

    private static HttpResponse<String> upload(String ingestion, String apiKey, String csv) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ingestion + "/api/observations")).header("Content-Type", "text/csv")
                .header("X-API-Key", apiKey).POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
