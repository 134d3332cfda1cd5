package org.alor.store;

import org.alor.data.Split;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureCacheTest {
    private static final String CK = "a1b2c3d4";
    private static final String PP = "clip-224-bicubic-center";

    @TempDir
    Path tmp;
    ProjectStore store;
    FeatureCache cache;
    List<Long> ids;

    @BeforeEach
    void setUp() {
        store = TestProjects.withPool(tmp, 10);
        cache = store.features();
        ids = new ArrayList<>();
        for (StoredSample s : store.sampleTable().bySplit(Split.POOL)) ids.add(s.id());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private static float[][] random(int n, int dim, long seed) {
        Random r = new Random(seed);
        float[][] v = new float[n][dim];
        for (float[] row : v) for (int d = 0; d < dim; d++) row[d] = (float) r.nextGaussian();
        return v;
    }

    @Test
    void vectorsRoundTripExactlyAndMissingOnesAreReported() {
        float[][] v = random(6, 512, 1);
        cache.put(CK, PP, ids.subList(0, 6), v);
        List<Long> ask = List.of(ids.get(5), ids.get(8), ids.get(0));
        FeatureCache.Lookup got = cache.get(CK, PP, ask);
        assertThat(got.vectors()[0]).containsExactly(v[5]);
        assertThat(got.vectors()[1]).isNull();
        assertThat(got.vectors()[2]).containsExactly(v[0]);
        assertThat(got.isCached(1)).isFalse();
        assertThat(got.hits()).isEqualTo(2);
        assertThat(got.allCached()).isFalse();
        assertThat(got.missing()).containsExactly(ids.get(8));
        assertThat(cache.count(CK, PP)).isEqualTo(6);
    }

    @Test
    void blocksAreLittleEndianFloat32AtTheIndexedOffsets() throws Exception {
        cache.put(CK, PP, ids.subList(0, 2), new float[][]{{1f, 2f, 3f}, {4f, 5f, 6f}});
        cache.put(CK, PP, ids.subList(2, 3), new float[][]{{7f, 8f, 9f}});
        Path file = cache.root().resolve(FeatureCache.relativeFile(CK, PP, FeatureCache.Precision.F32));
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(9 * 4);
        for (int i = 0; i < 9; i++) assertThat(bytes.getFloat(4 * i)).isEqualTo(i + 1f);
        assertThat(file.startsWith(tmp.resolve("features"))).isTrue();
    }

    @Test
    void aSecondStoreInstanceReadsInsteadOfRecomputing() {
        float[][] v = random(10, 32, 2);
        cache.put(CK, PP, ids, v);
        store.close();
        store = ProjectStore.open(tmp);
        FeatureCache.Lookup got = store.features().get(CK, PP, ids);
        assertThat(got.allCached()).isTrue();
        for (int i = 0; i < ids.size(); i++) assertThat(got.vectors()[i]).containsExactly(v[i]);
    }

    @Test
    void putAgainReplacesTheEntry() {
        cache.put(CK, PP, ids.subList(0, 1), new float[][]{{1f, 1f}});
        cache.put(CK, PP, ids.subList(0, 1), new float[][]{{2f, 2f}});
        assertThat(cache.get(CK, PP, ids.subList(0, 1)).vectors()[0]).containsExactly(2f, 2f);
        assertThat(cache.count(CK, PP)).isEqualTo(1);
    }

    @Test
    void otherCheckpointsAndPreprocessingsAreSeparateAndPurgeable() {
        cache.put(CK, PP, ids, random(10, 8, 3));
        cache.put("oldckpt", PP, ids, random(10, 8, 4));
        cache.put(CK, "clip-336", ids.subList(0, 3), random(3, 8, 5));
        assertThat(cache.get("newckpt", PP, ids).hits()).isZero();
        assertThat(cache.get(CK, "other-preprocessing", ids).hits()).isZero();
        Path oldDir = cache.root().resolve(FeatureCache.directoryName("oldckpt"));
        assertThat(oldDir).isDirectory();

        assertThat(cache.purgeOtherThan(CK)).isEqualTo(10);
        assertThat(oldDir).doesNotExist();
        assertThat(cache.count("oldckpt", PP)).isZero();
        assertThat(cache.get(CK, PP, ids).allCached()).isTrue();
        assertThat(cache.get(CK, "clip-336", ids).hits()).isEqualTo(3);
    }

    @Test
    void odd_checkpointIdentifiersMapToSafeFolderNames() {
        String weird = "../../etc/passwd sha:1234";
        cache.put(weird, PP, ids.subList(0, 1), new float[][]{{3f}});
        assertThat(FeatureCache.directoryName(weird)).matches("h[0-9a-f]{32}");
        assertThat(cache.get(weird, PP, ids.subList(0, 1)).vectors()[0]).containsExactly(3f);
        assertThat(tmp.resolve("features").resolve(FeatureCache.directoryName(weird))).isDirectory();
    }

    @Test
    void float16StorageHalvesTheBytesWithinHalfPrecision() throws Exception {
        float[][] v = random(10, 512, 6);
        cache.put(CK, PP, ids, v, FeatureCache.Precision.F16);
        Path file = cache.root().resolve(FeatureCache.relativeFile(CK, PP, FeatureCache.Precision.F16));
        assertThat(Files.size(file)).isEqualTo(10L * 512 * 2);
        float[][] got = cache.get(CK, PP, ids).vectors();
        for (int i = 0; i < 10; i++) {
            for (int d = 0; d < 512; d++) {
                assertThat(got[i][d]).isCloseTo(v[i][d], within(Math.abs(v[i][d]) / 1024f + 1e-7f));
            }
        }
    }

    @Test
    void anIndexRowWhoseBytesAreGoneCountsAsNotCached() throws Exception {
        cache.put(CK, PP, ids.subList(0, 4), random(4, 16, 7));
        Path file = cache.root().resolve(FeatureCache.relativeFile(CK, PP, FeatureCache.Precision.F32));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(2 * 16 * 4 + 10); // vector 2 is cut in half, vector 3 gone
        }
        FeatureCache.Lookup got = cache.get(CK, PP, ids.subList(0, 4));
        assertThat(got.missing()).containsExactly(ids.get(2), ids.get(3));
        Files.delete(file);
        assertThat(cache.get(CK, PP, ids.subList(0, 4)).hits()).isZero();
    }

    @Test
    void aDeletedFolderRebuiltPiecewiseNeverServesAnotherSamplesVector() throws Exception {
        float[][] all = random(8, 16, 11);
        cache.put(CK, PP, ids.subList(0, 8), all);
        deleteRecursively(cache.root());
        // issue 18 item 5: the rebuilt file starts at offset 0, under index rows that still point there
        float[][] firstAgain = random(4, 16, 12);
        cache.put(CK, PP, ids.subList(4, 8), firstAgain);
        FeatureCache.Lookup got = cache.get(CK, PP, ids.subList(0, 8));
        assertThat(got.missing()).containsExactlyElementsOf(ids.subList(0, 4));
        for (int i = 0; i < 4; i++) assertThat(got.vectors()[4 + i]).containsExactly(firstAgain[i]);
    }

    @Test
    void aTruncatedFileAppendedAgainDropsTheRowsItsNewBytesCover() throws Exception {
        cache.put(CK, PP, ids.subList(0, 4), random(4, 16, 13));
        Path file = cache.root().resolve(FeatureCache.relativeFile(CK, PP, FeatureCache.Precision.F32));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(2 * 16 * 4);
        }
        float[][] added = random(2, 16, 14);
        cache.put(CK, PP, ids.subList(6, 8), added);
        FeatureCache.Lookup got = cache.get(CK, PP, ids.subList(0, 8));
        assertThat(got.missing()).containsExactly(ids.get(2), ids.get(3), ids.get(4), ids.get(5));
        assertThat(got.vectors()[7]).containsExactly(added[1]);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    @Test
    void aFailureBetweenBlockAndIndexLeavesNoIndexRowsAndNoStrayBytes() throws Exception {
        float[][] first = random(3, 16, 8);
        cache.put(CK, PP, ids.subList(0, 3), first);
        Path file = cache.root().resolve(FeatureCache.relativeFile(CK, PP, FeatureCache.Precision.F32));
        long size = Files.size(file);
        cache.afterBlockWritten(() -> {
            throw new IllegalStateException("simulated failure");
        });
        assertThatThrownBy(() -> cache.put(CK, PP, ids.subList(3, 6), random(3, 16, 9)))
                .hasMessageContaining("simulated failure");
        assertThat(cache.count(CK, PP)).isEqualTo(3);
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(cache.get(CK, PP, ids.subList(0, 3)).vectors()[2]).containsExactly(first[2]);
    }

    @Test
    void aFailingIndexCommitAlsoRollsBack() {
        List<Long> withUnknown = List.of(ids.get(0), 999_999L); // FK violation on the second row
        assertThatThrownBy(() -> cache.put(CK, PP, withUnknown, random(2, 4, 10))).isInstanceOf(StoreException.class);
        assertThat(cache.count(CK, PP)).isZero();
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> cache.put(CK, PP, ids.subList(0, 2), new float[1][4])).hasMessageContaining("2 sample ids but 1");
        assertThatThrownBy(() -> cache.put(CK, PP, ids.subList(0, 2), new float[][]{{1f}, {1f, 2f}})).hasMessageContaining("different sizes");
        assertThatThrownBy(() -> cache.put(" ", PP, ids.subList(0, 1), new float[1][1])).hasMessageContaining("checkpoint hash");
    }

    @Test
    void aCrashBetweenBlockAndIndexLeavesOnlyAnOrphanTail() throws Exception {
        store.close();
        int half = ids.size() / 2;
        try (ChildJvm child = new ChildJvm("features", tmp.toString())) {
            child.awaitLine("BLOCK_WRITTEN");
            assertThat(child.kill()).isNotZero();
        }
        store = ProjectStore.open(tmp);
        cache = store.features();
        assertThat(store.database().integrityCheck()).isEqualTo("ok");
        Path file = cache.root().resolve(FeatureCache.relativeFile(CrashChild.HASH, CrashChild.KEY, FeatureCache.Precision.F32));
        long blockBytes = (long) half * CrashChild.DIM * 4;
        assertThat(Files.size(file)).as("committed block + orphan tail").isEqualTo(2 * blockBytes);
        assertThat(cache.count(CrashChild.HASH, CrashChild.KEY)).isEqualTo(half);

        FeatureCache.Lookup got = cache.get(CrashChild.HASH, CrashChild.KEY, ids);
        assertThat(got.missing()).containsExactlyElementsOf(ids.subList(half, ids.size()));
        float[][] expected = CrashChild.vectors(ids);
        for (int i = 0; i < half; i++) assertThat(got.vectors()[i]).containsExactly(expected[i]);

        // recomputing the missing half appends after the orphan tail and reads back correctly
        cache.put(CrashChild.HASH, CrashChild.KEY, ids.subList(half, ids.size()), CrashChild.vectors(ids.subList(half, ids.size())));
        got = cache.get(CrashChild.HASH, CrashChild.KEY, ids);
        assertThat(got.allCached()).isTrue();
        for (int i = 0; i < ids.size(); i++) assertThat(got.vectors()[i]).containsExactly(expected[i]);
    }
}
