package org.alor.reliability;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills `alor init`, `retrieve` and `round` (LP, and a 1-epoch CT) with SIGKILL at seeded random points of a tiny
 * synthetic world, and a 3-epoch CT round during its second epoch, runs the same command again, and compares the
 * project with an uninterrupted run: no confirmed label may be lost and nothing may differ. Prints a table of what
 * was injected and survived. Runs in CI
 * ({@code mvn -B test}); alone: {@code mvn -o test -Dtest=FaultInjectionSuiteTest}.
 */
@Tag("faults")
class FaultInjectionSuiteTest {
    private static final Path CHECKPOINT = Path.of("sample-data", "synthetic-aves", "clip").toAbsolutePath();
    /** Kills per command (more: {@code -Dalor.faultKills=5}) at points drawn with {@code -Dalor.faultSeed} (18). */
    private static final int KILLS_PER_COMMAND = Integer.getInteger("alor.faultKills", 1);
    private static final long SEED = Long.getLong("alor.faultSeed", 18);

    @TempDir
    static Path tmp;
    private static Path world;
    private static long jvmStartMillis;

    /** One row of the table. */
    record Row(String fault, long uninterruptedMillis, int attempts, int injected, int survived, int labelsLost, int differing) {
    }

    @BeforeAll
    static void makeTinyWorld() throws Exception {
        world = tmp.resolve("world");
        CliProcess.Outcome synth = CliProcess.run(tmp, "synth", "--out", world.toString(), "--species", "6",
                "--corpus", "600", "--pool-max", "12", "--pool-min", "4", "--val", "3", "--test", "4", "--seed", "3");
        assertThat(synth.exitCode()).as(synth.output()).isZero();
        jvmStartMillis = CliProcess.run(tmp, "--version").millis();
    }

    @Test
    void killedCommandsResumeToTheUninterruptedResult() throws Exception {
        Random random = new Random(SEED);
        List<Row> rows = new ArrayList<>();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        rows.add(killAndResume("kill -9 during init", empty, random, initArgs()));
        Path initialised = referenceOf("kill -9 during init");
        rows.add(killAndResume("kill -9 during retrieve", initialised, random, "retrieve", "{P}"));
        Path retrieved = referenceOf("kill -9 during retrieve");
        String[] lpRound = {"round", "{P}", "--method", "lp", "--oracle", "--epochs", "5"};
        rows.add(killAndResume("kill -9 during round (LP)", retrieved, random, lpRound));
        diskFull(retrieved, referenceOf("kill -9 during round (LP)"), lpRound).ifPresent(rows::add);
        Path labeled = referenceOf("kill -9 during round (LP)");
        rows.add(hostileCheckpoint("hostile checkpoint: pickle calling os.system", labeled, Hostile::picklingCheckpoint));
        rows.add(hostileCheckpoint("hostile checkpoint: safetensors header lying about sizes", labeled,
                Hostile::lyingSafetensors));
        rows.add(hostileCheckpoint("hostile checkpoint: random bytes", labeled, Hostile::randomBytesCheckpoint));
        rows.add(hostileCorpus("hostile corpus: random bytes as Parquet", labeled, "x.parquet"));
        rows.add(hostileCorpus("hostile corpus: garbage tar shard", labeled, "shard-00000.tar"));
        String[] ctRound = {"round", "{P}", "--method", "ct", "--oracle", "--epochs", "1", "--batch", "32"};
        rows.add(killAndResume("kill -9 during round (CT, 1 epoch)", retrieved, random, ctRound));
        rows.add(killDuringSecondEpoch("kill -9 during CT epoch 2 of 3", retrieved,
                "round", "{P}", "--method", "ct", "--oracle", "--epochs", "3", "--batch", "32", "--rda", "off"));
        rows.add(twoWriters(retrieved, referenceOf("kill -9 during round (CT, 1 epoch)"), ctRound));

        System.out.println(table(rows));
        for (Row r : rows) {
            assertThat(r.survived()).as(r.fault() + ": runs that finished after the fault").isEqualTo(r.attempts());
            assertThat(r.injected()).as(r.fault() + ": faults that landed before the command ended").isPositive();
            assertThat(r.labelsLost()).as(r.fault() + ": confirmed labels lost").isZero();
            assertThat(r.differing()).as(r.fault() + ": results differing from the uninterrupted run").isZero();
        }
    }

