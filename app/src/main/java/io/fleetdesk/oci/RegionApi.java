package io.fleetdesk.oci;

import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.oci.Rows.DbHomeRow;
import io.fleetdesk.oci.Rows.DbSystemRow;
import io.fleetdesk.oci.Rows.PdbRow;

/**
 * The Database service of one region, one page per call, so the caller decides concurrency,
 * deadlines and retries. Every method throws {@link OciApiException} when the call fails.
 */
public interface RegionApi extends AutoCloseable {
    String region();

    Page<DbSystemRow> listDbSystems(String compartmentId, String page);

    Page<DbHomeRow> listDbHomes(String compartmentId, String page);

    /** The service refuses ListDatabases without a DB home or DB system; we always pass the home. */
    Page<DatabaseRow> listDatabases(String compartmentId, String dbHomeId, String page);

    Page<PdbRow> listPluggableDatabases(String compartmentId, String page);

    /** A single database; only for what a list does not return. */
    DatabaseRow getDatabase(String databaseId);

    @Override
    void close();
}
