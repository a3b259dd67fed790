package org.talentindex.deploy.validation;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

/**
 * Parses each Kubernetes and Strimzi object into its Java model (fabric8's for Kubernetes and the
 * Prometheus Operator, Strimzi's own API model for Kafka objects). The models keep fields they do not
 * know in {@code additionalProperties}; any such field, anywhere in the object, is reported as unknown.
 */
final class ObjectModelCheck {

    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

    /** Fields whose schema is free-form by design: Kafka and topic settings, PostgreSQL parameters. */
    private static final Set<String> FREE_FORM_GETTERS = Set.of("getConfig");

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static boolean knows(ObjectNode object) {
        return MODELS.containsKey(ManifestObjects.typeOf(object));
    }

    static void check(ObjectNode object, Violations violations) {
        String where = ManifestObjects.describe(object);
        Object model;
        try {
            model = SERIALIZATION.convertValue(object, MODELS.get(ManifestObjects.typeOf(object)));
        } catch (IllegalArgumentException e) {
            violations.add(where + ": does not parse: " + e.getMessage());
            return;
        }
        findUnknownFields(model, "", where, violations, new IdentityHashMap<>());
    }

    private static void findUnknownFields(Object value, String path, String where, Violations violations,
                                          IdentityHashMap<Object, Boolean> seen) {
        if (value == null || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                findUnknownFields(item, path + "[" + index++ + "]", where, violations, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> findUnknownFields(item, path + "." + key, where, violations, seen));
            return;
        }
        String packageName = value.getClass().getPackageName();
        if (!packageName.startsWith("io.fabric8") && !packageName.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")
                    || FREE_FORM_GETTERS.contains(getter.getName())) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    violations.add(where + ": unknown field " + unknown.keySet() + " at " + (path.isEmpty() ? "/" : path));
                }
            } else if (!getter.getReturnType().isPrimitive() && !getter.getReturnType().isEnum()
                    && getter.getReturnType() != String.class) {
                findUnknownFields(child, path + "." + propertyName(getter), where, violations, seen);
            }
        }
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    static List<String> kinds() {
        return MODELS.keySet().stream().sorted().toList();
    }
}
