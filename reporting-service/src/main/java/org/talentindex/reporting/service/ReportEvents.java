package org.talentindex.reporting.service;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.talentindex.reporting.repository.Report;

/**
 * Tells live listeners (dashboards over Server-Sent Events) that a report has a new version. A listener that reads
 * slower than versions arrive is sent each report's latest version when it asks for more, instead of every one.
 */
@ApplicationScoped
public class ReportEvents {

    public record ReportChanged(String frameworkId, String period, long version) {

        String report() {
            return frameworkId + "/" + period;
        }
    }

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    public void fire(Report report) {
        ReportChanged change = new ReportChanged(report.frameworkId, report.period, report.version);
        listeners.forEach(listener -> listener.offer(change));
    }

    public Multi<ReportChanged> stream() {
        return Multi.createFrom().emitter(emitter -> {
            Listener listener = new Listener(emitter);
            listeners.add(listener);
            emitter.onTermination(() -> listeners.remove(listener));
            emitter.onRequest(requested -> listener.send());
        });
    }

    /** The versions one listener has not asked for yet: at most one per report, the latest. */
    private static final class Listener {

        private final MultiEmitter<? super ReportChanged> emitter;
        private final Map<String, ReportChanged> unsent = new LinkedHashMap<>();

        Listener(MultiEmitter<? super ReportChanged> emitter) {
            this.emitter = emitter;
        }

        synchronized void offer(ReportChanged change) {
            unsent.remove(change.report());
            unsent.put(change.report(), change);
            send();
        }

        /** Sending may ask for more at once, which calls this again: each turn takes its item out before it sends it. */
        synchronized void send() {
            while (emitter.requested() > 0 && !emitter.isCancelled()) {
                Iterator<ReportChanged> oldest = unsent.values().iterator();
                if (!oldest.hasNext()) {
                    return;
                }
                ReportChanged next = oldest.next();
                oldest.remove();
                emitter.emit(next);
            }
        }
    }
}
