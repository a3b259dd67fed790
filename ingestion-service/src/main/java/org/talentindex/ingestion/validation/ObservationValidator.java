package org.talentindex.ingestion.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.ingestion.catalogue.Catalogue;
import org.talentindex.ingestion.catalogue.IndicatorSpec;

/** Checks an observation against its JSON Schema (contracts/) and the catalogue, and converts its unit. */
@ApplicationScoped
public class ObservationValidator {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final List<String> TEXT_FIELDS = List.of("observationId", "region", "indicator", "period", "unit", "source");
    /** The schema's pattern, applied to the whole text: a JSON Schema {@code $} would also match before a final line break here. */
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final int SCHEMA_MESSAGES_LISTED = 5;

    private final JsonSchema schema = loadSchema("contracts/schemas/indicator-observation.schema.json");

    @Inject
    Catalogue catalogue;

    /**
     * Like {@link #validate(byte[])}, but an unexpected failure becomes a rejection instead of an exception (also a stack
     * overflow, which only this record's shape causes).
     */
    public ValidationResult validateSafely(byte[] json) {
        try {
            return validate(json);
        } catch (RuntimeException | StackOverflowError e) {
            return new Rejection(RejectionReason.UNPROCESSABLE, "Could not be processed: " + e);
        }
    }

    /** Like {@link #validate(JsonNode)}, but an unexpected failure becomes a rejection instead of an exception. */
    public ValidationResult validateSafely(JsonNode node) {
        try {
            return validate(node);
        } catch (RuntimeException | StackOverflowError e) {
            return new Rejection(RejectionReason.UNPROCESSABLE, "Could not be processed: " + e);
        }
    }

    public ValidationResult validate(byte[] json) {
        String text = Utf8Text.decode(json).orElse(null);
        if (text == null) {
            return new Rejection(RejectionReason.BAD_ENCODING, Utf8Text.NOT_UTF8);
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Rejection(RejectionReason.MALFORMED_JSON, "Not a JSON document: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return new Rejection(RejectionReason.MALFORMED_JSON, "Empty message");
        }
        return validate(node);
    }

    public ValidationResult validate(JsonNode node) {
        Set<ValidationMessage> violations = schema.validate(node);
        if (!violations.isEmpty()) {
            return schemaRejection(violations);
        }
        for (String field : TEXT_FIELDS) {
            if (node.has(field) && !StorableText.isStorable(node.get(field).textValue())) {
                return new Rejection(RejectionReason.INVALID_TEXT, field + " holds a NUL character or an unpaired surrogate");
            }
        }
        String period = node.get("period").textValue();
        if (!YEAR.matcher(period).matches()) {
            return new Rejection(RejectionReason.INVALID_PERIOD, "period must be a four-digit year");
        }
        double value = withoutNegativeZero(node.get("value").doubleValue());
        if (!Double.isFinite(value)) {
            return new Rejection(RejectionReason.NOT_FINITE, "value " + node.get("value").asText() + " is not a finite number");
        }
        String indicatorCode = node.get("indicator").asText();
        String givenRegion = node.get("region").asText();
        String region = catalogue.regionCode(givenRegion, indicatorCode).orElse(givenRegion);
        String unit = node.get("unit").asText();
        IndicatorSpec indicator = catalogue.indicator(indicatorCode).orElse(null);
        if (indicator == null) {
            return new Rejection(RejectionReason.UNKNOWN_INDICATOR, "indicator '" + indicatorCode + "' is in no framework");
        }
        if (!catalogue.knowsRegion(region)) {
            List<String> named = catalogue.regionsNamed(givenRegion);
            return new Rejection(RejectionReason.UNKNOWN_REGION, named.isEmpty()
                    ? "region '" + givenRegion + "' is not in the region catalogue"
                    : "region name '" + givenRegion + "' is borne by " + named + ", none or several of them covered by a framework using '"
                            + indicatorCode + "': give the code");
        }
        if (!catalogue.anyFrameworkWithIndicatorCovers(indicatorCode, region)) {
            return new Rejection(RejectionReason.REGION_NOT_COVERED,
                    "no framework using '" + indicatorCode + "' covers region " + region);
        }
        if (catalogue.frameworksFor(indicatorCode, region, Integer.parseInt(period)).isEmpty()) {
            return new Rejection(RejectionReason.PERIOD_OUT_OF_RANGE,
                    "no framework using '" + indicatorCode + "' for region " + region + " accepts period " + period);
        }
        OptionalDouble factor = Units.conversionFactor(unit, indicator.unit());
        if (factor.isEmpty()) {
            return new Rejection(RejectionReason.WRONG_UNIT,
                    "unit '" + unit + "' cannot be converted to the canonical unit '" + indicator.unit() + "' of " + indicatorCode);
        }
        double canonical = withoutNegativeZero(value * factor.getAsDouble());
        if (!Double.isFinite(canonical)) {
            return new Rejection(RejectionReason.NOT_FINITE,
                    "value " + value + " " + unit + " is not a finite number in the canonical unit '" + indicator.unit() + "'");
        }
        if (indicator.isBinary() && canonical != 0 && canonical != 1) {
            return new Rejection(RejectionReason.NOT_BINARY, indicatorCode + " is a yes/no indicator: value must be 0 or 1, got " + value);
        }
        if (canonical < indicator.min() || canonical > indicator.max()) {
            return new Rejection(RejectionReason.OUT_OF_RANGE, indicatorCode + " = " + canonical + " " + indicator.unit()
                    + " is outside the valid range [" + indicator.min() + ", " + indicator.max() + "]");
        }
        String key = node.hasNonNull("observationId") ? node.get("observationId").asText()
                : contentKey(region, indicatorCode, period, node.get("value").asText(), unit, node.get("source").asText());
        return new ValidObservation(key, region, indicatorCode, period, value, unit, canonical, indicator.unit(),
                node.get("source").asText());
    }

    private static Rejection schemaRejection(Set<ValidationMessage> violations) {
        ValidationMessage first = violations.iterator().next();
        RejectionReason reason = switch (first.getType()) {
            case "required", "minLength" -> RejectionReason.MISSING_FIELD;
            case "maxLength" -> RejectionReason.FIELD_TOO_LONG;
            case "type" -> RejectionReason.WRONG_TYPE;
            case "pattern" -> first.getInstanceLocation().toString().contains("period")
                    ? RejectionReason.INVALID_PERIOD : RejectionReason.SCHEMA_VIOLATION;
            default -> RejectionReason.SCHEMA_VIOLATION;
        };
        List<String> messages = violations.stream().map(ValidationMessage::getMessage).sorted().toList();
        String message = String.join("; ", messages.subList(0, Math.min(messages.size(), SCHEMA_MESSAGES_LISTED)));
        return new Rejection(reason, messages.size() > SCHEMA_MESSAGES_LISTED
                ? message + "; and " + (messages.size() - SCHEMA_MESSAGES_LISTED) + " more" : message);
    }

    private static double withoutNegativeZero(double value) {
        return value == 0 ? 0 : value;
    }

    private static String contentKey(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonSchema loadSchema(String resource) {
        try (InputStream in = ObservationValidator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Schema not on the class path: " + resource);
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
