package org.talentindex.ingestion.service;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.ingestion.messaging.ForwardingException;
import org.talentindex.ingestion.service.Outcome.Kept;
import org.talentindex.ingestion.service.Outcome.Refused;
import org.talentindex.ingestion.validation.ObservationValidator;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.RejectionReason;
import org.talentindex.ingestion.validation.ValidObservation;
import org.talentindex.ingestion.validation.ValidationResult;

/** Validates, stores and forwards uploaded rows in chunks, so that a large upload is never held in memory at once. */
@ApplicationScoped
public class BulkUpload {

    static final int CHUNK = 5000;
    private static final long PROGRESS_EVERY = 100_000;

    @Inject
    ObservationValidator validator;

    @Inject
    IngestionService ingestion;

    @ConfigProperty(name = "talentindex.ingestion.max-rows-per-upload", defaultValue = "2000000")
    long maxRows;

    /**
     * An observation as read from the upload: a JSON object, or the reason it could not be read. {@code row} is the line
     * (CSV) or array element (JSON), counted from 1; {@code column} names the indicator column of a wide table.
     */
    public record Row(long number, String column, JsonNode observation, Rejection unreadable) {

        public Row(long number, JsonNode observation, Rejection unreadable) {
            this(number, null, observation, unreadable);
        }
    }

    /** Collects rows and flushes a chunk when it is full; call {@link #finish()} at the end. */
    public final class Session {
        private final String sender;
        private final UploadSummary summary = new UploadSummary();
        private final List<ValidObservation> chunk = new ArrayList<>();
        private final List<Row> chunkRows = new ArrayList<>();

        Session(String sender) {
            this.sender = sender;
        }

        /** False once the upload has more rows than allowed: the row is refused and the caller should stop reading. */
        public boolean withinRowLimit(long rowNumber) {
            if (rowNumber <= maxRows) {
                return true;
            }
            summary.add(RowOutcome.rejected(rowNumber, null, RejectionReason.TOO_MANY_ROWS.name(),
                    "An upload may have at most " + maxRows + " rows; this row and any after it were not read"));
            summary.truncated = true;
            return false;
        }

        public void add(Row row) throws ForwardingException {
            ValidationResult result = row.unreadable() != null ? row.unreadable() : validator.validateSafely(row.observation());
            if (result instanceof Rejection rejection) {
                summary.add(RowOutcome.rejected(row.number(), row.column(), rejection.reason().name(), rejection.message()));
                return;
            }
            chunk.add((ValidObservation) result);
            chunkRows.add(row);
            if (chunk.size() >= CHUNK) {
                flush();
            }
        }

        private void flush() throws ForwardingException {
            List<Outcome> outcomes = ingestion.acceptAndForward(chunk, sender);
            long before = summary.received;
            for (int i = 0; i < outcomes.size(); i++) {
                Row row = chunkRows.get(i);
                summary.add(rowOutcome(row, outcomes.get(i)));
            }
            if (summary.received / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                Log.infof("Upload from %s: %d observations so far (%d accepted, %d duplicate, %d rejected)",
                        sender, summary.received, summary.accepted, summary.duplicate, summary.rejected);
            }
            chunk.clear();
            chunkRows.clear();
        }

        private static RowOutcome rowOutcome(Row row, Outcome outcome) {
            if (outcome instanceof Refused refused) {
                Rejection rejection = refused.rejection();
                return RowOutcome.rejected(row.number(), row.column(), rejection.reason().name(), rejection.message());
            }
            Kept kept = (Kept) outcome;
            return kept.duplicate() ? RowOutcome.duplicate(row.number(), row.column(), kept.observation().revision)
                    : RowOutcome.accepted(row.number(), row.column(), kept.observation().revision);
        }

        /** True once a row was refused for being over the row limit. */
        public boolean truncated() {
            return summary.truncated;
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