    private static String[] initArgs() {
        return new String[] {"init", "{P}", "--images", world.toString(), "--format", "splits",
                "--classes", world.resolve("classes.json").toString(), "--checkpoint", CHECKPOINT.toString(),
                "--corpus", world.resolve("corpus").toString(), "--prompts", "birds"};
    }

    /**
     * The uninterrupted run of {@code args} on a copy of {@code base}, then {@link #KILLS_PER_COMMAND} runs on fresh
     * copies killed at a random point of that run's duration and run again to the end.
     */
    private static Row killAndResume(String fault, Path base, Random random, String... args) throws Exception {
        String name = folderName(fault);
        Path reference = projectIn(base, referenceOf(fault));
        CliProcess.Outcome ref = CliProcess.run(tmp, withProject(args, reference));
        assertThat(ref.exitCode()).as(fault + " uninterrupted: " + ref.output()).isZero();
        ProjectFacts expected = ProjectFacts.of(reference);
        int injected = 0;
        int survived = 0;
        int lost = 0;
        int differing = 0;
        for (int k = 0; k < KILLS_PER_COMMAND; k++) {
            // past the JVM's start, somewhere in the command's own work; a command that ends before the kill
            // (the machine was faster this time) is tried again on a fresh copy with an earlier kill
            long work = Math.max(1, ref.millis() - jvmStartMillis);
            long killAt = jvmStartMillis + (long) (work * (0.1 + 0.8 * random.nextDouble()));
            Path project = null;
            CliProcess.Outcome killed = null;
            for (int attempt = 0; attempt < 4 && (killed == null || !killed.killed()); attempt++) {
                if (attempt > 0) killAt /= 2;
                project = projectIn(base, tmp.resolve(name + "-killed-" + k + "-" + attempt));
                killed = CliProcess.runKilledAfter(tmp, killAt, withProject(args, project));
            }
            if (!killed.killed()) continue;
            injected++;
            CliProcess.Outcome again = CliProcess.run(tmp, withProject(args, project));
            if (again.exitCode() != 0) {
                System.out.printf(Locale.ROOT, "%s (killed after %d ms): the second run failed: %s%n", fault, killAt,
                        again.output().strip());
                continue;
            }
            ProjectFacts actual = ProjectFacts.of(project);
            if (!actual.integrity().equals("ok")) continue;
            survived++;
            lost += actual.labelsLostAgainst(expected);
            if (!actual.equals(expected)) {
                differing++;
                System.out.printf(Locale.ROOT, "%s (killed after %d ms) differs:%n  expected %s%n  actual   %s%n",
                        fault, killAt, expected.rounds(), actual.rounds());
            }
        }
        return new Row(fault, ref.millis(), KILLS_PER_COMMAND, injected, survived, lost, differing);
    }

    /**
     * Issue 18 item 14: the uninterrupted round (CT, 3 epochs) on a copy of {@code base}; then a copy killed the moment
     * its first epoch checkpoint appears, so during epoch 2, and run again. The second run must say it continues
     * after epoch 1, end with the uninterrupted project and byte-identical pool probabilities and model files, and
     * leave no epoch checkpoint behind.
     */
    private static Row killDuringSecondEpoch(String fault, Path base, String... args) throws Exception {
        long rowStart = System.nanoTime();
        Path reference = copy(base, referenceOf(fault));
        CliProcess.Outcome ref = CliProcess.run(tmp, withProject(args, reference));
        assertThat(ref.exitCode()).as(fault + " uninterrupted: " + ref.output()).isZero();
        Path project = copy(base, tmp.resolve(folderName(fault) + "-killed"));
        Path checkpoint = project.resolve("rounds").resolve("0").resolve("epoch-checkpoint.safetensors");
        CliProcess.Outcome killed = CliProcess.runKilledWhen(tmp, () -> Files.exists(checkpoint), withProject(args, project));
        int epochsSaved = killed.killed() ? epochsDone(checkpoint) : -1;
        System.out.printf(Locale.ROOT, "%s: killed after %d ms with %d epoch(s) saved%n", fault, killed.millis(), epochsSaved);
        boolean injected = epochsSaved == 1;
        CliProcess.Outcome again = CliProcess.run(tmp, withProject(args, project));
        boolean resumed = again.exitCode() == 0 && again.output().contains("epoch 1 of 3 already trained");
        if (!resumed) System.out.println(fault + ": the second run did not resume after epoch 1: " + again.output().strip());
        ProjectFacts expected = ProjectFacts.of(reference);
        ProjectFacts actual = ProjectFacts.of(project);
        boolean survived = resumed && !Files.exists(checkpoint) && actual.integrity().equals("ok");
        boolean same = actual.equals(expected);
        for (String file : List.of("rounds/0/pool-probs.bin", "models/round-0/towers.safetensors",
                "models/round-0/head.safetensors")) {
            if (Files.mismatch(reference.resolve(file), project.resolve(file)) != -1) {
                System.out.println(fault + ": " + file + " differs from the uninterrupted run's");
                same = false;
            }
        }
        System.out.printf(Locale.ROOT, "%s: the row took %.1f s%n", fault, (System.nanoTime() - rowStart) / 1e9);
        return new Row(fault, ref.millis(), 1, injected ? 1 : 0, survived ? 1 : 0, actual.labelsLostAgainst(expected),
                same ? 0 : 1);
    }

