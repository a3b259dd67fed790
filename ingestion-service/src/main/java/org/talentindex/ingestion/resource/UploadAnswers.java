package org.talentindex.ingestion.resource;

/** What each answer of an upload means, as both upload operations describe it in the OpenAPI document. */
final class UploadAnswers {

    static final String OK = "Every observation accepted or a duplicate: the summary (received = accepted + duplicate + rejected)";
    static final String BAD_REQUEST = "reason MALFORMED_JSON (not a JSON array or object), MALFORMED_CSV (a header that cannot "
            + "be read) or BAD_ENCODING (an unknown charset); nothing was read";
    static final String TOO_LARGE = "The body exceeds quarkus.http.limits.max-body-size, or the upload has more rows than "
            + "talentindex.ingestion.max-rows-per-upload (the summary with truncated: true; rows before the limit were processed)";
    static final String UNSUPPORTED_TYPE = "Content-Type other than application/json, text/csv, text/plain or an .xlsx workbook";
    static final String SOME_REFUSED = "Some observations refused: the summary lists each with its row and reason; the others were stored";
    static final String RETRY_LATER = "Retry-After; reason KAFKA_UNAVAILABLE, STORAGE_UNAVAILABLE (what was stored stays, "
            + "re-sending is a no-op) or BUSY (the service reads its maximum of uploads at once)";

    private UploadAnswers() {
    }
}
