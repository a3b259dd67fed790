package org.talentindex.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void aKeyNamesItsClientWithTheListedRolesOrEveryRole() {
        ApiKeys keys = new ApiKeys(List.of("uploads:k1:uploader", " ops:k2:operator+analyst ", "admin:k3"));

        assertEquals(Optional.of(new ApiKeys.Client("uploads", Set.of(Roles.UPLOADER))), keys.client("k1"));
        assertEquals(Optional.of(new ApiKeys.Client("ops", Set.of(Roles.OPERATOR, Roles.ANALYST))), keys.client("k2"));
        assertEquals(Roles.ALL, keys.client("k3").orElseThrow().roles());
        assertTrue(keys.client("k4").isEmpty());
        assertTrue(keys.client("uploads").isEmpty());
    }

    @Test
    void malformedEntriesUnknownRolesAndSharedKeysAreRefusedWithoutShowingTheKey() {
        for (List<String> entries : List.of(List.of("no-key"), List.of(":s3cret"), List.of("c:"), List.of("c:s3cret:admin"),
                List.of("a:s3cret", "b:s3cret"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ApiKeys(entries));
            assertTrue(e.getMessage().startsWith("talentindex.security.api-keys"), e.getMessage());
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
        }
    }
}
