package org.talentindex.ingestion.messaging;

public class ForwardingException extends Exception {

    public ForwardingException(String message, Throwable cause) {
        super(message, cause);
    }
}
