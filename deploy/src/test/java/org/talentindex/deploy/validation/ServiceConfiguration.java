package org.talentindex.deploy.validation;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The configuration names one service reads: the keys of its application.properties (without profile
 * prefix) and the names every service documents (datasource, Kafka client security, frameworks directory).
 */
public final class ServiceConfiguration {

    /** Read by every service although application.properties may not list them. */
    static final Set<String> DOCUMENTED_NAMES = Set.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username", "quarkus.datasource.password", "talentindex.frameworks.dir");

    /** Kafka client settings that kafka.* passes to every client (security of the connection). */
    static final Set<String> KAFKA_CLIENT_SETTINGS = Set.of("kafka.security.protocol", "kafka.sasl.mechanism",
            "kafka.sasl.jaas.config", "kafka.ssl.truststore.type", "kafka.ssl.truststore.location",
            "kafka.ssl.truststore.certificates", "kafka.ssl.keystore.type", "kafka.ssl.keystore.location",
            "kafka.ssl.keystore.password", "kafka.ssl.key.password", "kafka.ssl.endpoint.identification.algorithm");

    /** Names the manifests must set for each service. */
    static final Map<String, Set<String>> REQUIRED = Map.of(
            "ingestion-service", Set.of("talentindex.security.api-keys"),
            "scoring-service", Set.of("talentindex.security.api-keys"),
            "reporting-service", Set.of());

    private final String service;
    private final Map<String, String> properties;

    private ServiceConfiguration(String service, Map<String, String> properties) {
        this.service = service;
        this.properties = properties;
    }

    public static ServiceConfiguration read(String service, Path applicationProperties) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(applicationProperties)) {
            loaded.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration of " + service + ": " + applicationProperties, e);
        }
        Map<String, String> withoutProfiles = new TreeMap<>();
        loaded.stringPropertyNames().forEach(key -> {
            String name = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (!key.startsWith("%") || !withoutProfiles.containsKey(name)) {
                withoutProfiles.put(name, loaded.getProperty(key));
            }
        });
        return new ServiceConfiguration(service, withoutProfiles);
    }

    public String service() {
        return service;
    }

    public String value(String name) {
        return properties.get(name);
    }

    /** Every name this service reads. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(properties.keySet());
        names.addAll(DOCUMENTED_NAMES);
        names.addAll(KAFKA_CLIENT_SETTINGS);
        names.addAll(REQUIRED.getOrDefault(service, Set.of()));
        return names;
    }

    /** The environment variables the service must be given. */
    public Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        DOCUMENTED_NAMES.forEach(name -> required.add(environmentName(name)));
        REQUIRED.getOrDefault(service, Set.of()).forEach(name -> required.add(environmentName(name)));
        return required;
    }

    /** MicroProfile Config's environment form of a property name. */
    public static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Topic names the service's configuration mentions (talentindex.topics.*). */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((key, value) -> {
            if (key.startsWith("talentindex.topics.")) {
                topics.add(value);
            }
        });
        return topics;
    }
}
