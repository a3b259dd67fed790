package org.talentindex.reporting.repository;

import java.io.Serializable;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A region's current published scores in a framework-period, with its rank before the last change. */
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

    public String levels;

    public static List<ReportRegion> of(String frameworkId, String period) {
        return list("frameworkId = ?1 and period = ?2", frameworkId, period);
    }
}
