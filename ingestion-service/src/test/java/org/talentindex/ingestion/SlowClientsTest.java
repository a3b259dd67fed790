package org.talentindex.ingestion;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.talentindex.ingestion.ApiClients.asClient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.talentindex.testsupport.InfrastructureTestResource;

/**
 * Uploads whose body trickles in or stops hold at most their client's share of the upload slots, and a stalled one is
 * cut off after the read timeout: other uploads and the health checks are answered meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class SlowClientsTest {

    /** talentindex.ingestion.max-concurrent-uploads-per-client */
    private static final int SLOTS_PER_CLIENT = 8;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String HEADER = "region,indicator,period,value,unit,source\n";

    @TestHTTPResource("/")
    URI root;

    @Test
    void tricklingUploadsDoNotKeepOthersOrTheHealthChecksWaiting() throws Exception {
        List<Socket> tricklers = new ArrayList<>();
        ExecutorService trickle = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < SLOTS_PER_CLIENT / 2; i++) {
                tricklers.add(startUpload());
            }
            trickle.submit(() -> trickleOneByteEach(tricklers));
            assertEquals(200, health());
            String csv = HEADER + "110000,high_skill_talent,2035,1,万人,beside tricklers " + UUID.randomUUID() + "\n";
            asClient().contentType("text/csv; charset=UTF-8").body(csv).post("/api/observations").then().statusCode(200);
        } finally {
            trickle.shutdownNow();
            trickle.awaitTermination(10, TimeUnit.SECONDS);
            for (Socket socket : tricklers) {
                socket.close();
            }
        }
    }

    /**
     * The uploads trickle until their client's slots are seen taken (so that none is cut off before the last one is read,
     * however slow the machine), then stall.
     */
    @Test
    void stalledUploadsTakeAtMostTheirClientsSlotsAndAreCutOffAfterTheReadTimeout() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        ExecutorService trickle = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < SLOTS_PER_CLIENT; i++) {
                stalled.add(startUpload());
            }
            trickle.submit(() -> trickleOneByteEach(stalled));
            await("the client's slots are taken").atMost(PATIENCE).until(() -> probe().statusCode() == 429);
            Response refused = probe();
            trickle.shutdownNow();
            trickle.awaitTermination(10, TimeUnit.SECONDS);
            assertNotNull(refused.header("Retry-After"));
            assertEquals("TOO_MANY_UPLOADS", refused.jsonPath().getString("reason"));
            assertEquals(200, health());

            await("the stalled uploads are cut off").atMost(PATIENCE).until(() -> probe().statusCode() == 200);
            for (Socket socket : stalled) {
                socket.setSoTimeout((int) PATIENCE.toMillis());
                assertEndsOrAnswers(socket);
            }
        } finally {
            trickle.shutdownNow();
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** An upload of one header line, which answers at once when a slot is free. */
    private Response probe() {
        return asClient().contentType("text/csv; charset=UTF-8").body(HEADER).post("/api/observations");
    }

    /** Sends the headers and the start of a body that announces far more than it sends. */
    private Socket startUpload() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), root.getPort());
        String request = "POST /api/observations HTTP/1.1\r\nHost: localhost\r\nX-API-Key: test-key\r\n"
                + "Content-Type: text/csv; charset=UTF-8\r\nContent-Length: 1000000\r\n\r\n" + HEADER;
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    private static Void trickleOneByteEach(List<Socket> sockets) throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            for (Socket socket : sockets) {
                try {
                    socket.getOutputStream().write('1');
                    socket.getOutputStream().flush();
                } catch (IOException closed) {
                    return null;
                }
            }
            Thread.sleep(500);
        }
        return null;
    }

    private static void assertEndsOrAnswers(Socket socket) throws IOException {
        try {
            socket.getInputStream().read();
        } catch (SocketException reset) {
            // the server closed the connection: also an end
        }
    }

    private int health() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return http.send(HttpRequest.newBuilder(root.resolve("/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
