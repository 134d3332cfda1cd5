package org.alor.app;

import org.alor.app.label.PredictionSource;

import org.alor.store.ProjectCreator;

import org.alor.data.ClassInfo;
import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.ImportRequest;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.store.MetricRow;
import org.alor.store.ProjectStore;
import org.alor.store.RoundRecord;
import org.alor.store.RoundStatus;
import org.alor.store.Selection;
import org.alor.store.StoredSample;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small synthetic bird world for tests and screenshots: coloured bird shapes in class folders. */
public final class SyntheticBirds {
    /** Scientific name, common name, body colour, wing colour, belly colour. */
    record Species(String name, String common, Color body, Color wing, Color belly) {
    }

    static final List<Species> SPECIES = List.of(
            new Species("Cardinalis cardinalis", "Northern Cardinal", new Color(0xc62828), new Color(0x8e1b1b), new Color(0xd84343)),
            new Species("Setophaga petechia", "Yellow Warbler", new Color(0xf4c20d), new Color(0xb59a10), new Color(0xffe066)),
            new Species("Sialia sialis", "Eastern Bluebird", new Color(0x2f6fde), new Color(0x1f4fa8), new Color(0xd9822b)),
            new Species("Tachycineta bicolor", "Tree Swallow", new Color(0x1a6e8e), new Color(0x124a60), new Color(0xf5f5f5)),
            new Species("Tachycineta thalassina", "Violet-green Swallow", new Color(0x4f8a3a), new Color(0x6a3d8f), new Color(0xf7f7f7)),
            new Species("Turdus migratorius", "American Robin", new Color(0x5a5550), new Color(0x3b3835), new Color(0xd35400)));

    private SyntheticBirds() {
    }

    /** Writes an ImageFolder dataset: {@code perClass} images of each species. */
    public static Path writeImageFolder(Path root, int perClass, long seed) throws IOException {
        Random rnd = new Random(seed);
        for (Species s : SPECIES) {
            Path dir = Files.createDirectories(root.resolve(s.name()));
            for (int i = 0; i < perClass; i++) {
                ImageIO.write(bird(s, 320, 240, rnd), "png", dir.resolve(String.format("img_%03d.png", i)).toFile());
            }
        }
        return root;
    }

