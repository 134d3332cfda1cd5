package org.alor.rehearsal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Stand-ins for the Semi-Aves / LAION-400M / ViT-B/32 path at real sizes (issue 19), run by hand through
 * scripts/rehearsal.sh:
 * <pre>
 * dataset DIR [classes pool val test size seed]   200 classes, 30/10/20 per class, 256 px by default
 * checkpoint DIR [seed]                           random ViT-B/32 (QuickGELU) in OpenCLIP layout, float32
 * captions DIR [rows parts port seed]             LAION-shaped Parquet parts, 20 M rows by default
 * serve PORT [seconds]                            the image server for the captions' URLs
 * download-bench DIR [port first n hot%]          the downloader alone on n server URLs (compare versions)
 * sql QUERY                                       prints a DuckDB query's rows (to look into the table)
 * </pre>
 */
public final class Rehearsal {
    public static final long SEED = 19;
    public static final int CLASSES = 200;

    private Rehearsal() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) usage();
        Path dir = Path.of(args[1]);
        long t0 = System.nanoTime();
        switch (args[0]) {
            case "dataset" -> {
                int n = RehearsalDataset.write(dir, intArg(args, 2, CLASSES), intArg(args, 3, 30), intArg(args, 4, 10),
                        intArg(args, 5, 20), intArg(args, 6, 256), longArg(args, 7, SEED));
                System.out.println("dataset: " + n + " images in " + dir);
            }
            case "checkpoint" -> {
                RehearsalCheckpoint.write(dir, longArg(args, 2, SEED));
                System.out.println("checkpoint: random ViT-B/32 in " + dir);
            }
            case "captions" -> {
                var spec = new RehearsalCaptions.Spec(longArg(args, 2, 20_000_000L), intArg(args, 3, 2), intArg(args, 4, 18080),
                        longArg(args, 5, SEED), 0.004, 0.003, 0.7);
                var files = RehearsalCaptions.write(dir, RehearsalDataset.names(CLASSES, SEED), spec);
                System.out.println("captions: " + spec.rows() + " rows in " + files);
            }
            case "serve" -> {
                int port = Integer.parseInt(args[1]);
                try (RehearsalServer server = new RehearsalServer(port, RehearsalDataset.names(CLASSES, SEED).species(), SEED)) {
                    server.start();
                    System.out.println("serving on port " + port + " (loopback peers only)");
                    long seconds = longArg(args, 2, 86_400);
                    for (long s = 0; s < seconds; s += 60) {
                        Thread.sleep(60_000);
                        long[] counts = new long[RehearsalServer.Fault.values().length];
                        for (int i = 0; i < counts.length; i++) counts[i] = server.served.get(i);
                        System.out.println("served " + Arrays.toString(RehearsalServer.Fault.values()) + " " + Arrays.toString(counts));
                    }
                }
            }
            case "sql" -> printQuery(args[1]);
            case "download-bench" -> DownloadBench.run(dir, intArg(args, 2, 18080), longArg(args, 3, 1_000_000_000L),
                    intArg(args, 4, 3000), intArg(args, 5, 0));
            default -> usage();
        }
        System.out.printf(Locale.ROOT, "%s took %.1f s%n", args[0], (System.nanoTime() - t0) / 1e9);
    }

    /** Prints a DuckDB query's rows tab-separated (to look into the caption table). */
    private static void printQuery(String sql) throws java.sql.SQLException {
        try (var c = org.alor.retrieval.TableCorpus.connect(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) sb.append(i > 1 ? "\t" : "").append(rs.getString(i));
                System.out.println(sb);
            }
        }
    }

    private static int intArg(String[] a, int i, int def) {
        return a.length > i ? Integer.parseInt(a[i]) : def;
    }

    private static long longArg(String[] a, int i, long def) {
        return a.length > i ? Long.parseLong(a[i]) : def;
    }

    private static void usage() {
        System.err.println("usage: Rehearsal dataset DIR | checkpoint DIR | captions DIR | serve PORT");
        System.exit(2);
    }
}
