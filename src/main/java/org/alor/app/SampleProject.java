package org.alor.app;

import org.alor.data.DatasetFormat;
import org.alor.data.DatasetFormatException;
import org.alor.data.ImportRequest;
import org.alor.store.ProjectCreator;
import org.alor.store.ProjectStore;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The bundled sample project (the synthetic-aves world of {@code sample-data/}), created in the user's
 * data folder on first use so the app has something real to show out of the box.
 */
public final class SampleProject {
    static final String SAMPLE = "synthetic-aves";

    private SampleProject() {
    }

    /** The sample-data folder: {@code -Dalor.sampleData}, else {@code ./sample-data}, else next to the build. */
    public static Optional<Path> sampleData() {
        String property = System.getProperty("alor.sampleData");
        if (property != null) return existing(Path.of(property));
        Optional<Path> here = existing(Path.of("sample-data"));
        if (here.isPresent()) return here;
        try {
            Path code = Path.of(SampleProject.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                Optional<Path> found = existing(p.resolve("sample-data"));
                if (found.isPresent()) return found;
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Path> existing(Path sampleData) {
        Path world = sampleData.resolve(SAMPLE);
        return Files.isRegularFile(world.resolve("pool.txt")) ? Optional.of(sampleData.toAbsolutePath().normalize()) : Optional.empty();
    }

    /** The user's data folder for ALOR Studio: {@code -Dalor.dataDir}, else $XDG_DATA_HOME/alor-studio, else ~/.local/share/alor-studio. */
    public static Path userDataDir() {
        String property = System.getProperty("alor.dataDir");
        if (property != null) return Path.of(property);
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("alor-studio");
    }

    /** The sample project's folder, creating it from sample-data on first use. */
    public static Path ensure() throws IOException, DatasetFormatException {
        Path world = sampleData().orElseThrow(() -> new IOException(
                "the bundled sample-data/" + SAMPLE + " folder was not found (run from the ALOR Studio folder or set -Dalor.sampleData)"))
                .resolve(SAMPLE);
        Path project = userDataDir().resolve("sample-project");
        if (Files.exists(project.resolve(ProjectStore.DATABASE_FILE))) return project;
        Path checkpoint = world.resolve("clip");
        ImportRequest request = ImportRequest.of(world).withFormat(DatasetFormat.SPLIT_FILES);
        ProjectCreator.create(project, request, ProjectCreator.SplitOptions.defaults(),
                Files.isDirectory(checkpoint) ? checkpoint : null, world.resolve("corpus"));
        return project;
    }
}
