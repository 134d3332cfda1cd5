package org.alor.adapt.train;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchPlanTest {

    @Test
    void eachEpochIsASeededPermutationCutIntoBatches() {
        List<int[]> a = BatchPlan.epochBatches(10, 4, false, 5, 0);
        assertThat(a).extracting(b -> b.length).containsExactly(4, 4, 2);
        int[] all = a.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertThat(all).containsExactly(IntStream.range(0, 10).toArray());
        assertThat(BatchPlan.epochBatches(10, 4, false, 5, 0)).usingRecursiveComparison().isEqualTo(a);
        assertThat(BatchPlan.epochBatches(10, 4, false, 5, 1)).usingRecursiveComparison().isNotEqualTo(a);
        assertThat(BatchPlan.epochBatches(10, 4, false, 6, 0)).usingRecursiveComparison().isNotEqualTo(a);
    }

    @Test
    void dropLastKeepsOnlyFullBatchesUnlessThereIsNone() {
        assertThat(BatchPlan.epochBatches(10, 4, true, 5, 0)).extracting(b -> b.length).containsExactly(4, 4);
        assertThat(BatchPlan.epochBatches(3, 4, true, 5, 0)).extracting(b -> b.length).containsExactly(3);
        assertThat(TrainingConfig.of(50, 128, 1).iterationsPerEpoch(1000)).isEqualTo(7);
        assertThat(TrainingConfig.of(50, 128, 1).totalIterations(1000)).isEqualTo(350);
    }

    @Test
    void microBatchesCoverTheBatchInOrderWithNearEqualSizes() {
        int[] batch = IntStream.range(100, 107).toArray();
        List<int[]> parts = BatchPlan.split(batch, 3);
        assertThat(parts).extracting(p -> p.length).containsExactly(3, 2, 2);
        assertThat(parts.stream().flatMapToInt(Arrays::stream).toArray()).containsExactly(batch);
        assertThat(BatchPlan.split(batch, 20)).hasSize(7);
        assertThat(BatchPlan.largestChunk(128, 2)).isEqualTo(64);
        List<BatchRequest> requests = BatchPlan.requests(List.of(batch), 0, 3, 9, 0);
        assertThat(requests).extracting(BatchRequest::offsetInBatch).containsExactly(0, 3, 5);
        // per-example seeds do not depend on the split
        assertThat(requests.get(1).exampleSeed(0))
                .isEqualTo(BatchPlan.requests(List.of(batch), 0, 1, 9, 0).get(0).exampleSeed(3));
    }

    @Test
    void aLoaderFailureOnThePrefetchThreadSurfacesOnTheTrainerThreadAndNothingLeaks() {
        List<NDManager> handedOut = new ArrayList<>();
        BatchSource<Integer> failing = new BatchSource<>() {
            public int size() {
                return 8;
            }

            public Integer load(NDManager manager, BatchRequest request) {
                synchronized (handedOut) {
                    handedOut.add(manager);
                }
                manager.create(new float[] {1, 2});
                if (request.step() == 2) throw new IllegalArgumentException("cannot decode image 17.jpg");
                return request.step();
            }
        };
        try (NDManager parent = NDManager.newBaseManager()) {
            List<BatchRequest> requests = BatchPlan.requests(BatchPlan.epochBatches(8, 2, true, 1, 0), 0, 1, 1, 0);
            try (Prefetcher<Integer> prefetcher = new Prefetcher<>(failing, requests, parent, 2)) {
                for (int s = 0; s < 2; s++) {
                    Prefetcher.Loaded<Integer> loaded = prefetcher.next();
                    assertThat(loaded.batch()).isEqualTo(s);
                    loaded.manager().close();
                }
                assertThatThrownBy(prefetcher::next).hasMessage("cannot decode image 17.jpg");
            }
            assertThat(handedOut).hasSize(3).allSatisfy(m -> assertThat(m.isOpen()).isFalse());
            assertThat(parent.getManagedArrays()).isEmpty();
        }
    }
}
