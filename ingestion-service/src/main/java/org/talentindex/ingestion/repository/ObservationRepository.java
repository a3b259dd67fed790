package org.talentindex.ingestion.repository;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;
import org.talentindex.ingestion.validation.ValidObservation;

@ApplicationScoped
public class ObservationRepository implements PanacheRepository<Observation> {

    /** The result of storing: the row, and whether it was already there (same observation key). */
    public record Stored(Observation observation, boolean duplicate) {
    }

    /**
     * Appends each observation as the next revision of its cell, unless its key was seen before (earlier, or earlier in
     * the same list). A constant number of statements per call whatever its size. Call inside a transaction.
     */
    public List<Stored> appendAll(List<ValidObservation> observations, String sender, OffsetDateTime receivedAt) {
        return getEntityManager().unwrap(Session.class)
                .doReturningWork(connection -> new ChunkWriter(connection, sender, receivedAt).append(observations));
    }

    public List<Observation> notForwardedBefore(OffsetDateTime before, int limit) {
        return find("forwardedAt is null and receivedAt < ?1", Sort.by("id"), before).page(Page.ofSize(limit)).list();
    }

    public void markForwarded(List<Long> ids, OffsetDateTime at) {
        if (!ids.isEmpty()) {
            update("forwardedAt = ?1 where id in ?2", at, ids);
        }
    }

    public List<Observation> history(String region, String indicator, String period) {
        return find("region = ?1 and indicator = ?2 and period = ?3", Sort.by("revision"), region, indicator, period).list();
    }
}
