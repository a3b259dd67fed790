package org.talentindex.framework;

import java.util.List;

/**
 * An indicator computed from others before scoring: {@code formula} over {@code inputs}, times {@code scale}.
 * Formulas: ratio (a/b), difference (a-b), sum, share-of-total (a / Σ over regions of a), growth (a_t/a_{t-years} - 1),
 * cagr ((a_t/a_{t-years})^(1/years) - 1).
 */
public record DerivedIndicator(String code, DerivedFormula formula, List<String> inputs, double scale, int years) {
}
