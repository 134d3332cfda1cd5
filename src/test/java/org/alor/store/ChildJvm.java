package org.alor.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link CrashChild} in a separate JVM on the test class path. */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final List<String> seen = new ArrayList<>();

    ChildJvm(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CrashChild.class.getName());
        cmd.addAll(List.of(args));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads the child's output until {@code marker}; fails if the child ends first. */
    void awaitLine(String marker) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            seen.add(line);
            if (line.equals(marker)) return;
        }
        throw new AssertionError("child ended before printing " + marker + "; output: " + seen);
    }

    /** SIGKILL on Unix, TerminateProcess on Windows: no shutdown hooks, no finally blocks. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    int awaitExit() throws InterruptedException, IOException {
        String line;
        while ((line = out.readLine()) != null) seen.add(line);
        if (!process.waitFor(60, TimeUnit.SECONDS)) throw new AssertionError("child did not finish");
        return process.exitValue();
    }

    List<String> output() {
        return seen;
    }

    @Override
    public void close() {
        if (process.isAlive()) process.destroyForcibly();
    }
}
