package org.talentindex.reporting.repository;

import java.io.Serializable;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A region's current published scores in a framework-period, with its rank before the version that last changed it. */
@Entity
@Table(name = "report_region")
@IdClass(ReportRegion.Id.class)
public class ReportRegion extends PanacheEntityBase {

    public record Id(String frameworkId, String period, String region) implements Serializable {
        public Id() {
            this(null, null, null);
        }
    }

    @jakarta.persistence.Id
    @Column(name = "framework_id")
    public String frameworkId;

    @jakarta.persistence.Id
    public String period;

    @jakarta.persistence.Id
    public String region;

    public String status;

    public Double score;

    public int rank;

    @Column(name = "previous_rank")
    public Integer previousRank;

    @Column(name = "changed_version")
    public Long changedVersion;

    public String levels;

    public boolean isRanked() {
        return rank > 0;
    }

    public static List<ReportRegion> of(String frameworkId, String period) {
        return list("frameworkId = ?1 and period = ?2", frameworkId, period);
    }

    /** The regions of a framework-period as plain objects: changing them changes nothing in the database. */
    public static List<ReportRegion> detachedOf(String frameworkId, String period) {
        List<ReportRegion> rows = of(frameworkId, period);
        rows.forEach(getEntityManager()::detach);
        return rows;
    }

    public static List<ReportRegion> history(String frameworkId, String region) {
        return list("frameworkId = ?1 and region = ?2", Sort.by("period"), frameworkId, region);
    }

    /** A region's rank and score in a period, read without managing the entity. */
    public record PeriodScore(String period, String region, int rank, Double score) {

        public boolean isRanked() {
            return rank > 0;
        }
    }
}
