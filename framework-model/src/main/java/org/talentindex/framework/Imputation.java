package org.talentindex.framework;

/** How a missing cell of a sufficiently covered region is filled. */
public enum Imputation {
    /** Left missing: aggregation uses the available siblings with their weights rescaled. */
    NONE,
    /** The indicator's mean over the regions that have a value. */
    MEAN,
    /** The indicator's mean over the region's peer group; the overall mean if the group has no value. */
    GROUP_MEAN,
    /** The region's value of the previous period, when supplied; otherwise left missing. */
    LAST_PERIOD;

    public static Imputation parse(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "mean" -> MEAN;
            case "group-mean" -> GROUP_MEAN;
            case "last-period" -> LAST_PERIOD;
            default -> throw new IllegalArgumentException("unknown imputation " + name);
        };
    }
}
