package org.talentindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimelineTest {

    @TempDir
    Path directory;

    @Test
    void scenariosAppendTheirObservationsUnderOneHeaderWithWallClockTimesAndLatencies() throws Exception {
        Path file = directory.resolve("timeline.csv");
        long produced = System.nanoTime();
        Timeline first = new Timeline();
        first.record(Timeline.Stage.FORWARDED, produced, produced + 31_250_000);
        first.record(Timeline.Stage.REFLECTED, produced, produced + 104_000_000);
        Timeline second = new Timeline();
        second.record(Timeline.Stage.SCORED, produced, produced + 2_000_000);

        first.appendTo(file, "latency at 1000/s, rehearsal");
        second.appendTo(file, "trickle");

        assertEquals("scenario,stage,produced_at,latency_ms", Files.readAllLines(file).get(0));
        List<Map<String, String>> rows = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(file.toFile()).readAll();
        assertEquals(List.of("latency at 1000/s, rehearsal", "latency at 1000/s, rehearsal", "trickle"),
                rows.stream().map(row -> row.get("scenario")).toList());
        assertEquals(List.of("forwarded", "reflected", "scored"), rows.stream().map(row -> row.get("stage")).toList());
        assertEquals(List.of("31.250", "104.000", "2.000"), rows.stream().map(row -> row.get("latency_ms")).toList());
        Instant producedAt = Instant.parse(rows.get(0).get("produced_at"));
        assertTrue(Duration.between(producedAt, Instant.now()).abs().toSeconds() < 60, producedAt.toString());
        assertEquals(1, rows.stream().map(row -> row.get("produced_at")).distinct().count());
    }
}
