package org.talentindex.deploy.validation;

import java.util.ArrayList;
import java.util.List;

/** What is wrong with a rendered overlay, one sentence per finding. */
public final class Violations {

    private final List<String> findings = new ArrayList<>();

    void add(String finding) {
        findings.add(finding);
    }

    public List<String> all() {
        return List.copyOf(findings);
    }

    public boolean any(String fragment) {
        return findings.stream().anyMatch(finding -> finding.contains(fragment));
    }

    @Override
    public String toString() {
        return findings.isEmpty() ? "no violations" : String.join("\n", findings);
    }
}
