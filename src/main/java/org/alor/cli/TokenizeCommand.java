package org.alor.cli;

import org.alor.clip.ClipTokenizer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code alor clip tokenize}: CLIP token ids of texts, one JSON array per input line. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = {"Print CLIP token ids, one JSON array per text: the TEXT arguments, else each line of --input, else each line of stdin.",
                "Rows are [start, ids..., end, 0...] of length --context; --bpe-only prints the bare BPE ids."})
public final class TokenizeCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--context", paramLabel = "N", defaultValue = "77",
            description = "context length (default ${DEFAULT-VALUE}); longer texts are truncated, keeping the end token")
    int context;

    @Option(names = "--input", paramLabel = "FILE", description = "UTF-8 text file, one text per line")
    Path input;

    @Option(names = "--tokenizer", paramLabel = "PATH",
            description = "checkpoint folder (vocab.json+merges.txt or tokenizer.json), a tokenizer.json, or a CLIP merges file (.txt/.txt.gz); default: CLIP's bundled vocabulary")
    Path tokenizerPath;

    @Option(names = "--bpe-only", description = "print the BPE ids without start/end tokens and padding")
    boolean bpeOnly;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "texts to tokenize")
    List<String> texts;

    @Override
    public Integer call() {
        if (context < 2) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--context must be at least 2, got " + context);
        }
        if (input != null && texts != null && !texts.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give TEXT arguments or --input, not both");
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            ClipTokenizer tokenizer = loadTokenizer();
            if (texts != null && !texts.isEmpty()) {
                for (String t : texts) out.println(row(tokenizer, t));
            } else {
                try (BufferedReader r = input != null ? Files.newBufferedReader(input, StandardCharsets.UTF_8)
                        : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) out.println(row(tokenizer, line));
                }
            }
            out.flush();
            return 0;
        } catch (NoSuchFileException e) {
            return fail("no such file: " + e.getFile());
        } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
            return fail(e.getMessage());
        }
    }

    private ClipTokenizer loadTokenizer() throws IOException {
        if (tokenizerPath == null) return ClipTokenizer.bundled();
        if (Files.isDirectory(tokenizerPath)) return ClipTokenizer.forCheckpointFolder(tokenizerPath);
        if (tokenizerPath.getFileName().toString().endsWith(".json")) return ClipTokenizer.fromTokenizerJson(tokenizerPath);
        return ClipTokenizer.fromMergesFile(tokenizerPath);
    }

    private String row(ClipTokenizer tokenizer, String text) {
        StringBuilder sb = new StringBuilder("[");
        if (bpeOnly) {
            for (int id : tokenizer.encode(text)) sb.append(sb.length() > 1 ? "," : "").append(id);
        } else {
            for (long id : tokenizer.tokenize(text, context)) sb.append(sb.length() > 1 ? "," : "").append(id);
        }
        return sb.append(']').toString();
    }

    private int fail(String message) {
        spec.commandLine().getErr().println("alor clip tokenize: " + message);
        return 1;
    }
}
