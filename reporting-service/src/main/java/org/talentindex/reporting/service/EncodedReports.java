package org.talentindex.reporting.service;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;

import jakarta.enterprise.context.ApplicationScoped;
import org.talentindex.reporting.repository.Report;
import org.talentindex.reporting.repository.StoredDocument;

/**
 * The report documents as served over HTTP, encoded (UTF-8, and gzip once per version) and kept in memory. A request
 * reads only the current version from the database and loads the document again only when that version is not the one
 * in memory, so several instances serve the same versions whichever of them consumed the update.
 */
@ApplicationScoped
public class EncodedReports {

    public record Encoded(long version, byte[] json, byte[] gzip) {
    }

    private final Map<Report.Id, Encoded> documents = new ConcurrentHashMap<>();

    public Optional<Encoded> current(String frameworkId, String period) {
        Report.Id id = new Report.Id(frameworkId, period);
        Optional<Long> version = Report.currentVersion(frameworkId, period);
        if (version.isEmpty()) {
            return Optional.empty();
        }
        Encoded cached = documents.get(id);
        if (cached != null && cached.version() == version.get()) {
            return Optional.of(cached);
        }
        Report report = Report.find(frameworkId, period);
        Encoded encoded = encode(report);
        documents.merge(id, encoded, (old, next) -> next.version() >= old.version() ? next : old);
        return Optional.of(encoded);
    }

    private static Encoded encode(Report report) {
        byte[] json = report.document.getBytes(StandardCharsets.UTF_8);
        return new Encoded(report.version, json, StoredDocument.gzip(json, Deflater.DEFAULT_COMPRESSION));
    }
}
