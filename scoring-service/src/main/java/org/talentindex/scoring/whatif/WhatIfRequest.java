package org.talentindex.scoring.whatif;

import java.util.List;

/**
 * A framework (by id, or an inline YAML definition) and a values table to evaluate without storing anything. With a
 * {@code period}, the stored earlier periods of the framework take part as in the live scores (growth, CAGR, last-period
 * imputation) and each region's rank is compared with the previous stored period.
 */
public record WhatIfRequest(String framework, String definition, String period, List<Cell> values) {

    public record Cell(String region, String indicator, Double value) {
    }
}
