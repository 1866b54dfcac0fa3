package io.fleetdesk.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.fleetdesk.app.AppFolders;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.ops.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code audit list}: the audit log the window's Audit log view shows, newest first, filtered. No OCI call. */
@Command(name = "audit", description = "The audit log of every change made by Fleetdesk (window or command).",
        subcommands = AuditCommands.ListEntries.class)
final class AuditCommands {
    private AuditCommands() {
    }

    /** An audit entry as printed. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record EntryRow(String at, String phase, String action, String status, String profile, String osUser,
                    String ociUser, List<String> targets, Map<String, String> parameters, String workRequestId,
                    String opcRequestId, Long durationMs, String message, String operationId) {
        static EntryRow of(AuditEntry e) {
            String message = e.notice() != null ? Messages.of(e.notice()) : e.message();
            return new EntryRow(String.valueOf(e.at()), e.phase().name(), e.action(), e.status(), e.profile(),
                    e.osUser(), e.ociUser(), e.targets(), e.parameters(), e.workRequestId(), e.opcRequestId(),
                    e.durationMs(), message, e.operationId());
        }
    }

    @Command(name = "list", description = {"Entries newest first: intents, work requests sent, outcomes.", "",
            "Example:", "  fleetdesk audit list --action SWITCHOVER --since 7d --output table"})
    static final class ListEntries implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--action", paramLabel = "ACTION", description = "Only this action (SWITCHOVER, CREATE_BACKUP, …).")
        String action;

        @Option(names = "--since", paramLabel = "WHEN",
                description = "Only entries since an instant (2026-11-30T08:00:00Z) or a time ago (90m, 24h, 7d).")
        String since;

        @Option(names = "--target", paramLabel = "TEXT", description = "Only entries whose targets or parameters"
                + " contain this (a database name, an OCID).")
        String target;

        @Option(names = "--limit", paramLabel = "N", description = "At most N entries (default: ${DEFAULT-VALUE}).")
        int limit = 100;

        @Override
        public void run() {
            Instant from = since == null ? null : since(since);
            String t = target == null ? null : target.toLowerCase(Locale.ROOT);
            List<EntryRow> rows = new AuditLog(AppFolders.data()).readAll().stream()
                    .filter(e -> action == null || action.equalsIgnoreCase(e.action()))
                    .filter(e -> from == null || (e.at() != null && !e.at().isBefore(from)))
                    .filter(e -> t == null || (String.join(" ", e.targets()) + " " + e.parameters().values())
                            .toLowerCase(Locale.ROOT).contains(t))
                    .sorted(Comparator.comparing(AuditEntry::at, Comparator.nullsLast(Comparator.reverseOrder())))
                    .limit(Math.max(0, limit)).map(EntryRow::of).toList();
            Output.of(spec).data(rows);
        }

        static Instant since(String text) {
            String s = text.trim().toLowerCase(Locale.ROOT);
            try {
                if (s.matches("\\d+[smhd]")) {
                    long n = Long.parseLong(s.substring(0, s.length() - 1));
                    Duration d = switch (s.charAt(s.length() - 1)) {
                        case 's' -> Duration.ofSeconds(n);
                        case 'm' -> Duration.ofMinutes(n);
                        case 'h' -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
                    return Instant.now().minus(d);
                }
                return Instant.parse(text.trim());
            } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
                throw CliException.badInput("--since " + text + " is neither an instant (2026-11-30T08:00:00Z) nor a"
                        + " time ago (90m, 24h, 7d)");
            }
        }
    }
}
