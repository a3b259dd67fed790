package org.talentindex.reporting.service;

import com.fasterxml.jackson.databind.JsonNode;

/** The scores of one region as one version leaves them; score null and rank 0 without sufficient data. */
public record RegionState(String status, Double score, int rank, JsonNode levels) {
}
