package org.talentindex.scoring.service;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.scoring.state.FrameworkPeriodKey;

/**
 * Writes score-updates events ({@code contracts/score-update.schema.json}) as UTF-8 JSON, stored and published as they
 * are, and the stored level scores as JSON text, streaming: a version of a large framework-period lists thousands of
 * regions, and building a tree for each first doubled the cost of a batch.
 */
@ApplicationScoped
class ScoreUpdateWriter {

    /** A region whose published result changed; {@code before} is null for a region published for the first time. */
    record Change(String region, PublishedScore before, PublishedScore after, Map<String, Double> attribution) {
    }

    /** A region whose rank alone changed: its status, score and level scores are those it had. */
    record RankChange(String region, int before, int after) {
    }

    private static final int EVENT_BUFFER = 16 * 1024;
    private static final int LEVELS_BUFFER = 256;

    private final ObjectWriter writer;

    @Inject
    ScoreUpdateWriter(ObjectMapper json) {
        this.writer = json.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }

    /**
     * Scores and level scores are written with at most {@code precision} decimals, as they were rounded; {@code warnings}
     * only when they changed (null otherwise).
     */
    byte[] event(FrameworkPeriodKey key, long version, int regionCount, List<String> cause, List<Change> changes,
                 List<RankChange> rankChanges, int precision, JsonNode sensitivity, List<String> warnings) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(EVENT_BUFFER);
        write(json -> json.createGenerator(bytes), (out, digits) -> {
            out.writeStartObject();
            out.writeStringField("frameworkId", key.frameworkId());
            out.writeStringField("period", key.period());
            out.writeNumberField("version", version);
            out.writeStringField("computedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
            out.writeNumberField("regionCount", regionCount);
            out.writeArrayFieldStart("cause");
            for (String id : cause) {
                out.writeString(id);
            }
            out.writeEndArray();
            out.writeArrayFieldStart("changes");
            for (Change change : changes) {
                writeChange(out, digits, change, precision);
            }
            out.writeEndArray();
            if (!rankChanges.isEmpty()) {
                out.writeArrayFieldStart("rankChanges");
                for (RankChange change : rankChanges) {
                    out.writeStartObject();
                    out.writeStringField("region", change.region());
                    out.writeNumberField("old", change.before());
                    out.writeNumberField("new", change.after());
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            if (sensitivity != null) {
                out.writeFieldName("sensitivity");
                out.writeTree(sensitivity);
            }
            if (warnings != null) {
                out.writeArrayFieldStart("warnings");
                for (String warning : warnings) {
                    out.writeString(warning);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        });
        return bytes.toByteArray();
    }

    String levels(Map<String, Double> levels, int precision) {
        StringWriter text = new StringWriter(LEVELS_BUFFER);
        write(json -> json.createGenerator(text), (out, digits) -> writeNumbers(out, digits, levels, precision));
        return text.toString();
    }

    private static void writeChange(JsonGenerator out, char[] digits, Change change, int precision) throws IOException {
        out.writeStartObject();
        out.writeStringField("region", change.region());
        out.writeStringField("status", change.after().status());
        out.writeFieldName("old");
        if (change.before() == null) {
            out.writeNull();
        } else {
            writeScore(out, digits, change.before(), precision);
        }
        out.writeFieldName("new");
        writeScore(out, digits, change.after(), precision);
        if (change.attribution() != null) {
            out.writeFieldName("attribution");
            writeNumbers(out, digits, change.attribution(), ChangeAttribution.PRECISION);
        }
        out.writeEndObject();
    }

    private static void writeScore(JsonGenerator out, char[] digits, PublishedScore score, int precision) throws IOException {
        out.writeStartObject();
        out.writeFieldName("score");
        writeNumber(out, digits, score.score(), precision);
        out.writeNumberField("rank", score.rank());
        out.writeFieldName("levels");
        writeNumbers(out, digits, score.levels(), precision);
        out.writeEndObject();
    }

    private static void writeNumbers(JsonGenerator out, char[] digits, Map<String, Double> numbers, int precision) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Double> entry : numbers.entrySet()) {
            out.writeFieldName(entry.getKey());
            writeNumber(out, digits, entry.getValue(), precision);
        }
        out.writeEndObject();
    }

    /** {@code digits}: a buffer of {@link RoundedDecimal#MAX_LENGTH} characters, reused for every number of a document. */
    private static void writeNumber(JsonGenerator out, char[] digits, Double value, int precision) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        int length = RoundedDecimal.write(value, precision, digits);
        if (length < 0) {
            out.writeNumber(value);
        } else {
            out.writeNumber(digits, 0, length);
        }
    }

    private void write(Target target, JsonBody body) {
        try (JsonGenerator out = target.open(writer)) {
            body.writeTo(out, new char[RoundedDecimal.MAX_LENGTH]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Target {
        JsonGenerator open(ObjectWriter writer) throws IOException;
    }

    @FunctionalInterface
    private interface JsonBody {
        void writeTo(JsonGenerator out, char[] digits) throws IOException;
    }
}
