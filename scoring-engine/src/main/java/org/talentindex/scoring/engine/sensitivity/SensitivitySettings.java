package org.talentindex.scoring.engine.sensitivity;

import java.util.List;

import org.talentindex.framework.NormalisationMethod;

/**
 * A Monte-Carlo sensitivity run: {@code runs} replications from {@code seed}; in each, every weight (indicators and dimensions) is
 * multiplied by a factor drawn uniformly from [1 - weightSpread, 1 + weightSpread] before siblings are renormalised, and, when
 * {@code normalisations} is not empty, the normalisation method is drawn uniformly from it.
 */
public record SensitivitySettings(int runs, long seed, double weightSpread, List<NormalisationMethod> normalisations) {

    public SensitivitySettings {
        if (runs < 1 || weightSpread < 0 || weightSpread >= 1) {
            throw new IllegalArgumentException("need runs >= 1 and 0 <= weightSpread < 1");
        }
        normalisations = List.copyOf(normalisations);
    }
}
