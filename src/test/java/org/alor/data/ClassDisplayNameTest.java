package org.alor.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 item 17: class folder names become display names, not "erythrornis_cinereus" verbatim. */
class ClassDisplayNameTest {
    @Test
    void scientificBinomialsGetACapitalGenusAndALowerCaseEpithet() {
        assertThat(ClassDisplayName.fromFolder("erythrornis_cinereus")).isEqualTo("Erythrornis cinereus");
        assertThat(ClassDisplayName.fromFolder("Turdus_Migratorius")).isEqualTo("Turdus migratorius");
        assertThat(ClassDisplayName.fromFolder("tachycineta_bicolor")).isEqualTo("Tachycineta bicolor");
        assertThat(ClassDisplayName.fromFolder("poecile_atricapillus_practicus")).isEqualTo("Poecile atricapillus practicus");
        assertThat(ClassDisplayName.fromFolder("corvus corone")).isEqualTo("Corvus corone");
    }

    @Test
    void commonNamesAreTitleCased() {
        assertThat(ClassDisplayName.fromFolder("northern_cardinal")).isEqualTo("Northern Cardinal");
        assertThat(ClassDisplayName.fromFolder("blue_jay")).isEqualTo("Blue Jay");
        assertThat(ClassDisplayName.fromFolder("black-throated_blue_warbler")).isEqualTo("Black-throated Blue Warbler");
        assertThat(ClassDisplayName.fromFolder("american robin")).isEqualTo("American Robin");
        assertThat(ClassDisplayName.fromFolder("Eastern_Bluebird")).isEqualTo("Eastern Bluebird");
    }

    @Test
    void namesAlreadyWrittenForPeopleStayAsTheyAre() {
        assertThat(ClassDisplayName.fromFolder("Cardinalis cardinalis")).isEqualTo("Cardinalis cardinalis");
        assertThat(ClassDisplayName.fromFolder("Northern Cardinal")).isEqualTo("Northern Cardinal");
        assertThat(ClassDisplayName.fromFolder("dog")).isEqualTo("dog");
        assertThat(ClassDisplayName.fromFolder("n01440764")).isEqualTo("n01440764");
        assertThat(ClassDisplayName.fromFolder("class_3")).isEqualTo("class_3");
        assertThat(ClassDisplayName.fromFolder(ClassDisplayName.fromFolder("erythrornis_cinereus"))).isEqualTo("Erythrornis cinereus");
    }

    @Test
    void anImageFolderImportNamesItsClassesForPeople(@TempDir Path root) throws Exception {
        for (String c : new String[]{"erythrornis_cinereus", "northern_cardinal"}) {
            TestImages.png(root.resolve(c).resolve("a.png"), 4, 4, 1);
        }
        DatasetImport imported = DatasetImports.run(ImportRequest.of(root).withFormat(DatasetFormat.IMAGE_FOLDER));
        assertThat(imported.classes()).extracting(ClassInfo::name).containsExactly("Erythrornis cinereus", "Northern Cardinal");
        assertThat(imported.samples()).extracting(SampleRecord::path).contains("erythrornis_cinereus/a.png");
        assertThat(Files.exists(root.resolve("erythrornis_cinereus/a.png"))).isTrue();
    }
}
