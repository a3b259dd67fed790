package org.talentindex.ingestion.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a bulk upload: counts that add up to the observations received, and the rows that were not accepted
 * (the first {@value #MAX_PROBLEMS_LISTED}; the counts always cover all).
 */
public class UploadSummary {

    static final int MAX_PROBLEMS_LISTED = 10_000;

    public long received;
    public long accepted;
    public long duplicate;
    public long rejected;
    /** True when the upload had more rows than allowed and the rest was not read. */
    public boolean truncated;
    public final List<RowOutcome> problems = new ArrayList<>();

    public void add(RowOutcome outcome) {
        received++;
        switch (outcome.status()) {
            case ACCEPTED -> accepted++;
            case DUPLICATE -> duplicate++;
            case REJECTED -> {
                rejected++;
                if (problems.size() < MAX_PROBLEMS_LISTED) {
                    problems.add(outcome);
                }
            }
        }
    }
}
