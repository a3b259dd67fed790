package org.talentindex.ingestion.service;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.ingestion.messaging.ForwardingException;
import org.talentindex.ingestion.repository.ObservationRepository.Stored;
import org.talentindex.ingestion.validation.ObservationValidator;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.ValidObservation;
import org.talentindex.ingestion.validation.ValidationResult;

/** Validates, stores and forwards uploaded rows in chunks, so that a large upload is never held in memory at once. */
@ApplicationScoped
public class BulkUpload {

    static final int CHUNK = 1000;

    @Inject
    ObservationValidator validator;

    @Inject
    IngestionService ingestion;

    /** A row as read from the upload: a JSON object, or the reason it could not be read. */
    public record Row(long number, JsonNode observation, Rejection unreadable) {
    }

    /** Collects rows and flushes a chunk when it is full; call {@link #finish()} at the end. */
    public final class Session {
        private final String sender;
        private final UploadSummary summary = new UploadSummary();
        private final List<ValidObservation> chunk = new ArrayList<>();
        private final List<Long> chunkRows = new ArrayList<>();

        Session(String sender) {
            this.sender = sender;
        }

        public void add(Row row) throws ForwardingException {
            ValidationResult result = row.unreadable() != null ? row.unreadable() : validator.validate(row.observation());
            if (result instanceof Rejection rejection) {
                summary.add(RowOutcome.rejected(row.number(), rejection.reason().name(), rejection.message()));
                return;
            }
            chunk.add((ValidObservation) result);
            chunkRows.add(row.number());
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        private void flush() throws ForwardingException {
            List<Stored> stored = ingestion.acceptAndForward(chunk, sender);
            for (int i = 0; i < stored.size(); i++) {
                Stored s = stored.get(i);
                summary.add(s.duplicate() ? RowOutcome.duplicate(chunkRows.get(i), s.observation().revision)
                        : RowOutcome.accepted(chunkRows.get(i), s.observation().revision));
            }
            chunk.clear();
            chunkRows.clear();
        }

        public UploadSummary finish() throws ForwardingException {
            flush();
            return summary;
        }
    }

    public Session start(String sender) {
        return new Session(sender);
    }
}
