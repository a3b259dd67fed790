package org.talentindex.ingestion.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.talentindex.ingestion.repository.ObservationRepository;

/**
 * Forgets the unforwarded chunks Kafka acknowledged, in the background and many at a time, so that neither a batch nor
 * an upload waits for it. Should a deletion fail or never happen (a crash), {@link PendingForwarder} forwards the chunk
 * again, which consumers of indicator-updates ignore (same revision).
 */
@ApplicationScoped
public class AcknowledgedChunks {

    /** How long acknowledged chunks gather before one statement deletes them; far below PendingForwarder's grace. */
    private static final long GATHER_MILLIS = 100;

    @Inject
    ObservationRepository repository;

    private final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean deletionScheduled = new AtomicBoolean();
    private ScheduledExecutorService deleter;

    @PostConstruct
    void start() {
        deleter = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "acknowledged-chunks"));
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        deleter.shutdown();
        deleter.awaitTermination(5, TimeUnit.SECONDS);
        deleteAcknowledged();
    }

    public void forget(List<Long> chunkIds) {
        acknowledged.addAll(chunkIds);
        if (deletionScheduled.compareAndSet(false, true)) {
            try {
                deleter.schedule(this::deleteAcknowledged, GATHER_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                Log.debugf("Shutting down: %d forwarded chunks are deleted on the way out, or forwarded again after the restart", chunkIds.size());
            }
        }
    }

    private void deleteAcknowledged() {
        deletionScheduled.set(false);
        List<Long> chunkIds = new ArrayList<>();
        for (Long id = acknowledged.poll(); id != null; id = acknowledged.poll()) {
            chunkIds.add(id);
        }
        if (chunkIds.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> repository.markForwarded(chunkIds));
        } catch (RuntimeException e) {
            Log.warnf("%d forwarded chunks not forgotten; they will be forwarded again: %s", chunkIds.size(), e.getMessage());
        }
    }
}
