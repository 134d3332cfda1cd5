package org.alor.adapt.train;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainerTest {

    @Test
    void fitsALinearlySeparableProblemWithFallingLossAndKeepsTheBestEpoch() {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(200, 1);
        TrainingConfig config = TrainingConfig.of(12, 16, 42);
        List<StepProgress> steps = new ArrayList<>();
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             AdamW adamW = new AdamW(List.of(model.group(0.1, 0.01)));
             ParameterSnapshot best = new ParameterSnapshot(model.parameters());
             NDManager run = NDManager.newBaseManager()) {
            TrainingResult result = Trainer.builder(problem.source(), model.crossEntropy(), adamW, config)
                    .schedule(WarmupCosineSchedule.alor(config.iterationsPerEpoch(200), config.epochs()))
                    .evaluator((m, epoch) -> OptionalDouble.of(model.accuracy(problem.x, problem.y)))
                    .snapshotter(best)
                    .listener(new TrainingListener() {
                        @Override
                        public void onStep(StepProgress p) {
                            steps.add(p);
                        }
                    })
                    .build()
                    .fit(run);

            List<EpochSummary> epochs = result.epochs();
            assertThat(epochs).hasSize(12);
            assertThat(epochs.get(11).meanLoss()).isLessThan(epochs.get(0).meanLoss() * 0.5);
            assertThat(result.selectedScore().getAsDouble()).isGreaterThanOrEqualTo(0.95);
            assertThat(best.epoch()).isEqualTo(result.selectedEpoch());
            assertThat(result.iterations()).isEqualTo(12L * 12); // 200 / 16 = 12 full batches, last dropped
            assertThat(steps).hasSize(144);
            assertThat(steps.get(0).learningRate()).isEqualTo(1e-6);
            assertThat(steps.get(143).etaSeconds()).isCloseTo(0, within(1e-9));
            assertThat(steps.get(5).imagesPerSecond()).isPositive();
            assertThat(steps.get(5).stepsPerEpoch()).isEqualTo(12);

            best.restore();
            assertThat(model.accuracy(problem.x, problem.y)).isEqualTo(result.selectedScore().getAsDouble());
            assertThat(run.getManagedArrays()).isEmpty();
        }
    }

    @Test
    void aTiedValidationScoreSelectsTheLaterEpoch() {
        double[] scores = {0.5, 0.7, 0.7, 0.6};
        List<Integer> snapshots = new ArrayList<>();
        TinyClassifier.Problem problem = new TinyClassifier.Problem(32, 2);
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             SgdMomentum sgd = new SgdMomentum(List.of(model.group(0.01, 5e-4)));
             NDManager run = NDManager.newBaseManager()) {
            TrainingResult result = Trainer.builder(problem.source(), model.crossEntropy(), sgd, TrainingConfig.of(4, 8, 1))
                    .evaluator((m, epoch) -> OptionalDouble.of(scores[epoch]))
                    .snapshotter((epoch, score) -> snapshots.add(epoch))
                    .build().fit(run);
            assertThat(result.selectedEpoch()).isEqualTo(2);
            assertThat(result.selectedScore()).hasValue(0.7);
            assertThat(snapshots).containsExactly(0, 1, 2);
            assertThat(result.epochs()).extracting(EpochSummary::selected).containsExactly(true, true, true, false);
        }
    }

    @Test
    void lastEpochSelectionEvaluatesOnlyTheLastEpoch() {
        List<Integer> evaluated = new ArrayList<>();
        List<Integer> snapshots = new ArrayList<>();
        TinyClassifier.Problem problem = new TinyClassifier.Problem(32, 2);
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             SgdMomentum sgd = new SgdMomentum(List.of(model.group(0.01, 5e-4)));
             NDManager run = NDManager.newBaseManager()) {
            TrainingResult result = Trainer.builder(problem.source(), model.crossEntropy(), sgd,
                            TrainingConfig.of(4, 8, 1).withSelection(ModelSelection.LAST_EPOCH))
                    .evaluator((m, epoch) -> {
                        evaluated.add(epoch);
                        return OptionalDouble.of(0.1);
                    })
                    .snapshotter((epoch, score) -> snapshots.add(epoch))
                    .build().fit(run);
            assertThat(evaluated).containsExactly(3);
            assertThat(snapshots).containsExactly(3);
            assertThat(result.selectedEpoch()).isEqualTo(3);
        }
    }

    @Test
    void cancellationMidEpochThrowsAndClosesEveryManagerAndThePrefetchThread() {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(200, 1);
        List<NDManager> handedOut = Collections.synchronizedList(new ArrayList<>());
        ArrayBatchSource arrays = problem.source();
        BatchSource<NDList> recording = new BatchSource<>() {
            public int size() {
                return arrays.size();
            }

            public NDList load(NDManager manager, BatchRequest request) {
                handedOut.add(manager);
                return arrays.load(manager, request);
            }
        };
        AtomicBoolean cancel = new AtomicBoolean();
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             AdamW adamW = new AdamW(List.of(model.group(0.05, 0.01)));
             NDManager run = NDManager.newBaseManager()) {
            int modelArrays = model.manager.getManagedArrays().size();
            Trainer<NDList> trainer = Trainer.builder(recording, model.crossEntropy(), adamW,
                            TrainingConfig.of(5, 8, 9).withPrefetch(2).withMicroBatches(2))
                    .evaluator((m, epoch) -> {
                        handedOut.add(m);
                        return OptionalDouble.of(0.5);
                    })
                    .listener(new TrainingListener() {
                        @Override
                        public void onStep(StepProgress p) {
                            if (p.epoch() == 1 && p.step() == 3) cancel.set(true);
                        }
                    })
                    .cancellation(org.alor.job.CancellationToken.following(cancel::get))
                    .build();

            assertThatThrownBy(() -> trainer.fit(run)).isInstanceOf(CancellationException.class);

            assertThat(adamW.stepCount()).isEqualTo(25 + 4);
            assertThat(handedOut).isNotEmpty().allSatisfy(m -> assertThat(m.isOpen()).isFalse());
            assertThat(run.getManagedArrays()).isEmpty();
            assertThat(model.manager.getManagedArrays()).hasSize(modelArrays);
            assertThat(Thread.getAllStackTraces().keySet())
                    .noneMatch(t -> t.getName().equals("alor-batch-prefetch") && t.isAlive());
        }
    }

    @Test
    void accumulatingTwoMicroBatchesGivesTheFullBatchUpdate() {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(48, 5);
        List<Integer> microSizes = new ArrayList<>();
        try (TinyClassifier full = new TinyClassifier(2, 2, 3);
             TinyClassifier accumulated = new TinyClassifier(2, 2, 11);
             NDManager run = NDManager.newBaseManager()) {
            accumulated.copyFrom(full);
            assertThat(accumulated.flatParameters()).containsExactly(full.flatParameters());
            TrainingConfig config = TrainingConfig.of(2, 16, 7);
            try (SgdMomentum sgd = new SgdMomentum(List.of(full.group(0.5, 5e-4)))) {
                Trainer.builder(problem.source(), full.crossEntropy(), sgd, config).build().fit(run);
            }
            TrainStep<NDList> step = accumulated.crossEntropy();
            try (SgdMomentum sgd = new SgdMomentum(List.of(accumulated.group(0.5, 5e-4)))) {
                Trainer.builder(problem.source(), (TrainStep<NDList>) (m, b, c) -> {
                            microSizes.add((int) b.get(0).getShape().get(0));
                            return step.loss(m, b, c);
                        }, sgd, config.withMicroBatches(2)).build().fit(run);
            }
            assertThat(microSizes).hasSize(2 * 3 * 2).containsOnly(8);
            float[] a = full.flatParameters();
            float[] b = accumulated.flatParameters();
            for (int i = 0; i < a.length; i++) assertThat(b[i]).isCloseTo(a[i], within(1e-5f));
            assertThat(a).isNotEqualTo(new TinyClassifier(2, 2, 3).flatParameters());
        }
    }

    @Test
    void anOutOfMemoryMicroBatchIsRetriedAsSmallerAccumulatedMicroBatches() {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(64, 5);
        List<String> notices = new ArrayList<>();
        List<Integer> trainedSizes = new ArrayList<>();
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             AdamW adamW = new AdamW(List.of(model.group(0.05, 0.01)));
             NDManager run = NDManager.newBaseManager()) {
            TrainStep<NDList> ce = model.crossEntropy();
            TrainingResult result = Trainer.builder(problem.source(), (TrainStep<NDList>) (m, batch, c) -> {
                        int size = (int) batch.get(0).getShape().get(0);
                        if (size > 16) throw new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB");
                        trainedSizes.add(size);
                        return ce.loss(m, batch, c);
                    }, adamW, TrainingConfig.of(2, 64, 3).withPrefetch(2))
                    .listener(new TrainingListener() {
                        @Override
                        public void onNotice(String message) {
                            notices.add(message);
                        }
                    })
                    .build().fit(run);
            assertThat(notices).containsExactly("batch 64 does not fit, accumulating 2×32",
                    "batch 64 does not fit, accumulating 4×16");
            assertThat(result.microBatches()).isEqualTo(4);
            assertThat(result.iterations()).isEqualTo(2);
            assertThat(trainedSizes).hasSize(8).containsOnly(16);
            assertThat(run.getManagedArrays()).isEmpty();
        }
    }

    @Test
    void aStepWithANonFiniteLossIsSkippedWithoutTouchingTheWeights() {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(64, 6);
        List<String> notices = new ArrayList<>();
        List<float[]> afterStep = new ArrayList<>();
        int[] calls = {0};
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             AdamW adamW = new AdamW(List.of(model.group(0.05, 0.01)));
             NDManager run = NDManager.newBaseManager()) {
            TrainStep<NDList> ce = model.crossEntropy();
            TrainingResult result = Trainer.builder(problem.source(), (TrainStep<NDList>) (m, batch, c) -> {
                        NDArray loss = ce.loss(m, batch, c);
                        return calls[0]++ == 2 ? loss.mul(Float.NaN) : loss;
                    }, adamW, TrainingConfig.of(1, 8, 3))
                    .listener(new TrainingListener() {
                        @Override
                        public void onStep(StepProgress p) {
                            afterStep.add(model.flatParameters());
                        }

                        @Override
                        public void onNotice(String message) {
                            notices.add(message);
                        }
                    })
                    .build().fit(run);
            assertThat(result.skippedSteps()).isEqualTo(1);
            assertThat(result.iterations()).isEqualTo(8);
            assertThat(afterStep.get(2)).containsExactly(afterStep.get(1));
            assertThat(afterStep.get(3)).isNotEqualTo(afterStep.get(2));
            for (float v : model.flatParameters()) assertThat(v).isFinite();
            assertThat(result.epochs().get(0).meanLoss()).isFinite();
            assertThat(notices).containsExactly("the loss became NaN at epoch 1, step 3; that step was skipped (weights unchanged)");
            assertThat(run.getManagedArrays()).isEmpty();
        }
    }

    @Test
    void aFiniteLossWithAnInfiniteGradientIsSkippedAndNamesTheParameter() {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(32, 7);
        List<String> notices = new ArrayList<>();
        int[] calls = {0};
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             AdamW adamW = new AdamW(List.of(model.group(0.05, 0.01)));
             NDManager run = NDManager.newBaseManager()) {
            TrainStep<NDList> ce = model.crossEntropy();
            float[] before = model.flatParameters();
            TrainingResult result = Trainer.builder(problem.source(), (TrainStep<NDList>) (m, batch, c) -> {
                        NDArray loss = ce.loss(m, batch, c);
                        if (calls[0]++ != 0) return loss;
                        // sqrt at 0: the value is finite, its derivative is infinite
                        NDArray zero = model.parameters().get(0).getArray().sum().mul(0f);
                        return loss.add(zero.sqrt());
                    }, adamW, TrainingConfig.of(1, 32, 3))
                    .listener(new TrainingListener() {
                        @Override
                        public void onNotice(String message) {
                            notices.add(message);
                        }
                    })
                    .build().fit(run);
            assertThat(result.skippedSteps()).isEqualTo(1);
            assertThat(model.flatParameters()).containsExactly(before);
            assertThat(notices).singleElement().asString()
                    .startsWith("the gradient of " + model.parameters().get(0).getName() + " became non-finite at epoch 1, step 1");
        }
    }

    @Test
    void fiveNonFiniteStepsInARowStopTheTraining() {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(80, 8);
        int[] calls = {0};
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             AdamW adamW = new AdamW(List.of(model.group(0.05, 0.01)));
             NDManager run = NDManager.newBaseManager()) {
            TrainStep<NDList> ce = model.crossEntropy();
            Trainer<NDList> trainer = Trainer.builder(problem.source(), (TrainStep<NDList>) (m, batch, c) -> {
                NDArray loss = ce.loss(m, batch, c);
                return calls[0]++ >= 1 ? loss.div(0f) : loss;
            }, adamW, TrainingConfig.of(1, 8, 3).withPrefetch(1)).build();
            assertThatThrownBy(() -> trainer.fit(run)).isInstanceOf(NonFiniteTrainingException.class)
                    .hasMessage("the loss became Infinity at epoch 1, step 6, and in the 4 steps before it; lower the learning rate");
            assertThat(calls[0]).isEqualTo(6);
            assertThat(run.getManagedArrays()).isEmpty();
        }
    }

    @Test
    void whenEvenOneExampleDoesNotFitTheErrorSaysSo() {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(8, 5);
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             AdamW adamW = new AdamW(List.of(model.group(0.05, 0.01)));
             NDManager run = NDManager.newBaseManager()) {
            Trainer<NDList> trainer = Trainer.builder(problem.source(), (TrainStep<NDList>) (m, batch, c) -> {
                throw new EngineException("DefaultCPUAllocator: can't allocate memory: you tried to allocate 1 bytes");
            }, adamW, TrainingConfig.of(1, 8, 3)).build();
            assertThatThrownBy(() -> trainer.fit(run)).isInstanceOf(BatchDoesNotFitException.class)
                    .hasMessageContaining("one example").hasMessageContaining("lower --batch");
            assertThat(adamW.stepCount()).isZero();
            assertThat(run.getManagedArrays()).isEmpty();
        }
    }

    @Test
    void trainsOnAWorkerThreadWhereLibtorchRecordsGradientsByDefault() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Object> outcome = new java.util.concurrent.atomic.AtomicReference<>();
        Thread worker = new Thread(() -> {
            TinyClassifier.Problem problem = new TinyClassifier.Problem(32, 1);
            try (TinyClassifier model = new TinyClassifier(2, 2, 3);
                 AdamW adamW = new AdamW(List.of(model.group(0.05, 0.01)));
                 ParameterSnapshot best = new ParameterSnapshot(model.parameters());
                 NDManager run = NDManager.newBaseManager()) {
                outcome.set(Trainer.builder(problem.source(), model.crossEntropy(), adamW, TrainingConfig.of(2, 8, 1))
                        .evaluator((m, epoch) -> OptionalDouble.of(model.accuracy(problem.x, problem.y)))
                        .snapshotter(best).build().fit(run));
                best.restore();
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, "worker");
        worker.start();
        worker.join();
        assertThat(outcome.get()).isInstanceOf(TrainingResult.class);
    }

    @Test
    void theSameSeedGivesIdenticalParametersAndAnotherSeedDoesNot() {
        float[] first = trainWithSeed(7);
        float[] second = trainWithSeed(7);
        float[] other = trainWithSeed(8);
        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    /** Trains with prefetching and a per-example "augmentation" drawn from the request seeds. */
    private float[] trainWithSeed(long seed) {
        TinyClassifier.Problem problem = new TinyClassifier.Problem(64, 5);
        ArrayBatchSource arrays = problem.source();
        BatchSource<NDList> jittered = new BatchSource<>() {
            public int size() {
                return arrays.size();
            }

            public NDList load(NDManager manager, BatchRequest request) {
                NDList batch = arrays.load(manager, request);
                float[] noise = new float[request.size() * 2];
                for (int i = 0; i < request.size(); i++) {
                    java.util.SplittableRandom r = new java.util.SplittableRandom(request.exampleSeed(i));
                    noise[2 * i] = (float) (r.nextDouble() - 0.5) * 0.1f;
                    noise[2 * i + 1] = (float) (r.nextDouble() - 0.5) * 0.1f;
                }
                batch.get(0).addi(manager.create(noise, batch.get(0).getShape()));
                return batch;
            }
        };
        try (TinyClassifier model = new TinyClassifier(2, 2, 3);
             AdamW adamW = new AdamW(List.of(model.group(0.05, 0.01)));
             NDManager run = NDManager.newBaseManager()) {
            Trainer.builder(jittered, model.crossEntropy(), adamW, TrainingConfig.of(3, 16, seed).withPrefetch(2))
                    .build().fit(run);
            return model.flatParameters();
        }
    }
}
