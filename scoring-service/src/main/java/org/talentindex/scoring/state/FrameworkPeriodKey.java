package org.talentindex.scoring.state;

import java.io.Serializable;
import java.util.Comparator;
import java.util.regex.Pattern;

/** A framework-period: the unit of scoring, written {@code frameworkId/period} (the key of index-reports). */
public record FrameworkPeriodKey(String frameworkId, String period) implements Serializable {

    /** A period as every contract has it (contracts/schemas): a calendar year. */
    public static final Pattern PERIOD = Pattern.compile("[0-9]{4}");

    /** By framework, then period. */
    public static final Comparator<FrameworkPeriodKey> ORDER = Comparator.comparing(FrameworkPeriodKey::frameworkId)
            .thenComparing(FrameworkPeriodKey::period);

    /** The same framework, {@code periods} later (earlier when negative). */
    public FrameworkPeriodKey plusPeriods(int periods) {
        return new FrameworkPeriodKey(frameworkId, String.format("%04d", Integer.parseInt(period) + periods));
    }

    @Override
    public String toString() {
        return frameworkId + "/" + period;
    }
}
