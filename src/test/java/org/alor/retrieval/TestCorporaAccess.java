package org.alor.retrieval;

import java.io.IOException;
import java.nio.file.Path;

/** Lets CLI tests build a corpus with the package-private test helpers. */
public final class TestCorporaAccess {
    private TestCorporaAccess() {
    }

    public static void shards(Path dir) throws IOException {
        TestCorpora.writeShards(dir, TestCorpora.generate(200, 3).captions(), 50, 10);
    }
}
