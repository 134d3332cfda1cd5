package org.alor.loop;

import org.alor.job.Phase;
import org.alor.job.Progress;

/** One experiment run's progress, passed on to the experiment's with the run's name before each message. */
final class RunProgress implements Progress {
    private final String run;
    private final Progress experiment;

    RunProgress(String run, Progress experiment) {
        this.run = run;
        this.experiment = experiment;
    }

    @Override
    public void phase(Phase phase, long done, long total, String message) {
        experiment.phase(phase, done, total, run + ": " + message);
    }

    @Override
    public void step(int epoch, int epochs, int step, int steps, double loss, double imagesPerSecond,
                     double etaSeconds) {
        experiment.step(epoch, epochs, step, steps, loss, imagesPerSecond, etaSeconds);
    }

    @Override
    public void epoch(int epoch, int epochs, double valAccuracy) {
        experiment.epoch(epoch, epochs, valAccuracy);
    }

    @Override
    public void notice(String message) {
        experiment.notice(run + ": " + message);
    }
}
