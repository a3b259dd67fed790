package org.talentindex.reporting.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.talentindex.reporting.repository.Report;

/**
 * The committed state of recently materialised framework-periods, so that a batch does not read a key's regions back
 * from the database. An entry is taken out while a transaction works on it and comes back only when that transaction
 * commits; it is used only when its version is the stored one (another instance may have materialised the key since).
 * The least recently used keys go once the cached regions exceed the limit.
 */
@ApplicationScoped
public class MaterialisedReports {

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    JsonColumns columns;

    @ConfigProperty(name = "talentindex.reports.cached-regions")
    int cachedRegionsLimit;

    private final Map<Report.Id, MaterialisedReport> cache = new LinkedHashMap<>(16, 0.75f, true);
    private int cachedRegions;

    /** The key's state at the stored version (empty report when none is stored), from memory or else from the database. */
    MaterialisedReport take(Report.Id key, long storedVersion) {
        MaterialisedReport cached = remove(key);
        return cached != null && cached.version() == storedVersion ? cached : MaterialisedReport.load(key, columns);
    }

    /** Keeps the state for the next batch once the current transaction has committed. */
    void keepOnCommit(MaterialisedReport state) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    put(state);
                }
            }
        });
    }

    private synchronized MaterialisedReport remove(Report.Id key) {
        MaterialisedReport removed = cache.remove(key);
        if (removed != null) {
            cachedRegions -= removed.size();
        }
        return removed;
    }

    private synchronized void put(MaterialisedReport state) {
        MaterialisedReport replaced = cache.put(state.key, state);
        cachedRegions += state.size() - (replaced == null ? 0 : replaced.size());
        Iterator<MaterialisedReport> eldest = cache.values().iterator();
        while (cachedRegions > cachedRegionsLimit && eldest.hasNext()) {
            cachedRegions -= eldest.next().size();
            eldest.remove();
        }
    }
}
