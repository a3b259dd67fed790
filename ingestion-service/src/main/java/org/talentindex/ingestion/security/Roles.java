package org.talentindex.ingestion.security;

/** What an API client may do. */
public final class Roles {

    /** May upload observations. */
    public static final String UPLOADER = "uploader";
    /** May read the audit log (every stored revision). */
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
