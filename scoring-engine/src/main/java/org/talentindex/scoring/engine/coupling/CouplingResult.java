package org.talentindex.scoring.engine.coupling;

import java.util.Map;

/**
 * A region's coupling coordination: the subsystem indices U_j, coupling C, comprehensive index T, coordination D = sqrt(C·T), its grade
 * and the lagging subsystem (the smallest U_j).
 */
public record CouplingResult(String region, Map<String, Double> subsystems, double coupling, double comprehensive, double coordination,
                             CoordinationGrade grade, String laggingSubsystem) {
}
