package org.talentindex.ingestion.repository;

import java.time.OffsetDateTime;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One accepted observation: a row of the append-only audit log. */
@Entity
@Table(name = "observation")
public class Observation extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "observation_seq")
    @SequenceGenerator(name = "observation_seq", sequenceName = "observation_seq", allocationSize = 1)
    public Long id;

    @Column(name = "observation_key", nullable = false, updatable = false)
    public String observationKey;

    @Column(nullable = false, updatable = false)
    public String region;

    @Column(nullable = false, updatable = false)
    public String indicator;

    @Column(nullable = false, updatable = false)
    public String period;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(name = "value_received", nullable = false, updatable = false)
    public double valueReceived;

    @Column(name = "unit_received", nullable = false, updatable = false)
    public String unitReceived;

    @Column(name = "canonical_value", nullable = false, updatable = false)
    public double canonicalValue;

    @Column(name = "canonical_unit", nullable = false, updatable = false)
    public String canonicalUnit;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(nullable = false, updatable = false)
    public String sender;

    @Column(name = "received_at", nullable = false, updatable = false)
    public OffsetDateTime receivedAt;
}
