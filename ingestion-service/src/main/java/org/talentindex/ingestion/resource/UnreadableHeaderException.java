package org.talentindex.ingestion.resource;

import org.talentindex.ingestion.validation.RejectionReason;

/** The first line of a CSV upload is not a header this service can read; nothing of the upload is read. */
final class UnreadableHeaderException extends Exception {

    private final RejectionReason reason;

    UnreadableHeaderException(RejectionReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    RejectionReason reason() {
        return reason;
    }
}
