package org.talentindex.reporting.messaging;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** DOWN when the consumer of score-updates died or stalled: the pages would still answer, but no report would change. */
@Liveness
@Readiness
@ApplicationScoped
public class ScoreUpdateConsumerHealthCheck implements HealthCheck {

    @Inject
    ScoreUpdateConsumer consumer;

    /** Longer than a round can take (a batch, its reports and Kafka's acknowledgement). */
    @ConfigProperty(name = "talentindex.consumer.stuck-after", defaultValue = "5m")
    Duration stuckAfter;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = consumer.heartbeat().problem(stuckAfter);
        return HealthCheckResponse.named(consumer.heartbeat().name()).status(problem.isEmpty())
                .withData("state", problem.orElse("running")).build();
    }
}
