package org.alor.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One forward step of the schema: brings a database from {@code version - 1} to {@code version}.
 * Statements run one by one (trigger bodies contain semicolons, so they are never split from a script).
 */
public record Migration(int version, String description, List<String> statements) {
    public Migration {
        if (version < 1) throw new IllegalArgumentException("migration versions start at 1");
        statements = List.copyOf(statements);
    }

    void apply(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) st.executeUpdate(sql);
        }
    }
}
