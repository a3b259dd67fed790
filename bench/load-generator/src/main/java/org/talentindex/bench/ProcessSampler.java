package org.talentindex.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time and resident memory of the processes under test, from /proc: CPU as a percentage of one core over a
 * scenario (utime + stime of /proc/PID/stat, 100 ticks per second), memory as the highest VmRSS of /proc/PID/status
 * seen while sampling twice a second. PostgreSQL is the sum of the embedded server's {@code postgres} processes
 * (private memory only: RssAnon, as the shared buffers would otherwise be counted once per backend); an external
 * PostgreSQL is not measured.
 */
final class ProcessSampler implements AutoCloseable {

    static final String POSTGRES = "postgresql";
    private static final double TICKS_PER_SECOND = 100;

    record Usage(double cpuPercent, double rssMegabytes) {
    }

    record Mark(long nanos, Map<String, Long> ticks, long[] machineTicks) {
    }

    private final Map<String, Long> pids;
    private final String postgresMarker;
    private final Map<String, Long> highestRssKb = new ConcurrentHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** {@code pids}: name to process id, in the order to report them; {@code postgresMarker}: a path in the postmaster's command line. */
    ProcessSampler(Map<String, Long> pids, String postgresMarker) {
        this.pids = new LinkedHashMap<>(pids);
        this.postgresMarker = postgresMarker;
        sampler = new Thread(this::sampleMemory, "process-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sampleMemory() {
        while (running) {
            for (String name : names()) {
                highestRssKb.merge(name, rssKb(name), Math::max);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<String> names() {
        List<String> names = new java.util.ArrayList<>(pids.keySet());
        names.add(POSTGRES);
        return names;
    }

    Mark mark() {
        highestRssKb.clear();
        Map<String, Long> ticks = new LinkedHashMap<>();
        names().forEach(name -> ticks.put(name, cpuTicks(name)));
        return new Mark(System.nanoTime(), ticks, machineTicks());
    }

    Map<String, Usage> usageSince(Mark mark) {
        double seconds = (System.nanoTime() - mark.nanos()) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        for (String name : names()) {
            long ticks = cpuTicks(name) - mark.ticks().getOrDefault(name, 0L);
            double cpu = 100 * ticks / TICKS_PER_SECOND / seconds;
            usage.put(name, new Usage(Math.max(0, cpu), Math.max(highestRssKb.getOrDefault(name, 0L), rssKb(name)) / 1024.0));
        }
        return usage;
    }

    /** Busy share of all cores since the mark, in percent of one core (so up to 100 × cores). */
    double machineBusyPercentSince(Mark mark) {
        long[] now = machineTicks();
        long busy = now[0] - mark.machineTicks()[0];
        long total = now[1] - mark.machineTicks()[1];
        return total == 0 ? 0 : 100.0 * Runtime.getRuntime().availableProcessors() * busy / total;
    }

    private long cpuTicks(String name) {
        if (name.equals(POSTGRES)) {
            return postgresPids().stream().mapToLong(ProcessSampler::cpuTicksOf).sum();
        }
        return cpuTicksOf(pids.get(name));
    }

    private long rssKb(String name) {
        if (name.equals(POSTGRES)) {
            return postgresPids().stream().mapToLong(pid -> statusField(pid, "RssAnon:")).sum();
        }
        return statusField(pids.get(name), "VmRSS:");
    }

    /** The postmaster started on our data directory (pg_ctl detaches it from this JVM) and its backends. */
    private List<Long> postgresPids() {
        List<Long> postgres = ProcessHandle.allProcesses().map(ProcessHandle::pid)
                .filter(pid -> read(Path.of("/proc", pid.toString(), "comm")).trim().equals("postgres")).toList();
        List<Long> postmasters = postgres.stream()
                .filter(pid -> read(Path.of("/proc", pid.toString(), "cmdline")).contains(postgresMarker)).toList();
        return postgres.stream().filter(pid -> postmasters.contains(pid)
                || ProcessHandle.of(pid).flatMap(ProcessHandle::parent).map(p -> postmasters.contains(p.pid())).orElse(false))
                .toList();
    }

    static long cpuTicksOf(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        int endOfName = stat.lastIndexOf(')');
        if (endOfName < 0) {
            return 0;
        }
        String[] fields = stat.substring(endOfName + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long statusField(long pid, String field) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        return 0;
    }

    /** [busy, total] jiffies of all CPUs from /proc/stat; idle and iowait count as not busy. */
    private static long[] machineTicks() {
        String[] fields = read(Path.of("/proc/stat")).split("\n")[0].trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
