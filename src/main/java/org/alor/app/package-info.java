/**
 * The ALOR Studio desktop app (JavaFX), one sub-package per page plus {@code shell} and {@code common}. View models ({@code *ViewModel}, {@link org.alor.app.label.LabelQueue},
 * {@link org.alor.app.label.KeyboardMapping}, {@link org.alor.app.label.ClassSearch}, {@link org.alor.app.charts.ChartData}) hold
 * all state and logic and are tested without a screen; views only bind. Long work runs in
 * {@link org.alor.app.common.BackgroundJobs}; label events go through its serial store writer.
 *
 * <p>Services built by {@link org.alor.app.AlorApp#services()} ({@link org.alor.app.shell.AppServices}):
 * {@link org.alor.app.runs.RoundRunner} (Runs → org.alor.loop), {@link org.alor.app.retrieval.RetrievalRunner}
 * (Retrieval → org.alor.retrieval), {@link org.alor.app.label.PredictionSource} (labeling suggestions → the
 * engine's persisted predictions), {@link org.alor.app.start.SampleProjectProvider} (start screen →
 * {@link org.alor.app.start.SampleProject} over sample-data/synthetic-aves).
 */
package org.alor.app;
