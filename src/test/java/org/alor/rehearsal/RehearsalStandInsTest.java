package org.alor.rehearsal;

import org.alor.data.DatasetFormat;
import org.alor.data.DatasetImport;
import org.alor.data.SplitFilesImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rehearsal's stand-ins at a tiny size: they must stay what the real data looks like to ALOR (issue 19 item 2). */
class RehearsalStandInsTest {
    @Test
    void theDatasetImportsAsReferenceSplitFilesWithItsMetricsJson(@TempDir Path dir) throws Exception {
        assertThat(RehearsalDataset.write(dir, 4, 2, 1, 1, 64, 19)).isEqualTo(16);
        DatasetImport r = new SplitFilesImporter().importFrom(dir);
        assertThat(r.problems()).isEmpty();
        assertThat(r.format()).isEqualTo(DatasetFormat.SPLIT_FILES);
        assertThat(r.classes()).hasSize(4);
        assertThat(r.classes().get(0).synonyms()).hasSize(3); // scientific, common and an older name
        assertThat(r.samples()).hasSize(16);
    }

    @Test
    void theServerAnswersEachIdWithItsFault() throws Exception {
        Map<RehearsalServer.Fault, Long> ids = new EnumMap<>(RehearsalServer.Fault.class);
        for (long id = 0; id < 100_000 && ids.size() < RehearsalServer.Fault.values().length; id++) {
            ids.putIfAbsent(RehearsalServer.fault(id), id);
        }
        try (RehearsalServer server = new RehearsalServer(0, RehearsalDataset.names(3, 19).species(), 19)) {
            server.start();
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            String base = "http://127.0.0.1:" + server.port() + "/i/";
            HttpResponse<byte[]> ok = client.send(HttpRequest.newBuilder(URI.create(base + ids.get(RehearsalServer.Fault.NONE) + ".jpg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()[0]).isEqualTo((byte) 0xFF); // JPEG
            HttpResponse<byte[]> missing = client.send(HttpRequest.newBuilder(URI.create(base + ids.get(RehearsalServer.Fault.NOT_FOUND) + ".jpg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(missing.statusCode()).isEqualTo(404);
            HttpResponse<byte[]> moved = client.send(HttpRequest.newBuilder(URI.create(base + ids.get(RehearsalServer.Fault.REDIRECT) + ".jpg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(moved.statusCode()).isEqualTo(200);
        }
    }
}
