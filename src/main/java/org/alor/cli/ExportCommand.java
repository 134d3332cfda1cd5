package org.alor.cli;

import org.alor.data.ClassInfo;
import org.alor.data.CsvExporter;
import org.alor.data.DatasetExporter;
import org.alor.data.ExportResult;
import org.alor.data.GuardedExport;
import org.alor.data.ImageFolderExporter;
import org.alor.data.ImportProblem;
import org.alor.data.LabeledSample;
import org.alor.data.SplitFilesExporter;
import org.alor.store.CurrentLabels;
import org.alor.store.ProjectStore;
import org.alor.store.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** `alor export`: write the current labels as an ImageFolder, a CSV file or reference split files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the project's current labels (latest label given, else the dataset's own).",
                "imagefolder copies images into OUT/<class>/; csv writes OUT (a file) or OUT/labels.csv; splits writes",
                "<split>.txt files plus the class metadata JSON.",
                "Never writes into the project folder; an existing file or a non-empty folder needs --force.",
                "Files are written through a temporary file and an atomic rename."})
public final class ExportCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    enum Format { imagefolder, csv, splits }

    @Parameters(index = "0", paramLabel = "PROJECT_DIR")
    Path projectDir;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "imagefolder | csv | splits")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (or CSV file).")
    Path out;

    @Option(names = "--force", description = "Replace an existing CSV file, or write into a non-empty folder (files of the same name are replaced).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        List<ClassInfo> classes;
        List<LabeledSample> samples;
        Path root;
        try (ProjectStore store = ProjectStore.open(projectDir)) {
            classes = store.classTable().all();
            samples = CurrentLabels.of(store);
            root = store.settings().getPath(Settings.DATASET_ROOT)
                    .orElseThrow(() -> new IllegalStateException("project " + projectDir + " has no dataset root"));
        }
        DatasetExporter exporter = switch (format) {
            case imagefolder -> new ImageFolderExporter();
            case csv -> new CsvExporter();
            case splits -> new SplitFilesExporter();
        };
        Path target = format == Format.csv ? GuardedExport.csvTarget(out) : out;
        ExportResult result = new GuardedExport(projectDir, force).run(exporter, classes, samples, root, out);
        spec.commandLine().getOut().printf("Exported %d samples as %s to %s (%d file(s) written)%n",
                samples.size() - result.skipped().size(), format, target, result.files().size());
        if (!result.skipped().isEmpty()) {
            spec.commandLine().getOut().println(result.skipped().size() + " sample(s) not exported:");
            for (ImportProblem p : result.skipped()) spec.commandLine().getOut().println("  " + p);
        }
        return 0;
    }
}
