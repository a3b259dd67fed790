package org.talentindex.ingestion.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** DOWN when the consumer of indicator-observations died or is stuck, so that the service is restarted. */
@Liveness
@ApplicationScoped
public class ObservationConsumerLiveness implements HealthCheck {

    @Inject
    ObservationConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = consumer.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("observation-consumer").status(problem.isEmpty());
        problem.ifPresent(description -> response.withData("problem", description));
        return response.build();
    }
}
