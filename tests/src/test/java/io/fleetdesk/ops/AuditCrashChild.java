package io.fleetdesk.ops;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Run in a child JVM by AuditLogTest: writes an intent, says so, then waits to be killed mid-operation. */
public final class AuditCrashChild {
    public static void main(String[] args) throws Exception {
        AuditLog log = new AuditLog(Path.of(args[0]));
        log.intent("ocid1.user.oc1..dba", "PROD", "SWITCHOVER", List.of("ocid1.database.oc1..primary"),
                Map.of("targetDbUniqueName", "ERP_fra1"));
        System.out.println("INTENT-WRITTEN");
        System.out.flush();
        // "The request is in flight" when the parent kills us: block until then (at most a minute).
        new java.util.concurrent.CountDownLatch(1).await(60, java.util.concurrent.TimeUnit.SECONDS);
    }
}
