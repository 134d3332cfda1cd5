package org.alor.clip;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CLIP's byte-level BPE tokenizer, reproducing OpenAI CLIP's {@code SimpleTokenizer} (and OpenCLIP's
 * {@code tokenize}): clean the text, split it with CLIP's pattern, map each piece's UTF-8 bytes to
 * the byte table, apply BPE. Thread-safe.
 */
public final class ClipTokenizer {
    public static final int DEFAULT_CONTEXT_LENGTH = 77;
    public static final String START_OF_TEXT = "<|startoftext|>";
    public static final String END_OF_TEXT = "<|endoftext|>";
    private static final String END_OF_WORD = "</w>";
    /** The reference keeps merges[1 : 49152-256-2+1] of its merges file: 48,894 merges. */
    static final int CLIP_MERGE_COUNT = 49152 - 256 - 2;
    private static final String BUNDLED_RESOURCE = "bpe_simple_vocab_16e6.txt.gz";

    private static final Pattern PIECES = Pattern.compile(
            "<\\|startoftext\\|>|<\\|endoftext\\|>|'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final String[] idToToken;
    private final Map<String, Integer> specialTokens;
    private final BytePairEncoder bpe;
    private final int sot;
    private final int eot;

    private ClipTokenizer(Map<String, Integer> vocab, List<String[]> merges, String source) {
        Integer start = vocab.get(START_OF_TEXT);
        Integer end = vocab.get(END_OF_TEXT);
        if (start == null || end == null) {
            throw new IllegalArgumentException(source + ": the vocabulary lacks " + START_OF_TEXT + " or " + END_OF_TEXT);
        }
        try {
            this.bpe = new BytePairEncoder(vocab, merges);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        int maxId = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        this.idToToken = new String[maxId + 1];
        vocab.forEach((token, id) -> {
            if (id < 0) throw new IllegalArgumentException(source + ": negative id " + id + " for token '" + token + "'");
            idToToken[id] = token;
        });
        this.sot = start;
        this.eot = end;
        this.specialTokens = Map.of(START_OF_TEXT, start, END_OF_TEXT, end);
    }

    // ---- factories ----

    /** The tokenizer for CLIP's own vocabulary bundled with ALOR (shared instance). */
    public static ClipTokenizer bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final ClipTokenizer INSTANCE = loadBundled();

        private static ClipTokenizer loadBundled() {
            try (InputStream in = ClipTokenizer.class.getResourceAsStream(BUNDLED_RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource org/alor/clip/" + BUNDLED_RESOURCE);
                return fromMergesList(TokenizerFiles.openMaybeGzip(in), "bundled " + BUNDLED_RESOURCE);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the bundled CLIP vocabulary: " + e.getMessage(), e);
            }
        }
    }

    /**
     * From an OpenAI/OpenCLIP merges file ({@code bpe_simple_vocab_16e6.txt}, plain or gzipped):
     * the vocabulary is derived from the merges exactly as the reference does.
     */
    public static ClipTokenizer fromMergesFile(Path mergesFile) throws IOException {
        try (BufferedReader reader = TokenizerFiles.openMaybeGzip(Files.newInputStream(mergesFile))) {
            return fromMergesList(reader, mergesFile.toString());
        }
    }

    /** From a Hugging Face {@code vocab.json} + {@code merges.txt} pair; ids come from vocab.json. */
    public static ClipTokenizer fromVocabAndMerges(Path vocabJson, Path mergesTxt) throws IOException {
        Map<String, Integer> vocab = TokenizerFiles.readVocabJson(vocabJson);
        List<String[]> merges = TokenizerFiles.readHfMerges(mergesTxt);
        return new ClipTokenizer(vocab, merges, vocabJson + " + " + mergesTxt);
    }

    /** From a Hugging Face {@code tokenizer.json} (BPE model with embedded vocab and merges). */
    public static ClipTokenizer fromTokenizerJson(Path tokenizerJson) throws IOException {
        TokenizerFiles.VocabAndMerges vm = TokenizerFiles.readTokenizerJson(tokenizerJson);
        return new ClipTokenizer(vm.vocab(), vm.merges(), tokenizerJson.toString());
    }

    /**
     * The tokenizer a checkpoint folder ships: {@code vocab.json}+{@code merges.txt}, else
     * {@code tokenizer.json}, else the bundled CLIP vocabulary (OpenCLIP checkpoints ship none).
     */
    public static ClipTokenizer forCheckpointFolder(Path folder) throws IOException {
        Path vocab = folder.resolve("vocab.json");
        Path merges = folder.resolve("merges.txt");
        if (Files.isRegularFile(vocab) && Files.isRegularFile(merges)) return fromVocabAndMerges(vocab, merges);
        Path tokenizerJson = folder.resolve("tokenizer.json");
        if (Files.isRegularFile(tokenizerJson)) return fromTokenizerJson(tokenizerJson);
        return bundled();
    }

    /** Reads the header line and the first 48,894 merges, then builds the vocabulary as the reference does. */
    static ClipTokenizer fromMergesList(BufferedReader reader, String source) throws IOException {
        if (reader.readLine() == null) throw new IllegalArgumentException(source + ": empty merges file");
        List<String[]> merges = new ArrayList<>(CLIP_MERGE_COUNT);
        for (int i = 1; i <= CLIP_MERGE_COUNT; i++) {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalArgumentException(source + ": expected " + CLIP_MERGE_COUNT
                        + " merges after the header line, found " + (i - 1));
            }
            merges.add(TokenizerFiles.parseMergeLine(line, source, i + 1));
        }
        List<String> tokens = new ArrayList<>(CLIP_MERGE_COUNT + 514);
        char[] bytes = ByteUnicodeTable.vocabularyOrder();
        for (char c : bytes) tokens.add(String.valueOf(c));
        for (char c : bytes) tokens.add(c + END_OF_WORD);
        for (String[] m : merges) tokens.add(m[0] + m[1]);
        tokens.add(START_OF_TEXT);
        tokens.add(END_OF_TEXT);
        Map<String, Integer> vocab = new HashMap<>(tokens.size() * 2);
        for (int id = 0; id < tokens.size(); id++) vocab.put(tokens.get(id), id);
        return new ClipTokenizer(vocab, merges, source);
    }

    // ---- encoding ----

    /** BPE ids of the cleaned text, without start/end tokens. */
    public int[] encode(String text) {
        String cleaned = ClipTextCleaner.clean(text);
        int[] out = new int[Math.max(8, cleaned.length())];
        int n = 0;
        Matcher m = PIECES.matcher(cleaned);
        while (m.find()) {
            String piece = m.group();
            Integer special = specialTokens.get(piece);
            int[] ids = special != null ? new int[]{special} : bpe.encodeWord(toByteChars(piece));
            if (n + ids.length > out.length) out = Arrays.copyOf(out, Math.max(out.length * 2, n + ids.length));
            System.arraycopy(ids, 0, out, n, ids.length);
            n += ids.length;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * One row of CLIP text input: start token, ids (truncated to contextLength−2), end token,
     * zero padding to contextLength. Truncation keeps the end token, as OpenCLIP does.
     */
    public long[] tokenize(String text, int contextLength) {
        if (contextLength < 2) {
            throw new IllegalArgumentException("context length must be at least 2, got " + contextLength);
        }
        int[] ids = encode(text);
        int kept = Math.min(ids.length, contextLength - 2);
        long[] row = new long[contextLength];
        row[0] = sot;
        for (int i = 0; i < kept; i++) row[i + 1] = ids[i];
        row[kept + 1] = eot;
        return row;
    }

    public long[][] tokenize(List<String> texts, int contextLength) {
        long[][] rows = new long[texts.size()][];
        for (int i = 0; i < rows.length; i++) rows[i] = tokenize(texts.get(i), contextLength);
        return rows;
    }

    /**
     * The text of token ids, as the reference decodes it: tokens' bytes joined, UTF-8 decoded
     * (malformed bytes become U+FFFD), {@code </w>} replaced by a space. Unknown ids are skipped.
     */
    public String decode(int[] ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ids.length * 4);
        for (int id : ids) {
            if (id < 0 || id >= idToToken.length || idToToken[id] == null) continue;
            String token = idToToken[id];
            for (int i = 0; i < token.length(); i++) {
                int b = ByteUnicodeTable.byteOf(token.charAt(i));
                if (b >= 0) bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(END_OF_WORD, " ");
    }

    public int sotToken() {
        return sot;
    }

    public int eotToken() {
        return eot;
    }

    /** Number of ids (highest id + 1): 49,408 for CLIP. */
    public int vocabSize() {
        return idToToken.length;
    }

    private static String toByteChars(String piece) {
        byte[] utf8 = piece.getBytes(StandardCharsets.UTF_8);
        char[] chars = new char[utf8.length];
        for (int i = 0; i < utf8.length; i++) chars[i] = ByteUnicodeTable.charOf(utf8[i]);
        return new String(chars);
    }
}
