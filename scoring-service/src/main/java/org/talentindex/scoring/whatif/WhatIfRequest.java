package org.talentindex.scoring.whatif;

import java.util.List;

/** A framework (by id, or an inline YAML definition) and a values table to evaluate without storing anything. */
public record WhatIfRequest(String framework, String definition, List<Cell> values) {

    public record Cell(String region, String indicator, Double value) {
    }
}
