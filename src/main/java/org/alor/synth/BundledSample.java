package org.alor.synth;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The bundled sample-data folder (synthetic-aves world and its tiny CLIP), from a checkout or an installed app. */
public final class BundledSample {
    public static final String WORLD = "synthetic-aves";

    private BundledSample() {
    }

    /** {@code -Dalor.sampleData}, else {@code ./sample-data}, else the first sample-data above the code's jar/folder. */
    public static Optional<Path> folder() {
        String property = System.getProperty("alor.sampleData");
        if (property != null) return existing(Path.of(property));
        Optional<Path> here = existing(Path.of("sample-data"));
        if (here.isPresent()) return here;
        try {
            Path code = Path.of(BundledSample.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                Optional<Path> found = existing(p.resolve("sample-data"));
                if (found.isPresent()) return found;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The sample's tiny CLIP folder, when bundled. */
    public static Optional<Path> tinyClip() {
        return folder().map(f -> f.resolve(WORLD).resolve("clip")).filter(Files::isDirectory);
    }

    private static Optional<Path> existing(Path sampleData) {
        Path world = sampleData.resolve(WORLD);
        return Files.isRegularFile(world.resolve("pool.txt")) ? Optional.of(sampleData.toAbsolutePath().normalize()) : Optional.empty();
    }
}
