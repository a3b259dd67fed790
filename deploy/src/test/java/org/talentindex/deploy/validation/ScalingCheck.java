package org.talentindex.deploy.validation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Production overlays (those with HorizontalPodAutoscalers): each service runs at least two instances,
 * has a PodDisruptionBudget, pod anti-affinity, and an autoscaler whose maximum stays within the
 * partitions of the topic it consumes (more instances than partitions would idle in the group).
 */
final class ScalingCheck {

    static final Map<String, String> CONSUMED_TOPIC = Map.of(
            "ingestion-service", "indicator-observations",
            "scoring-service", "indicator-updates",
            "reporting-service", "score-updates");

    static boolean applies(List<ObjectNode> objects) {
        return !ManifestObjects.ofKind(objects, "HorizontalPodAutoscaler").isEmpty();
    }

    static void check(List<ObjectNode> objects, Violations violations) {
        CONSUMED_TOPIC.forEach((service, topic) -> {
            Optional<ObjectNode> deployment = ManifestObjects.find(objects, "Deployment", service);
            Optional<ObjectNode> autoscaler = ManifestObjects.find(objects, "HorizontalPodAutoscaler", service);
            if (deployment.isEmpty() || deployment.get().path("spec").path("replicas").asInt(1) < 2) {
                violations.add(service + ": fewer than 2 replicas");
            }
            if (deployment.isPresent() && deployment.get().path("spec").path("template").path("spec")
                    .path("affinity").path("podAntiAffinity").isMissingNode()) {
                violations.add(service + ": no pod anti-affinity");
            }
            if (ManifestObjects.find(objects, "PodDisruptionBudget", service).isEmpty()) {
                violations.add(service + ": no PodDisruptionBudget");
            }
            if (autoscaler.isEmpty()) {
                violations.add(service + ": no HorizontalPodAutoscaler");
                return;
            }
            int partitions = ManifestObjects.find(objects, "KafkaTopic", topic)
                    .map(kafkaTopic -> kafkaTopic.path("spec").path("partitions").asInt()).orElse(0);
            int maximum = autoscaler.get().path("spec").path("maxReplicas").asInt();
            if (autoscaler.get().path("spec").path("minReplicas").asInt(1) < 2 || maximum > partitions) {
                violations.add("HorizontalPodAutoscaler " + service + ": replicas must lie in 2.." + partitions
                        + " (partitions of " + topic + ")");
            }
        });
    }
}
