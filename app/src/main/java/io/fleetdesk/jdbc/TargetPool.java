package io.fleetdesk.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A small HikariCP pool for one directly reached database: at most 2 connections, a connect timeout
 * of a few seconds, validation, and no failure at creation (a target that is down now is probed
 * again later). The password is handed to the driver and kept only in memory, never written.
 */
public final class TargetPool implements AutoCloseable {
    private final HikariDataSource ds;

    /**
     * @param url            a JDBC URL (jdbc:oracle:thin:@//host:port/service, a tnsnames alias, or a fixture's)
     * @param connectTimeout how long a probe waits for a connection before it gives up
     */
    public TargetPool(String name, String url, String user, char[] password, Duration connectTimeout) {
        this(name, url, java.util.Map.of(), user, password, connectTimeout);
    }

    /**
     * @param properties driver properties (tns_admin, wallet, internal_logon) from {@link ConnectStrings}
     * @param password   handed to HikariCP (which keeps it as a String in memory) and then wiped here
     */
    public TargetPool(String name, String url, java.util.Map<String, String> properties, String user, char[] password,
                      Duration connectTimeout) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("target-" + name);
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password == null ? null : new String(password));
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
        c.setMaximumPoolSize(2);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(Math.max(250, connectTimeout.toMillis()));
        c.setValidationTimeout(Math.max(250, Math.min(connectTimeout.toMillis(), 5000)));
        c.setInitializationFailTimeout(-1);
        c.setReadOnly(true);
        // ojdbc's own connect timeout, shorter than the pool's, so a host that accepts and never answers
        // fails in the driver first, with its ORA- code, rather than only as the pool's timeout.
        c.addDataSourceProperty("oracle.net.CONNECT_TIMEOUT", Long.toString(connectTimeout.toMillis() * 3 / 4));
        c.addDataSourceProperty("oracle.jdbc.ReadTimeout", Long.toString(Math.max(connectTimeout.toMillis(), 10_000)));
        properties.forEach(c::addDataSourceProperty);
        this.ds = new HikariDataSource(c);
    }

    public Connection connection() throws SQLException {
        return ds.getConnection();
    }

    /** Connections the pool holds now (in use and idle); 0 once closed. For the soak run's leak check. */
    public int connections() {
        var mx = ds.isClosed() ? null : ds.getHikariPoolMXBean();
        return mx == null ? 0 : mx.getTotalConnections();
    }

    public boolean isClosed() {
        return ds.isClosed();
    }

    @Override
    public void close() {
        ds.close();
    }
}
