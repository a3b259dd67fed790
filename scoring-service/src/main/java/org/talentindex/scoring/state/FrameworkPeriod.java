package org.talentindex.scoring.state;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.LockModeType;
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

    /** The published rank intervals (score-updates' {@code sensitivity} object), or null. */
    public String sensitivity;

    /** The evaluation's warnings as last published (JSON array), or null before any. */
    public String warnings;

    /** {@link #warnings} read: empty before any were published. */
    public List<String> publishedWarnings(ObjectMapper json) {
        try {
            return warnings == null ? List.of() : List.of(json.readValue(warnings, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored warnings of " + frameworkId + "/" + period, e);
        }
    }

    /** The version whose values the stored intervals were last checked against. */
    @Column(name = "sensitivity_version")
    public long sensitivityVersion;

    public static FrameworkPeriod find(FrameworkPeriodKey key) {
        return findById(new Id(key.frameworkId(), key.period()));
    }

    public static FrameworkPeriod findForUpdate(FrameworkPeriodKey key) {
        return findById(new Id(key.frameworkId(), key.period()), LockModeType.PESSIMISTIC_WRITE);
    }

    /** The first stored period of the same framework after the given one. */
    public static Optional<FrameworkPeriodKey> nextStored(FrameworkPeriodKey key) {
        return FrameworkPeriod.<FrameworkPeriod>find("frameworkId = ?1 and period > ?2 order by period", key.frameworkId(), key.period())
                .firstResultOptional().map(row -> new FrameworkPeriodKey(row.frameworkId, row.period));
    }

    /** The last stored period of the same framework before the given one. */
    public static Optional<FrameworkPeriodKey> previousStored(FrameworkPeriodKey key) {
        return FrameworkPeriod.<FrameworkPeriod>find("frameworkId = ?1 and period < ?2 order by period desc", key.frameworkId(), key.period())
                .firstResultOptional().map(row -> new FrameworkPeriodKey(row.frameworkId, row.period));
    }

    /** Framework-periods whose scores moved since their intervals were checked, and then stayed still since {@code settledBefore}. */
    public static List<FrameworkPeriodKey> withStaleIntervals(OffsetDateTime settledBefore) {
        return FrameworkPeriod.<FrameworkPeriod>list("version > sensitivityVersion and updatedAt < ?1", settledBefore).stream()
                .map(row -> new FrameworkPeriodKey(row.frameworkId, row.period)).toList();
    }
}
