package org.talentindex.scoring.state;

import java.io.Serializable;
import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The last published version of a framework-period. */
@Entity
@Table(name = "framework_period")
@IdClass(FrameworkPeriod.Id.class)
public class FrameworkPeriod extends PanacheEntityBase {

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

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static FrameworkPeriod find(FrameworkPeriodKey key) {
        return findById(new Id(key.frameworkId(), key.period()));
    }
}
