package org.talentindex.reporting.service;

import java.util.Optional;
import java.util.OptionalLong;

import org.talentindex.reporting.repository.Report;

/**
 * What the versions of one framework-period in a batch did: the report to publish (the new one when any version applied,
 * the stored one when the current version came again, perhaps after a failed publication) and the highest version
 * received beyond a gap, which needs a resync.
 */
public record KeyOutcome(Report.Id key, Optional<Report> toPublish, OptionalLong gapVersion) {
}
