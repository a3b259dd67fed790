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
import org.talentindex.ingestion.validation.RejectionReason;
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
            "PERIOD_OUT_OF_RANGE|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"1800\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\"}",
            "REGION_NOT_COVERED|{\"region\":\"652300\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\"}",
            "REGION_NOT_COVERED|{\"region\":\"CITY-US-NEW-YORK\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\"}",
            "MISSING_FIELD|{\"region\":\"\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1,\"unit\":\"万人\",\"source\":\"t\"}",
            "NOT_BINARY|{\"region\":\"AUT\",\"indicator\":\"TIRcon\",\"period\":\"2018\",\"value\":2,\"unit\":\"(1 (yes)/0 (no))\",\"source\":\"t\"}",
            "WRONG_UNIT|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1,\"unit\":\"亿元\",\"source\":\"t\"}",
            "OUT_OF_RANGE|{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":-1,\"unit\":\"万人\",\"source\":\"t\"}",
    })
    void refusesWithASpecificReason(String reason, String json) {
        Rejection rejection = assertInstanceOf(Rejection.class, validate(json));
        assertEquals(reason, rejection.reason().name(), rejection.message());
    }

    @ParameterizedTest(name = "{1} {2} = {3} {0}")
    @CsvSource({
            "high_skill_talent, 1150000, 人, 115",
            "high_skill_talent, 1150, 千人, 115",
            "high_skill_talent, 1.15, 百万人, 115",
            "high_skill_talent, 115, 万人, 115",
            "patent_applications, 215000, 件, 21.5",
            "st_talent_rd_fte, 300000, 人年, 30",
    })
    void convertsKnownUnitsToTheCanonicalOne(String indicator, String value, String unit, double canonical) {
        ValidObservation valid = assertInstanceOf(ValidObservation.class, validate("{\"region\":\"110000\",\"indicator\":\"" + indicator
                + "\",\"period\":\"2022\",\"value\":" + value + ",\"unit\":\"" + unit + "\",\"source\":\"t\"}"));
        assertEquals(canonical, valid.canonicalValue(), 1e-9);
        assertEquals(unit, valid.unitReceived());
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] gbk = "{\"region\":\"110000\",\"indicator\":\"high_skill_talent\",\"period\":\"2022\",\"value\":1,\"unit\":\"万人\",\"source\":\"统计年鉴\"}"
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        assertEquals(RejectionReason.BAD_ENCODING, assertInstanceOf(Rejection.class, validator.validate(gbk)).reason());
    }

    private Object validate(String json) {
        return validator.validate(json.getBytes(StandardCharsets.UTF_8));
    }
}
