package org.talentindex.reporting.service;

import java.util.Optional;

import org.talentindex.reporting.repository.Report;

/** What a score-update version did to its framework-period's report. */
public record VersionOutcome(Kind kind, String frameworkId, String period, long version, Report report) {

    public enum Kind {
        /** The next version: applied, the new report is to be published. */
        APPLIED,
        /** The current version again: the stored report is published again in case the earlier publication failed. */
        REPEATED,
        /** An older version: nothing to do. */
        STALE,
        /** A version skipped at least one: not applied, the framework-period needs a resync. */
        GAP
    }

    /** The report to publish, if any. */
    public Optional<Report> toPublish() {
        return Optional.ofNullable(report);
    }
}
