package org.talentindex.reporting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.talentindex.testsupport.LocalInfrastructure;

/** Builds score-updates events (contracts/schemas/score-update.schema.json) and publishes them as scoring-service would. */
final class ScoreUpdates {

    /** A region's scores in one version; score null and rank 0 for insufficient data. */
    record RegionScores(String region, Double score, int rank, Map<String, Double> levels) {

        static RegionScores ranked(String region, double score, int rank, Map<String, Double> levels) {
            return new RegionScores(region, score, rank, levels);
        }

        static RegionScores insufficient(String region) {
            return new RegionScores(region, null, 0, Map.of());
        }

        String status() {
            return rank > 0 ? "RANKED" : "INSUFFICIENT_DATA";
        }

        String levelsJson() {
            return levels.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .collect(Collectors.joining(",", "{", "}"));
        }

        String scoresJson() {
            return "{\"score\":" + score + ",\"rank\":" + rank + ",\"levels\":" + levelsJson() + "}";
        }
    }

    private ScoreUpdates() {
    }

    static void publish(String key, long version, List<RegionScores> changes) {
        publish(key, event(key, version, changes));
    }

    static void publish(String key, String event) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", LocalInfrastructure.shared().bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("score-updates", key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String event(String key, long version, List<RegionScores> changes) {
        return event(key, version, changes, Map.of(), null);
    }

    /** An event that also re-ranks regions (region → new rank) whose scores it leaves as they were. */
    static String event(String key, long version, List<RegionScores> changes, Map<String, Integer> rankChanges) {
        String rankChangesJson = rankChanges.entrySet().stream()
                .map(e -> "{\"region\":\"" + e.getKey() + "\",\"old\":1,\"new\":" + e.getValue() + "}")
                .collect(Collectors.joining(",", ",\"rankChanges\":[", "]"));
        String event = event(key, version, changes);
        return event.substring(0, event.length() - 1) + rankChangesJson + "}";
    }

    /** An event whose changes carry the attribution given per region, and the sensitivity object given as JSON (or null). */
    static String event(String key, long version, List<RegionScores> changes, Map<String, Map<String, Double>> attribution,
                        String sensitivity) {
        String[] parts = key.split("/");
        String changesJson = changes.stream()
                .map(c -> "{\"region\":\"" + c.region() + "\",\"status\":\"" + c.status() + "\",\"new\":" + c.scoresJson()
                        + (attribution.containsKey(c.region()) ? ",\"attribution\":" + numbers(attribution.get(c.region())) : "") + "}")
                .collect(Collectors.joining(","));
        return "{\"frameworkId\":\"" + parts[0] + "\",\"period\":\"" + parts[1] + "\",\"version\":" + version
                + ",\"computedAt\":\"2030-01-01T00:00:00Z\",\"regionCount\":" + changes.size() + ",\"changes\":[" + changesJson
                + "],\"cause\":[\"test-" + version + "\"]" + (sensitivity == null ? "" : ",\"sensitivity\":" + sensitivity) + "}";
    }

    /** A sensitivity object of 1,000 runs, weights ± 20 %, with per region {nominalRank, p5, median, p95}. */
    static String sensitivity(Map<String, double[]> intervals) {
        return "{\"runs\":1000,\"weightSpread\":0.2,\"seed\":42,\"intervals\":" + intervals.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":{\"nominalRank\":" + (int) e.getValue()[0] + ",\"p5\":" + e.getValue()[1]
                        + ",\"median\":" + e.getValue()[2] + ",\"p95\":" + e.getValue()[3] + "}")
                .collect(Collectors.joining(",", "{", "}")) + "}";
    }

    private static String numbers(Map<String, Double> values) {
        return values.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    /** scoring-service's GET /api/scores/{frameworkId}/{period} body: every region at a version. */
    static String snapshot(String key, long version, List<RegionScores> regions) {
        return snapshot(key, version, regions, null);
    }

    /** The same with the sensitivity object scoring has stored (JSON, or null). */
    static String snapshot(String key, long version, List<RegionScores> regions, String sensitivity) {
        String[] parts = key.split("/");
        String regionsJson = regions.stream().map(r -> "{\"frameworkId\":\"" + parts[0] + "\",\"period\":\"" + parts[1]
                + "\",\"region\":\"" + r.region() + "\",\"status\":\"" + r.status() + "\",\"score\":" + r.score() + ",\"rank\":"
                + r.rank() + ",\"levels\":\"" + r.levelsJson().replace("\"", "\\\"") + "\"}").collect(Collectors.joining(","));
        return "{\"frameworkId\":\"" + parts[0] + "\",\"period\":\"" + parts[1] + "\",\"version\":" + version + ",\"regions\":["
                + regionsJson + "]" + (sensitivity == null ? "" : ",\"sensitivity\":" + sensitivity) + "}";
    }

    static void awaitReportVersion(String key, long version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/api/reports/" + key).then().statusCode(200).body("version", equalTo((int) version)));
    }
}
