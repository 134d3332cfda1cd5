package org.alor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands write to picocli's writers, so an embedding program (or a test) can redirect them. */
class CommandWritersTest {
    @TempDir
    Path tmp;

    private record Captured(int code, String out, String err, String systemStreams) {
    }

    private static synchronized Captured run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream system = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try {
            PrintStream both = new PrintStream(system, true, StandardCharsets.UTF_8);
            System.setOut(both);
            System.setErr(both);
            picocli.CommandLine cl = AlorCli.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            code = cl.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Captured(code, out.toString(), err.toString(), system.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageResultsAndErrorsGoToTheCommandsWriters() throws IOException {
        Captured usage = run();
        assertThat(usage.out()).contains("Usage: alor");

        Path images = tmp.resolve("images");
        for (String cls : new String[] {"finch", "wren"}) {
            Files.createDirectories(images.resolve(cls));
            Files.write(images.resolve(cls).resolve("broken.jpg"), new byte[] {1, 2, 3});
        }
        Captured init = run("init", tmp.resolve("p").toString(), "--images", images.toString());
        assertThat(init.out() + init.err()).isNotEmpty();

        Captured info = run("info", tmp.resolve("p").toString());
        Captured status = run("status", tmp.resolve("nowhere").toString());
        assertThat(status.code()).isNotZero();
        assertThat(status.err()).contains("alor status:");
        assertThat(usage.systemStreams() + init.systemStreams() + info.systemStreams() + status.systemStreams()).isEmpty();
    }
}
