package org.talentindex.scoring.engine;

import org.talentindex.scoring.engine.coupling.CouplingCoordination;
import org.talentindex.scoring.engine.deviation.StructureDeviation;
import org.talentindex.framework.Framework;

/**
 * Full evaluation of a framework on one period's values. Composite and early-warning frameworks give the composite score;
 * structure-deviation frameworks give the total deviation Σ|d_i| (rank 1 = smallest deviation, sector d_i as level scores);
 * coupling-coordination frameworks give the coordination degree D (subsystem indices as level scores).
 */
public final class FrameworkEvaluator {

    private FrameworkEvaluator() {
    }

    public static Evaluation evaluate(Framework framework, ValueTable values) {
        return evaluate(framework, values, EvaluationOptions.NONE);
    }

    public static Evaluation evaluate(Framework framework, ValueTable values, EvaluationOptions options) {
        return switch (framework.kind()) {
            case COMPOSITE, EARLY_WARNING -> composite(framework, values, options);
            case STRUCTURE_DEVIATION -> StructureDeviation.evaluation(framework, values, options);
            case COUPLING_COORDINATION -> CouplingCoordination.evaluation(framework, values, options);
        };
    }

    /** The composite of the framework's hierarchy, whatever its method (coupling uses it for its subsystems). */
    public static Evaluation composite(Framework framework, ValueTable values, EvaluationOptions options) {
        ScoringState state = CompositePipeline.load(framework, values, options);
        CompositePipeline.screen(state);
        for (int j = 0; j < state.indicatorCount(); j++) {
            CompositePipeline.prepareAndNormalise(state, j);
        }
        CompositePipeline.aggregate(state);
        return ResultPublisher.publish(state, false);
    }
}
