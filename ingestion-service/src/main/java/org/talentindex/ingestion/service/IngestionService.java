package org.talentindex.ingestion.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

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
import org.talentindex.ingestion.validation.ValidObservation;

/**
 * Stores valid observations as revisions (one transaction per chunk) and forwards the new ones. Stored observations
 * that could not be forwarded stay recorded as such and are sent again by {@link PendingForwarder}, so nothing accepted
 * is lost; a duplicate is never forwarded again by the request or batch that repeats it.
 */
@ApplicationScoped
public class IngestionService {

    private static final int MAX_STORE_ATTEMPTS = 5;

    @Inject
    ObservationRepository repository;

    @Inject
    UpdatePublisher publisher;

    @Inject
    AcknowledgedChunks acknowledgedChunks;

    /** Stores and forwards; the outcome per observation is in input order. Throws if Kafka does not take the updates. */
    public List<Stored> acceptAndForward(List<ValidObservation> observations, String sender) throws ForwardingException {
        if (observations.isEmpty()) {
            return List.of();
        }
        StoredChunk stored = store(observations, sender);
        if (stored.unforwardedChunkId() != null) {
            forward(stored.newRows(), List.of(stored.unforwardedChunkId()));
        }
        return stored.outcomes();
    }

    private StoredChunk store(List<ValidObservation> observations, String sender) {
        for (int attempt = 1; ; attempt++) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try {
                return QuarkusTransaction.requiringNew().call(() -> repository.appendAll(observations, sender, now));
            } catch (RuntimeException e) {
                if (attempt == MAX_STORE_ATTEMPTS || !ObservationRepository.isWriteConflict(e)) {
                    throw e;
                }
                Log.debugf("A concurrent writer stored some of the same cells; storing %d observations again", observations.size());
            }
        }
    }

    /** Publishes the observations and waits for Kafka's acknowledgement, then forgets their unforwarded chunks. */
    public void forward(List<Observation> observations, List<Long> unforwardedChunkIds) throws ForwardingException {
        publisher.publish(observations);
        acknowledgedChunks.forget(unforwardedChunkIds);
        Log.debugf("Forwarded %d observations", observations.size());
    }
}