    /** The finished epochs an epoch checkpoint records. */
    private static int epochsDone(Path checkpoint) throws IOException {
        try (org.alor.clip.SafetensorsFile f = org.alor.clip.SafetensorsFile.open(checkpoint)) {
            return com.google.gson.JsonParser.parseString(f.metadata().get("trainer")).getAsJsonObject()
                    .get("epochs_done").getAsInt();
        }
    }

    /**
     * The round on a copy of {@code base} placed on a tmpfs with about 600 kB free, so it runs out of space; then
     * the tmpfs grows and the same round runs again, and must match {@code reference}. Needs permission to mount
     * (root); elsewhere the row is left out and said so.
     */
    private static java.util.Optional<Row> diskFull(Path base, Path reference, String... args) throws Exception {
        Path mountPoint = Files.createDirectories(tmp.resolve("small-disk"));
        long projectKb = sizeKb(base);
        if (!mount(mountPoint, "size=" + (projectKb + 600) + "k")) {
            System.out.println("disk full: left out (mounting a tmpfs is not permitted here)");
            return java.util.Optional.empty();
        }
        try {
            Path project = copy(base, mountPoint.resolve("p"));
            CliProcess.Outcome full = CliProcess.run(tmp, withProject(args, project));
            boolean injected = full.exitCode() != 0;
            System.out.println("disk full: first run exited " + full.exitCode() + ": " + lastLine(full.output()));
            assertThat(full.output()).as("one line, no stack trace").doesNotContain("\tat org.alor");
            if (!mount(mountPoint, "remount,size=" + (projectKb + 65536) + "k")) throw new AssertionError("remount failed");
            CliProcess.Outcome again = CliProcess.run(tmp, withProject(args, project));
            ProjectFacts expected = ProjectFacts.of(reference);
            boolean survived = again.exitCode() == 0 && ProjectFacts.of(project).integrity().equals("ok");
            ProjectFacts actual = survived ? ProjectFacts.of(project) : null;
            return java.util.Optional.of(new Row("disk full during round (LP)", 0, 1, injected ? 1 : 0, survived ? 1 : 0,
                    actual == null ? 0 : actual.labelsLostAgainst(expected),
                    actual == null || actual.equals(expected) ? 0 : 1));
        } finally {
            new ProcessBuilder("umount", mountPoint.toString()).start().waitFor();
        }
    }

