package org.talentindex.scoring.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.talentindex.testsupport.InfrastructureTestResource;

/**
 * Liveness and readiness follow the background loops: DOWN once the update consumer died of whatever escaped its loop.
 * Its own application instance (profile), as the consumer stays dead.
 */
@QuarkusTest
@TestProfile(BackgroundLoopsHealthTest.OwnInstance.class)
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackgroundLoopsHealthTest {

    public static class OwnInstance implements QuarkusTestProfile {
    }

    private static final Duration SHUTDOWN_BOUND = Duration.ofSeconds(8);

    @Inject
    UpdateConsumer consumer;

    @Inject
    OutboxRelay relay;

    @Test
    @Order(1)
    void livenessAndReadinessReportDownOnceTheConsumerLoopDied() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/live").then().statusCode(200));

        thread("update-consumer").interrupt(); // its next poll throws: an unexpected Throwable escapes the loop

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/live").then().statusCode(503)
                .body("checks.find { it.name == 'background loops' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'background loops' }.data.'indicator-updates consumer'", startsWith("died")));
        given().get("/q/health/ready").then().statusCode(503);
    }

    @Test
    @Order(2)
    void shutdownStopsTheBackgroundLoopsWithinSeconds() throws Exception {
        long start = System.nanoTime();
        relay.stop(new ShutdownEvent());
        consumer.stop(new ShutdownEvent());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(SHUTDOWN_BOUND) < 0, "stopping took " + took);
        assertTrue(thread("outbox-relay") == null, "the relay thread ended");
    }

    private static Thread thread(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst().orElse(null);
    }
}
