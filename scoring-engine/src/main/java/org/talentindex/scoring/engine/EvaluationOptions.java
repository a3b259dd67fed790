package org.talentindex.scoring.engine;

import java.util.Map;

import org.talentindex.framework.NormalisationMethod;

/**
 * Optional inputs of an evaluation. {@code previousPeriod}: values of the previous period (last-period imputation, growth formulas).
 * {@code previous}: the previous evaluation (rank change). {@code weightMultipliers}: node code -> factor applied to its weight before
 * siblings are renormalised (sensitivity analysis). {@code normalisation}: overrides the framework's normalisation method.
 */
public record EvaluationOptions(ValueTable previousPeriod, Evaluation previous, Map<String, Double> weightMultipliers,
                                NormalisationMethod normalisation) {

    public static final EvaluationOptions NONE = new EvaluationOptions(null, null, Map.of(), null);

    public EvaluationOptions withPrevious(Evaluation other) {
        return new EvaluationOptions(previousPeriod, other, weightMultipliers, normalisation);
    }

    public EvaluationOptions withPreviousPeriod(ValueTable other) {
        return new EvaluationOptions(other, previous, weightMultipliers, normalisation);
    }

    public EvaluationOptions withWeightMultipliers(Map<String, Double> other) {
        return new EvaluationOptions(previousPeriod, previous, other, normalisation);
    }

    public EvaluationOptions withNormalisation(NormalisationMethod other) {
        return new EvaluationOptions(previousPeriod, previous, weightMultipliers, other);
    }
}
