package org.talentindex.ingestion.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.ingestion.messaging.ForwardingException;
import org.talentindex.ingestion.messaging.UpdatePublisher;
import org.talentindex.ingestion.repository.Observation;
import org.talentindex.ingestion.repository.ObservationRepository;
import org.talentindex.ingestion.repository.ObservationRepository.Stored;
import org.talentindex.ingestion.repository.ObservationRepository.StoredChunk;
import org.talentindex.ingestion.repository.StorageFailure;
import org.talentindex.ingestion.service.Outcome.Kept;
import org.talentindex.ingestion.service.Outcome.Refused;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.RejectionReason;
import org.talentindex.ingestion.validation.ValidObservation;

/**
 * Stores valid observations as revisions (one transaction per chunk) and forwards the new ones. Stored observations
 * that could not be forwarded stay recorded as such and are sent again by {@link PendingForwarder}, so nothing accepted
 * is lost; a duplicate is never forwarded again by the request or batch that repeats it.
 */
@ApplicationScoped
public class IngestionService {

    private static final int MAX_STORE_ATTEMPTS = 8;
    private static final long MAX_BACKOFF_MILLIS = 200;

    @Inject
    ObservationRepository repository;

    @Inject
    UpdatePublisher publisher;

    @Inject
    AcknowledgedChunks acknowledgedChunks;

    /**
     * Stores and forwards; the outcome per observation is in input order. A record PostgreSQL refuses is found by storing
     * halves apart and is refused alone, the others are stored. Throws if Kafka does not take the updates, or
     * {@link StorageUnavailableException} if PostgreSQL cannot store now.
     */
    public List<Outcome> acceptAndForward(List<ValidObservation> observations, String sender) throws ForwardingException {
        Outcome[] outcomes = new Outcome[observations.size()];
        List<StoredChunk> chunks = new ArrayList<>();
        storeIsolatingBadRecords(observations, 0, sender, outcomes, chunks);
        List<Observation> newRows = chunks.stream().flatMap(chunk -> chunk.newRows().stream()).toList();
        List<Long> chunkIds = chunks.stream().map(StoredChunk::unforwardedChunkId).filter(Objects::nonNull).toList();
        if (!chunkIds.isEmpty()) {
            forward(newRows, chunkIds);
        }
        return Arrays.asList(outcomes);
    }

    private void storeIsolatingBadRecords(List<ValidObservation> observations, int offset, String sender, Outcome[] outcomes,
                                          List<StoredChunk> chunks) {
        if (observations.isEmpty()) {
            return;
        }
        StoredChunk stored;
        try {
            stored = store(observations, sender);
        } catch (BadRecordException e) {
            if (observations.size() == 1) {
                Log.warnf("PostgreSQL refused observation %s: %s", observations.get(0).observationKey(), e.getMessage());
                outcomes[offset] = new Refused(new Rejection(RejectionReason.UNPROCESSABLE, "Could not be stored: " + e.getMessage()));
                return;
            }
            int half = observations.size() / 2;
            storeIsolatingBadRecords(observations.subList(0, half), offset, sender, outcomes, chunks);
            storeIsolatingBadRecords(observations.subList(half, observations.size()), offset + half, sender, outcomes, chunks);
            return;
        }
        chunks.add(stored);
        for (int i = 0; i < observations.size(); i++) {
            outcomes[offset + i] = outcome(stored.outcomes().get(i), observations.get(i));
        }
    }

    private static Outcome outcome(Stored stored, ValidObservation received) {
        return switch (stored.kind()) {
            case NEW -> new Kept(stored.observation(), false);
            case DUPLICATE -> new Kept(stored.observation(), true);
            case CONFLICTING -> new Refused(new Rejection(RejectionReason.CONFLICTING_OBSERVATION_ID, "observation id '"
                    + received.observationKey() + "' was stored before with other content (revision " + stored.observation().revision
                    + " of " + stored.observation().region + "/" + stored.observation().indicator + "/" + stored.observation().period
                    + ", value " + stored.observation().valueReceived + " " + stored.observation().unitReceived + ")"));
        };
    }

    /** One transaction; stored again after a concurrent writer's conflict, a few times with a growing random pause. */
    private StoredChunk store(List<ValidObservation> observations, String sender) {
        for (int attempt = 1; ; attempt++) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try {
                return QuarkusTransaction.requiringNew().call(() -> repository.appendAll(observations, sender, now));
            } catch (RuntimeException e) {
                StorageFailure failure = StorageFailure.of(e);
                if (failure == StorageFailure.BAD_RECORD) {
                    throw new BadRecordException(rootMessage(e));
                }
                if (failure == StorageFailure.OTHER || attempt == MAX_STORE_ATTEMPTS) {
                    throw new StorageUnavailableException("PostgreSQL did not store the observations: " + rootMessage(e), e);
                }
                Log.debugf("A concurrent writer stored some of the same cells; storing %d observations again", observations.size());
                pauseBeforeAttempt(attempt);
            }
        }
    }

    private static void pauseBeforeAttempt(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(MAX_BACKOFF_MILLIS, 10L << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("Interrupted while storing", e);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** PostgreSQL refused the data of some record in the chunk. */
    private static final class BadRecordException extends RuntimeException {
        BadRecordException(String message) {
            super(message, null, false, false);
        }
    }

    /** Publishes the observations and waits for Kafka's acknowledgement, then forgets their unforwarded chunks. */
    public void forward(List<Observation> observations, List<Long> unforwardedChunkIds) throws ForwardingException {
        publisher.publish(observations);
        acknowledgedChunks.forget(unforwardedChunkIds);
        Log.debugf("Forwarded %d observations", observations.size());
    }
}
