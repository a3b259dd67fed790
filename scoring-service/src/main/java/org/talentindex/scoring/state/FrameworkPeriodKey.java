package org.talentindex.scoring.state;

import java.io.Serializable;

/** A framework-period: the unit of scoring, and the Kafka key {@code frameworkId/period}. */
public record FrameworkPeriodKey(String frameworkId, String period) implements Serializable {

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
