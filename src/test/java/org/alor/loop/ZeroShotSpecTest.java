package org.alor.loop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZeroShotSpecTest {
    @Test
    void defaultsUseNamesAndTheProjectPromptSet() {
        ZeroShotSpec s = ZeroShotSpec.builder().build();
        assertEquals(ClassNaming.NAME, s.naming());
        assertNull(s.templates());
        assertEquals(32, s.embed().batchSize());
    }

    @Test
    void anUnknownNamingFailsListingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZeroShotSpec.builder().optNaming("latin").build());
        assertTrue(e.getMessage().contains("name or most_common_name, got 'latin'"), e.getMessage());
    }

    @Test
    void anUnknownPromptSetFails() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZeroShotSpec.builder().optPrompts("ships").build());
        assertTrue(e.getMessage().contains("unknown prompt set"), e.getMessage());
    }
}
