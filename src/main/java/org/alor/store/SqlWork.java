package org.alor.store;

import java.sql.Connection;

/** Work done on the project database inside one transaction (see {@link Database#inTransaction}). */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws Exception;
}
