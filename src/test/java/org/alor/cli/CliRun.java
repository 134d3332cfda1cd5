package org.alor.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the `alor` CLI in-process and captures its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return of(AlorCli::commandLine, args);
    }

    /**
     * Runs the command line {@code make} builds (e.g. with a stand-in model backend); it is built after stdout is
     * swapped, so the command's default output goes to the capture.
     */
    static synchronized CliRun of(java.util.function.Supplier<picocli.CommandLine> make, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picoErr = new StringWriter();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            picocli.CommandLine cl = make.get();
            cl.setErr(new PrintWriter(picoErr, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8) + picoErr);
    }
}
