package org.alor.rehearsal;

import org.alor.data.ClassInfo;
import org.alor.data.ClassMetadataJson;
import org.alor.synth.SceneRenderer;
import org.alor.synth.Species;
import org.alor.synth.SpeciesGenerator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A Semi-Aves-shaped stand-in: {@code classes} invented bird species (synth's names and renderer), field-photo
 * JPEGs of {@code size} px, split files in the reference format ({@code path class_id 1}) and a
 * {@code semi-aves_metrics-LAION400M.json} with scientific name, common name and one older synonym per class
 * (counts Zipf-like, as the real file's). Deterministic from the seed.
 */
public final class RehearsalDataset {
    public static final String METRICS_FILE = "semi-aves_metrics-LAION400M.json";

    /** The species and the extra synonym of each class (also what the caption table mentions). */
    public record Names(List<Species> species, List<String> oldSynonyms) {
    }

    private RehearsalDataset() {
    }

    public static Names names(int classes, long seed) {
        List<Species> species = SpeciesGenerator.generate(classes, seed);
        List<String> old = new ArrayList<>();
        for (Species s : species) old.add(oldGenus(s.genus()) + " " + s.epithet());
        return new Names(species, old);
    }

    /** An older, now-synonymised genus: the genus with its ending changed ("Ptilornis" to "Ptilorhynchus"). */
    static String oldGenus(String genus) {
        String stem = genus.length() > 4 ? genus.substring(0, genus.length() - 3) : genus;
        return stem + "odes";
    }

    /** Writes images, splits and the metrics JSON under {@code root}; returns the number of images written. */
    public static int write(Path root, int classes, int pool, int val, int test, int size, long seed) throws IOException {
        Names names = names(classes, seed);
        Files.createDirectories(root.resolve("splits"));
        Map<String, int[]> splits = new LinkedHashMap<>();
        splits.put("pool", new int[]{pool});
        splits.put("val", new int[]{val});
        splits.put("test", new int[]{test});
        List<String[]> jobs = new ArrayList<>(); // split, class id, index
        for (var e : splits.entrySet()) {
            for (int c = 0; c < classes; c++) {
                for (int i = 0; i < e.getValue()[0]; i++) jobs.add(new String[]{e.getKey(), Integer.toString(c), Integer.toString(i)});
            }
        }
        IntStream.range(0, jobs.size()).parallel().forEach(j -> {
            String[] job = jobs.get(j);
            Species s = names.species().get(Integer.parseInt(job[1]));
            Path file = root.resolve(relative(s, job[0], Integer.parseInt(job[2])));
            if (Files.isRegularFile(file)) return;
            long imageSeed = seed * 1_000_003L + j;
            try {
                Files.createDirectories(file.getParent());
                writeJpeg(SceneRenderer.bird(s, imageSeed, size, SceneRenderer.Domain.FIELD), file);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        });
        for (String split : splits.keySet()) {
            StringBuilder sb = new StringBuilder();
            for (String[] job : jobs) {
                if (!job[0].equals(split)) continue;
                Species s = names.species().get(Integer.parseInt(job[1]));
                sb.append(relative(s, split, Integer.parseInt(job[2]))).append(' ').append(job[1]).append(" 1\n");
            }
            Files.writeString(root.resolve("splits").resolve(split + ".txt"), sb.toString(), StandardCharsets.UTF_8);
        }
        ClassMetadataJson.write(root.resolve(METRICS_FILE), classInfos(names, seed), Map.of());
        return jobs.size();
    }

    static String relative(Species s, String split, int index) {
        return "images/" + s.slug() + "/" + split + "_" + String.format(Locale.ROOT, "%03d", index) + ".jpg";
    }

    static List<ClassInfo> classInfos(Names names, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ClassInfo> out = new ArrayList<>();
        for (int c = 0; c < names.species().size(); c++) {
            Species s = names.species().get(c);
            Map<String, Integer> syn = new LinkedHashMap<>();
            int base = (int) (20_000 / Math.pow(c + 1, 0.8));
            syn.put(s.scientificName(), base / 3 + rnd.nextInt(10));
            syn.put(s.commonName(), base + rnd.nextInt(10));
            syn.put(names.oldSynonyms().get(c), base / 10 + rnd.nextInt(5));
            out.add(new ClassInfo(c, s.scientificName(), s.commonName(), syn));
        }
        return out;
    }

    static void writeJpeg(BufferedImage img, Path file) throws IOException {
        Files.write(file, jpegBytes(img));
    }

    static byte[] jpegBytes(BufferedImage img) throws IOException {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return bos.toByteArray();
    }
}
