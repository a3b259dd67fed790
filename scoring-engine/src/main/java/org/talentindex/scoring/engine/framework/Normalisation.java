package org.talentindex.scoring.engine.framework;

/**
 * Normalisation settings. {@code low}/{@code high} bound min-max, percentile and distance-to-target; {@code mean}/{@code sd} shape
 * z-scores; {@code referenceRegion} is used by distance-to-reference.
 */
public record Normalisation(NormalisationMethod method, double low, double high, double mean, double sd, String referenceRegion) {

    public static final Normalisation MIN_MAX_UNIT = new Normalisation(NormalisationMethod.MIN_MAX, 0, 1, 0, 1, null);

    public Normalisation withMethod(NormalisationMethod other) {
        return new Normalisation(other, low, high, mean, sd, referenceRegion);
    }
}
