package org.talentindex.scoring.state;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An event stored with the state change that caused it, waiting for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", sequenceName = "outbox_event_seq", allocationSize = 50)
    public Long id;

    public String topic;

    @Column(name = "event_key")
    public String key;

    public String payload;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static List<OutboxEvent> oldest(int limit) {
        return findAll(Sort.by("id")).page(Page.ofSize(limit)).list();
    }
}
