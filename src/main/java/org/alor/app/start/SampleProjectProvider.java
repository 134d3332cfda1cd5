package org.alor.app.start;

import org.alor.job.Progress;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes the bundled sample project (e.g. sample-data/synthetic-aves) available as a project folder.
 * {@link SampleProject} is the real one; {@link #NONE} disables the start screen's button with a tooltip.
 */
public interface SampleProjectProvider {
    SampleProjectProvider NONE = new SampleProjectProvider() {
        @Override
        public Optional<String> unavailableReason() {
            return Optional.of("No sample data is installed with this build.");
        }

        @Override
        public Path prepare(Progress progress) {
            throw new IllegalStateException("no sample project is available");
        }
    };

    /** Empty when the sample can be opened, else a one-line reason shown as the button's tooltip. */
    Optional<String> unavailableReason();

    /** Creates (or finds) the sample project folder; runs on a background thread and may take a while. */
    Path prepare(Progress progress) throws Exception;
}
