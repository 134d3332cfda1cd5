package org.alor.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class InitInfoExportCommandTest {
    @TempDir
    Path tmp;

    private static byte[] jpeg(int seed) throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(seed * 40 % 256, seed * 90 % 256, seed * 17 % 256));
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.WHITE);
        g.fillOval(seed % 20, 5, 12, 12);
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", bytes);
        return bytes.toByteArray();
    }

    private Path imageFolderWithTwoBadFiles() throws IOException {
        Path root = tmp.resolve("birds");
        int seed = 0;
        for (String cls : List.of("finch", "robin", "wren")) {
            Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < 4; i++) Files.write(root.resolve(cls).resolve("img" + i + ".jpg"), jpeg(seed++));
        }
        byte[] good = jpeg(99);
        Files.write(root.resolve("robin/corrupt.jpg"), Arrays.copyOf(good, good.length / 3));
        Files.write(root.resolve("wren/empty.jpg"), new byte[0]);
        return root;
    }

    @Test
    void initImportsTwelveSamplesReportsBothBadFilesAndInfoShowsCounts() throws IOException {
        Path root = imageFolderWithTwoBadFiles();
        Path project = tmp.resolve("project");

        CliRun init = CliRun.of("init", project.toString(), "--images", root.toString(), "--seed", "3");
        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).contains("12 samples").contains("robin/corrupt.jpg").contains("wren/empty.jpg");

        CliRun info = CliRun.of("info", project.toString(), "--json");
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonObject json = JsonParser.parseString(info.out()).getAsJsonObject();
        assertThat(json.get("samples").getAsInt()).isEqualTo(12);
        JsonObject counts = json.getAsJsonObject("counts");
        assertThat(counts.get("pool").getAsInt() + counts.get("val").getAsInt() + counts.get("test").getAsInt()).isEqualTo(12);
        assertThat(counts.get("test").getAsInt()).isPositive();
        assertThat(json.getAsJsonArray("classes")).hasSize(3);
        assertThat(json.getAsJsonArray("classes").get(1).getAsJsonObject().get("name").getAsString()).isEqualTo("robin");
        assertThat(json.getAsJsonArray("import_problems")).hasSize(2);
        assertThat(info.out()).contains("corrupt.jpg").contains("empty.jpg");
    }

    @Test
    void splitFilesSurviveInitThenExportUnchanged() throws IOException {
        Path root = tmp.resolve("ds");
        Files.createDirectories(root.resolve("img"));
        for (int i = 0; i < 6; i++) Files.write(root.resolve("img/" + i + ".jpg"), jpeg(i));
        Files.writeString(root.resolve("pool.txt"), "img/0.jpg 0 1\nimg/1.jpg 1 1\nimg/2.jpg 1 1\n");
        Files.writeString(root.resolve("val.txt"), "img/3.jpg 0 1\n");
        Files.writeString(root.resolve("test.txt"), "img/4.jpg 1 1\nimg/5.jpg 0 1\n");
        Files.writeString(root.resolve("classes.txt"), "Tachycineta bicolor|Tree Swallow\nHirundo rustica|Barn Swallow\n");
        Path project = tmp.resolve("p");
        assertThat(CliRun.of("init", project.toString(), "--images", root.toString(), "--format", "splits").exitCode()).isZero();

        Path out = tmp.resolve("export");
        CliRun export = CliRun.of("export", project.toString(), "--format", "splits", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        for (String split : List.of("pool.txt", "val.txt", "test.txt")) {
            assertThat(Files.readAllLines(out.resolve(split))).as(split).isEqualTo(Files.readAllLines(root.resolve(split)));
        }
    }

    @Test
    void imageFolderExportReproducesTheLayout() throws IOException {
        Path root = imageFolderWithTwoBadFiles();
        Files.delete(root.resolve("robin/corrupt.jpg"));
        Files.delete(root.resolve("wren/empty.jpg"));
        Path project = tmp.resolve("p2");
        assertThat(CliRun.of("init", project.toString(), "--images", root.toString()).exitCode()).isZero();
        Path out = tmp.resolve("folder-out");
        assertThat(CliRun.of("export", project.toString(), "--format", "imagefolder", "--out", out.toString()).exitCode()).isZero();
        assertThat(relativeFiles(out)).isEqualTo(relativeFiles(root));
    }

    @Test
    void usageAndFailureExitCodes() throws IOException {
        assertThat(CliRun.of("init").exitCode()).isEqualTo(2);
        CliRun missing = CliRun.of("info", tmp.resolve("nowhere").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere").doesNotContain("\tat ");
        Path root = imageFolderWithTwoBadFiles();
        Path project = tmp.resolve("p3");
        assertThat(CliRun.of("init", project.toString(), "--images", root.toString()).exitCode()).isZero();
        CliRun again = CliRun.of("init", project.toString(), "--images", root.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already a project");
    }

    @Test
    void setRemembersCheckpointAndCorpus() throws IOException {
        Path root = imageFolderWithTwoBadFiles();
        Path project = tmp.resolve("p4");
        assertThat(CliRun.of("init", project.toString(), "--images", root.toString()).exitCode()).isZero();
        Path ckpt = Files.createDirectories(tmp.resolve("ckpt"));
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        assertThat(CliRun.of("set", project.toString(), "--checkpoint", ckpt.toString(), "--corpus", corpus.toString()).exitCode()).isZero();
        JsonObject settings = JsonParser.parseString(CliRun.of("info", project.toString(), "--json").out())
                .getAsJsonObject().getAsJsonObject("settings");
        assertThat(settings.get("checkpoint").getAsString()).isEqualTo(ckpt.toAbsolutePath().toString());
        assertThat(settings.get("corpus").getAsString()).isEqualTo(corpus.toAbsolutePath().toString());
        assertThat(CliRun.of("set", project.toString()).exitCode()).isEqualTo(2);
    }

    private static List<String> relativeFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
