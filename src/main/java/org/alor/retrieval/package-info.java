/**
 * Retrieval from open data (RDA, docs/method.md §6).
 *
 * <h2>Pipeline</h2>
 * {@link org.alor.retrieval.RetrievalJob}: synonyms from the store ({@link org.alor.retrieval.ClassSynonyms},
 * excluded ones skipped) → one pass over the corpus ({@link org.alor.retrieval.CorpusScan}, shards on a bounded
 * pool, resumable) testing every caption against all synonyms at once ({@link org.alor.retrieval.CaptionMatcher}:
 * token-level Aho–Corasick) → statistics ({@link org.alor.retrieval.MatchStatistics}: per-synonym counts,
 * {@code actual_freq}, {@link org.alor.retrieval.MostCommonName}) written to the store → per class, ranking by
 * caption–prompt cosine and the cap ({@link org.alor.retrieval.ClassSelection}) → images from the shards or by
 * download ({@link org.alor.retrieval.ImageDownloader}) → the retrieval cache ({@link org.alor.retrieval.RetrievalCache}).
 *
 * <h2>Caption matching</h2>
 * Captions and names go through {@link org.alor.retrieval.CaptionTokenizer}: NFC; per-code-point lower case;
 * {@code "} and {@code '} removed without splitting ("Ross's" → "rosss", so "Ross Gull" does not match
 * "Ross's Gull"; a typographic ’ is not removed and splits the word); tokens are maximal runs of letters, digits
 * and combining marks, so {@code -}, {@code _}, spaces and all other punctuation separate tokens. A name matches
 * when its tokens occur adjacent and in order as whole tokens ("Swallow" does not match "swallowtail" or
 * "swallows"). A record counts once per synonym and once per class however often it names them; the same record
 * may serve several classes.
 *
 * <h2>Corpora</h2>
 * {@link org.alor.retrieval.WebDatasetCorpus} (tar shards, own ustar/pax reader), {@link org.alor.retrieval.FilesCorpus}
 * (img2dataset folders), {@link org.alor.retrieval.TableCorpus} (Parquet/CSV through DuckDB, URLs only);
 * {@link org.alor.retrieval.CorpusFormat} detects which. Keys are stable: webdataset key, SAMPLE_ID/key column, or
 * the row number in the file.
 *
 * <h2>On disk ({@code <project>/retrieval/})</h2>
 * {@code progress/} — one JSON-lines file per finished shard plus a {@code fingerprint} of corpus and synonyms;
 * {@code images/<class id>/<shard>__<key>.jpg|png} — kept images, shorter side at most 256, written once;
 * {@code downloads.jsonl} — per-item download status (last line per item wins). Retrieved samples are stored with
 * split {@code retrieved}, true label = class, and provenance JSON {corpus, shard, key, url, caption, synonym,
 * score, class}.
 */
package org.alor.retrieval;
