package org.alor.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A species list: a CSV file (UTF-8, a leading BOM allowed, quoted fields as in RFC 4180) whose header row names a
 * scientific-name column and optionally a common-name and a synonyms column (synonyms separated by '|' or ';' in
 * their cell), in any order and letter case; other columns are ignored. Blank rows are skipped. Any malformed row is
 * fatal, reported with the file and line.
 */
public final class TaxonomyCsv {
    /**
     * One species of the list.
     *
     * @param line the 1-based line of its row
     * @param commonName the common name, empty when the list has none
     * @param synonyms the synonyms in the cell's order, without empties
     */
    public record Species(int line, String scientificName, String commonName, List<String> synonyms) {
        public Species {
            synonyms = List.copyOf(synonyms);
        }

        /**
         * The class this species becomes, as class metadata JSON gives it: the scientific name as name, the common
         * name as most common name, and as alternates the scientific name, the common name and the synonyms.
         */
        public ClassInfo toClassInfo(int id) {
            Map<String, Integer> alternates = new LinkedHashMap<>();
            alternates.put(scientificName, 0);
            if (!commonName.isEmpty()) alternates.putIfAbsent(commonName, 0);
            for (String s : synonyms) alternates.putIfAbsent(s, 0);
            return new ClassInfo(id, scientificName, commonName.isEmpty() ? scientificName : commonName, alternates);
        }

        /** Every name a folder may carry for this species: scientific, common, synonyms. */
        List<String> names() {
            List<String> all = new ArrayList<>();
            all.add(scientificName);
            if (!commonName.isEmpty()) all.add(commonName);
            all.addAll(synonyms);
            return all;
        }
    }

    private static final Set<String> SCIENTIFIC = Set.of("scientific name", "scientific", "scientificname",
            "latin name", "species", "taxon", "name");
    private static final Set<String> COMMON = Set.of("common name", "common", "commonname", "vernacular name",
            "vernacular", "english name");
    private static final Set<String> SYNONYMS = Set.of("synonyms", "synonym", "alternates", "alternate names",
            "other names", "aliases");

    private TaxonomyCsv() {
    }

    /** True for a file this class reads (a {@code .csv} name). */
    public static boolean isSpeciesList(Path file) {
        return file != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    public static List<Species> read(Path file) throws IOException, DatasetFormatException {
        if (!Files.isRegularFile(file)) throw new DatasetFormatException(file, "species list not found");
        List<CsvReader.Row> rows = CsvReader.parse(decode(file, Files.readAllBytes(file)));
        int headerIndex = 0;
        while (headerIndex < rows.size() && isBlank(rows.get(headerIndex))) headerIndex++;
        if (headerIndex == rows.size()) throw new DatasetFormatException(file, "empty species list (expected a header row such as 'scientific name,common name,synonyms')");
        CsvReader.Row header = rows.get(headerIndex);
        if (header.error() != null) throw new DatasetFormatException(file, header.line(), header.error());
        int[] columns = columns(file, header);
        List<Species> species = new ArrayList<>();
        Map<String, Integer> lineOfName = new HashMap<>();
        for (CsvReader.Row row : rows.subList(headerIndex + 1, rows.size())) {
            if (row.error() != null) throw new DatasetFormatException(file, row.line(), row.error());
            if (isBlank(row)) continue;
            String scientific = cell(row, columns[0]);
            if (scientific.isEmpty()) throw new DatasetFormatException(file, row.line(), "empty scientific name");
            Integer previous = lineOfName.putIfAbsent(TaxonomyMatch.key(scientific), row.line());
            if (previous != null) {
                throw new DatasetFormatException(file, row.line(), "duplicate scientific name '" + scientific + "' (first on line " + previous + ")");
            }
            List<String> synonyms = new ArrayList<>();
            for (String s : cell(row, columns[2]).split("[|;]")) if (!s.isBlank()) synonyms.add(s.strip());
            species.add(new Species(row.line(), scientific, cell(row, columns[1]), synonyms));
        }
        if (species.isEmpty()) throw new DatasetFormatException(file, "no species below the header row");
        List<ClassInfo> asClasses = new ArrayList<>();
        for (Species s : species) asClasses.add(s.toClassInfo(asClasses.size()));
        ClassNameCheck.check(asClasses, file, i -> species.get(i).line());
        return species;
    }

    /** The species as classes, ids in row order (a species list used as a plain class list). */
    public static List<ClassInfo> readClasses(Path file) throws IOException, DatasetFormatException {
        List<ClassInfo> classes = new ArrayList<>();
        for (Species s : read(file)) classes.add(s.toClassInfo(classes.size()));
        return classes;
    }

    /** Column indexes of scientific name, common name, synonyms (-1 when absent). */
    private static int[] columns(Path file, CsvReader.Row header) throws DatasetFormatException {
        int[] columns = {-1, -1, -1};
        List<Set<String>> names = List.of(SCIENTIFIC, COMMON, SYNONYMS);
        List<String> fields = header.fields();
        for (int i = 0; i < fields.size(); i++) {
            String h = TaxonomyMatch.key(fields.get(i));
            for (int c = 0; c < 3; c++) {
                if (!names.get(c).contains(h)) continue;
                if (columns[c] >= 0) {
                    throw new DatasetFormatException(file, header.line(), "two columns for the same field: '"
                            + fields.get(columns[c]).strip() + "' and '" + fields.get(i).strip() + "'");
                }
                columns[c] = i;
            }
        }
        if (columns[0] < 0) {
            throw new DatasetFormatException(file, header.line(), "no scientific-name column in the header " + fields
                    + " (expected a header row such as 'scientific name,common name,synonyms')");
        }
        return columns;
    }

    private static String cell(CsvReader.Row row, int column) {
        return column < 0 || column >= row.fields().size() ? "" : row.fields().get(column).strip();
    }

    private static boolean isBlank(CsvReader.Row row) {
        return row.error() == null && row.fields().stream().allMatch(String::isBlank);
    }

    /** Strict UTF-8, so a file saved in another encoding is refused with the line of the first bad byte. */
    private static String decode(Path file, byte[] bytes) throws DatasetFormatException {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            int bad = firstBadByte(bytes, start);
            for (int i = start; i < bad; i++) if (bytes[i] == '\n') line++;
            throw new DatasetFormatException(file, line, "not valid UTF-8 text (save the file as UTF-8)");
        }
    }

    private static int firstBadByte(byte[] bytes, int start) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }
}
