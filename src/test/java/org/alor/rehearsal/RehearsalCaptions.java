package org.alor.rehearsal;

import org.alor.retrieval.TableCorpus;
import org.alor.synth.Species;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A LAION-400M-shaped caption table (SAMPLE_ID, URL, TEXT, HEIGHT, WIDTH, LICENSE, NSFW, similarity) written by
 * DuckDB from SQL, in Parquet parts like LAION's. Per row a hash of (row, seed) decides: {@code mentionRate} of the
 * rows name a class (scientific, common or old name; the class drawn Zipf(s) by rank), {@code nearMissRate} hold
 * near-misses (genus only, plural, the name glued into a hashtag, the common name's last word alone), the rest are
 * distractor word salad. URLs spread over 512 loopback hosts (127.0.2.0 to 127.0.3.255) on one port.
 * Everything is scalar list indexing (no join), so rows come out in order and the file is the same for a seed.
 */
public final class RehearsalCaptions {
    static final int PICK_SLOTS = 4096;
    static final String[] WORDS = ("sale free shipping vintage poster photo stock image download wallpaper hd "
            + "red blue green black white yellow orange pink brown grey gold silver small large new old modern "
            + "classic rustic wooden metal glass ceramic cotton leather summer winter spring autumn beach mountain "
            + "city street house garden kitchen bedroom table chair lamp sofa car truck bike boat plane train "
            + "dog cat horse cow fish flower tree leaf sky cloud sunset river lake forest park bridge road wall "
            + "door window book paper pen phone laptop camera watch ring necklace dress shirt shoes hat bag "
            + "woman man girl boy baby family friends wedding party birthday christmas holiday travel map logo "
            + "icon vector illustration art painting drawing sketch pattern texture background frame card "
            + "bird birds feather nest egg wing wildlife nature animal zoo farm garden-bird feeder birdhouse "
            + "print canvas sticker decal mug pillow blanket towel set pack piece kit collection best top "
            + "for with and the of in on at by from to a an 2012 2015 2019 cm mm inch size").split(" ");
    static final String[] MENTION = {
            "{} perched on a branch", "Photo of a {} in the wild", "{} | stock photo", "The {} at the lake shore",
            "Vintage illustration of {}, plate 12", "{} bird watching trip report", "Beautiful {} close up",
            "{}", "Canvas print: {} in spring", "juvenile {} feeding", "A {} (photo by J. Smith)",
            "Field guide page: {} and similar species"};
    static final String[] NEAR = {
            "{genus} sp. at the feeder", "flock of {common}s over the marsh", "#{glued} photography",
            "{last} nest box, handmade", "{genus} indet. specimen drawer", "{last}-pattern fabric, per metre"};

    private RehearsalCaptions() {
    }

    public record Spec(long rows, int parts, int port, long seed, double mentionRate, double nearMissRate, double zipf) {
    }

    /** Writes {@code dir/part-0000k.parquet}; returns the files. */
    public static List<Path> write(Path dir, RehearsalDataset.Names names, Spec spec) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        try (Connection c = TableCorpus.connect(); Statement st = c.createStatement()) {
            st.execute("SET threads = 2");
            st.execute("SET memory_limit = '1500MB'");
            st.execute("SET preserve_insertion_order = true");
            String select = select(names, spec);
            long per = (spec.rows() + spec.parts() - 1) / spec.parts();
            for (int p = 0; p < spec.parts(); p++) {
                long from = p * per;
                long to = Math.min(spec.rows(), from + per);
                Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.parquet", p));
                Path tmp = dir.resolve(file.getFileName() + ".tmp");
                st.execute("COPY (" + select.replace("$FROM", Long.toString(from)).replace("$TO", Long.toString(to))
                        + ") TO " + lit(tmp.toAbsolutePath().toString()) + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)");
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                files.add(file);
            }
        } catch (SQLException e) {
            throw new IOException("cannot write the caption table: " + e.getMessage(), e);
        }
        return files;
    }

    static String select(RehearsalDataset.Names names, Spec spec) {
        List<Species> sp = names.species();
        String common = list(sp, Species::commonName);
        String sci = list(sp, Species::scientificName);
        List<String> old = names.oldSynonyms();
        String oldList = list(old, s -> s);
        String genus = list(sp, Species::genus);
        String last = list(sp, Species::lastWord);
        String glued = list(sp, s -> s.commonName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        long mention = Math.round(spec.mentionRate() * 1_000_000);
        long near = mention + Math.round(spec.nearMissRate() * 1_000_000);
        String h = "hash(i, " + spec.seed() + ")";
        String cls = "(" + pickList(sp.size(), spec.zipf()) + ")[1 + ((h >> 20) % " + PICK_SLOTS + ")::INT]";
        String word = "w[1 + (hash(i, " + spec.seed() + ", K) % " + WORDS.length + ")::INT]";
        StringBuilder salad = new StringBuilder("concat_ws(' '");
        for (int k = 1; k <= 7; k++) salad.append(", ").append(word.replace("K", Integer.toString(k)));
        salad.append(")");
        String mentionName = "CASE WHEN (h >> 40) % 20 < 10 THEN c_common[cid] WHEN (h >> 40) % 20 < 17 THEN c_sci[cid]"
                + " ELSE c_old[cid] END";
        String mentionText = "replace(m[1 + ((h >> 44) % " + MENTION.length + ")::INT], '{}', "
                + "CASE WHEN (h >> 50) % 10 = 0 THEN lower(" + mentionName + ") ELSE " + mentionName + " END)";
        String nearText = "replace(replace(replace(replace(n[1 + ((h >> 44) % " + NEAR.length + ")::INT], '{genus}', c_genus[cid]),"
                + " '{common}', c_common[cid]), '{glued}', c_glued[cid]), '{last}', c_last[cid])";
        return "SELECT i AS SAMPLE_ID,"
                + " 'http://127.0.' || (2 + (h >> 8) % 2) || '.' || ((h >> 12) % 256) || ':' || " + spec.port()
                + " || '/i/' || i || '.jpg' AS URL,"
                + " CASE WHEN r < " + mention + " THEN " + mentionText + " || ' ' || w[1 + (h % 50)::INT]"
                + "      WHEN r < " + near + " THEN " + nearText
                + "      ELSE " + salad + " END AS TEXT,"
                + " (200 + (h >> 24) % 1000)::INT AS HEIGHT, (200 + (h >> 34) % 1000)::INT AS WIDTH,"
                + " CASE WHEN (h >> 54) % 5 = 0 THEN 'https://creativecommons.org/licenses/by/4.0/' ELSE '?' END AS LICENSE,"
                + " CASE WHEN (h >> 57) % 50 = 0 THEN 'UNSURE' ELSE 'UNLIKELY' END AS NSFW,"
                + " (0.28 + ((h >> 4) % 1000) / 10000.0)::DOUBLE AS similarity"
                + " FROM (SELECT i, h, (h % 1000000) AS r, " + cls + " AS cid,"
                + " " + array(WORDS) + " AS w, " + array(MENTION) + " AS m, " + array(NEAR) + " AS n,"
                + " " + common + " AS c_common, " + sci + " AS c_sci, " + oldList + " AS c_old,"
                + " " + genus + " AS c_genus, " + last + " AS c_last, " + glued + " AS c_glued"
                + " FROM (SELECT i, " + h + " AS h FROM range($FROM, $TO) t(i)))";
    }

    /** {@value #PICK_SLOTS} 1-based class indices, class r (0-based) in proportion to 1/(r+1)^s. */
    static String pickList(int classes, double s) {
        double[] w = new double[classes];
        double sum = 0;
        for (int r = 0; r < classes; r++) sum += w[r] = 1 / Math.pow(r + 1, s);
        StringBuilder sb = new StringBuilder("[");
        double cum = 0;
        int r = 0;
        for (int slot = 0; slot < PICK_SLOTS; slot++) {
            double at = (slot + 0.5) / PICK_SLOTS * sum;
            while (r < classes - 1 && cum + w[r] < at) cum += w[r++];
            if (slot > 0) sb.append(',');
            sb.append(r + 1);
        }
        return sb.append("]").toString();
    }

    static <T> String list(List<T> items, Function<T, String> f) {
        List<String> s = new ArrayList<>();
        for (T t : items) s.add(f.apply(t));
        return array(s.toArray(String[]::new));
    }

    static String array(String[] items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.length; i++) sb.append(i > 0 ? "," : "").append(lit(items[i]));
        return sb.append("]").toString();
    }

    static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
