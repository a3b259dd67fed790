package org.talentindex.ingestion.validation;

public sealed interface ValidationResult permits ValidObservation, Rejection {
}
