package org.talentindex.ingestion.resource;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many uploads are read at once, in total and per client: each holds a worker thread while its body arrives, so
 * slow or stalled senders must not take them all and leave other clients and the health checks unanswered.
 */
@ApplicationScoped
public class UploadSlots {

    public enum Grant { GRANTED, CLIENT_AT_LIMIT, SERVICE_AT_LIMIT }

    private final int total;
    private final int perClient;
    private final Map<String, Integer> inUseByClient = new HashMap<>();
    private int inUse;

    @Inject
    public UploadSlots(@ConfigProperty(name = "talentindex.ingestion.max-concurrent-uploads") int total,
                       @ConfigProperty(name = "talentindex.ingestion.max-concurrent-uploads-per-client") int perClient) {
        this.total = total;
        this.perClient = perClient;
    }

    /** Takes a slot unless the client or the service is at its limit; release a granted slot when the upload ends. */
    public synchronized Grant tryTake(String client) {
        if (inUseByClient.getOrDefault(client, 0) >= perClient) {
            return Grant.CLIENT_AT_LIMIT;
        }
        if (inUse >= total) {
            return Grant.SERVICE_AT_LIMIT;
        }
        inUseByClient.merge(client, 1, Integer::sum);
        inUse++;
        return Grant.GRANTED;
    }

    public synchronized void release(String client) {
        inUseByClient.computeIfPresent(client, (name, count) -> count == 1 ? null : count - 1);
        inUse--;
    }

    public int total() {
        return total;
    }

    public int perClient() {
        return perClient;
    }
}
