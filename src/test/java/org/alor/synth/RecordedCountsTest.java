package org.alor.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alor.data.ClassInfo;
import org.alor.data.ClassMetadataJson;
import org.alor.retrieval.CaptionMatcher;
import org.alor.retrieval.ClassStats;
import org.alor.retrieval.ClassSynonyms;
import org.alor.retrieval.CorpusScan;
import org.alor.retrieval.MatchStatistics;
import org.alor.retrieval.ScanListener;
import org.alor.retrieval.ScanResult;
import org.alor.retrieval.WebDatasetCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counts a written world records in classes.json are what retrieval's own scan finds in its corpus. */
class RecordedCountsTest {
    @TempDir
    Path tmp;

    @Test
    void classesJsonCountsEqualARetrievalScanOfTheWrittenCorpus() throws Exception {
        Path root = tmp.resolve("world");
        SynthWorld.create(WrittenWorldTest.SMALL).writeTo(root);
        Path classesFile = root.resolve("classes.json");
        List<ClassInfo> recorded = ClassMetadataJson.read(classesFile);
        JsonObject json = JsonParser.parseString(Files.readString(classesFile)).getAsJsonObject();

        List<ClassSynonyms> classes = ClassSynonyms.fromClasses(recorded);
        CaptionMatcher matcher = CaptionMatcher.build(classes);
        ScanResult scan = new CorpusScan(new WebDatasetCorpus(root.resolve(WorldLayout.CORPUS_DIR)), matcher, 1,
                tmp.resolve("progress")).run(ScanListener.NONE);
        List<ClassStats> found = MatchStatistics.compute(classes, matcher, scan.matches());

        assertThat(found).hasSameSizeAs(recorded);
        int matchedSomething = 0;
        for (ClassStats s : found) {
            ClassInfo r = recorded.get(s.classId());
            assertThat(s.synonymCounts()).as("class %d", s.classId()).containsExactlyEntriesOf(r.synonyms());
            assertThat(s.mostCommonName()).as("class %d", s.classId()).isEqualTo(r.mostCommonName());
            assertThat(s.actualFreq()).as("class %d", s.classId())
                    .isEqualTo(json.getAsJsonObject(Integer.toString(s.classId())).get("actual_freq").getAsInt());
            if (s.actualFreq() > 0) matchedSomething++;
        }
        assertThat(matchedSomething).isPositive();
    }
}
