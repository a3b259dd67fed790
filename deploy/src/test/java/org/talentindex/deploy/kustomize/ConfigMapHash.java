package org.talentindex.deploy.kustomize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The name suffix kustomize gives a generated ConfigMap: SHA-256 of the Go JSON encoding of
 * {"data":…,"kind":"ConfigMap","name":""} (keys sorted, HTML characters escaped), first ten hex digits
 * with 0, 1, 3, a, e replaced so that the suffix never reads as a word or a number. Kustomize 5 hashes the
 * generated object before it has its name, hence the empty name (kubectl's kustomize agrees, see
 * KubectlAgreementTest).
 */
public final class ConfigMapHash {

    private ConfigMapHash() {
    }

    public static String suffix(Map<String, String> data) {
        StringBuilder json = new StringBuilder("{\"data\":{");
        String separator = "";
        for (Map.Entry<String, String> entry : new TreeMap<>(data).entrySet()) {
            json.append(separator).append(goJsonString(entry.getKey())).append(':').append(goJsonString(entry.getValue()));
            separator = ",";
        }
        json.append("},\"kind\":\"ConfigMap\",\"name\":\"\"}");
        String hex = HexFormat.of().formatHex(sha256(json.toString()));
        StringBuilder suffix = new StringBuilder();
        for (char digit : hex.substring(0, 10).toCharArray()) {
            suffix.append(switch (digit) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> digit;
            });
        }
        return suffix.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A string as Go's encoding/json writes it. */
    static String goJsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
