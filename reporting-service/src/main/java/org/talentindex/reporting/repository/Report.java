package org.talentindex.reporting.repository;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The latest report document of a framework-period. */
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

    public String document;

    public static Report find(String frameworkId, String period) {
        return findById(new Id(frameworkId, period));
    }

    public static List<Report> allReports() {
        return listAll(Sort.by("frameworkId").and("period"));
    }
}
