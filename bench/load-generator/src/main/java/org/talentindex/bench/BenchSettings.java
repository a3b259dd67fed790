package org.talentindex.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What to run, from {@code --name=value} arguments; every figure has a default that keeps the suite under 10 minutes. */
record BenchSettings(int regions, int indicators, int periods, int warmUpSeconds, int sustainedSeconds, int backlogLimit, int latencyRate,
                     int latencySeconds, int trickleRate, int trickleSeconds, long rawRecords, boolean endToEnd, boolean scoringOnly,
                     int largeRegions, int largeIndicators, int largeSeconds, int drainTimeoutSeconds, boolean ingestionOnly,
                     int ingestionBacklog, int csvRows, int singleCellRate, int singleCellSeconds, Path output) {

    static BenchSettings from(String[] arguments, Path projectHome) {
        Map<String, String> given = new HashMap<>();
        for (String argument : arguments) {
            if (!argument.startsWith("--") || !argument.contains("=")) {
                throw new IllegalArgumentException("Arguments are --name=value, not " + argument);
            }
            given.put(argument.substring(2, argument.indexOf('=')), argument.substring(argument.indexOf('=') + 1));
        }
        Settings s = new Settings(given);
        BenchSettings settings = new BenchSettings(
                s.number("regions", 300), s.number("indicators", 24), s.number("periods", 2),
                s.number("warm-up-seconds", 120), s.number("sustained-seconds", 20), s.number("backlog", 10_000),
                s.number("latency-rate", 1000), s.number("latency-seconds", 15),
                s.number("trickle-rate", 20), s.number("trickle-seconds", 15),
                s.number("raw-records", 3_000_000), Boolean.parseBoolean(s.text("end-to-end", "true")),
                Boolean.parseBoolean(s.text("scoring-only", "true")),
                s.number("large-regions", 3000), s.number("large-indicators", 100), s.number("large-seconds", 15),
                s.number("drain-timeout-seconds", 50), Boolean.parseBoolean(s.text("ingestion-only", "false")),
                s.number("ingestion-backlog", 1_000_000), s.number("csv-rows", 1_000_000),
                s.number("single-cell-rate", 20), s.number("single-cell-seconds", 10),
                Path.of(s.text("output", projectHome.resolve("bench/results").toString())));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown settings: " + given.keySet());
        }
        return settings;
    }

    private static final class Settings {
        private final Map<String, String> given;

        Settings(Map<String, String> given) {
            this.given = given;
        }

        int number(String name, int fallback) {
            String value = given.remove(name);
            return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
        }

        String text(String name, String fallback) {
            String value = given.remove(name);
            return value == null ? fallback : value;
        }
    }
}
