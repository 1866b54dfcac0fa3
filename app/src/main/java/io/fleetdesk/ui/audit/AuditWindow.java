package io.fleetdesk.ui.audit;

import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ui.common.Messages;
import io.fleetdesk.ui.common.ThemeManager;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    public static Stage show(AuditLog audit, Window owner) {
        if (open != null && open.getOwner() == owner) {
            openModel.reload();
            open.show();
            open.toFront();
            return open;
        }
        AuditViewModel vm = new AuditViewModel(audit, READER);
        FXMLLoader loader = new FXMLLoader(AuditWindow.class.getResource("AuditView.fxml"), Messages.bundle());
        loader.setControllerFactory(t -> new AuditController(vm));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Stage stage = new Stage();
        stage.setTitle(Messages.get("audit.title"));
        Scene scene = new Scene(root, Math.min(1250, owner.getWidth() - 20), Math.min(640, owner.getHeight() - 40));
        ThemeManager.follow(scene, owner.getScene());
        stage.setScene(scene);
        stage.initOwner(owner);
        stage.show();
        open = stage;
        openModel = vm;
        return stage;
    }
}
