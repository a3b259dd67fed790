package org.talentindex.deploy.validation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cross-checks a service's Deployment with the configuration the service reads: every environment
 * variable (set directly or through an envFrom ConfigMap) is a name the service reads, the required ones
 * are there, the frameworks directory and the Kafka truststore are mounted where the variables say,
 * the database is the service's own, and its KafkaUser grants exactly the topics and group it configures.
 */
final class ServiceConfigurationCheck {

    static void check(List<ObjectNode> objects, ServiceConfiguration configuration, Violations violations) {
        String service = configuration.service();
        Optional<ObjectNode> deployment = ManifestObjects.find(objects, "Deployment", service);
        if (deployment.isEmpty()) {
            violations.add("No Deployment for " + service);
            return;
        }
        String where = "Deployment " + service;
        Map<String, JsonNode> environment = environment(objects, deployment.get(), where, violations);
        Set<String> readable = new TreeSet<>();
        configuration.names().forEach(name -> readable.add(ServiceConfiguration.environmentName(name)));
        environment.keySet().stream().filter(name -> !readable.contains(name))
                .forEach(name -> violations.add(where + ": " + name + " is not a configuration name " + service + " reads"));
        configuration.requiredEnvironment().stream().filter(name -> !environment.containsKey(name))
                .forEach(name -> violations.add(where + ": " + name + " is not set"));

        Map<String, String> mounts = mounts(deployment.get());
        String frameworks = literal(environment.get("TALENTINDEX_FRAMEWORKS_DIR"));
        if (frameworks != null && !"configMap".equals(mounts.get(frameworks))) {
            violations.add(where + ": TALENTINDEX_FRAMEWORKS_DIR " + frameworks + " is not a mounted ConfigMap");
        }
        String truststore = literal(environment.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        if (truststore != null && mounts.keySet().stream().noneMatch(path -> truststore.startsWith(path + "/"))) {
            violations.add(where + ": KAFKA_SSL_TRUSTSTORE_LOCATION " + truststore + " is not in a mounted volume");
        }
        String database = service.substring(0, service.indexOf('-'));
        String jdbcUrl = literal(environment.get("QUARKUS_DATASOURCE_JDBC_URL"));
        if (jdbcUrl != null && !jdbcUrl.endsWith("/" + database)) {
            violations.add(where + ": QUARKUS_DATASOURCE_JDBC_URL must name the database " + database);
        }
        if (ManifestObjects.find(objects, "Database", database).isEmpty()) {
            violations.add(service + ": no Database " + database);
        }
        String scoringUrl = literal(environment.get("TALENTINDEX_SCORING_URL"));
        if (scoringUrl != null && ManifestObjects.find(objects, "Service", URI.create(scoringUrl).getHost()).isEmpty()) {
            violations.add(where + ": TALENTINDEX_SCORING_URL names no Service");
        }
        checkKafkaUser(objects, configuration, environment, violations);
    }

    private static void checkKafkaUser(List<ObjectNode> objects, ServiceConfiguration configuration,
                                       Map<String, JsonNode> environment, Violations violations) {
        String service = configuration.service();
        JsonNode jaas = environment.getOrDefault("KAFKA_SASL_JAAS_CONFIG", null);
        String secret = jaas == null ? null : jaas.path("valueFrom").path("secretKeyRef").path("name").asText(null);
        Optional<ObjectNode> user = ManifestObjects.find(objects, "KafkaUser", service);
        if (user.isEmpty() || !service.equals(secret)) {
            violations.add(service + ": KAFKA_SASL_JAAS_CONFIG must come from the Secret of KafkaUser " + service);
            return;
        }
        Set<String> topics = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (JsonNode acl : user.get().path("spec").path("authorization").path("acls")) {
            String type = acl.path("resource").path("type").asText();
            (type.equals("topic") ? topics : type.equals("group") ? groups : new TreeSet<String>())
                    .add(acl.path("resource").path("name").asText());
        }
        String group = configuration.value("talentindex.consumer.group-id");
        if (group != null && !groups.equals(Set.of(group))) {
            violations.add("KafkaUser " + service + ": group ACLs " + groups + " must be exactly the consumer group " + group);
        }
        if (!topics.equals(configuration.topics())) {
            violations.add("KafkaUser " + service + ": topic ACLs " + topics + " differ from the topics it configures "
                    + configuration.topics());
        }
    }

    /** Variables by name: env entries as they are, envFrom ConfigMap keys as {value: …}. */
    private static Map<String, JsonNode> environment(List<ObjectNode> objects, ObjectNode deployment, String where,
                                                     Violations violations) {
        Map<String, JsonNode> environment = new LinkedHashMap<>();
        for (JsonNode container : ManifestObjects.containers(deployment)) {
            for (JsonNode source : container.path("envFrom")) {
                String name = source.path("configMapRef").path("name").asText(null);
                if (name == null) {
                    violations.add(where + ": envFrom other than a ConfigMap");
                    continue;
                }
                Optional<ObjectNode> configMap = ManifestObjects.find(objects, "ConfigMap", name);
                if (configMap.isEmpty()) {
                    violations.add(where + ": envFrom ConfigMap " + name + " does not exist");
                    continue;
                }
                configMap.get().path("data").fields().forEachRemaining(entry -> environment.put(entry.getKey(),
                        new com.fasterxml.jackson.databind.node.ObjectNode(
                                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance).set("value", entry.getValue())));
            }
            for (JsonNode variable : container.path("env")) {
                environment.put(variable.path("name").asText(), variable);
            }
        }
        return environment;
    }

    /** Mount path to volume type (configMap, secret, emptyDir, …). */
    private static Map<String, String> mounts(ObjectNode deployment) {
        Map<String, String> volumeTypes = new LinkedHashMap<>();
        for (JsonNode volume : deployment.path("spec").path("template").path("spec").path("volumes")) {
            volume.fieldNames().forEachRemaining(field -> {
                if (!field.equals("name")) {
                    volumeTypes.put(volume.path("name").asText(), field);
                }
            });
        }
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode container : ManifestObjects.containers(deployment)) {
            for (JsonNode mount : container.path("volumeMounts")) {
                mounts.put(mount.path("mountPath").asText(), volumeTypes.get(mount.path("name").asText()));
            }
        }
        return mounts;
    }

    private static String literal(JsonNode variable) {
        return variable == null || !variable.has("value") ? null : variable.path("value").asText();
    }
}
