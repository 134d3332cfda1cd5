package org.alor.cli;

import org.alor.data.ClassInfo;
import org.alor.data.SampleRecord;
import org.alor.data.Split;
import org.alor.store.ProjectStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18 item 7: `info` and `status` run PRAGMA quick_check and refuse a database with a damaged page. */
class DamagedDatabaseCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void infoAndStatusExitOneNamingTheDamage() throws Exception {
        Path project = tmp.resolve("p");
        try (ProjectStore store = ProjectStore.create(project)) {
            store.classTable().replace(List.of(ClassInfo.named(0, "Pica pica"), ClassInfo.named(1, "Corvus corax")));
            List<SampleRecord> pool = new ArrayList<>();
            for (int i = 0; i < 200; i++) pool.add(new SampleRecord("pool/" + i + ".jpg", Split.POOL, i % 2, 8, 8, "h" + i));
            store.sampleTable().insert(pool);
        }
        assertThat(CliRun.of("info", project.toString()).exitCode()).isZero();
        damagePage(project.resolve(ProjectStore.DATABASE_FILE), "samples_content_hash");

        for (String command : List.of("info", "status")) {
            CliRun run = CliRun.of(command, project.toString());
            assertThat(run.exitCode()).as(command + ": " + run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).as(command).contains("project.alor").contains("damaged").contains("quick_check");
        }
    }

    /** Overwrites the root page of an index the overview never reads with garbage, as a bad sector would. */
    static void damagePage(Path db, String index) throws SQLException, IOException {
        int page;
        int pageSize;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT rootpage FROM sqlite_master WHERE name = '" + index + "'")) {
                page = rs.getInt(1);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA page_size")) {
                pageSize = rs.getInt(1);
            }
        }
        byte[] garbage = new byte[pageSize];
        Arrays.fill(garbage, (byte) 0x5A);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek((long) (page - 1) * pageSize);
            f.write(garbage);
        }
    }
}
