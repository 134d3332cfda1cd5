/**
 * The ALOR Studio desktop app (JavaFX). View models ({@code *ViewModel}, {@link org.alor.app.LabelQueue},
 * {@link org.alor.app.KeyboardMapping}, {@link org.alor.app.ClassSearch}, {@link org.alor.app.ChartData}) hold
 * all state and logic and are tested without a screen; views only bind. Long work runs in
 * {@link org.alor.app.BackgroundJobs}; label events go through its serial store writer.
 *
 * <p>Services built by {@link org.alor.app.AlorApp#services()} ({@link org.alor.app.AppServices}):
 * {@link org.alor.app.RoundRunner} (Runs → org.alor.loop), {@link org.alor.app.RetrievalRunner}
 * (Retrieval → org.alor.retrieval), {@link org.alor.app.PredictionSource} (labeling suggestions → the
 * engine's persisted predictions), {@link org.alor.app.SampleProjectProvider} (start screen →
 * {@link org.alor.app.SampleProject} over sample-data/synthetic-aves).
 */
package org.alor.app;
