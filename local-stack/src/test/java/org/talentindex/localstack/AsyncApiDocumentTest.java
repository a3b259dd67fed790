package org.talentindex.localstack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    @Test
    void theDocumentConformsToTheAsyncApi300Schema() throws Exception {
        Set<ValidationMessage> violations = AsyncApiContract.read(Stack.projectHome()).violationsOfTheSpecification();
        assertTrue(violations.isEmpty(), AsyncApiContract.describe(violations));
    }
}
