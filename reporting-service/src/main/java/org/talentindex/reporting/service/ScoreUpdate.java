package org.talentindex.reporting.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.talentindex.reporting.repository.Report;

/**
 * One score-updates event (contracts/schemas/score-update.schema.json): the regions a version changed, with the
 * attribution of their score change when scoring computed one, and the rank intervals when the version carries them.
 */
public record ScoreUpdate(String frameworkId, String period, long version, List<RegionChange> changes, List<String> cause,
                          JsonNode sensitivity) {

    /** A region's scores after the version, and each changed indicator's contribution to its score change (may be empty). */
    public record RegionChange(String region, RegionState state, Map<String, Double> attribution) {
    }

    /** Reads an event; a missing required field is an {@link IllegalArgumentException}. */
    public static ScoreUpdate parse(JsonNode event) {
        List<RegionChange> changes = new ArrayList<>();
        for (JsonNode change : required(event, "changes")) {
            JsonNode next = required(change, "new");
            JsonNode score = required(next, "score");
            RegionState state = new RegionState(required(change, "status").asText(), score.isNull() ? null : score.asDouble(),
                    required(next, "rank").asInt(), required(next, "levels"));
            Map<String, Double> attribution = new LinkedHashMap<>();
            change.path("attribution").properties().forEach(e -> attribution.put(e.getKey(), e.getValue().asDouble()));
            changes.add(new RegionChange(required(change, "region").asText(), state, attribution));
        }
        List<String> cause = new ArrayList<>();
        event.path("cause").forEach(id -> cause.add(id.asText()));
        JsonNode sensitivity = event.get("sensitivity");
        return new ScoreUpdate(required(event, "frameworkId").asText(), required(event, "period").asText(),
                required(event, "version").asLong(), changes, cause, sensitivity == null || sensitivity.isNull() ? null : sensitivity);
    }

    public Report.Id key() {
        return new Report.Id(frameworkId, period);
    }

    public boolean hasAttribution() {
        return changes.stream().anyMatch(change -> !change.attribution().isEmpty());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new IllegalArgumentException("missing field " + field);
        }
        return value;
    }
}
