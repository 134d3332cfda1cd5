/**
 * The project on disk: {@code <project>/project.alor} (SQLite, WAL) and {@code <project>/features/}.
 *
 * <p>Tables (schema version 2, see {@link org.alor.store.Migrations}):
 * <ul>
 *   <li>{@code settings(key PK, value)} — typed access through {@link org.alor.store.Settings}.</li>
 *   <li>{@code classes(id PK ≥ 0, name UNIQUE, most_common_name)} and
 *       {@code class_synonyms(class_id FK cascade, synonym, position, corpus_count, excluded; PK(class_id, synonym))}.</li>
 *   <li>{@code samples(id PK, path, split, true_label FK classes, width, height, content_hash, provenance JSON)};
 *       a task path (pool/val/test, relative to the dataset root) is unique across those splits, a retrieved path
 *       (relative to the project folder) is unique among retrieved samples; provenance only on retrieved rows.</li>
 *   <li>{@code label_events(id PK autoincrement, sample_id FK, kind label|unsure|skip|undo, class_id FK, reverts FK
 *       label_events, who, round FK rounds, at ms)} — append-only (triggers refuse UPDATE/DELETE); the current label
 *       is derived, an undo is a new event reverting an earlier one of the same sample.</li>
 *   <li>{@code rounds(idx PK, method, strategy, seed, budget, status, created_at, started_at, finished_at, summary JSON)}.</li>
 *   <li>{@code selections(round FK cascade, rank, sample_id FK, picked_for_class FK, score, reason;
 *       PK(round, rank), UNIQUE(round, sample_id))}.</li>
 *   <li>{@code metrics(round FK cascade, split, class_id FK or NULL = overall, accuracy, macro_f1, support, correct;
 *       UNIQUE(round, split, ifnull(class_id, -1)))}.</li>
 *   <li>{@code feature_index(checkpoint_hash, preprocess_key, sample_id FK cascade, dim, dtype f32|f16, file,
 *       byte_offset; PK(checkpoint_hash, preprocess_key, sample_id))} — see {@link org.alor.store.FeatureCache}.</li>
 * </ul>
 * This package imports nothing from DJL, JavaFX or picocli.
 */
package org.alor.store;
