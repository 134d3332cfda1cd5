package org.alor.app;

import org.alor.store.ProjectCreator;

import org.alor.cli.InitCommand;
import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.DatasetImports;
import org.alor.data.ImportRequest;
import org.alor.store.ProjectStore;
import org.alor.store.StoredSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's project creation gives the same project as `alor init` for the same inputs. */
class ProjectCreatorTest {
    @TempDir
    Path tmp;

    @Test
    void sameProjectAsAlorInit() throws Exception {
        Path data = SyntheticBirds.writeImageFolder(tmp.resolve("birds"), 6, 5);
        Path viaCli = tmp.resolve("cli");
        int code = new CommandLine(new InitCommand()).execute(viaCli.toString(), "--images", data.toString(), "--format", "imagefolder");
        assertThat(code).isZero();

        DatasetImport imported = DatasetImports.run(ImportRequest.of(data.toAbsolutePath().normalize()).withFormat(DatasetFormat.IMAGE_FOLDER));
        Path viaApp = tmp.resolve("app");
        ProjectCreator.create(new ProjectCreator.Spec(viaApp, imported, imported.classes(), null, null, null, 0.1, 0.2, 0));

        try (ProjectStore a = ProjectStore.open(viaCli); ProjectStore b = ProjectStore.open(viaApp)) {
            assertThat(b.classTable().all()).isEqualTo(a.classTable().all());
            assertThat(samples(b)).isEqualTo(samples(a));
            Map<String, String> sa = new java.util.TreeMap<>(a.settings().all());
            Map<String, String> sb = new java.util.TreeMap<>(b.settings().all());
            sa.remove("created_at");
            sb.remove("created_at");
            assertThat(sb).isEqualTo(sa);
        }
    }

    @Test
    void refusesAnExistingProject() throws Exception {
        Path dir = SyntheticBirds.project(tmp, 3, 1);
        DatasetImport imported = DatasetImports.run(ImportRequest.of(tmp.resolve("dataset")).withFormat(DatasetFormat.IMAGE_FOLDER));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProjectCreator.create(
                        new ProjectCreator.Spec(dir, imported, imported.classes(), null, null, null, 0.1, 0.2, 0)))
                .hasMessageContaining("is already a project");
    }

    private static List<String> samples(ProjectStore s) {
        return java.util.Arrays.stream(org.alor.data.Split.values()).flatMap(sp -> s.sampleTable().bySplit(sp).stream())
                .map((StoredSample x) -> x.split() + " " + x.path() + " " + x.trueLabel() + " " + x.contentHash()).sorted().toList();
    }
}
