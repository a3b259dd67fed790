package org.talentindex.ingestion.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.talentindex.ingestion.resource.UploadSlots.Grant;

class UploadSlotsTest {

    @Test
    void aClientAndTheServiceHaveTheirLimitsAndReleasedSlotsCanBeTakenAgain() {
        UploadSlots slots = new UploadSlots(3, 2);
        assertEquals(Grant.GRANTED, slots.tryTake("a"));
        assertEquals(Grant.GRANTED, slots.tryTake("a"));
        assertEquals(Grant.CLIENT_AT_LIMIT, slots.tryTake("a"));
        assertEquals(Grant.GRANTED, slots.tryTake("b"));
        assertEquals(Grant.SERVICE_AT_LIMIT, slots.tryTake("c"));
        slots.release("a");
        assertEquals(Grant.GRANTED, slots.tryTake("c"));
        slots.release("b");
        assertEquals(Grant.GRANTED, slots.tryTake("a"));
        assertEquals(Grant.CLIENT_AT_LIMIT, slots.tryTake("a"));
    }
}
