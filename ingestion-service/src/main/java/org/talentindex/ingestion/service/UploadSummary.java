package org.talentindex.ingestion.service;

import java.util.ArrayList;
import java.util.List;

/** The answer to a bulk upload: counts that add up to the rows received, and every row that was not accepted. */
public class UploadSummary {

    public long received;
    public long accepted;
    public long duplicate;
    public long rejected;
    public final List<RowOutcome> problems = new ArrayList<>();

    public void add(RowOutcome outcome) {
        received++;
        switch (outcome.status()) {
            case ACCEPTED -> accepted++;
            case DUPLICATE -> duplicate++;
            case REJECTED -> {
                rejected++;
                problems.add(outcome);
            }
        }
    }
}
