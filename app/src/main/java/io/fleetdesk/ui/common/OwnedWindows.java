package io.fleetdesk.ui.common;

import io.fleetdesk.app.Messages;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Callback;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A window over the main one (a wizard, a dialog, a view): its FXML loaded with the bundle and a
 * controller from the given factory, sized to fit inside its owner, dressed in the owner's theme.
 */
public final class OwnedWindows {
    private OwnedWindows() {
    }

    /**
     * @param anchor the class whose package holds the FXML (the controller's, by the design's layout)
     * @param width  the preferred width; never wider than the owner
     * @param height the preferred height; never taller than the owner
     */
    public static Stage load(Class<?> anchor, String fxml, Callback<Class<?>, Object> controllers, Window owner,
                             double width, double height) {
        FXMLLoader loader = new FXMLLoader(anchor.getResource(fxml), Messages.bundle());
        loader.setControllerFactory(controllers);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The view " + fxml + " could not be loaded", e);
        }
        Scene scene = new Scene(root, Math.min(width, owner.getWidth() - 20), Math.min(height, owner.getHeight() - 30));
        ThemeManager.follow(scene, owner.getScene());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.initOwner(owner);
        return stage;
    }
}
