package org.alor.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small world written to disk once (K=6, M=300) and checked file by file. */
class WrittenWorldTest {
    static final SynthConfig SMALL = SynthConfig.defaults().withSpecies(6).withCorpusPairs(300).withShardSize(100)
            .withSplitSizes(12, 2, 3, 4);

    @TempDir
    static Path tmp;
    static Path root;
    static SynthWorld world;

    @BeforeAll
    static void writeWorld() throws IOException {
        root = tmp.resolve("world");
        world = SynthWorld.create(SMALL);
        world.writeTo(root);
    }

    @Test
    void twoRunsGiveTheSameBytesWhateverTheThreadCount() throws IOException {
        Path again = tmp.resolve("again");
        SynthWorld.create(SMALL.withThreads(1)).writeTo(again);
        Map<String, byte[]> a = files(root), b = files(again);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        for (String f : a.keySet()) assertThat(b.get(f)).as(f).isEqualTo(a.get(f));
        assertThat(a.keySet()).contains("pool.txt", "val.txt", "test.txt", "classes.json", "world.json", "README.md",
                "corpus/shard-00000.tar", "corpus/shard-00002.tar", "corpus/metadata.csv", "corpus/metadata-laion.csv");
    }

    @Test
    void anotherSeedGivesOtherBytes() throws IOException {
        Path other = tmp.resolve("other");
        SynthWorld.create(SMALL.withSeed(8).withCorpusPairs(20)).writeTo(other);
        assertThat(Files.readAllBytes(other.resolve("world.json"))).isNotEqualTo(Files.readAllBytes(root.resolve("world.json")));
    }

    @Test
    void splitFilesPointAtExistingImagesOfTheRightClass() throws IOException {
        int lines = 0;
        for (String split : SynthWorld.SPLITS) {
            for (String line : Files.readAllLines(root.resolve(split + ".txt"))) {
                assertThat(line).matches("images/" + split + "/[a-z]+_[a-z]+/\\d+\\.png \\d+ 1");
                String[] parts = line.split(" ");
                Species s = world.species().get(Integer.parseInt(parts[1]));
                assertThat(parts[0]).contains("/" + s.slug() + "/");
                var img = ImageIO.read(root.resolve(parts[0]).toFile());
                assertThat(img.getWidth()).isEqualTo(SMALL.imageSize());
                lines++;
            }
        }
        assertThat(lines).isEqualTo(world.taskImages().size());
    }

    @Test
    void classesJsonHasTheReferenceShape() throws IOException {
        JsonObject classes = JsonParser.parseString(Files.readString(root.resolve("classes.json"))).getAsJsonObject();
        assertThat(classes.keySet()).containsExactly("0", "1", "2", "3", "4", "5");
        for (Species s : world.species()) {
            JsonObject c = classes.getAsJsonObject(Integer.toString(s.id()));
            assertThat(c.get("name").getAsString()).isEqualTo(s.scientificName());
            assertThat(c.getAsJsonObject("alternates").keySet()).containsExactly(s.scientificName(), s.commonName());
            assertThat(c.get("actual_freq").getAsInt()).isGreaterThanOrEqualTo(
                    c.getAsJsonObject("alternates").get(s.commonName()).getAsInt());
            assertThat(c.get("most_common_name").getAsString()).isIn(s.scientificName(), s.commonName());
        }
    }

    @Test
    void tarShardsAreReadableByTar() throws Exception {
        Path tar = root.resolve("corpus/shard-00000.tar");
        List<String> expected = new ArrayList<>();
        for (CorpusPair p : world.corpus().subList(0, 100)) {
            expected.add(p.key() + ".json");
            expected.add(p.key() + ".png");
            expected.add(p.key() + ".txt");
        }
        assertThat(UstarReader.names(Files.readAllBytes(tar))).isEqualTo(expected);
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tar")) || Files.isExecutable(Path.of("/bin/tar")), "no tar on this machine");
        Process list = new ProcessBuilder("tar", "tf", tar.toString()).redirectErrorStream(true).start();
        List<String> listed = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(list.waitFor()).isZero();
        assertThat(listed).isEqualTo(expected);
        CorpusPair first = world.corpus().get(0);
        Process cat = new ProcessBuilder("tar", "xOf", tar.toString(), first.key() + ".txt").start();
        assertThat(new String(cat.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(first.caption());
        assertThat(cat.waitFor()).isZero();
        Process png = new ProcessBuilder("tar", "xOf", tar.toString(), first.key() + ".png").start();
        assertThat(ImageIO.read(new ByteArrayInputStream(png.getInputStream().readAllBytes())).getWidth()).isEqualTo(SMALL.imageSize());
    }

    @Test
    void tarJsonCarriesTheHiddenTruth() throws IOException {
        Map<String, byte[]> members = UstarReader.members(Files.readAllBytes(root.resolve("corpus/shard-00001.tar")));
        CorpusPair p = world.corpus().get(150);
        JsonObject meta = JsonParser.parseString(new String(members.get(p.key() + ".json"), StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(meta.get("species_id").getAsInt()).isEqualTo(p.speciesId());
        assertThat(meta.get("caption").getAsString()).isEqualTo(p.caption());
        assertThat(meta.getAsJsonArray("names_mentioned").size()).isEqualTo(p.namesMentioned().size());
    }

    @Test
    void metadataCsvHoldsEveryPairWithRfc4180Quoting() throws IOException {
        String csv = Files.readString(root.resolve("corpus/metadata.csv"));
        assertThat(csv).startsWith("key,caption,url\r\n");
        List<List<String>> rows = CsvReader.parse(csv);
        assertThat(rows).hasSize(301);
        for (int i = 0; i < 300; i++) {
            CorpusPair p = world.corpus().get(i);
            assertThat(rows.get(i + 1)).containsExactly(p.key(), p.caption(), p.url());
        }
        assertThat(Files.readString(root.resolve("corpus/metadata-laion.csv"))).startsWith("SAMPLE_ID,URL,TEXT\r\n");
    }

    @Test
    void ensureCorpusRegeneratesMissingOrDamagedFiles() throws IOException {
        Path copy = tmp.resolve("copy");
        SynthWorld.create(SMALL.withCorpusPairs(30).withShardSize(10)).writeTo(copy);
        Map<String, byte[]> original = files(copy.resolve("corpus"));
        assertThat(SynthWorld.ensureCorpus(copy)).isEqualTo(SynthWorld.CorpusCheck.PRESENT);
        Files.write(copy.resolve("corpus/shard-00001.tar"), new byte[]{1, 2, 3});
        Files.delete(copy.resolve("corpus/metadata.csv"));
        assertThat(SynthWorld.ensureCorpus(copy)).isEqualTo(SynthWorld.CorpusCheck.REGENERATED);
        Map<String, byte[]> again = files(copy.resolve("corpus"));
        assertThat(again.keySet()).isEqualTo(original.keySet());
        for (String f : original.keySet()) assertThat(again.get(f)).as(f).isEqualTo(original.get(f));
    }

    @Test
    void refusesToOverwriteAFolderThatIsNotAWorld() throws IOException {
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SynthWorld.create(SMALL.withCorpusPairs(5)).writeTo(foreign))
                .isInstanceOf(IOException.class).hasMessageContaining("not empty");
        assertThat(foreign.resolve("notes.txt")).exists();
    }

    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
