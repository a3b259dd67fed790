package org.talentindex.ingestion.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StorageFailureTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "23505, CONCURRENT_WRITE",
            "40P01, CONCURRENT_WRITE",
            "40001, CONCURRENT_WRITE",
            "22021, BAD_RECORD",
            "22001, BAD_RECORD",
            "23502, BAD_RECORD",
            "54000, BAD_RECORD",
            "08006, OTHER",
            "57P01, OTHER"})
    void theSqlStateAnywhereInTheCausesDecides(String sqlState, StorageFailure expected) {
        RuntimeException wrapped = new RuntimeException("storing failed", new IllegalStateException(new SQLException("x", sqlState)));
        assertEquals(expected, StorageFailure.of(wrapped));
    }
}
