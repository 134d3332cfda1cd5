/**
 * How long a project's stages take on a device: {@link org.alor.loop.estimate.ProjectSizes} ×
 * {@link org.alor.loop.estimate.DeviceRates} in {@link org.alor.loop.estimate.Estimator}. Rates come from a short
 * {@link org.alor.loop.estimate.Calibration} that runs the real encoders and adapters (kept per device in the project's
 * settings by {@link org.alor.loop.estimate.RatesCache}), from the reference code's GPU anchors
 * ({@link org.alor.loop.estimate.GpuAnchors}) or from a rates file. Shared by {@code alor estimate} and the Runs page.
 */
package org.alor.loop.estimate;
