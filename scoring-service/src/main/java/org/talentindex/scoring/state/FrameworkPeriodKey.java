package org.talentindex.scoring.state;

import java.io.Serializable;
import java.util.regex.Pattern;

/** A framework-period: the unit of scoring, and the Kafka key {@code frameworkId/period}. */
public record FrameworkPeriodKey(String frameworkId, String period) implements Serializable {

    /** A period as every contract has it (contracts/schemas): a calendar year. */
    public static final Pattern PERIOD = Pattern.compile("[0-9]{4}");

    public static FrameworkPeriodKey parse(String kafkaKey) {
        int slash = kafkaKey.lastIndexOf('/');
        if (slash <= 0 || slash == kafkaKey.length() - 1) {
            throw new IllegalArgumentException("Not a frameworkId/period key: " + kafkaKey);
        }
        return new FrameworkPeriodKey(kafkaKey.substring(0, slash), kafkaKey.substring(slash + 1));
    }

    @Override
    public String toString() {
        return frameworkId + "/" + period;
    }
}
