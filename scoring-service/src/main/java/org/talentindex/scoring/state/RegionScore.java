package org.talentindex.scoring.state;

import java.io.Serializable;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.jpa.HibernateHints;

/** The published (rounded) result of one region in a framework-period. Levels are stored as a JSON object. */
@Entity
@Table(name = "region_score")
@IdClass(RegionScore.Id.class)
public class RegionScore extends PanacheEntityBase {

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

    public String levels;

    public static List<RegionScore> of(FrameworkPeriodKey key) {
        return find("frameworkId = ?1 and period = ?2", key.frameworkId(), key.period())
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }
}
