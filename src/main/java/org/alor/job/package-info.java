/**
 * What every long job shares, below all other packages: the {@link org.alor.job.CancellationToken}. The trainer,
 * the embedder, retrieval and the round engine accept it directly; the app and the CLI create it.
 */
package org.alor.job;
