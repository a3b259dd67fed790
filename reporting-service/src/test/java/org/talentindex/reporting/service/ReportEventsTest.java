package org.talentindex.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import org.junit.jupiter.api.Test;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.service.ReportEvents.ReportChanged;

class ReportEventsTest {

    private final ReportEvents events = new ReportEvents();

    @Test
    void aListenerThatAsksForNothingYetGetsTheLatestVersionOfEachReportWhenItAsks() {
        AssertSubscriber<ReportChanged> slow = events.stream().subscribe().withSubscriber(AssertSubscriber.create(0));
        for (long version = 1; version <= 50; version++) {
            for (String period : List.of("2019", "2020", "2021", "2022")) {
                events.fire(report(period, version));
            }
        }
        slow.request(10);

        assertEquals(List.of(changed("2019", 50), changed("2020", 50), changed("2021", 50), changed("2022", 50)), slow.getItems());
        slow.assertNotTerminated();
    }

    @Test
    void aListenerThatKeepsUpGetsEveryVersionInOrder() {
        AssertSubscriber<ReportChanged> fast = events.stream().subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        events.fire(report("2021", 1));
        events.fire(report("2021", 2));
        events.fire(report("2022", 1));

        assertEquals(List.of(changed("2021", 1), changed("2021", 2), changed("2022", 1)), fast.getItems());
    }

    @Test
    void aCancelledListenerIsNoLongerSentAnything() {
        AssertSubscriber<ReportChanged> gone = events.stream().subscribe().withSubscriber(AssertSubscriber.create(5));
        gone.cancel();
        events.fire(report("2022", 1));

        assertEquals(List.of(), gone.getItems());
    }

    private static ReportChanged changed(String period, long version) {
        return new ReportChanged("jjj-talent-development", period, version);
    }

    private static Report report(String period, long version) {
        Report report = new Report();
        report.frameworkId = "jjj-talent-development";
        report.period = period;
        report.version = version;
        return report;
    }
}
