/**
 * The active-learning engine (docs/method.md §3). Front ends open a {@link org.alor.loop.Project} session (store + model
 * backend) and run a round from a {@link org.alor.loop.RoundSpec}; {@link org.alor.loop.RoundEngine} runs resumable
 * rounds on a project,
 * {@link org.alor.loop.ExperimentRunner} simulates many runs with the oracle and reports them.
 *
 * <p>The engine reaches the outside only through small interfaces: {@link org.alor.loop.FeatureSource} (image
 * embeddings), {@link org.alor.loop.TextEncoder} (prompt embeddings), {@link org.alor.select.SelectionStrategy} (strategies),
 * {@link org.alor.loop.Labeler} (oracle, a person through {@link org.alor.loop.HumanLabelQueue}, or deferred),
 * {@link org.alor.job.Progress} and {@link org.alor.job.CancellationToken}.
 *
 * <h2>What a round stores</h2>
 * <ul>
 *   <li>{@code rounds} row: status PLANNED → TRAINING → SELECTING → LABELING → DONE (each transition committed in
 *       the same transaction as the step's output); {@code summary} JSON: config (method, strategy, seed, budget,
 *       rda, round0, class naming, epochs), {@code train} {retrieved, labeled, class_counts[]}, {@code model}
 *       (adapter summary: best epoch, val accuracy per epoch ...), {@code val}/{@code test} {support, accuracy,
 *       macro_f1, confusion: [[true, predicted, count], ...] non-zero cells}, {@code pool} {remaining, probs_file,
 *       top_k}, {@code seconds} (training + prediction).</li>
 *   <li>{@code metrics}: overall and per-class rows for val and test (fractions).</li>
 *   <li>{@code predictions} (schema v3): per round and sample (pool, val, test) the predicted class, its
 *       probability, the entropy, and the top-5 classes/probabilities as little-endian int32/float32 blobs —
 *       what the labeling UI shows.</li>
 *   <li>{@code <project>/rounds/<r>/pool-probs.bin}: the full N×C pool probabilities with their sample ids
 *       ({@link org.alor.loop.PoolProbabilities}), so a resumed selection sees exactly the round's model.</li>
 *   <li>{@code selections} with rank, served class, score and reason; label events with {@code round = r}.</li>
 * </ul>
 */
package org.alor.loop;
