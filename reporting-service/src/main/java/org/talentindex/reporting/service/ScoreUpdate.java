package org.talentindex.reporting.service;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.talentindex.reporting.repository.Report;

/**
 * One score-updates event (contracts/schemas/score-update.schema.json): the regions a version changed, with the
 * attribution of their score change when scoring computed one, the rank intervals when the version carries them, and
 * the evaluation's warnings when they changed (null otherwise).
 */
public record ScoreUpdate(String frameworkId, String period, long version, List<RegionChange> changes,
                          List<RankChange> rankChanges, List<String> cause, JsonNode sensitivity, List<String> warnings) {

    /** A region's scores after the version, and each changed indicator's contribution to its score change (may be empty). */
    public record RegionChange(String region, RegionState state, Map<String, Double> attribution) {
    }

    /** A region whose rank alone changed: everything else about it is as in the version before. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RankChange(@JsonProperty(required = true) String region, @JsonProperty(value = "new", required = true) int rank) {
    }

    /** The reader of events for {@link #read}. */
    public static ObjectReader reader(ObjectMapper json) {
        return json.readerFor(Event.class);
    }

    /**
     * Reads an event; the old values are skipped unread. A missing required field is a
     * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException}.
     */
    public static ScoreUpdate read(ObjectReader reader, byte[] event) throws IOException {
        Event read = reader.readValue(event);
        List<RegionChange> changes = read.changes.stream().map(change -> new RegionChange(change.region,
                new RegionState(change.status, change.next.score, change.next.rank, change.next.levels),
                change.attribution == null ? Map.of() : change.attribution)).toList();
        JsonNode sensitivity = read.sensitivity == null || read.sensitivity.isNull() ? null : read.sensitivity;
        return new ScoreUpdate(read.frameworkId, read.period, read.version, changes,
                read.rankChanges == null ? List.of() : read.rankChanges, read.cause == null ? List.of() : read.cause, sensitivity,
                read.warnings);
    }

    public Report.Id key() {
        return new Report.Id(frameworkId, period);
    }

    public boolean hasAttribution() {
        return changes.stream().anyMatch(change -> !change.attribution().isEmpty());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(@JsonProperty(required = true) String frameworkId, @JsonProperty(required = true) String period,
                 @JsonProperty(required = true) long version, @JsonProperty(required = true) List<Change> changes,
                 List<RankChange> rankChanges, List<String> cause, JsonNode sensitivity, List<String> warnings) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(@JsonProperty(required = true) String region, @JsonProperty(required = true) String status,
                  @JsonProperty(value = "new", required = true) Scores next, Map<String, Double> attribution) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Scores(@JsonProperty(required = true) Double score, @JsonProperty(required = true) int rank,
                  @JsonProperty(required = true) JsonNode levels) {
    }
}
