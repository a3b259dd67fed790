package org.talentindex.ingestion.messaging;

import org.talentindex.ingestion.repository.Observation;

/** The payload of indicator-updates (contracts/schemas/indicator-update.schema.json), serialised in this field order. */
record IndicatorUpdate(String updateId, String frameworkId, String period, String region, String indicator, double value,
                       String unit, int revision, String source, String receivedAt) {

    static IndicatorUpdate of(Observation observation, String frameworkId) {
        return new IndicatorUpdate(observation.id + ":" + frameworkId, frameworkId, observation.period, observation.region,
                observation.indicator, observation.canonicalValue, observation.canonicalUnit, observation.revision,
                observation.source, observation.receivedAt.toString());
    }
}
