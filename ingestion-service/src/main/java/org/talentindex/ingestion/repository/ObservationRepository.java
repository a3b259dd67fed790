package org.talentindex.ingestion.repository;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.Session;
import org.talentindex.ingestion.validation.ValidObservation;

@ApplicationScoped
public class ObservationRepository implements PanacheRepository<Observation> {

    @Inject
    LatestRevisions latestRevisions;

    /**
     * The result of storing one observation: a new row; the row already stored under its key with the same content
     * (a duplicate); or, when that row's content differs, the row already stored (a conflict: nothing was stored).
     */
    public record Stored(Observation observation, Kind kind) {

        public enum Kind { NEW, DUPLICATE, CONFLICTING }
    }

    /**
     * What one append did: the outcome per observation in input order, and the unforwarded chunk that names the new rows
     * ({@code null} when every observation was a duplicate).
     */
    public record StoredChunk(List<Stored> outcomes, Long unforwardedChunkId) {

        public List<Observation> newRows() {
            return outcomes.stream().filter(stored -> stored.kind() == Stored.Kind.NEW).map(Stored::observation).toList();
        }
    }

    /** Stored observations Kafka has not acknowledged yet, as one chunk. */
    public record Unforwarded(long chunkId, List<Observation> observations) {
    }

    /**
     * Appends each observation as the next revision of its cell, unless its key was seen before (earlier, or earlier in
     * the same list), and records the new rows as not yet forwarded. A constant number of statements per call whatever
     * its size. Call inside a transaction.
     */
    public StoredChunk appendAll(List<ValidObservation> observations, String sender, OffsetDateTime receivedAt) {
        return session().doReturningWork(connection -> new ChunkWriter(connection, latestRevisions, sender, receivedAt).append(observations));
    }

    /** The oldest chunks stored before {@code before} and not yet forwarded. */
    public List<Unforwarded> unforwardedBefore(OffsetDateTime before, int maxChunks) {
        return session().doReturningWork(connection -> new UnforwardedChunks(connection).storedBefore(before, maxChunks));
    }

    public void markForwarded(List<Long> chunkIds) {
        session().doWork(connection -> new UnforwardedChunks(connection).remove(chunkIds));
    }

    public List<Observation> history(String region, String indicator, String period) {
        return find("region = ?1 and indicator = ?2 and period = ?3", Sort.by("revision"), region, indicator, period).list();
    }

    private Session session() {
        return getEntityManager().unwrap(Session.class);
    }
}
