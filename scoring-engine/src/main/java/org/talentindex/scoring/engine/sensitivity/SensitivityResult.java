package org.talentindex.scoring.engine.sensitivity;

import java.util.List;

/** Rank intervals of every ranked region, best nominal rank first. */
public record SensitivityResult(String frameworkId, SensitivitySettings settings, List<RankInterval> intervals) {

    public RankInterval region(String code) {
        return intervals.stream().filter(i -> i.region().equals(code)).findFirst().orElseThrow();
    }
}
