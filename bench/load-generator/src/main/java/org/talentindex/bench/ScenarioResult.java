package org.talentindex.bench;

import java.util.Map;

/** The figures of one scenario; latencies in milliseconds, throughput in observations (or updates) per second. */
record ScenarioResult(String name, String stage, String framework, String pattern, int targetRate, long produced,
                      long reflected, double seconds, double throughput, double p50, double p95, double p99, double max,
                      double forwardedP50, double forwardedP99, double scoredP50, double scoredP99, String verified, Map<String, ProcessSampler.Usage> usage, double machineBusyPercent) {
}