    private static boolean mount(Path mountPoint, String options) throws IOException, InterruptedException {
        List<String> cmd = options.startsWith("remount")
                ? List.of("mount", "-o", options, mountPoint.toString())
                : List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.toString());
        try {
            return new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false; // no mount command
        }
    }

    private static long sizeKb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> (p.toFile().length() + 4095) / 4096 * 4).sum();
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }

    /** Makes a hostile checkpoint folder; {@code marker} is a file that must never come to exist. */
    @FunctionalInterface
    interface CheckpointMaker {
        void write(Path folder, Path marker) throws IOException;
    }

    /**
     * A copy of {@code base} pointed at a hostile checkpoint, then zero-shot on it: the command must fail with one
     * line, run nothing the file asks for, and leave the project as it was.
     */
    private static Row hostileCheckpoint(String fault, Path base, CheckpointMaker maker) throws Exception {
        Path project = copy(base, tmp.resolve(folderName(fault)));
        Path checkpoint = Files.createDirectories(tmp.resolve(folderName(fault) + "-checkpoint"));
        Path marker = tmp.resolve(folderName(fault) + "-executed");
        maker.write(checkpoint, marker);
        ProjectFacts before = ProjectFacts.of(project);
        CliProcess.Outcome set = CliProcess.run(tmp, "set", project.toString(), "--checkpoint", checkpoint.toString());
        CliProcess.Outcome used = set.exitCode() != 0 ? set : CliProcess.run(tmp, "zero-shot", project.toString());
        ProjectFacts after = ProjectFacts.of(project);
        boolean refusedClearly = used.exitCode() == 1 && used.output().strip().lines().count() == 1;
        System.out.println(fault + ": exit " + used.exitCode() + ": " + lastLine(used.output()));
        boolean survived = refusedClearly && !Files.exists(marker) && after.integrity().equals("ok");
        return new Row(fault, 0, 1, 1, survived ? 1 : 0, after.labelsLostAgainst(before), after.equals(before) ? 0 : 1);
    }

    /**
     * Retrieval from a corpus file of random bytes on a copy of {@code base} (a project that has retrieved): it must
     * fail with one line and keep every retrieved image and label.
     */
    private static Row hostileCorpus(String fault, Path base, String fileName) throws Exception {
        Path project = copy(base, tmp.resolve(folderName(fault)));
        Path corpus = Files.createDirectories(tmp.resolve(folderName(fault) + "-corpus")).resolve(fileName);
        byte[] bytes = new byte[4096];
        new Random(fileName.hashCode()).nextBytes(bytes);
        Files.write(corpus, bytes);
        ProjectFacts before = ProjectFacts.of(project);
        CliProcess.Outcome used = CliProcess.run(tmp, "retrieve", project.toString(), "--corpus", corpus.toString());
        ProjectFacts after = ProjectFacts.of(project);
        System.out.println(fault + ": exit " + used.exitCode() + ": " + lastLine(used.output()));
        boolean survived = used.exitCode() == 1 && used.output().strip().lines().count() == 1
                && after.integrity().equals("ok");
        return new Row(fault, 0, 1, 1, survived ? 1 : 0, after.labelsLostAgainst(before), after.equals(before) ? 0 : 1);
    }

    /**
     * A second `alor round` started while the first one writes the project: the second must be refused with one
     * line naming the holder, and the first must end with the uninterrupted result (no label recorded twice).
     */
    private static Row twoWriters(Path base, Path reference, String... args) throws Exception {
        String fault = "two writers: a second round during a round";
        Path project = copy(base, tmp.resolve(folderName(fault)));
        Path log = Files.createTempFile(tmp, "first", ".log");
        Process first = CliProcess.builder(List.of(withProject(args, project)), log).start();
        try {
            Path lock = project.resolve("writer.lock");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            String holder = "pid " + first.pid(); // the lock file records its holder; an old one may be left there
            while (first.isAlive() && !(Files.isRegularFile(lock) && Files.readString(lock).contains(holder))
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            CliProcess.Outcome second = CliProcess.run(tmp, withProject(args, project));
            boolean injected = first.isAlive();
            System.out.println(fault + ": second exit " + second.exitCode() + ": " + lastLine(second.output()));
            if (!first.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) throw new AssertionError("first round hangs");
            boolean refused = second.exitCode() == 1 && second.output().strip().lines().count() == 1
                    && second.output().contains("another ALOR session is writing this project");
            ProjectFacts expected = ProjectFacts.of(reference);
            ProjectFacts actual = ProjectFacts.of(project);
            boolean survived = refused && first.exitValue() == 0 && actual.integrity().equals("ok");
            return new Row(fault, 0, 1, injected ? 1 : 0, survived ? 1 : 0, actual.labelsLostAgainst(expected),
                    actual.equals(expected) ? 0 : 1);
        } finally {
            first.destroyForcibly();
        }
    }

    /** The project of a fault's uninterrupted run. */
    private static Path referenceOf(String fault) {
        return tmp.resolve(folderName(fault) + "-reference");
    }

    private static String folderName(String fault) {
        return fault.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** Where the command runs: a copy of {@code base} (a project), or a new folder inside {@code base}'s parent for init. */
    private static Path projectIn(Path base, Path target) throws IOException {
        if (Files.isRegularFile(base.resolve("project.alor"))) return copy(base, target);
        return target;
    }

    private static String[] withProject(String[] args, Path project) {
        return Stream.of(args).map(a -> a.equals("{P}") ? project.toString() : a).toArray(String[]::new);
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder("| fault | uninterrupted run | injected | survived | labels lost | results differing |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d |%n", r.fault(),
                    r.uninterruptedMillis() > 0 ? String.format(Locale.ROOT, "%.1f s", r.uninterruptedMillis() / 1000.0) : "–", r.injected(), r.survived(), r.labelsLost(), r.differing()));
        }
        return b.toString();
    }
}
