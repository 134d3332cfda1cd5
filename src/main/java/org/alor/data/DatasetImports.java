package org.alor.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Entry point: picks the importer for a request (detecting the format if needed) and runs it. */
public final class DatasetImports {
    private DatasetImports() {
    }

    public static DatasetImport run(ImportRequest request) throws IOException, DatasetFormatException {
        Path root = request.root();
        Path csv = request.csvFile();
        if (Files.isRegularFile(root)) {
            csv = root;
            root = root.toAbsolutePath().getParent();
        }
        DatasetFormat format = request.format() != null ? request.format() : FormatDetector.detect(request.root(), request.classFile());
        return importer(format, csv, request).importFrom(root);
    }

    /** The importer for a format with the request's overrides. */
    public static DatasetImporter importer(DatasetFormat format, Path csvFile, ImportRequest request) {
        int threads = request.threads() > 0 ? request.threads() : ImageInspector.defaultThreads();
        ImageInspector inspector = new ImageInspector(threads, request.progress());
        switch (format) {
            case IMAGE_FOLDER:
                return new ImageFolderImporter(inspector, TaxonomyCsv.isSpeciesList(request.classFile()) ? request.classFile() : null);
            case SPLIT_FILES: return new SplitFilesImporter(request.splitFiles(), request.classFile(), inspector);
            case CSV: return new CsvImporter(csvFile, request.classFile(), inspector);
            case CLASS_LIST: return new ClassListImporter(request.classFile(), inspector);
            default: throw new IllegalArgumentException("unsupported format " + format);
        }
    }
}
