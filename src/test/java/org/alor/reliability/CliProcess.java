package org.alor.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** `alor …` in a child JVM on the test class path, so a test can kill it with SIGKILL like a user's `kill -9`. */
final class CliProcess {
    /** How a run ended: its exit code (137-style codes after a kill), output and whether the test killed it. */
    record Outcome(int exitCode, String output, boolean killed, long millis) {
    }

    private CliProcess() {
    }

    static ProcessBuilder builder(List<String> args, Path log) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.alor.cli.AlorCli"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    }

    /** Runs to the end (at most 5 minutes). */
    static Outcome run(Path workDir, String... args) throws IOException, InterruptedException {
        return runKilledAfter(workDir, -1, args);
    }

    /** Runs and kills it as soon as {@code condition} holds (checked every 5 ms), unless it ends first. */
    static Outcome runKilledWhen(Path workDir, java.util.function.BooleanSupplier condition, String... args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "cli", ".log");
        long t0 = System.nanoTime();
        Process p = builder(List.of(args), log).start();
        boolean killed = false;
        long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
                killed = true;
                break;
            }
            Thread.sleep(5);
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("alor " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), killed, millis);
    }

    /** Runs and, unless it ends first, kills it {@code killAfterMillis} after the start (−1: never). */
    static Outcome runKilledAfter(Path workDir, long killAfterMillis, String... args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "cli", ".log");
        long t0 = System.nanoTime();
        Process p = builder(List.of(args), log).start();
        boolean killed = false;
        if (killAfterMillis >= 0 && !p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            killed = true;
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("alor " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        return new Outcome(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), killed, millis);
    }
}
