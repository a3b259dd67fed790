package org.talentindex.bench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.talentindex.scoring.engine.ValueTable;
import org.talentindex.framework.Dimension;
import org.talentindex.framework.Direction;
import org.talentindex.framework.Framework;
import org.talentindex.framework.Indicator;
import org.talentindex.framework.LocalizedName;
import org.talentindex.framework.MeasureType;
import org.talentindex.framework.ValueRange;
import org.talentindex.framework.Weighting;
import org.talentindex.framework.WeightingMethod;

/** Seeded synthetic frameworks and values for the benchmarks. */
final class SyntheticFrameworks {

    private SyntheticFrameworks() {
    }

    /** {@code dimensions} x {@code perDimension} indicators, every fifth one "-", entropy weights at every level. */
    static Framework entropyWeighted(int dimensions, int perDimension) {
        List<Dimension> nodes = new ArrayList<>();
        for (int d = 0; d < dimensions; d++) {
            List<Indicator> indicators = new ArrayList<>();
            for (int i = 0; i < perDimension; i++) {
                String code = "i" + (d * perDimension + i);
                indicators.add(new Indicator(code, new LocalizedName(code, code), "", i % 5 == 4 ? Direction.NEGATIVE : Direction.POSITIVE,
                        MeasureType.CONTINUOUS, ValueRange.UNBOUNDED));
            }
            nodes.add(new Dimension("d" + d, new LocalizedName("d" + d, "d" + d), List.of(), indicators));
        }
        return Framework.composite("synthetic-entropy", nodes).withWeighting(new Weighting(WeightingMethod.ENTROPY, Weighting.DEFAULT_ENTROPY_SHIFT));
    }

    static ValueTable values(Framework framework, int regions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ValueTable table = new ValueTable();
        for (int r = 0; r < regions; r++) {
            String region = String.format("region-%05d", r);
            for (Indicator indicator : framework.indicators()) {
                table.put(region, indicator.code(), 1000 * random.nextDouble());
            }
        }
        return table;
    }
}
