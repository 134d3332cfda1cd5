package org.alor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyCsvTest {
    @TempDir
    Path tmp;

    private Path csv(String text) throws Exception {
        Path f = tmp.resolve("species.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void readsHeaderInAnyCaseAndOrderQuotedCellsAndBothSynonymSeparators() throws Exception {
        Path f = csv("\uFEFFSynonyms,Common Name,Scientific_Name,notes\r\n"
                + "\"Iridoprocne bicolor; tree swallow \",Tree Swallow,Tachycineta bicolor,\"a, b\"\r\n"
                + "\r\n"
                + "Egretta caerulea|Little blue,Little Blue Heron,Egretta caerulea,\r\n"
                + ",,Pica pica\r\n");
        List<TaxonomyCsv.Species> species = TaxonomyCsv.read(f);
        assertThat(species).extracting(TaxonomyCsv.Species::scientificName)
                .containsExactly("Tachycineta bicolor", "Egretta caerulea", "Pica pica");
        assertThat(species.get(0).commonName()).isEqualTo("Tree Swallow");
        assertThat(species.get(0).synonyms()).containsExactly("Iridoprocne bicolor", "tree swallow");
        assertThat(species.get(0).line()).isEqualTo(2);
        assertThat(species.get(1).line()).isEqualTo(4);
        ClassInfo c = species.get(0).toClassInfo(7);
        assertThat(c.id()).isEqualTo(7);
        assertThat(c.name()).isEqualTo("Tachycineta bicolor");
        assertThat(c.mostCommonName()).isEqualTo("Tree Swallow");
        assertThat(c.synonyms().keySet()).containsExactly("Tachycineta bicolor", "Tree Swallow", "Iridoprocne bicolor", "tree swallow");
        assertThat(species.get(2).toClassInfo(0).mostCommonName()).isEqualTo("Pica pica");
    }

    @Test
    void aSpeciesListIsAClassFileForTheOtherFormats() throws Exception {
        Path f = csv("scientific name,common name\nPica pica,Magpie\nCorvus corax,Raven\n");
        assertThat(ClassFiles.read(f)).extracting(ClassInfo::id, ClassInfo::name, ClassInfo::mostCommonName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "Pica pica", "Magpie"),
                        org.assertj.core.groups.Tuple.tuple(1, "Corvus corax", "Raven"));
    }

    @Test
    void refusesAHeaderWithoutAScientificNameColumn() throws Exception {
        Path f = csv("common name,synonyms\nMagpie,\n");
        assertThatThrownBy(() -> TaxonomyCsv.read(f)).isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("species.csv:1").hasMessageContaining("no scientific-name column");
    }

    @Test
    void refusesAnEmptyNameWithItsLine() throws Exception {
        Path f = csv("scientific name,common name\nPica pica,Magpie\n,Raven\n");
        assertThatThrownBy(() -> TaxonomyCsv.read(f)).hasMessageContaining("species.csv:3").hasMessageContaining("empty scientific name");
    }

    @Test
    void refusesADuplicateScientificNameNamingBothLines() throws Exception {
        Path f = csv("scientific name,common name\nPica pica,Magpie\nCorvus corax,Raven\npica_pica,Eurasian Magpie\n");
        assertThatThrownBy(() -> TaxonomyCsv.read(f)).hasMessageContaining("species.csv:4")
                .hasMessageContaining("duplicate scientific name 'pica_pica' (first on line 2)");
    }

    @Test
    void refusesAnUnterminatedQuoteAndTextThatIsNotUtf8() throws Exception {
        Path quote = csv("scientific name,common name\nPica pica,\"Magpie\nCorvus corax,Raven\n");
        assertThatThrownBy(() -> TaxonomyCsv.read(quote)).hasMessageContaining("species.csv:2").hasMessageContaining("quote");
        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, "scientific name,common name\nPica pica,Pie bavarde\nCorvus corax,Grand corbeau \u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> TaxonomyCsv.read(latin1)).hasMessageContaining("latin1.csv:3").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void refusesAnEmptyListAndAListWithOnlyAHeader() throws Exception {
        assertThatThrownBy(() -> TaxonomyCsv.read(csv(""))).hasMessageContaining("empty species list");
        assertThatThrownBy(() -> TaxonomyCsv.read(csv("scientific name\n"))).hasMessageContaining("no species");
    }
}
