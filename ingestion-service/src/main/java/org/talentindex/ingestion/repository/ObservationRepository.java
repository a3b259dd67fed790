package org.talentindex.ingestion.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import org.talentindex.ingestion.validation.ValidObservation;

@ApplicationScoped
public class ObservationRepository implements PanacheRepository<Observation> {

    /** The result of storing: the row, and whether it was already there (same observation key). */
    public record Stored(Observation observation, boolean duplicate) {
    }

    /** Appends the observation as the next revision of its cell, unless its key was seen before. Call inside a transaction. */
    public Stored append(ValidObservation valid, String sender, OffsetDateTime receivedAt) {
        Optional<Observation> existing = find("observationKey", valid.observationKey()).firstResultOptional();
        if (existing.isPresent()) {
            return new Stored(existing.get(), true);
        }
        lockCell(valid);
        Integer latest = getEntityManager()
                .createQuery("select max(o.revision) from Observation o where o.region = ?1 and o.indicator = ?2 and o.period = ?3", Integer.class)
                .setParameter(1, valid.region()).setParameter(2, valid.indicator()).setParameter(3, valid.period())
                .getSingleResult();
        Observation row = new Observation();
        row.observationKey = valid.observationKey();
        row.region = valid.region();
        row.indicator = valid.indicator();
        row.period = valid.period();
        row.revision = latest == null ? 1 : latest + 1;
        row.valueReceived = valid.valueReceived();
        row.unitReceived = valid.unitReceived();
        row.canonicalValue = valid.canonicalValue();
        row.canonicalUnit = valid.canonicalUnit();
        row.source = valid.source();
        row.sender = sender;
        row.receivedAt = receivedAt;
        persist(row);
        return new Stored(row, false);
    }

    /** Serialises revision numbering of one cell across concurrent writers. */
    private void lockCell(ValidObservation valid) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, valid.region() + "|" + valid.indicator() + "|" + valid.period())
                .getSingleResult();
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
