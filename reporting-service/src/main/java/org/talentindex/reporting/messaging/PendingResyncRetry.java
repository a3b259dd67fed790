package org.talentindex.reporting.messaging;

import java.util.Optional;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.reporting.repository.PendingResync;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.service.ReportEvents;
import org.talentindex.reporting.service.ReportResync;

/** Retries the resyncs that failed when their gap was found, and publishes each report they produce. */
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
            Optional<Report> report = resync.attempt(pending.frameworkId, pending.period);
            if (report.isEmpty()) {
                continue;
            }
            try {
                publisher.publish(report.get());
                events.fire(report.get());
                resync.done(pending.frameworkId, pending.period, report.get().version);
            } catch (Exception e) {
                Log.warnf("Resynced report %s/%s not published, will retry: %s", pending.frameworkId, pending.period, e.getMessage());
            }
        }
    }
}
