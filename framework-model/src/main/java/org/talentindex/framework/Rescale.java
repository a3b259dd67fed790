package org.talentindex.framework;

/**
 * Final rescale {@code min + (max-min)·(s - s_min)/(s_max - s_min)} over the ranked regions, so the best scores {@code max} and the
 * worst {@code min}. With {@code allLevels} every dimension score is rescaled the same way (the talent-stickiness convention).
 */
public record Rescale(double min, double max, boolean allLevels) {
}
