package org.talentindex.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo: starts the whole platform on this machine, loads the sample data sets, prints the rankings and the
 * addresses to open, and runs until Ctrl-C, when it stops every service and the brokers cleanly.
 */
public final class LocalStack {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIRST_REPORT = "jjj-talent-development/2022";
    private static final int SHOWN_ROWS = 10;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private LocalStack() {
    }

    /** Held while this stack runs, so that a second demo on the same data refuses to start instead of corrupting it. */
    private static FileChannel runningLock;

    /** The open lock file of the working directory, held until this process ends; null when another process holds it. */
    private static FileChannel lockOf(Path work) throws IOException {
        Files.createDirectories(work);
        FileChannel channel = FileChannel.open(work.resolve("running.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            return null;
        }
        return channel;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/local-stack").toAbsolutePath();
        runningLock = lockOf(work);
        if (runningLock == null) {
            System.err.println("A demo is already running with its data in " + work + ": stop it first (Ctrl-C where it runs).");
            System.exit(1);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Stack stack = Stack.start(work, LocalStack::progress);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            progress("Stopping services, Kafka and PostgreSQL");
            stack.close();
            progress("Stopped");
            stopped.countDown();
        }, "local-stack-stop"));

        String ingestion = stack.service("ingestion-service").url();
        String reporting = stack.service("reporting-service").url();
        int rejected = 0;
        for (SampleData.Sample sample : SampleData.load(stack.home().resolve("frameworks"))) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ingestion + "/api/observations"))
                    .header("Content-Type", "text/csv; charset=UTF-8").header("X-API-Key", stack.apiKey())
                    .POST(HttpRequest.BodyPublishers.ofString(sample.csv())).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode summary = JSON.readTree(response.body());
            rejected += summary.path("rejected").asInt();
            progress(String.format("Sample %-32s %5d rows: %5d accepted, %d duplicate, %d rejected%s", sample.frameworkId(),
                    summary.path("received").asInt(), summary.path("accepted").asInt(), summary.path("duplicate").asInt(),
                    summary.path("rejected").asInt(), summary.path("rejected").asInt() > 0 ? "; first: " + summary.path("problems").path(0) : ""));
        }
        progress(rejected == 0 ? "Every sample row accepted" : rejected + " sample rows rejected (see above)");
        awaitReport(reporting + "/api/reports/" + FIRST_REPORT, Duration.ofMinutes(2));
        progress("First ranking ready");
        Thread.sleep(5000); // let the other samples' reports settle
        Map<String, String> latestPeriods = new TreeMap<>();
        for (JsonNode summary : JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(reporting + "/api/reports")).build(),
                HttpResponse.BodyHandlers.ofString()).body())) {
            latestPeriods.merge(summary.path("frameworkId").asText(), summary.path("period").asText(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        for (Map.Entry<String, String> latest : latestPeriods.entrySet()) {
            printRanking(awaitReport(reporting + "/api/reports/" + latest.getKey() + "/" + latest.getValue(), Duration.ofSeconds(10)));
        }
        printWhereToGo(stack, work);
        stopped.await();
    }

    private static void printWhereToGo(Stack stack, Path work) {
        String ingestion = stack.service("ingestion-service").url();
        String reporting = stack.service("reporting-service").url();
        System.out.println();
        System.out.println("Open in a browser:");
        System.out.printf("  rankings and reports  %s/%n", reporting);
        for (String service : Stack.SERVICES) {
            String management = stack.service(service).managementUrl();
            System.out.printf("  %-21s %s   swagger-ui %s/q/swagger-ui   health %s/q/health   metrics %s/q/metrics%n",
                    service, stack.service(service).url(), management, management, management);
        }
        System.out.println();
        System.out.printf("API key of this run (X-API-Key): %s%n", stack.apiKey());
        System.out.println("  (in swagger-ui: Authorize with it, then Try it out sends to the service's API port)");
        System.out.println("Upload your own figures:");
        System.out.printf("  curl -H 'X-API-Key: %s' -H 'Content-Type: text/csv' --data-binary @frameworks/samples/jjj-talent-development.csv %s/api/observations%n",
                stack.apiKey(), ingestion);
        System.out.printf("Reports as JSON: %s/api/reports    live changes (SSE): %s/api/reports/changes%n", reporting, reporting);
        System.out.printf("Kafka: %s (topics indicator-observations, index-reports, ...)%n", stack.bootstrapServers());
        System.out.printf("Logs: %s%n", work);
        System.out.println("Press Ctrl-C to stop.");
    }

    private static JsonNode awaitReport(String url, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body());
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("No report at " + url + " within " + timeout);
    }

    static void printRanking(JsonNode report) {
        System.out.println();
        System.out.printf("%s (%s), %s, version %s%n", report.path("names").path("en").asText(), report.path("names").path("zh").asText(),
                report.path("period").asText(), report.path("version").asText());
        System.out.printf("%4s  %-10s %-32s %8s%n", "rank", "region", "name", "score");
        int shown = 0;
        for (JsonNode entry : report.path("ranking")) {
            if (shown++ == SHOWN_ROWS) {
                System.out.printf("  ... %d regions in all%n", report.path("ranking").size());
                break;
            }
            System.out.printf("%4d  %-10s %-32s %8.2f%n", entry.path("rank").asInt(), entry.path("region").asText(),
                    entry.path("regionName").path("en").asText() + " " + entry.path("regionName").path("zh").asText(),
                    entry.path("score").asDouble());
        }
        if (!report.path("insufficientData").isEmpty()) {
            System.out.println("  insufficient data: " + report.path("insufficientData"));
        }
    }

    private static void progress(String message) {
        System.out.println("[" + LocalTime.now().format(CLOCK) + "] " + message);
    }
}
