package org.talentindex.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads scoring-service's {@code scoring.recompute} timer (count and total seconds) from its Prometheus endpoint. */
final class RecomputeTimer {

    private static final Pattern COUNT = Pattern.compile("(?m)^scoring_recompute_seconds_count(?:\\{[^}]*})? ([0-9.Ee+-]+)$");
    private static final Pattern SUM = Pattern.compile("(?m)^scoring_recompute_seconds_sum(?:\\{[^}]*})? ([0-9.Ee+-]+)$");

    record Reading(double count, double seconds) {

        Reading since(Reading earlier) {
            return new Reading(count - earlier.count, seconds - earlier.seconds);
        }

        double meanMillis() {
            return count == 0 ? Double.NaN : seconds * 1000 / count;
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI metrics;

    RecomputeTimer(String managementUrl) {
        this.metrics = URI.create(managementUrl + "/q/metrics");
    }

    Reading read() throws IOException, InterruptedException {
        String body = client.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return new Reading(value(COUNT, body), value(SUM, body));
    }

    private static double value(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
