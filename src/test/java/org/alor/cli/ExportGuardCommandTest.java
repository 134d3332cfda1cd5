package org.alor.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18 item 1: `alor export` never writes into the project folder, nor over anything without --force. */
class ExportGuardCommandTest {
    @TempDir
    Path tmp;
    Path project;

    @BeforeEach
    void smallProject() throws IOException {
        Path root = tmp.resolve("birds");
        for (String cls : List.of("finch", "robin")) {
            Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < 3; i++) {
                BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                img.setRGB(i, cls.length(), 0xffffff);
                ImageIO.write(img, "png", root.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        project = tmp.resolve("p");
        CliRun init = CliRun.of("init", project.toString(), "--images", root.toString());
        assertThat(init.exitCode()).as(init.err()).isZero();
    }

    @Test
    void csvOverTheProjectDatabaseIsRefusedEvenWithForceAndTheProjectStillOpens() throws IOException {
        Path db = project.resolve("project.alor");
        byte[] before = Files.readAllBytes(db);
        for (String[] extra : List.of(new String[0], new String[]{"--force"})) {
            String[] args = Stream.concat(Stream.of("export", project.toString(), "--format", "csv", "--out", db.toString()),
                    Stream.of(extra)).toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("inside the project folder").doesNotContain("\tat ");
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
        assertThat(CliRun.of("info", project.toString()).exitCode()).isZero();
        CliRun intoFolder = CliRun.of("export", project.toString(), "--format", "csv", "--out", project.toString());
        assertThat(intoFolder.exitCode()).isEqualTo(1);
        assertThat(Files.exists(project.resolve("labels.csv"))).isFalse();
    }

    @Test
    void csvOverAnExistingFileNeedsForceAndLeavesNoTemporaryFile() throws IOException {
        Path csv = tmp.resolve("out/labels.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, "keep me\n");

        CliRun refused = CliRun.of("export", project.toString(), "--format", "csv", "--out", csv.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(csv.toString()).contains("already exists").contains("--force");
        assertThat(Files.readString(csv)).isEqualTo("keep me\n");
        CliRun folderToo = CliRun.of("export", project.toString(), "--format", "csv", "--out", csv.getParent().toString());
        assertThat(folderToo.exitCode()).isEqualTo(1);
        assertThat(Files.readString(csv)).isEqualTo("keep me\n");

        CliRun forced = CliRun.of("export", project.toString(), "--format", "csv", "--out", csv.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.readAllLines(csv)).hasSize(7).first().isEqualTo("path,label,split");
        try (Stream<Path> s = Files.list(csv.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("labels.csv");
        }
    }

    @Test
    void folderExportsRefuseTheProjectFolderAndANonEmptyFolderWithoutForce() throws IOException {
        for (String format : List.of("imagefolder", "splits")) {
            CliRun inside = CliRun.of("export", project.toString(), "--format", format, "--out", project.resolve("exp").toString(), "--force");
            assertThat(inside.exitCode()).as(format).isEqualTo(1);
            assertThat(inside.err()).contains("inside the project folder");
            assertThat(Files.exists(project.resolve("exp"))).isFalse();
            CliRun around = CliRun.of("export", project.toString(), "--format", format, "--out", tmp.toString(), "--force");
            assertThat(around.exitCode()).as(format).isEqualTo(1);
            assertThat(around.err()).contains("contains the project folder");

            Path out = tmp.resolve("export-" + format);
            Files.createDirectories(out);
            Files.writeString(out.resolve("pool.txt"), "mine\n");
            CliRun refused = CliRun.of("export", project.toString(), "--format", format, "--out", out.toString());
            assertThat(refused.exitCode()).as(format).isEqualTo(1);
            assertThat(refused.err()).contains("not empty").contains("--force");
            try (Stream<Path> s = Files.list(out)) {
                assertThat(s.toList()).hasSize(1);
            }
            assertThat(Files.readString(out.resolve("pool.txt"))).isEqualTo("mine\n");
        }
    }

    @Test
    void folderExportsIntoANewOrEmptyFolderLeaveNoStagingFolderBehind() throws IOException {
        Path fresh = tmp.resolve("exports/fresh");
        Path empty = Files.createDirectories(tmp.resolve("exports/empty"));
        assertThat(CliRun.of("export", project.toString(), "--format", "imagefolder", "--out", fresh.toString()).exitCode()).isZero();
        assertThat(CliRun.of("export", project.toString(), "--format", "splits", "--out", empty.toString()).exitCode()).isZero();
        assertThat(Files.exists(fresh.resolve("robin/2.png"))).isTrue();
        assertThat(Files.readAllLines(empty.resolve("pool.txt")).size() + Files.readAllLines(empty.resolve("test.txt")).size()).isPositive();
        try (Stream<Path> s = Files.list(tmp.resolve("exports"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("empty", "fresh");
        }
        CliRun again = CliRun.of("export", project.toString(), "--format", "imagefolder", "--out", fresh.toString(), "--force");
        assertThat(again.exitCode()).as(again.err()).isZero();
        try (Stream<Path> s = Files.list(fresh.resolve("robin"))) {
            assertThat(s.toList()).as("--force replaces files of the same name").hasSize(3);
        }
    }
}
