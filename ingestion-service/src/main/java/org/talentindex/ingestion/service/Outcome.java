package org.talentindex.ingestion.service;

import org.talentindex.ingestion.repository.Observation;
import org.talentindex.ingestion.validation.Rejection;

/** What became of one valid observation handed over for storing. */
public sealed interface Outcome {

    /** Stored now, or already stored under the same key with the same content. */
    record Kept(Observation observation, boolean duplicate) implements Outcome {
    }

    /** Not stored: its key holds other content, or PostgreSQL refused the record itself. */
    record Refused(Rejection rejection) implements Outcome {
    }
}
