package org.talentindex.security;

import java.util.Set;

/** What an API client may do. */
public final class Roles {

    /** May upload observations (ingestion). */
    public static final String UPLOADER = "uploader";
    /** May read the audit log, every stored revision (ingestion). */
    public static final String AUDITOR = "auditor";
    /** May rebuild scores and reload frameworks (scoring). */
    public static final String OPERATOR = "operator";
    /** May compute what-if scores and scenarios (scoring). */
    public static final String ANALYST = "analyst";

    public static final Set<String> ALL = Set.of(UPLOADER, AUDITOR, OPERATOR, ANALYST);

    private Roles() {
    }
}
