package org.talentindex.ingestion.repository;

import java.util.Collection;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The latest stored revision of recently written cells, so that storing a chunk need not look them up (the lookup was
 * most of a chunk's cost in PostgreSQL). A revision is remembered only once its transaction has committed, so it is
 * never ahead of the database. It falls behind when another instance writes the cell: the insert then fails on the
 * cell-revision constraint, the transaction rolls back, its cells are forgotten here, and storing again reads them from
 * the database. Beyond the limit, the cells used least go first.
 */
@ApplicationScoped
class LatestRevisions {

    private final TransactionSynchronizationRegistry transactions;
    private final Cache<String, Integer> revisions;

    @Inject
    LatestRevisions(TransactionSynchronizationRegistry transactions,
                    @ConfigProperty(name = "talentindex.ingestion.cached-cells") long cachedCells) {
        this.transactions = transactions;
        this.revisions = Caffeine.newBuilder().maximumSize(cachedCells).build();
    }

    static String cell(String region, String indicator, String period) {
        return region + '|' + indicator + '|' + period;
    }

    Map<String, Integer> known(Collection<String> cells) {
        return revisions.getAllPresent(cells);
    }

    /** Remembers the revisions written in the current transaction if it commits, forgets their cells if not. */
    void writtenInCurrentTransaction(Map<String, Integer> written) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    written.forEach((cell, revision) -> revisions.asMap().merge(cell, revision, Math::max));
                } else {
                    revisions.invalidateAll(written.keySet());
                }
            }
        });
    }
}
