package org.talentindex.scoring.service;

import org.talentindex.scoring.state.FrameworkPeriodKey;

/** An indicator-updates event (contracts/schemas/indicator-update.schema.json). */
public record IndicatorUpdate(String updateId, String frameworkId, String period, String region, String indicator,
                              double value, String unit, int revision, String source, String receivedAt) {

    public FrameworkPeriodKey key() {
        return new FrameworkPeriodKey(frameworkId, period);
    }
}
