package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyMatchTest {
    @TempDir
    Path tmp;

    private static final String SPECIES = "scientific name,common name,synonyms\n"
            + "Tachycineta bicolor,Tree Swallow,Iridoprocne bicolor\n"
            + "Hirundo rustica,Barn Swallow,\n"
            + "Egretta caerulea,Little Blue Heron,Florida caerulea|blue crane\n"
            + "Pica pica,Eurasian Magpie,\n";

    private Path dataset(String... folders) throws Exception {
        Path root = tmp.resolve("ds");
        int seed = 0;
        for (String f : folders) TestImages.png(root.resolve(f).resolve("a.png"), 4, 4, seed++);
        return root;
    }

    private Path speciesList(String text) throws Exception {
        Path f = tmp.resolve("species.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void foldersNamedByCommonNameScientificNameOrSynonymGetTheSpeciesNames() throws Exception {
        Path root = dataset("tree_swallow", "hirundo_rustica", "Florida-caerulea");
        DatasetImport result = new ImageFolderImporter(new ImageInspector(1, null), speciesList(SPECIES)).importFrom(root);

        // folders in sorted order: Florida-caerulea, hirundo_rustica, tree_swallow
        assertThat(result.classes()).extracting(ClassInfo::id, ClassInfo::name, ClassInfo::mostCommonName).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "Egretta caerulea", "Little Blue Heron"),
                org.assertj.core.groups.Tuple.tuple(1, "Hirundo rustica", "Barn Swallow"),
                org.assertj.core.groups.Tuple.tuple(2, "Tachycineta bicolor", "Tree Swallow"));
        assertThat(result.classes().get(0).synonyms().keySet())
                .containsExactly("Egretta caerulea", "Little Blue Heron", "Florida caerulea", "blue crane");
        assertThat(result.samples()).extracting(SampleRecord::path, SampleRecord::trueLabel).contains(
                org.assertj.core.groups.Tuple.tuple("tree_swallow/a.png", 2));
        assertThat(result.problems()).extracting(ImportProblem::toString)
                .containsExactly("species.csv: line 5: species 'Pica pica' has no class folder, not added");
    }

    @Test
    void accentsCountButCaseAndSeparatorsDoNot() {
        List<TaxonomyCsv.Species> species = List.of(new TaxonomyCsv.Species(2, "Pica pica", "Pie bavarde", List.of("pie-grièche")));
        TaxonomyMatch match = TaxonomyMatch.match(List.of("PIE_BAVARDE", "pie grieche", "Pie  Grie\u0300che"), species);
        assertThat(match.rows()).extracting(TaxonomyMatch.Row::matched).containsExactly(true, false, true);
        assertThat(match.unmatchedFolders()).containsExactly("pie grieche");
    }

    @Test
    void unmatchedAndAmbiguousFoldersAreAllNamedAndNothingIsImported() throws Exception {
        Path root = dataset("barn_swallow", "swallow", "unknown_bird", "zzz_other");
        Path list = speciesList(SPECIES + "Riparia riparia,Sand Martin,swallow\nPetrochelidon pyrrhonota,Cliff Swallow,swallow\n");
        assertThatThrownBy(() -> new ImageFolderImporter(new ImageInspector(1, null), list).importFrom(root))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("species.csv")
                .hasMessageContaining("folders matching no species: unknown_bird, zzz_other")
                .hasMessageContaining("folders matching several species: swallow (Riparia riparia, Petrochelidon pyrrhonota)");
    }

    @Test
    void twoFoldersForOneSpeciesAreRefused() throws Exception {
        Path root = dataset("barn_swallow", "Hirundo_rustica");
        Path list = speciesList(SPECIES);
        assertThatThrownBy(() -> new ImageFolderImporter(new ImageInspector(1, null), list).importFrom(root))
                .hasMessageContaining("species matched by several folders: Hirundo rustica (Hirundo_rustica, barn_swallow)");
    }

    @Test
    void anExplicitSpeciesListReachesTheImageFolderImporter() throws Exception {
        Path root = dataset("tree_swallow");
        Path list = speciesList(SPECIES);
        DatasetImport result = DatasetImports.run(ImportRequest.of(root).withClassFile(list));
        assertThat(result.format()).isEqualTo(DatasetFormat.IMAGE_FOLDER);
        assertThat(result.classes()).extracting(ClassInfo::name).containsExactly("Tachycineta bicolor");
    }
}
