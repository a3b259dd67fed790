package org.talentindex.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the JVM-wide Kafka broker and PostgreSQL server, with a database of its own.
 * Use as {@code @QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "scoring"))}.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        return LocalInfrastructure.shared().serviceConfig(database);
    }

    @Override
    public void stop() {
        // shared for the whole JVM; stopped by its shutdown hook
    }
}
