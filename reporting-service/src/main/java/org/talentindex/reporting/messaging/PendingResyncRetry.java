package org.talentindex.reporting.messaging;

import java.util.List;
import java.util.Optional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.reporting.repository.PendingResync;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.service.ReportEvents;
import org.talentindex.reporting.service.ReportResync;

/**
 * Resyncs a framework-period after a version gap and publishes the report it produces; retries on a schedule the
 * resyncs that failed when their gap was found.
 */
@ApplicationScoped
public class PendingResyncRetry {

    @Inject
    ReportResync resync;

    @Inject
    ReportPublisher publisher;

    @Inject
    ReportEvents events;

    @Scheduled(every = "${talentindex.resync.retry-every}", delayed = "${talentindex.resync.retry-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        for (PendingResync pending : resync.pending()) {
            try {
                resyncAndPublish(pending.frameworkId, pending.period);
            } catch (Exception e) {
                Log.warnf("Resynced report %s/%s not published, will retry: %s", pending.frameworkId, pending.period, e.getMessage());
            }
        }
    }

    /** Records the gap, then resyncs; a resync that fails stays pending for the schedule. */
    void resyncAfterGap(String frameworkId, String period, long receivedVersion) throws Exception {
        resync.request(frameworkId, period, receivedVersion);
        resyncAndPublish(frameworkId, period);
    }

    private void resyncAndPublish(String frameworkId, String period) throws Exception {
        Optional<Report> report = resync.attempt(frameworkId, period);
        if (report.isPresent()) {
            publisher.publish(List.of(report.get()));
            events.fire(report.get());
            resync.done(frameworkId, period, report.get().version);
        }
    }
}
