/**
 * What every long job shares, below all other packages: the {@link org.alor.job.CancellationToken} that stops it, and
 * the {@link org.alor.job.Progress} contract (with its {@link org.alor.job.Phase}s) through which it reports. The
 * trainer, the embedder, retrieval and the round engine accept the token directly; the app and the CLI create it.
 */
package org.alor.job;
