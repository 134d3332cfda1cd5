package org.alor.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @TempDir
    Path tmp;

    @Test
    void typedValuesRoundTripAndOverwrite() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            Settings s = store.settings();
            s.set(Settings.DATASET_ROOT, Path.of("/data/semi-aves"));
            s.set(Settings.SEED, 666L);
            s.set("lr", 1e-5);
            s.set("rda", true);
            Instant t = Instant.parse("2026-01-02T03:04:05.123Z");
            s.set("opened_at", t);
            s.set(Settings.SEED, 777L);

            assertThat(s.getPath(Settings.DATASET_ROOT)).contains(Path.of("/data/semi-aves"));
            assertThat(s.getLong(Settings.SEED)).contains(777L);
            assertThat(s.getInt(Settings.SEED, 0)).isEqualTo(777);
            assertThat(s.getDouble("lr", 0)).isEqualTo(1e-5);
            assertThat(s.getBoolean("rda", false)).isTrue();
            assertThat(s.getInstant("opened_at")).contains(t);
            assertThat(s.all()).containsKeys("dataset_root", "seed", "lr", "rda", "opened_at", "created_at");
        }
    }

    @Test
    void missingKeysGiveDefaultsAndRemoveWorks() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            Settings s = store.settings();
            assertThat(s.getString(Settings.CHECKPOINT)).isEmpty();
            assertThat(s.getLong("nothing", 5)).isEqualTo(5);
            assertThat(s.getBoolean("nothing", true)).isTrue();
            s.set(Settings.CHECKPOINT, "ViT-B-32.safetensors");
            s.remove(Settings.CHECKPOINT);
            assertThat(s.getString(Settings.CHECKPOINT)).isEmpty();
            s.set("x", "1");
            s.set("x", (String) null);
            assertThat(s.getString("x")).isEmpty();
        }
    }

    @Test
    void aMalformedValueNamesTheKey() {
        try (ProjectStore store = ProjectStore.create(tmp)) {
            store.settings().set(Settings.SEED, "six");
            assertThatThrownBy(() -> store.settings().getLong(Settings.SEED))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("'seed' = 'six'").hasMessageContaining("not an integer");
            store.settings().set("flag", "yes");
            assertThatThrownBy(() -> store.settings().getBoolean("flag", false)).hasMessageContaining("true or false");
        }
    }
}
