package org.talentindex.scoring.state;

import java.io.Serializable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Where consumption of a partition resumes; stored with the state it produced (offsets in the database). */
@Entity
@Table(name = "consumer_offset")
@IdClass(ConsumerOffset.Id.class)
public class ConsumerOffset extends PanacheEntityBase {

    public record Id(String topic, int partition) implements Serializable {
        public Id() {
            this(null, 0);
        }
    }

    @jakarta.persistence.Id
    public String topic;

    @jakarta.persistence.Id
    @Column(name = "partition_no")
    public int partition;

    @Column(name = "next_offset")
    public long nextOffset;
}
