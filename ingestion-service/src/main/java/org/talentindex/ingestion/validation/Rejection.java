package org.talentindex.ingestion.validation;

public record Rejection(RejectionReason reason, String message) implements ValidationResult {
}
