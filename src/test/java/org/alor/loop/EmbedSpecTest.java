package org.alor.loop;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbedSpecTest {
    @Test
    void defaultsAreBatch32AndTwoThreads() {
        EmbedSpec s = EmbedSpec.builder().build();
        assertEquals(32, s.batchSize());
        assertEquals(2, s.threads());
    }

    @Test
    void aZeroBatchSizeFailsNamingTheBatchSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbedSpec.builder().optBatchSize(0).build());
        assertTrue(e.getMessage().contains("batch size must be at least 1"), e.getMessage());
    }

    @Test
    void aZeroThreadCountFailsNamingTheThreads() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbedSpec.builder().optThreads(0).build());
        assertTrue(e.getMessage().contains("threads must be at least 1"), e.getMessage());
    }
}
