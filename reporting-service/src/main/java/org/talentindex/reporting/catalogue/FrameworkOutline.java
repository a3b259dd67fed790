package org.talentindex.reporting.catalogue;

import java.util.List;
import java.util.Map;

import org.talentindex.reporting.catalogue.FrameworkNames.Name;

/**
 * What reports need to know of a framework definition: its names, method, levels (dimensions, depth first, with their
 * parent), the method's own vocabulary (sectors, risk levels) and the names of its indicators and raw inputs.
 */
public record FrameworkOutline(String id, Name names, String method, List<Level> levels, List<Sector> sectors,
                               List<RiskLevel> riskLevels, Map<String, Name> indicators) {

    public record Level(String code, Name names, String parent, int depth) {
    }

    public record Sector(String code, Name names) {
    }

    /** A risk level applies from its threshold (inclusive) up to the next level's. */
    public record RiskLevel(String code, Name names, double from) {
    }

    public static FrameworkOutline unknown(String id) {
        return new FrameworkOutline(id, new Name(id, id), "composite", List.of(), List.of(), List.of(), Map.of());
    }

    public Name levelName(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).map(Level::names).findFirst()
                .orElseGet(() -> sectors.stream().filter(s -> s.code().equals(code)).map(Sector::names).findFirst()
                        .orElse(new Name(code, code)));
    }

    public Name indicatorName(String code) {
        return indicators.getOrDefault(code, new Name(code, code));
    }

    /** The risk level of a score, or null when the framework has none or the score is missing. */
    public RiskLevel riskLevel(Double score) {
        if (score == null) {
            return null;
        }
        RiskLevel found = null;
        for (RiskLevel level : riskLevels) {
            if (score >= level.from() && (found == null || level.from() >= found.from())) {
                found = level;
            }
        }
        return found;
    }
}
