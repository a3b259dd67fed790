package org.talentindex.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * When each observation of a paced scenario was produced and how long it took to reach each stage the watcher sees:
 * whether a latency tail is one stall, one stage, or the start of the scenario shows only over time. Appended to a CSV
 * file with one row per observation and stage.
 */
final class Timeline {

    /** Forwarded by ingestion (indicator-updates), scored (score-updates), reflected where the scenario ends. */
    enum Stage {
        FORWARDED, SCORED, REFLECTED
    }

    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("scenario").addColumn("stage").addColumn("produced_at").addColumn("latency_ms").build();

    /** Added to {@link System#nanoTime()}, nanoseconds since the epoch; one for the run, so scenarios line up. */
    private static final long EPOCH_OFFSET_NANOS = System.currentTimeMillis() * 1_000_000 - System.nanoTime();
    private long[] producedNanos = new long[1024];
    private long[] latencyNanos = new long[1024];
    private Stage[] stages = new Stage[1024];
    private int count;

    synchronized void record(Stage stage, long producedNanos, long reachedNanos) {
        if (count == stages.length) {
            this.producedNanos = Arrays.copyOf(this.producedNanos, count * 2);
            latencyNanos = Arrays.copyOf(latencyNanos, count * 2);
            stages = Arrays.copyOf(stages, count * 2);
        }
        this.producedNanos[count] = producedNanos;
        latencyNanos[count] = reachedNanos - producedNanos;
        stages[count++] = stage;
    }

    /** Appends the rows in the order recorded, with a header when the file is new. */
    synchronized void appendTo(Path file, String scenario) throws IOException {
        boolean header = !Files.exists(file);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             SequenceWriter rows = CSV.writer(header ? SCHEMA.withHeader() : SCHEMA).writeValues(out)) {
            for (int i = 0; i < count; i++) {
                String producedAt = Instant.ofEpochSecond(0, producedNanos[i] + EPOCH_OFFSET_NANOS).toString();
                String latencyMillis = String.format(Locale.ROOT, "%.3f", latencyNanos[i] / 1e6);
                rows.write(new Object[] {scenario, stages[i].name().toLowerCase(Locale.ROOT), producedAt, latencyMillis});
            }
        }
    }
}
