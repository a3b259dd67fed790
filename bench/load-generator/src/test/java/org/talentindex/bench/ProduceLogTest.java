package org.talentindex.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProduceLogTest {

    @Test
    void aValueSentTwiceForOneCellIsFoundForEachObservationInTheOrderSent() {
        ProduceLog log = new ProduceLog("run", 10);
        String cellValue = ProduceLog.cellValue("f", "2020", "R00001", "i001", 12.5);
        log.sentCellValue(cellValue, 3);
        log.sentCellValue(cellValue, 7);

        assertEquals(3, log.sequenceOfCellValue(cellValue));
        assertEquals(7, log.sequenceOfCellValue(cellValue));
        assertEquals(-1, log.sequenceOfCellValue(cellValue));
    }
}
