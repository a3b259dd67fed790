package org.talentindex.ingestion.validation;

/** An observation that passed every check, with its value converted to the indicator's canonical unit. */
public record ValidObservation(
        String observationKey,
        String region,
        String indicator,
        String period,
        double valueReceived,
        String unitReceived,
        double canonicalValue,
        String canonicalUnit,
        String source) implements ValidationResult {
}
