package org.talentindex.framework;

/**
 * Normalisation settings. {@code low}/{@code high} bound min-max, percentile, goalposts and the distances; {@code mean}/{@code sd} shape
 * z-scores; {@code referenceRegion} is used by distance-to-reference; {@code cap} caps distances at the reference or target at 1.
 */
public record Normalisation(NormalisationMethod method, double low, double high, double mean, double sd, String referenceRegion,
                            boolean cap) {

    public static final Normalisation MIN_MAX_UNIT = new Normalisation(NormalisationMethod.MIN_MAX, 0, 1, 0, 1, null, false);

    public Normalisation withMethod(NormalisationMethod other) {
        return new Normalisation(other, low, high, mean, sd, referenceRegion, cap);
    }
}
