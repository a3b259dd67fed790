package org.talentindex.ingestion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.talentindex.ingestion.validation.ObservationValidator;
import org.talentindex.ingestion.validation.Rejection;
import org.talentindex.ingestion.validation.ValidObservation;
import org.talentindex.testsupport.InfrastructureTestResource;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingestion"))
class ObservationValidatorTest {

    @Inject
    ObservationValidator validator;

    @Test
    void acceptsAndConvertsUnits() {
        ValidObservation valid = assertInstanceOf(ValidObservation.class, validate(
                "{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1150000,\"unit\":\"人\",\"source\":\"t\"}"));
        assertEquals(115.0, valid.canonicalValue(), 1e-9);
        assertEquals("万人", valid.canonicalUnit());
        assertEquals("人", valid.unitReceived());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "MALFORMED_JSON|{\"region\":",
            "MALFORMED_JSON|{} {}",
            "MISSING_FIELD|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"unit\":\"万人\",\"source\":\"t\"}",
            "WRONG_TYPE|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":\"many\",\"unit\":\"万人\",\"source\":\"t\"}",
            "INVALID_PERIOD|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"22\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\"}",
            "SCHEMA_VIOLATION|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\",\"extra\":1}",
            "NOT_FINITE|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1e400,\"unit\":\"万人\",\"source\":\"t\"}",
            "UNKNOWN_INDICATOR|{\"region\":\"110000\",\"indicator\":\"nope\",\"period\":\"2022\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\"}",
            "UNKNOWN_REGION|{\"region\":\"999999\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\"}",
            "REGION_NOT_COVERED|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"1800\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\"}",
            "WRONG_UNIT|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1,\"unit\":\"亿元\",\"source\":\"t\"}",
            "OUT_OF_RANGE|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":-1,\"unit\":\"万人\",\"source\":\"t\"}",
    })
    void refusesWithASpecificReason(String reason, String json) {
        Rejection rejection = assertInstanceOf(Rejection.class, validate(json));
        assertEquals(reason, rejection.reason().name(), rejection.message());
    }

    private Object validate(String json) {
        return validator.validate(json.getBytes(StandardCharsets.UTF_8));
    }
}
