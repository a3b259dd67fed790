package org.talentindex.scoring.engine.coupling;

import org.talentindex.framework.LocalizedName;

/** The 10-grade coupling-coordination scale: D in [0, 0.1) is grade 1, ..., [0.9, 1] is grade 10. */
public enum CoordinationGrade {
    EXTREME_IMBALANCE("极度失调", "extreme imbalance"),
    SEVERE_IMBALANCE("严重失调", "severe imbalance"),
    MODERATE_IMBALANCE("中度失调", "moderate imbalance"),
    MILD_IMBALANCE("轻度失调", "mild imbalance"),
    VERGE_OF_IMBALANCE("濒临失调", "on the verge of imbalance"),
    BARELY_COORDINATED("勉强协调", "barely coordinated"),
    PRIMARY_COORDINATION("初级协调", "primary coordination"),
    INTERMEDIATE_COORDINATION("中级协调", "intermediate coordination"),
    GOOD_COORDINATION("良好协调", "good coordination"),
    HIGH_QUALITY_COORDINATION("优质协调", "high-quality coordination");

    private final LocalizedName names;

    CoordinationGrade(String zh, String en) {
        this.names = new LocalizedName(zh, en);
    }

    public LocalizedName names() {
        return names;
    }

    /** 1..10. */
    public int level() {
        return ordinal() + 1;
    }

    /** The 1e-12 gives a D that is a boundary up to rounding noise (0.7 computed as 0.6999999999999999) the upper grade. */
    public static CoordinationGrade of(double coordination) {
        int index = (int) Math.floor(coordination * 10 + 1e-12);
        return values()[Math.max(0, Math.min(9, index))];
    }
}
