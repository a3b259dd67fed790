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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.talentindex.scoring.state.FrameworkPeriodKey;

/**
 * Writes score-updates events ({@code contracts/score-update.schema.json}) and the stored level scores as JSON text,
 * streaming: a version of a large framework-period lists thousands of regions, and building a tree for each first
 * doubled the cost of a batch.
 */
@ApplicationScoped
class ScoreUpdateWriter {

    /** A region whose published result changed; {@code before} is null for a region published for the first time. */
    record Change(String region, PublishedScore before, PublishedScore after, Map<String, Double> attribution) {
    }

    private final ObjectWriter writer;

    @Inject
    ScoreUpdateWriter(ObjectMapper json) {
        this.writer = json.writer().with(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    }

    /** Scores and level scores are written with at most {@code precision} decimals, as they were rounded. */
    String event(FrameworkPeriodKey key, long version, int regionCount, List<String> cause, List<Change> changes, int precision,
                 JsonNode sensitivity) {
        return write(out -> {
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
                writeChange(out, change, precision);
            }
            out.writeEndArray();
            if (sensitivity != null) {
                out.writeFieldName("sensitivity");
                out.writeTree(sensitivity);
            }
            out.writeEndObject();
        });
    }

    String levels(Map<String, Double> levels, int precision) {
        return write(out -> writeNumbers(out, levels, precision));
    }

    private static void writeChange(JsonGenerator out, Change change, int precision) throws IOException {
        out.writeStartObject();
        out.writeStringField("region", change.region());
        out.writeStringField("status", change.after().status());
        out.writeFieldName("old");
        if (change.before() == null) {
            out.writeNull();
        } else {
            writeScore(out, change.before(), precision);
        }
        out.writeFieldName("new");
        writeScore(out, change.after(), precision);
        if (change.attribution() != null) {
            out.writeFieldName("attribution");
            writeNumbers(out, change.attribution(), ChangeAttribution.PRECISION);
        }
        out.writeEndObject();
    }

    private static void writeScore(JsonGenerator out, PublishedScore score, int precision) throws IOException {
        out.writeStartObject();
        out.writeFieldName("score");
        writeNumber(out, score.score(), precision);
        out.writeNumberField("rank", score.rank());
        out.writeFieldName("levels");
        writeNumbers(out, score.levels(), precision);
        out.writeEndObject();
    }

    private static void writeNumbers(JsonGenerator out, Map<String, Double> numbers, int precision) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, Double> entry : numbers.entrySet()) {
            out.writeFieldName(entry.getKey());
            writeNumber(out, entry.getValue(), precision);
        }
        out.writeEndObject();
    }

    private static void writeNumber(JsonGenerator out, Double value, int precision) throws IOException {
        if (value == null) {
            out.writeNull();
            return;
        }
        char[] decimal = new char[RoundedDecimal.MAX_LENGTH];
        int length = RoundedDecimal.write(value, precision, decimal);
        if (length < 0) {
            out.writeNumber(value);
        } else {
            out.writeNumber(decimal, 0, length);
        }
    }

    private String write(JsonBody body) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = writer.createGenerator(text)) {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    @FunctionalInterface
    private interface JsonBody {
        void writeTo(JsonGenerator out) throws IOException;
    }
}
