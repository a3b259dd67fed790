package org.talentindex.ingestion.service;

/** PostgreSQL could not store a chunk now (unavailable, or concurrent writers kept conflicting): try again later. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
