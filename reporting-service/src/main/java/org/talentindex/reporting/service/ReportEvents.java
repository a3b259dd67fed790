package org.talentindex.reporting.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import org.talentindex.reporting.repository.Report;

/** Tells live listeners (dashboards over Server-Sent Events) that a report has a new version. */
@ApplicationScoped
public class ReportEvents {

    public record ReportChanged(String frameworkId, String period, long version) {
    }

    private final BroadcastProcessor<ReportChanged> processor = BroadcastProcessor.create();

    public void fire(Report report) {
        processor.onNext(new ReportChanged(report.frameworkId, report.period, report.version));
    }

    public Multi<ReportChanged> stream() {
        return processor;
    }
}
