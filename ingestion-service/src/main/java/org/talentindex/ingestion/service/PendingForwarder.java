package org.talentindex.ingestion.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.ingestion.messaging.ForwardingException;
import org.talentindex.ingestion.repository.Observation;
import org.talentindex.ingestion.repository.ObservationRepository;
import org.talentindex.ingestion.repository.ObservationRepository.Unforwarded;

/** Forwards chunks that were stored but not forwarded: Kafka was unavailable, or the service stopped in between. */
@ApplicationScoped
public class PendingForwarder {

    private static final int CHUNKS_AT_ONCE = 10;

    @Inject
    ObservationRepository repository;

    @Inject
    IngestionService ingestion;

    /** Rows younger than this are still being forwarded by the request or batch that stored them. */
    @ConfigProperty(name = "talentindex.forwarding.retry-after", defaultValue = "20s")
    Duration grace;

    @Scheduled(every = "${talentindex.forwarding.retry-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forwardPending() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(grace);
        List<Unforwarded> pending = QuarkusTransaction.requiringNew().call(() -> repository.unforwardedBefore(before, CHUNKS_AT_ONCE));
        if (pending.isEmpty()) {
            return;
        }
        List<Observation> observations = pending.stream().flatMap(chunk -> chunk.observations().stream()).toList();
        try {
            ingestion.forward(observations, pending.stream().map(Unforwarded::chunkId).toList());
            Log.infof("Forwarded %d observations that were waiting for Kafka", observations.size());
        } catch (ForwardingException e) {
            Log.warnf("%d observations still wait for Kafka: %s", observations.size(), e.getMessage());
        }
    }
}
