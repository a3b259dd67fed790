package org.talentindex.reporting.repository;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The latest report document of a framework-period, with the analyses it is built from besides the regions' scores. */
@Entity
@Table(name = "report")
@IdClass(Report.Id.class)
public class Report extends PanacheEntityBase {

    public record Id(String frameworkId, String period) implements Serializable {
        public Id() {
            this(null, null);
        }
    }

    @jakarta.persistence.Id
    @Column(name = "framework_id")
    public String frameworkId;

    @jakarta.persistence.Id
    public String period;

    public long version;

    @Column(name = "generated_at")
    public OffsetDateTime generatedAt;

    @Convert(converter = StoredDocument.class)
    public String document;

    /** The latest rank intervals (the score-updates sensitivity object plus the version that carried it), JSON. */
    public String sensitivity;

    /** The attribution of the latest version that had any: version, cause and per region the contributions, JSON. */
    @Column(name = "latest_change")
    public String latestChange;

    /** The evaluation's warnings of the latest version that carried them (JSON array), or null. */
    public String warnings;

    public static Report find(String frameworkId, String period) {
        return findById(new Id(frameworkId, period));
    }

    /** The report as a plain object (changing it changes nothing in the database); null when there is none. */
    public static Report detached(Id id) {
        Report report = findById(id);
        if (report != null) {
            getEntityManager().detach(report);
        }
        return report;
    }

    /** A report without its document. */
    public record Summary(String frameworkId, String period, long version, OffsetDateTime generatedAt) {
    }

    public static List<Summary> summaries() {
        return getEntityManager().createQuery("select new org.talentindex.reporting.repository.Report$Summary("
                + "r.frameworkId, r.period, r.version, r.generatedAt) from Report r order by r.frameworkId, r.period", Summary.class)
                .getResultList();
    }

    /** The version alone, without loading the document. */
    public static Optional<Long> currentVersion(String frameworkId, String period) {
        return getEntityManager()
                .createQuery("select r.version from Report r where r.frameworkId = ?1 and r.period = ?2", Long.class)
                .setParameter(1, frameworkId).setParameter(2, period).getResultStream().findFirst();
    }

}
