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

/** The current value of one region x indicator cell of a framework-period. */
@Entity
@Table(name = "cell_value")
@IdClass(CellValue.Id.class)
public class CellValue extends PanacheEntityBase {

    public record Id(String frameworkId, String period, String region, String indicator) implements Serializable {
        public Id() {
            this(null, null, null, null);
        }
    }

    @jakarta.persistence.Id
    @Column(name = "framework_id")
    public String frameworkId;

    @jakarta.persistence.Id
    public String period;

    @jakarta.persistence.Id
    public String region;

    @jakarta.persistence.Id
    public String indicator;

    public double value;

    public int revision;

    public String source;

    @Column(name = "update_id")
    public String updateId;

    public static List<CellValue> of(FrameworkPeriodKey key) {
        return find("frameworkId = ?1 and period = ?2", key.frameworkId(), key.period())
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
    }
}
