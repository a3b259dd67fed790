package org.talentindex.scoring.engine.warning;

import org.talentindex.framework.RiskLevel;

/** A region's overall risk: the composite over all sectors and its level (NaN and null with insufficient data). */
public record RegionRisk(String region, double score, RiskLevel level) {
}
