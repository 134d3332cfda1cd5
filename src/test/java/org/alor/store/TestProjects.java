package org.alor.store;

import org.alor.data.ClassInfo;
import org.alor.data.SampleRecord;
import org.alor.data.Split;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small fixtures for store tests. */
final class TestProjects {
    private TestProjects() {
    }

    static List<ClassInfo> threeClasses() {
        Map<String, Integer> owl = new LinkedHashMap<>();
        owl.put("Strix varia", 3);
        owl.put("barred owl", 120);
        return List.of(new ClassInfo(0, "Strix varia", "barred owl", owl),
                ClassInfo.named(1, "Pica pica"),
                ClassInfo.named(2, "Corvus corax"));
    }

    static SampleRecord sample(String path, Split split, Integer label) {
        return new SampleRecord(path, split, label, 32, 24, "hash-" + path);
    }

    /** A project with three classes and {@code n} pool samples (true labels cycle over the classes). */
    static ProjectStore withPool(Path dir, int n) {
        ProjectStore store = ProjectStore.create(dir);
        store.classTable().replace(threeClasses());
        List<SampleRecord> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) pool.add(sample("pool/img" + i + ".jpg", Split.POOL, i % 3));
        store.sampleTable().insert(pool);
        return store;
    }
}
