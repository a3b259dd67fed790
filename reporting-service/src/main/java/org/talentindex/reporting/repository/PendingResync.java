package org.talentindex.reporting.repository;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A framework-period that received a version beyond the next one and waits for scoring's full state. */
@Entity
@Table(name = "pending_resync")
@IdClass(Report.Id.class)
public class PendingResync extends PanacheEntityBase {

    @jakarta.persistence.Id
    @Column(name = "framework_id")
    public String frameworkId;

    @jakarta.persistence.Id
    public String period;

    /** The highest version received: the resync must reach at least this one. */
    @Column(name = "received_version")
    public long receivedVersion;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    public static PendingResync find(String frameworkId, String period) {
        return findById(new Report.Id(frameworkId, period));
    }
}
