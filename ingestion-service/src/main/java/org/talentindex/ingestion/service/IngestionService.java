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
import org.talentindex.ingestion.validation.ValidObservation;

/**
 * Stores valid observations as revisions (one transaction per batch) and forwards them. A stored observation that could
 * not be forwarded stays marked as such and is sent again by {@link PendingForwarder}, so nothing accepted is lost.
 */
@ApplicationScoped
public class IngestionService {

    @Inject
    ObservationRepository repository;

    @Inject
    UpdatePublisher publisher;

    /** Stores and forwards; the outcome per observation is in input order. Throws if Kafka does not take the updates. */
    public List<Stored> acceptAndForward(List<ValidObservation> observations, String sender) throws ForwardingException {
        if (observations.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Stored> stored = QuarkusTransaction.requiringNew().call(() -> repository.appendAll(observations, sender, now));
        forward(stored.stream().map(Stored::observation).filter(o -> o.forwardedAt == null).distinct().toList());
        return stored;
    }

    public void forward(List<Observation> pending) throws ForwardingException {
        if (pending.isEmpty()) {
            return;
        }
        publisher.publish(pending);
        List<Long> ids = pending.stream().map(o -> o.id).toList();
        QuarkusTransaction.requiringNew().run(() -> repository.markForwarded(ids, OffsetDateTime.now(ZoneOffset.UTC)));
        Log.debugf("Forwarded %d observations", ids.size());
    }
}
