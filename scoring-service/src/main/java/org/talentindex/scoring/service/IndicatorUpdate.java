package org.talentindex.scoring.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;

import org.talentindex.scoring.state.FrameworkPeriodKey;

/**
 * An indicator-updates event (contracts/schemas/indicator-update.schema.json). Construction enforces the schema's
 * constraints, so a record that binds is a valid one.
 */
public record IndicatorUpdate(String updateId, String frameworkId, String period, String region, String indicator,
                              double value, String unit, int revision, String source, String receivedAt) {

    public IndicatorUpdate {
        requireText(updateId, "updateId");
        requireText(frameworkId, "frameworkId");
        requireText(region, "region");
        requireText(indicator, "indicator");
        if (period == null || !FrameworkPeriodKey.PERIOD.matcher(period).matches()) {
            throw new IllegalArgumentException("period must be four digits: " + period);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be a finite number");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1: " + revision);
        }
        if (unit == null || source == null || receivedAt == null) {
            throw new IllegalArgumentException("unit, source and receivedAt are required");
        }
    }

    /** Binds indicator-updates as the contract has them: every property present, numbers as numbers, nothing coerced. */
    public static ObjectReader reader(ObjectMapper json) {
        ObjectMapper strict = json.copy();
        strict.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return strict.readerFor(IndicatorUpdate.class).with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);
    }

    public FrameworkPeriodKey key() {
        return new FrameworkPeriodKey(frameworkId, period);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }
}
