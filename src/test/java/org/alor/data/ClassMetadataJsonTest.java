package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassMetadataJsonTest {
    @TempDir
    Path dir;

    @Test
    void lenientAboutExtraFieldsMissingMostCommonNameAndListAlternates() throws Exception {
        Path f = TestImages.text(dir.resolve("m.json"), """
                {"1": {"name": "b", "alternates": ["bee", "honey bee"], "unknown": {"x": 1}},
                 "0": {"most_common_name": "ant", "alternates": {}, "actual_freq": 3}}
                """);
        List<ClassInfo> classes = ClassMetadataJson.read(f);
        assertThat(classes).extracting(ClassInfo::id).containsExactly(0, 1);
        assertThat(classes.get(0).name()).isEqualTo("ant");
        assertThat(classes.get(0).synonyms()).containsOnlyKeys("ant");
        assertThat(classes.get(1).mostCommonName()).isEqualTo("b");
        assertThat(classes.get(1).synonyms().keySet()).containsExactly("bee", "honey bee");
    }

    @Test
    void writeThenReadGivesTheSameClasses() throws Exception {
        Map<String, Integer> syn = new LinkedHashMap<>();
        syn.put("Tachycineta bicolor", 7);
        syn.put("tree swallow", 120);
        List<ClassInfo> classes = List.of(new ClassInfo(0, "Tachycineta bicolor", "tree swallow", syn), ClassInfo.named(1, "Corvus \"corax\""));
        Path f = dir.resolve(ClassMetadataJson.EXPORT_FILE_NAME);
        ClassMetadataJson.write(f, classes, Map.of(0, 125));
        assertThat(ClassMetadataJson.read(f)).isEqualTo(classes);
        assertThat(java.nio.file.Files.readString(f)).contains("\"actual_freq\": 125").contains("\"most_common_name\": \"tree swallow\"");
    }

    @Test
    void badKeysAndNamelessClassesAreFatal() throws Exception {
        Path f = TestImages.text(dir.resolve("m.json"), "{\"zero\": {\"name\": \"a\"}}");
        assertThatThrownBy(() -> ClassMetadataJson.read(f)).isInstanceOf(DatasetFormatException.class).hasMessageContaining("'zero' is not a class id");
        Path g = TestImages.text(dir.resolve("n.json"), "{\"0\": {\"alternates\": {}}}");
        assertThatThrownBy(() -> ClassMetadataJson.read(g)).isInstanceOf(DatasetFormatException.class).hasMessageContaining("class 0 has no name");
        Path h = TestImages.text(dir.resolve("o.json"), "[1, 2]");
        assertThatThrownBy(() -> ClassMetadataJson.read(h)).isInstanceOf(DatasetFormatException.class).hasMessageContaining("keyed by class id");
    }
}
