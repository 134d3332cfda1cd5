package org.alor.app.demo;



import org.alor.job.CancellationToken;
import org.alor.job.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** One demo template (the sample project retrieved and featurised) per test JVM, copied into each test's demo folder. */
final class DemoTemplates {
    private static Path prepared;

    private DemoTemplates() {
    }

    static synchronized void copyInto(Path demoFolder) throws Exception {
        if (prepared == null) {
            Path dir = Files.createTempDirectory("alor-demo-template");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    DemoRace.deleteTree(dir);
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            }));
            new DemoRace(dir, 0).prepareTemplate(Progress.NONE, new CancellationToken());
            prepared = dir;
        }
        Path from = new DemoRace(prepared, 0).template();
        Path to = new DemoRace(demoFolder, 0).template();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
