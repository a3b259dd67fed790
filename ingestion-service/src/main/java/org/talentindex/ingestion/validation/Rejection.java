package org.talentindex.ingestion.validation;

/** A refusal with its reason; the message is cut to {@value #MAX_MESSAGE_LENGTH} characters (it travels in a Kafka header). */
public record Rejection(RejectionReason reason, String message) implements ValidationResult {

    public static final int MAX_MESSAGE_LENGTH = 1000;

    public Rejection {
        if (message != null && message.length() > MAX_MESSAGE_LENGTH) {
            int end = Character.isHighSurrogate(message.charAt(MAX_MESSAGE_LENGTH - 1)) ? MAX_MESSAGE_LENGTH - 1 : MAX_MESSAGE_LENGTH;
            message = message.substring(0, end) + "…";
        }
    }
}
