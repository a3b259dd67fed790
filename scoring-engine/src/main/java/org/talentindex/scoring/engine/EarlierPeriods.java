package org.talentindex.scoring.engine;

import java.util.SortedSet;
import java.util.TreeSet;

import org.talentindex.framework.DerivedFormula;
import org.talentindex.framework.DerivedIndicator;
import org.talentindex.framework.Framework;
import org.talentindex.framework.Imputation;

/** Which earlier periods a framework's evaluation reads: growth and CAGR over their years, last-period imputation one period back. */
public final class EarlierPeriods {

    private EarlierPeriods() {
    }

    /** The distances {@code k} (in periods) of the earlier periods an evaluation needs; empty when each period stands alone. */
    public static SortedSet<Integer> needed(Framework framework) {
        SortedSet<Integer> back = new TreeSet<>();
        for (DerivedIndicator derived : framework.derived()) {
            if (derived.formula() == DerivedFormula.GROWTH || derived.formula() == DerivedFormula.CAGR) {
                back.add(derived.years());
            }
        }
        if (framework.missingData().imputation() == Imputation.LAST_PERIOD) {
            back.add(1);
        }
        return back;
    }
}
