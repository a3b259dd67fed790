package org.talentindex.deploy.validation;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Runs every check over the objects of one rendered overlay. */
public final class ManifestValidator {

    public static final List<String> SERVICES = List.of("ingestion-service", "scoring-service", "reporting-service");

    private final Set<String> asyncApiTopics;
    private final List<ServiceConfiguration> serviceConfigurations;

    public ManifestValidator(Set<String> asyncApiTopics, List<ServiceConfiguration> serviceConfigurations) {
        this.asyncApiTopics = asyncApiTopics;
        this.serviceConfigurations = serviceConfigurations;
    }

    public Violations validate(List<ObjectNode> objects) {
        Violations violations = new Violations();
        for (ObjectNode object : objects) {
            if (ObjectModelCheck.knows(object)) {
                ObjectModelCheck.check(object, violations);
            } else if (CustomResourceSchemaCheck.knows(object)) {
                CustomResourceSchemaCheck.check(object, violations);
            } else {
                violations.add(ManifestObjects.describe(object) + ": kind " + ManifestObjects.typeOf(object)
                        + " has no model or schema to validate it");
            }
            if (PodSpecCheck.knows(object)) {
                PodSpecCheck.check(object, violations);
            }
        }
        SecretCheck.check(objects, violations);
        ManagementPortCheck.check(objects, violations);
        TopicCheck.check(objects, asyncApiTopics, violations);
        serviceConfigurations.forEach(configuration -> {
            configuration.topics().stream().filter(topic -> !asyncApiTopics.contains(topic)).forEach(topic ->
                    violations.add(configuration.service() + " configures topic " + topic + ", not in the AsyncAPI document"));
            ServiceConfigurationCheck.check(objects, configuration, violations);
        });
        if (ScalingCheck.applies(objects)) {
            ScalingCheck.check(objects, violations);
        }
        return violations;
    }
}
