package org.talentindex.framework;

/** An early-warning level: a score at or above {@code from} (and below the next level's) falls in it. */
public record RiskLevel(String code, LocalizedName names, double from) {
}
