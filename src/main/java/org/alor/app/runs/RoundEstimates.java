package org.alor.app.runs;

import org.alor.job.CancellationToken;
import org.alor.job.Progress;
import org.alor.loop.estimate.ProjectEstimate;
import org.alor.store.ProjectStore;

import java.io.IOException;
import java.util.Optional;

/** Where the Runs page gets its time estimates (tests give a stand-in). Both run on a background thread. */
public interface RoundEstimates {
    /** The estimate from the calibration cached for {@code device}; empty when this device was never calibrated. */
    Optional<ProjectEstimate.Result> cached(ProjectStore store, String device);

    /** Calibrates {@code device} now (tens of seconds), keeps the rates in the project and returns the estimate. */
    ProjectEstimate.Result calibrate(ProjectStore store, String device, Progress progress, CancellationToken token)
            throws IOException;

    /** The engine's: {@link ProjectEstimate}, the same as {@code alor estimate}. */
    static RoundEstimates engine() {
        return new RoundEstimates() {
            @Override
            public Optional<ProjectEstimate.Result> cached(ProjectStore store, String device) {
                return ProjectEstimate.cached(store, device);
            }

            @Override
            public ProjectEstimate.Result calibrate(ProjectStore store, String device, Progress progress,
                                                    CancellationToken token) throws IOException {
                return ProjectEstimate.estimate(store, new ProjectEstimate.Request(device,
                        ProjectEstimate.Request.DEFAULT_CALIBRATION_SECONDS, true, null, null),
                        line -> progress.notice("Calibrating: " + line), token);
            }
        };
    }
}
