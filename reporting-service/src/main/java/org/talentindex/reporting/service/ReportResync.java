package org.talentindex.reporting.service;

import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.talentindex.reporting.client.PublishedScores;
import org.talentindex.reporting.client.ScoringClient;
import org.talentindex.reporting.repository.PendingResync;
import org.talentindex.reporting.repository.Report;

/**
 * Closes a version gap with scoring's full published state of the framework-period. A gap is first recorded as pending,
 * so that a resync that fails (scoring unreachable, or behind the version received) is retried later rather than lost;
 * it stays pending until the resynced report has been published.
 */
@ApplicationScoped
public class ReportResync {

    @Inject
    @RestClient
    ScoringClient scoring;

    @Inject
    ReportService reports;

    @Inject
    MeterRegistry metrics;

    @Transactional
    public void request(String frameworkId, String period, long receivedVersion) {
        PendingResync pending = PendingResync.find(frameworkId, period);
        if (pending == null) {
            pending = new PendingResync();
            pending.frameworkId = frameworkId;
            pending.period = period;
            pending.persist();
        }
        pending.receivedVersion = Math.max(pending.receivedVersion, receivedVersion);
    }

    /** The resynced report to publish, or nothing when the resync failed and stays pending. */
    public Optional<Report> attempt(String frameworkId, String period) {
        PendingResync pending = pendingCopy(frameworkId, period);
        if (pending == null) {
            return Optional.empty();
        }
        try {
            PublishedScores snapshot = scoring.scores(frameworkId, period);
            if (snapshot.version() < pending.receivedVersion) {
                throw new IllegalStateException("scoring serves version " + snapshot.version() + ", behind the received "
                        + pending.receivedVersion);
            }
            return reports.applySnapshot(snapshot);
        } catch (RuntimeException e) {
            metrics.counter("reporting.resyncs.failed").increment();
            Log.warnf("Resync of %s/%s failed, will retry: %s", frameworkId, period, e.getMessage());
            recordFailure(frameworkId, period, e.getMessage());
            return Optional.empty();
        }
    }

    /** Called once the report at this version is published: the gap it closed is no longer pending. */
    @Transactional
    public void done(String frameworkId, String period, long version) {
        PendingResync.delete("frameworkId = ?1 and period = ?2 and receivedVersion <= ?3", frameworkId, period, version);
    }

    @Transactional
    public List<PendingResync> pending() {
        return PendingResync.listAll();
    }

    @Transactional
    PendingResync pendingCopy(String frameworkId, String period) {
        return PendingResync.find(frameworkId, period);
    }

    @Transactional
    void recordFailure(String frameworkId, String period, String error) {
        PendingResync pending = PendingResync.find(frameworkId, period);
        if (pending != null) {
            pending.attempts++;
            pending.lastError = error;
        }
    }
}
