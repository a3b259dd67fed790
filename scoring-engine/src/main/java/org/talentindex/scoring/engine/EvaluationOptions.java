package org.talentindex.scoring.engine;

import java.util.HashMap;
import java.util.Map;

import org.talentindex.framework.NormalisationMethod;

/**
 * Optional inputs of an evaluation. {@code earlierPeriods}: the values of the period {@code k} periods before the evaluated one, by
 * {@code k} (growth and CAGR over {@code k} years, last-period imputation with {@code k} = 1; see {@link EarlierPeriods}).
 * {@code previous}: the previous evaluation (rank change). {@code weightMultipliers}: node code -> factor applied to its weight before
 * siblings are renormalised (sensitivity analysis). {@code normalisation}: overrides the framework's normalisation method.
 */
public record EvaluationOptions(Map<Integer, ValueTable> earlierPeriods, Evaluation previous, Map<String, Double> weightMultipliers,
                                NormalisationMethod normalisation) {

    public static final EvaluationOptions NONE = new EvaluationOptions(Map.of(), null, Map.of(), null);

    /** The values of the period just before the evaluated one, null when unknown. */
    public ValueTable previousPeriod() {
        return earlierPeriods.get(1);
    }

    public EvaluationOptions withPrevious(Evaluation other) {
        return new EvaluationOptions(earlierPeriods, other, weightMultipliers, normalisation);
    }

    public EvaluationOptions withPreviousPeriod(ValueTable other) {
        Map<Integer, ValueTable> earlier = new HashMap<>(earlierPeriods);
        earlier.put(1, other);
        return withEarlierPeriods(earlier);
    }

    public EvaluationOptions withEarlierPeriods(Map<Integer, ValueTable> other) {
        return new EvaluationOptions(Map.copyOf(other), previous, weightMultipliers, normalisation);
    }

    public EvaluationOptions withWeightMultipliers(Map<String, Double> other) {
        return new EvaluationOptions(earlierPeriods, previous, other, normalisation);
    }

    public EvaluationOptions withNormalisation(NormalisationMethod other) {
        return new EvaluationOptions(earlierPeriods, previous, weightMultipliers, other);
    }
}