    static BufferedImage bird(Species s, int w, int h, Random rnd) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color sky = Color.getHSBColor(0.55f + 0.05f * rnd.nextFloat(), 0.25f + 0.2f * rnd.nextFloat(), 0.85f + 0.1f * rnd.nextFloat());
        g.setPaint(new GradientPaint(0, 0, sky, 0, h, new Color(0xe8f0d8)));
        g.fillRect(0, 0, w, h);
        // branch
        g.setColor(new Color(0x6b4f2a));
        g.setStroke(new BasicStroke((float) (5 * w / 160.0)));
        g.drawLine(0, (int) (h * 0.82), w, (int) (h * 0.74));
        double unit = w / 160.0;
        double scale = (0.8 + 0.3 * rnd.nextDouble()) * unit;
        double cx = w * (0.42 + 0.16 * rnd.nextDouble());
        double cy = h * 0.52;
        double bw = 70 * scale;
        double bh = 44 * scale;
        boolean right = rnd.nextBoolean();
        int dir = right ? 1 : -1;
        // tail
        g.setColor(s.wing());
        Polygon tail = new Polygon();
        tail.addPoint((int) (cx - dir * bw * 0.40), (int) (cy));
        tail.addPoint((int) (cx - dir * bw * 0.85), (int) (cy + bh * 0.35));
        tail.addPoint((int) (cx - dir * bw * 0.80), (int) (cy + bh * 0.60));
        g.fillPolygon(tail);
        // body and belly
        g.setColor(s.body());
        g.fill(new Ellipse2D.Double(cx - bw / 2, cy - bh / 2, bw, bh));
        g.setColor(s.belly());
        g.fill(new Ellipse2D.Double(cx - bw * 0.25 + dir * bw * 0.08, cy - bh * 0.05, bw * 0.5, bh * 0.5));
        // wing
        g.setColor(s.wing());
        g.fill(new Ellipse2D.Double(cx - bw * 0.32 - dir * bw * 0.05, cy - bh * 0.32, bw * 0.55, bh * 0.42));
        // head
        double hr = 17 * scale;
        double hx = cx + dir * bw * 0.42;
        double hy = cy - bh * 0.45;
        g.setColor(s.body());
        g.fill(new Ellipse2D.Double(hx - hr, hy - hr, 2 * hr, 2 * hr));
        // beak
        g.setColor(new Color(0xf0a020));
        Polygon beak = new Polygon();
        beak.addPoint((int) (hx + dir * hr * 0.8), (int) (hy - hr * 0.25));
        beak.addPoint((int) (hx + dir * hr * 1.7), (int) (hy + hr * 0.05));
        beak.addPoint((int) (hx + dir * hr * 0.8), (int) (hy + hr * 0.35));
        g.fillPolygon(beak);
        // eye
        g.setColor(Color.WHITE);
        double e = 4 * unit;
        g.fill(new Ellipse2D.Double(hx + dir * hr * 0.3 - e, hy - hr * 0.35 - e, 2 * e, 2 * e));
        g.setColor(Color.BLACK);
        g.fill(new Ellipse2D.Double(hx + dir * hr * 0.3 - e / 2, hy - hr * 0.35 - e / 2, e, e));
        // legs
        g.setStroke(new BasicStroke((float) (2 * unit)));
        g.setColor(new Color(0x3a2a1a));
        g.drawLine((int) cx, (int) (cy + bh / 2), (int) cx, (int) (h * 0.79));
        g.drawLine((int) (cx + 8 * unit), (int) (cy + bh / 2 - 2), (int) (cx + 8 * unit), (int) (h * 0.78));
        g.dispose();
        return img;
    }

    /** The species as classes, with common names and synonyms, in ImageFolder order (sorted names). */
    static List<ClassInfo> classes(DatasetImport imported) {
        List<ClassInfo> out = new ArrayList<>();
        for (ClassInfo c : imported.classes()) {
            Species s = SPECIES.stream().filter(x -> x.name().equals(c.name())).findFirst().orElseThrow();
            Map<String, Integer> syn = new LinkedHashMap<>();
            syn.put(s.name(), 0);
            syn.put(s.common(), 0);
            out.add(new ClassInfo(c.id(), s.name(), s.common(), syn));
        }
        return out;
    }

    /**
     * A project with an imported ImageFolder, a few retrieved images, rounds 0 (ZS) / 1 / 2 (CT + TFS) with
     * test metrics, and round 2's selection of {@code picks} pool images.
     */
    public static Path project(Path base, int perClass, int picks) throws Exception {
        Path data = writeImageFolder(base.resolve("dataset"), perClass, 7);
        DatasetImport imported = DatasetImports.run(ImportRequest.of(data).withFormat(DatasetFormat.IMAGE_FOLDER));
        Path dir = base.resolve("synthetic-aves");
        ProjectCreator.create(new ProjectCreator.Spec(dir, imported, classes(imported), null, null, null, 0.1, 0.2, 0));
        try (ProjectStore store = ProjectStore.open(dir)) {
            addRetrieved(store, dir);
            addRounds(store, picks);
        }
        return dir;
    }

    static void addRetrieved(ProjectStore store, Path dir) throws IOException {
        Random rnd = new Random(3);
        List<SampleRecord> records = new ArrayList<>();
        List<String> prov = new ArrayList<>();
        List<ClassInfo> classes = store.classTable().all();
        for (ClassInfo c : classes) {
            int n = Math.max(0, 4 - c.id()); // imbalanced: the last classes get none (the tail)
            Species s = SPECIES.stream().filter(x -> x.name().equals(c.name())).findFirst().orElseThrow();
            for (int i = 0; i < n; i++) {
                String rel = "retrieval/" + c.id() + "/r" + i + ".png";
                Path f = dir.resolve(rel);
                Files.createDirectories(f.getParent());
                ImageIO.write(bird(s, 320, 240, rnd), "png", f.toFile());
                records.add(new SampleRecord(rel, Split.RETRIEVED, c.id(), 320, 240, "h" + c.id() + "-" + i));
                prov.add("{\"corpus\":\"synthetic\",\"shard\":\"synthetic-000\",\"key\":\"" + c.id() + "-" + i
                        + "\",\"synonym\":\"" + s.common() + "\",\"score\":0.31,\"class\":" + c.id() + "}");
            }
        }
        store.sampleTable().insertRetrieved(records, prov);
        Map<Integer, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (ClassInfo c : classes) {
            Species s = SPECIES.stream().filter(x -> x.name().equals(c.name())).findFirst().orElseThrow();
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put(s.name(), 3 * Math.max(0, 5 - c.id()));
            m.put(s.common(), 40 * Math.max(0, 4 - c.id()) + 2);
            counts.put(c.id(), m);
        }
        store.classTable().updateCounts(counts);
    }

    static void addRounds(ProjectStore store, int picks) {
        List<ClassInfo> classes = store.classTable().all();
        store.roundTable().insert(RoundRecord.planned(0, "ZS", "none", 0, 0));
        store.roundTable().updateStatus(0, RoundStatus.DONE);
        store.roundTable().insert(RoundRecord.planned(1, "CT", "TFS", 0, classes.size()));
        store.roundTable().updateStatus(1, RoundStatus.DONE);
        store.roundTable().insert(RoundRecord.planned(2, "CT", "TFS", 0, picks));
        store.roundTable().updateStatus(2, RoundStatus.LABELING);
        double[][] acc = {{0.55, 0.30, 0.62, 0.18, 0.12, 0.40}, {0.70, 0.45, 0.71, 0.35, 0.28, 0.52}, {0.78, 0.58, 0.80, 0.52, 0.47, 0.63}};
        double[] overall = {0.36, 0.50, 0.63};
        double[] f1 = {0.33, 0.48, 0.61};
        for (int r = 0; r < 3; r++) {
            List<MetricRow> rows = new ArrayList<>();
            rows.add(MetricRow.overall(Split.TEST, overall[r], f1[r], 100, (int) Math.round(100 * overall[r])));
            for (ClassInfo c : classes) {
                int support = 20;
                rows.add(MetricRow.perClass(Split.TEST, c.id(), support, (int) Math.round(support * acc[r][c.id() % 6])));
            }
            store.roundTable().saveMetrics(r, rows);
        }
        List<StoredSample> pool = new ArrayList<>(store.sampleTable().bySplit(Split.POOL));
        java.util.Collections.shuffle(pool, new Random(1));
        List<Selection> sel = new ArrayList<>();
        for (int i = 0; i < picks && i < pool.size(); i++) {
            StoredSample s = pool.get(i);
            int forClass = classes.get(classes.size() - 1 - (i % 3)).id();
            ClassInfo c = classes.get(forClass);
            sel.add(new Selection(s.id(), sel.size(), forClass, 2.71 - 0.1 * i,
                    String.format(java.util.Locale.ROOT, "tail class %s — %d labeled + %d retrieved; entropy %.2f",
                            c.name(), i % 3, Math.max(0, 4 - forClass), 2.71 - 0.1 * i)));
        }
        store.roundTable().saveSelections(2, sel);
    }

    /** Predictions that rank the sample's true class first (0.55), then the next classes. */
    public static PredictionSource truthFirst() {
        return (store, round, sampleId, k) -> {
            Integer truth = store.sampleTable().byId(sampleId).map(StoredSample::trueLabel).orElse(0);
            int n = store.classTable().all().size();
            double[] probs = {0.55, 0.2, 0.12, 0.08, 0.05};
            List<PredictionSource.ClassProbability> out = new ArrayList<>();
            for (int i = 0; i < Math.min(k, n); i++) out.add(new PredictionSource.ClassProbability((truth + i) % n, probs[i]));
            return out;
        };
    }
}
