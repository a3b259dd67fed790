package org.talentindex.reporting.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The published scores of every region of a framework-period at a version, as scoring-service serves them, with the
 * latest rank intervals when scoring has computed them (the score-updates sensitivity object), else null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublishedScores(String frameworkId, String period, long version, List<RegionScore> regions, JsonNode sensitivity,
                              List<String> warnings) {

    /** levels is the JSON text of the level scores map. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegionScore(String region, String status, Double score, int rank, String levels) {
    }
}
