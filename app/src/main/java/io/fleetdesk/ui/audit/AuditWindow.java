package io.fleetdesk.ui.audit;

import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.common.OwnedWindows;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.concurrent.Executor;

/** The Audit view's window: one per main window, shown again (and re-read) when asked for twice. */
public final class AuditWindow {
    private static final Executor READER = r -> Thread.ofVirtual().name("audit-reader").start(r);
    private static Stage open;
    private static AuditViewModel openModel;

    private AuditWindow() {
    }

    /** Reads the file again when the view is open (an operation wrote to it). */
    public static void reloadIfOpen() {
        if (open != null && open.isShowing()) {
            openModel.reload();
        }
    }

    /** Shows the audit log over the main window; reads the file again each time. */
    public static Stage show(AuditLog audit, Window owner, java.util.concurrent.Executor ui) {
        if (open != null && open.getOwner() == owner) {
            openModel.reload();
            open.show();
            open.toFront();
            return open;
        }
        AuditViewModel vm = new AuditViewModel(audit, READER, ui);
        Stage stage = OwnedWindows.load(AuditWindow.class, "AuditView.fxml", t -> new AuditController(vm), owner, 1250, 640);
        stage.setTitle(Messages.get("audit.title"));
        stage.show();
        open = stage;
        openModel = vm;
        return stage;
    }
}
