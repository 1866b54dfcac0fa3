package io.fleetdesk.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Work requests as the Work Requests service reports them: ACCEPTED, then IN_PROGRESS with a
 * percentComplete that grows with simulated time, then SUCCEEDED or FAILED. An operation in the
 * simulator registers one and reads back whether it has finished.
 */
public final class SimWorkRequests {
    /** One tracked operation; {@code failAtPercent} &lt; 0 means it succeeds. */
    public record Entry(String id, String operationType, String compartmentId, String resourceId,
                        String entityType, Instant accepted, Duration length, int failAtPercent, String failMessage) {
    }

    private final SimClock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Instant> canceled = new ConcurrentHashMap<>();

    public SimWorkRequests(SimClock clock) {
        this.clock = clock;
    }

    public Entry start(String operationType, String compartmentId, String resourceId, String entityType,
                       Duration length, int failAtPercent, String failMessage) {
        String id = "ocid1.coreservicesworkrequest.oc1.iad." + UUID.randomUUID().toString().replace("-", "");
        Entry e = new Entry(id, operationType, compartmentId, resourceId, entityType, clock.now(), length,
                failAtPercent, failMessage);
        entries.put(id, e);
        return e;
    }

    /** The work requests of a compartment, on one resource when it is given; newest first. */
    public List<Entry> list(String compartmentId, String resourceId) {
        return entries.values().stream()
                .filter(e -> e.compartmentId().equals(compartmentId)
                        && (resourceId == null || resourceId.isBlank() || e.resourceId().equals(resourceId)))
                .sorted(java.util.Comparator.comparing(Entry::accepted).reversed())
                .toList();
    }

    public Entry get(String id) {
        return entries.get(id);
    }

    /** How far each GetWorkRequest moves simulated time; null: only the clock moves it. */
    private volatile Duration stepPerRead;

    /**
     * Makes every GetWorkRequest move simulated time forward by {@code step} before it answers, so a
     * work request of length L ends after L / step reads, however fast or slow the machine is. With
     * the clock frozen ({@link SimClock#freeze}) this is the only thing that moves it: a test then
     * follows an operation through a known number of reads, never by waiting on wall time.
     */
    public void stepOnEveryRead(Duration step) {
        this.stepPerRead = step;
    }

    /** A GetWorkRequest of one entry: simulated time moves first when {@link #stepOnEveryRead} asks it to. */
    Entry read(String id) {
        Entry e = entries.get(id);
        Duration step = stepPerRead;
        if (e != null && step != null) {
            clock.advance(step);
        }
        return e;
    }

    /** 0..100 of the way through, by simulated time. */
    public float percentComplete(Entry e) {
        long elapsed = Duration.between(e.accepted(), canceled.getOrDefault(e.id(), clock.now())).toMillis();
        float p = (float) Math.min(100.0, Math.max(0.0, elapsed * 100.0 / Math.max(1, e.length().toMillis())));
        if (e.failAtPercent() >= 0) {
            p = Math.min(p, e.failAtPercent());
        }
        return p;
    }

    /** The operation was canceled: its work request ends CANCELED where it stood. */
    public void cancel(Entry e) {
        canceled.putIfAbsent(e.id(), clock.now());
    }

    public String status(Entry e) {
        if (canceled.containsKey(e.id())) {
            return "CANCELED";
        }
        float p = percentComplete(e);
        long elapsed = Duration.between(e.accepted(), clock.now()).toMillis();
        if (e.failAtPercent() >= 0 && elapsed * 100.0 / Math.max(1, e.length().toMillis()) >= e.failAtPercent()) {
            return "FAILED";
        }
        if (p >= 100) {
            return "SUCCEEDED";
        }
        return elapsed < Math.min(2000, e.length().toMillis() / 20) ? "ACCEPTED" : "IN_PROGRESS";
    }

    /** The work request's errors, as ListWorkRequestErrors returns them: one when it FAILED. */
    List<Map<String, Object>> errors(Entry e) {
        if (!status(e).equals("FAILED")) {
            return List.of();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        String msg = e.failMessage() == null ? "The operation failed." : e.failMessage();
        m.put("code", msg.startsWith("ORA-") ? msg.substring(0, msg.indexOf(':') > 0 ? msg.indexOf(':') : msg.length()) : "InternalError");
        m.put("message", msg);
        m.put("timestamp", SimJson.time(clock.now()));
        return List.of(m);
    }

    /** Progress messages, as ListWorkRequestLogs returns them: one per step reached so far. */
    List<Map<String, Object>> logs(Entry e) {
        String[] steps = switch (e.operationType()) {
            case "CREATE_BACKUP" -> new String[] {"Starting the backup", "Backing up datafiles",
                    "Backing up archived redo logs", "Backing up the control file and SPFILE", "Validating the backup"};
            case "RESTORE_DATABASE" -> new String[] {"Validating the restore request", "Restoring datafiles",
                    "Recovering the database", "Opening the database", "Verifying the database"};
            case "DELETE_BACKUP", "CANCEL_BACKUP" -> new String[] {"Accepted", "Updating the backup catalog"};
            default -> new String[] {"Validating the Data Guard configuration", "Preparing the databases",
                    "Converting roles", "Restarting redo apply", "Verifying the Data Guard configuration"};
        };
        float pct = percentComplete(e);
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            if (pct >= i * (100f / steps.length)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("message", steps[i]);
                m.put("timestamp", SimJson.time(e.accepted().plusMillis((long) (e.length().toMillis() * i
                        / (double) steps.length))));
                out.add(m);
            }
        }
        if (status(e).equals("FAILED")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message", "Failed: " + (e.failMessage() == null ? "the operation failed" : e.failMessage()));
            m.put("timestamp", SimJson.time(clock.now()));
            out.add(m);
        }
        return out;
    }

    Map<String, Object> json(Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        String status = status(e);
        m.put("id", e.id());
        m.put("operationType", e.operationType());
        m.put("status", status);
        m.put("compartmentId", e.compartmentId());
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("entityType", e.entityType());
        res.put("actionType", status.equals("SUCCEEDED") ? "UPDATED" : "IN_PROGRESS");
        res.put("identifier", e.resourceId());
        res.put("entityUri", "/20160918/databases/" + e.resourceId());
        m.put("resources", List.of(res));
        m.put("percentComplete", percentComplete(e));
        m.put("timeAccepted", SimJson.time(e.accepted()));
        m.put("timeStarted", SimJson.time(e.accepted().plusSeconds(1)));
        if (status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELED")) {
            m.put("timeFinished", SimJson.time(clock.now()));
        }
        return m;
    }
}
