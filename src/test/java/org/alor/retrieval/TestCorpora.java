package org.alor.retrieval;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Writes small corpora for tests: ustar tar shards, img2dataset folders, CSV metadata; and test images. */
final class TestCorpora {
    private TestCorpora() {
    }

    record Member(String name, byte[] data) {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] png(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(new Random(seed).nextInt(0xFFFFFF)));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bos);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bos.toByteArray();
    }

    /** A plain ustar archive; names longer than 100 bytes get a pax 'path' header. */
    static void writeTar(Path file, List<Member> members) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Member m : members) {
                byte[] nameBytes = utf8(m.name());
                if (nameBytes.length > 100) {
                    String rec = " path=" + m.name() + "\n";
                    int len = utf8(rec).length;
                    int total = len + Integer.toString(len).length();
                    if (Integer.toString(total).length() != Integer.toString(len).length()) total++;
                    byte[] pax = utf8(total + rec);
                    writeEntry(out, "PaxHeader", pax, 'x');
                    writeEntry(out, m.name().substring(m.name().length() - 90), m.data(), '0');
                } else {
                    writeEntry(out, m.name(), m.data(), '0');
                }
            }
            out.write(new byte[1024]);
        }
    }

    private static void writeEntry(OutputStream out, String name, byte[] data, char type) throws IOException {
        byte[] h = new byte[512];
        byte[] nb = utf8(name);
        System.arraycopy(nb, 0, h, 0, Math.min(100, nb.length));
        octal(h, 100, 8, 0644);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, data.length);
        octal(h, 136, 12, 0);
        h[156] = (byte) type;
        System.arraycopy(utf8("ustar\0"), 0, h, 257, 6);
        h[263] = '0';
        h[264] = '0';
        for (int i = 148; i < 156; i++) h[i] = ' ';
        long sum = 0;
        for (byte b : h) sum += b & 0xff;
        octal(h, 148, 7, sum);
        out.write(h);
        out.write(data);
        int pad = (512 - data.length % 512) % 512;
        out.write(new byte[pad]);
    }

    private static void octal(byte[] h, int off, int len, long v) {
        String s = String.format("%0" + (len - 1) + "o", v);
        System.arraycopy(utf8(s), 0, h, off, len - 1);
        h[off + len - 1] = 0;
    }

    /** A generated world: captions naming known classes (by any synonym) or nothing, with the truth per record. */
    record Generated(List<ClassSynonyms> classes, Map<String, String> captions, Map<String, Integer> truth) {
    }

    static final List<ClassSynonyms> CLASSES = List.of(
            new ClassSynonyms(0, "Hirundo rustica", List.of("Hirundo rustica", "Barn Swallow", "Swallow")),
            new ClassSynonyms(1, "Papilio machaon", List.of("Papilio machaon", "Swallowtail")),
            new ClassSynonyms(2, "Poecile atricapillus", List.of("Poecile atricapillus", "Black-capped Chickadee")),
            new ClassSynonyms(3, "Rhodostethia rosea", List.of("Rhodostethia rosea", "Ross's Gull")),
            new ClassSynonyms(4, "Larus argentatus", List.of("Larus argentatus", "Herring Gull")));

    static Generated generate(int n, long seed) {
        Random r = new Random(seed);
        String[] fillers = {"a photo of", "close-up:", "beautiful", "wildlife shot,", "#nature", "my trip —", "IMG_2041"};
        String[] noise = {"a red car on a street", "sunset over the sea", "gulls and terns", "swallows nest", "chickadees!", "black capped hat"};
        Map<String, String> captions = new LinkedHashMap<>();
        Map<String, Integer> truth = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = String.format("%06d", i);
            if (r.nextInt(3) == 0) {
                captions.put(key, noise[r.nextInt(noise.length)] + " " + i);
                truth.put(key, -1);
                continue;
            }
            ClassSynonyms c = CLASSES.get(r.nextInt(CLASSES.size()));
            String syn = c.synonyms().get(r.nextInt(c.synonyms().size()));
            String form = switch (r.nextInt(4)) {
                case 0 -> syn.toUpperCase();
                case 1 -> syn.replace(' ', '-');
                case 2 -> syn.toLowerCase();
                default -> syn;
            };
            captions.put(key, fillers[r.nextInt(fillers.length)] + " " + form + (r.nextBoolean() ? "." : " in flight"));
            truth.put(key, c.classId());
        }
        return new Generated(CLASSES, captions, truth);
    }

    /** Writes the captions as tar shards of {@code perShard} records, each with a small PNG and JSON url. */
    static List<Path> writeShards(Path dir, Map<String, String> captions, int perShard, int imageSide) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> e : captions.entrySet()) {
            members.add(new Member(e.getKey() + ".png", png(imageSide, imageSide, i)));
            members.add(new Member(e.getKey() + ".txt", utf8(e.getValue())));
            members.add(new Member(e.getKey() + ".json", utf8("{\"url\":\"http://127.0.0.1:1/" + e.getKey() + ".png\"}")));
            if (++i % perShard == 0) {
                Path f = dir.resolve(String.format("shard-%05d.tar", out.size()));
                writeTar(f, members);
                out.add(f);
                members.clear();
            }
        }
        if (!members.isEmpty()) {
            Path f = dir.resolve(String.format("shard-%05d.tar", out.size()));
            writeTar(f, members);
            out.add(f);
        }
        return out;
    }

    static void writeCsv(Path file, Map<String, String> captions, String urlPrefix) throws IOException {
        StringBuilder sb = new StringBuilder("key,caption,url\n");
        for (Map.Entry<String, String> e : captions.entrySet()) {
            sb.append(e.getKey()).append(",\"").append(e.getValue().replace("\"", "\"\"")).append("\",")
                    .append(urlPrefix).append(e.getKey()).append(".png\n");
        }
        Files.writeString(file, sb.toString());
    }
}
