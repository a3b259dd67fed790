package org.talentindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class KafkaPerfToolsTest {

    private static final String SUMMARY = "3000000 records sent, 182481.8 records/sec (34.81 MB/sec), 766.77 ms avg latency, "
            + "1888.00 ms max latency, 745 ms 50th, 1487 ms 95th, 1790 ms 99th, 1873 ms 99.9th.";

    @Test
    void theWarmRateLeavesOutTheFirstFiveSecondReport() {
        List<String> output = List.of(
                "341012 records sent, 68161.5 records/sec (13.00 MB/sec), 1415.8 ms avg latency, 1888.0 ms max latency.",
                "774377 records sent, 154473.8 records/sec (29.46 MB/sec), 996.4 ms avg latency, 1457.0 ms max latency.",
                SUMMARY);

        double warm = KafkaPerfTools.warmProducedPerSecond(output, 3_000_000, 182_481.8);

        // 2,658,988 records in 16.440 s - 5.003 s
        assertEquals(232_491, warm, 1);
    }

    @Test
    void aRunShorterThanOneReportIsWarmAsAWhole() {
        assertEquals(182_481.8, KafkaPerfTools.warmProducedPerSecond(List.of(SUMMARY), 3_000_000, 182_481.8));
    }
}
