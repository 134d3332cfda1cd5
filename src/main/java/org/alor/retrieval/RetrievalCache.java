package org.alor.retrieval;

import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.alor.store.RetrievedExclusions;
import org.alor.store.RetrievedSamples;
import org.alor.store.StoredSample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The retrieval cache of a project: kept images under {@code <project>/retrieval/images/<class>/}, stored as
 * samples of split RETRIEVED (true label = the class, provenance JSON). Synchronising adds what is new and removes
 * what was dropped; items already present are left untouched, so an identical re-run changes nothing.
 */
public final class RetrievalCache {
    public static final String DIR = "retrieval";
    public static final String IMAGES = DIR + "/images";

    private final ProjectStore store;
    private final Path projectDir;

    public RetrievalCache(ProjectStore store) {
        this.store = store;
        this.projectDir = store.dir();
    }

    /** Result of a synchronisation. */
    public record SyncResult(int added, int removed, Map<String, ItemStatus> failures) {
    }

    public SyncResult sync(CorpusReader corpus, Map<Integer, List<KeptItem>> kept, RetrievalOptions options)
            throws IOException, InterruptedException {
        return sync(corpus, kept, options, ScanListener.NONE);
    }

    public SyncResult sync(CorpusReader corpus, Map<Integer, List<KeptItem>> kept, RetrievalOptions options,
                           ScanListener listener) throws IOException, InterruptedException {
        Map<String, StoredSample> existing = new HashMap<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.RETRIEVED)) {
            String id = s.provenanceJson() == null ? null : Provenance.identityOf(s.provenanceJson());
            if (id != null) existing.put(id, s);
        }
        Map<String, KeptItem> wanted = new LinkedHashMap<>();
        for (List<KeptItem> list : kept.values()) {
            for (KeptItem k : list) wanted.put(Provenance.identity(k.classId(), k.record().shard(), k.record().key()), k);
        }
        // images a person excluded (Retrieval view) never come back
        wanted.keySet().removeAll(RetrievedExclusions.all(store));
        List<Long> drop = new ArrayList<>();
        List<Path> dropFiles = new ArrayList<>();
        for (Map.Entry<String, StoredSample> e : existing.entrySet()) {
            if (!wanted.containsKey(e.getKey())) {
                drop.add(e.getValue().id());
                dropFiles.add(projectDir.resolve(e.getValue().path()));
            }
        }
        int removed = RetrievedSamples.delete(store, drop);
        for (Path f : dropFiles) Files.deleteIfExists(f);

        List<KeptItem> toAdd = new ArrayList<>();
        for (Map.Entry<String, KeptItem> e : wanted.entrySet()) if (!existing.containsKey(e.getKey())) toAdd.add(e.getValue());
        Map<String, ItemStatus> failures = new LinkedHashMap<>();
        Map<String, SavedImage> saved = corpus.holdsImages()
                ? fromShards(corpus, toAdd, options, failures, listener)
                : download(toAdd, options, failures, listener);
        saved = removeNearDuplicates(saved, options, failures);
        List<SampleRecord> records = new ArrayList<>();
        List<String> provenance = new ArrayList<>();
        for (KeptItem k : toAdd) {
            SavedImage img = saved.get(identity(k));
            if (img == null) continue;
            String rel = projectDir.relativize(img.file()).toString().replace('\\', '/');
            records.add(new SampleRecord(rel, Split.RETRIEVED, k.classId(), img.width(), img.height(), img.sha256()));
            provenance.add(Provenance.json(corpus.name(), k));
        }
        if (!records.isEmpty()) store.sampleTable().insertRetrieved(records, provenance);
        return new SyncResult(records.size(), removed, failures);
    }

    /** The identity {@link RetrievedExclusions} records for a retrieved sample, from its provenance JSON (null if unreadable). */
    public static String exclusionIdentity(String provenanceJson) {
        return provenanceJson == null ? null : Provenance.identityOf(provenanceJson);
    }

    private static String identity(KeptItem k) {
        return Provenance.identity(k.classId(), k.record().shard(), k.record().key());
    }

    /** {@code retrieval/images/0007/<shard>__<key>} (extension added by the saver). */
    Path targetBase(KeptItem k) {
        return projectDir.resolve(IMAGES).resolve(String.format("%04d", k.classId()))
                .resolve(safe(k.record().shard()) + "__" + safe(k.record().key()));
    }

    static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
        if (t.length() > 100) t = t.substring(0, 60) + "_" + Integer.toHexString(s.hashCode());
        return t;
    }

    private Map<String, SavedImage> fromShards(CorpusReader corpus, List<KeptItem> items, RetrievalOptions options,
                                               Map<String, ItemStatus> failures, ScanListener listener) throws IOException {
        int[] done = {0};
        ImageSaver saver = new ImageSaver(options.localMinSide(), options.shorterSide());
        Map<String, Map<String, List<KeptItem>>> byShard = new LinkedHashMap<>();
        for (KeptItem k : items) {
            byShard.computeIfAbsent(k.record().shard(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(k.record().key(), x -> new ArrayList<>()).add(k);
        }
        Map<String, SavedImage> out = new HashMap<>();
        for (Map.Entry<String, Map<String, List<KeptItem>>> shard : byShard.entrySet()) {
            Set<String> found = new HashSet<>();
            corpus.readImages(shard.getKey(), shard.getValue().keySet(), (key, bytes) -> {
                found.add(key);
                for (KeptItem k : shard.getValue().get(key)) {
                    listener.imagesObtained(++done[0], items.size());
                    try {
                        out.put(identity(k), saver.save(bytes, targetBase(k)));
                    } catch (RejectedImageException e) {
                        failures.put(identity(k), e.status());
                    }
                }
            });
            for (Map.Entry<String, List<KeptItem>> e : shard.getValue().entrySet()) {
                if (found.contains(e.getKey())) continue;
                for (KeptItem k : e.getValue()) {
                    failures.put(identity(k), ItemStatus.of(ItemStatus.Kind.NOT_AN_IMAGE, "no image in the shard"));
                }
            }
        }
        return out;
    }

    /** Each URL is fetched once; other classes keeping the same record get a copy of the stored file. */
    private Map<String, SavedImage> download(List<KeptItem> items, RetrievalOptions options, Map<String, ItemStatus> failures,
                                             ScanListener listener) throws IOException, InterruptedException {
        Map<String, List<KeptItem>> byUrl = new LinkedHashMap<>();
        for (KeptItem k : items) {
            if (k.record().url() == null) {
                failures.put(identity(k), ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "no URL"));
                continue;
            }
            byUrl.computeIfAbsent(k.record().url(), u -> new ArrayList<>()).add(k);
        }
        List<ImageDownloader.Item> list = new ArrayList<>();
        for (List<KeptItem> same : byUrl.values()) {
            KeptItem first = same.get(0);
            list.add(new ImageDownloader.Item(identity(first), first.record().url(), targetBase(first)));
        }
        Map<String, SavedImage> out = new HashMap<>();
        if (list.isEmpty()) return out;
        ImageDownloader dl = new ImageDownloader(options.download(), new ImageSaver(options.downloadMinSide(), options.shorterSide()));
        try (DownloadLog log = new DownloadLog(projectDir.resolve(DIR).resolve("downloads.jsonl"))) {
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            Map<String, ItemStatus> st = dl.download(list, log, (item, status) -> listener.imagesObtained(done.incrementAndGet(), list.size()));
            for (ImageDownloader.Item item : list) {
                List<KeptItem> same = byUrl.get(item.url());
                ItemStatus status = st.get(item.id());
                SavedImage img = status.ok() ? log.get(item.id()).map(DownloadLog.Entry::image).orElse(null) : null;
                for (KeptItem k : same) {
                    if (img == null) {
                        failures.put(identity(k), status.ok() ? ItemStatus.of(ItemStatus.Kind.NETWORK_ERROR, "lost") : status);
                    } else if (identity(k).equals(item.id())) {
                        out.put(identity(k), img);
                    } else {
                        out.put(identity(k), copy(img, targetBase(k)));
                    }
                }
            }
        }
        return out;
    }

    private static SavedImage copy(SavedImage img, Path base) throws IOException {
        String name = img.file().getFileName().toString();
        Path target = base.resolveSibling(base.getFileName() + name.substring(name.lastIndexOf('.')));
        Files.createDirectories(target.getParent());
        Files.copy(img.file(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new SavedImage(target, img.width(), img.height(), img.sha256());
    }

    private Map<String, SavedImage> removeNearDuplicates(Map<String, SavedImage> saved, RetrievalOptions options,
                                                         Map<String, ItemStatus> failures) throws IOException {
        if (options.dedupEmbedder() == null || saved.isEmpty()) return saved;
        List<Path> task = new ArrayList<>();
        Path root = store.settings().getPath(org.alor.store.Settings.DATASET_ROOT).orElse(projectDir);
        for (Split s : List.of(Split.POOL, Split.VAL, Split.TEST)) {
            for (StoredSample t : store.sampleTable().bySplit(s)) task.add(root.resolve(t.path()));
        }
        List<String> ids = new ArrayList<>(saved.keySet());
        List<Path> files = ids.stream().map(id -> saved.get(id).file()).toList();
        Set<Integer> dups = NearDuplicateFilter.duplicates(options.dedupEmbedder(), files, task, options.dedupThreshold());
        Map<String, SavedImage> out = new LinkedHashMap<>(saved);
        for (int i : dups) {
            out.remove(ids.get(i));
            Files.deleteIfExists(files.get(i));
            failures.put(ids.get(i), ItemStatus.of(ItemStatus.Kind.NOT_AN_IMAGE, "near-duplicate of a task image"));
        }
        return out;
    }
}
