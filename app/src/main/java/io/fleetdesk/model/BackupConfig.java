package io.fleetdesk.model;

/**
 * A database's automatic backup configuration ({@code dbBackupConfig}).
 *
 * @param window             the service's window name (e.g. SLOT_TWO: 02:00-04:00 UTC); null where not set
 * @param recoveryWindowDays how far back a point-in-time restore can go
 * @param destination        OBJECT_STORE, RECOVERY_APPLIANCE, NFS …
 */
public record BackupConfig(boolean autoBackupEnabled, String window, Integer recoveryWindowDays, String destination) {

    /** The window in clock time, for a DBA: SLOT_ONE is 00:00-02:00 UTC, each slot two hours later. */
    public String windowText() {
        if (window == null || !window.startsWith("SLOT_")) {
            return window;
        }
        String[] names = {"ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN", "ELEVEN", "TWELVE"};
        for (int i = 0; i < names.length; i++) {
            if (window.equals("SLOT_" + names[i])) {
                return String.format("%02d:00-%02d:00 UTC", i * 2, (i * 2 + 2) % 24);
            }
        }
        return window;
    }
}
