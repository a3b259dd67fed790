package org.talentindex.scoring.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

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
        HealthCheckResponseBuilder response = HealthCheckResponse.named("background loops")
                .status(consumer.heartbeat().healthy(config.stallAfter()) && relay.heartbeat().healthy(config.stallAfter()));
        consumer.heartbeat().describe(response);
        relay.heartbeat().describe(response);
        return response.build();
    }
}
