package org.talentindex.scoring.engine.warning;

import org.talentindex.framework.RiskLevel;

/** One region x sector cell: the risk score (NaN with insufficient data) and its risk level (null with insufficient data). */
public record HeatMapCell(String region, String sector, double score, RiskLevel level) {
}
