package org.talentindex.scoring.messaging;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.talentindex.kafka.LoopHeartbeat;

/**
 * DOWN when the update consumer or the outbox relay died or stalled: the service would answer requests but score or
 * publish nothing more, so it should be restarted rather than left running.
 */
@Liveness
@Readiness
@ApplicationScoped
public class BackgroundLoopsHealthCheck implements HealthCheck {

    @Inject
    UpdateConsumer consumer;

    @Inject
    OutboxRelay relay;

    @Inject
    BackgroundLoopsConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background loops").up();
        for (LoopHeartbeat loop : List.of(consumer.heartbeat(), relay.heartbeat())) {
            Optional<String> problem = loop.problem(config.stallAfter());
            response.withData(loop.name(), problem.orElse("running"));
            if (problem.isPresent()) {
                response.down();
            }
        }
        return response.build();
    }
}
