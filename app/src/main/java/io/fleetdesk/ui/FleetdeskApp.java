package io.fleetdesk.ui;

import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.common.ThemeManager;
import io.fleetdesk.ui.fleet.FleetController;
import io.fleetdesk.ui.fleet.FleetViewModel;
import io.fleetdesk.app.AppSettings;
import io.fleetdesk.app.SettingsStore;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

import java.io.IOException;
import java.util.List;

/** The JavaFX application: one main window on the fleet. */
public final class FleetdeskApp extends Application {
    private static volatile LaunchOptions launchOptions = LaunchOptions.defaults();
    /** {@code --smoke-test PNG}: see {@link SmokeTest}. */
    private static volatile java.nio.file.Path smokeTest;
    private FleetViewModel vm;

    /** When main() started and when JavaFX called start(): the smoke test reports where start-up time goes. */
    static volatile java.time.Instant mainAt;
    static volatile java.time.Instant fxStartAt;

    public static void launchWith(String[] args) {
        mainAt = java.time.Instant.now();
        try {
            // Maven's -Dfleetdesk.args="--theme dark" arrives as one argument (or an empty one): split it.
            List<String> words = new java.util.ArrayList<>(java.util.Arrays.stream(args)
                    .flatMap(a -> java.util.Arrays.stream(a.trim().split("\\s+"))).filter(a -> !a.isBlank()).toList());
            int lang = words.indexOf("--lang");
            if (lang >= 0) {
                // The UI's language (en, zh-CN), whatever the OS's is: before any bundle is read.
                if (lang + 1 >= words.size() || !java.util.Set.of("en", "zh-CN").contains(words.get(lang + 1))) {
                    throw new IllegalArgumentException("--lang takes en or zh-CN");
                }
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(words.get(lang + 1)));
                words.subList(lang, lang + 2).clear();
            }
            int smoke = words.indexOf("--smoke-test");
            if (smoke >= 0) {
                if (smoke + 1 >= words.size()) {
                    throw new IllegalArgumentException("--smoke-test needs the PNG file to write");
                }
                smokeTest = java.nio.file.Path.of(words.get(smoke + 1));
                words.subList(smoke, smoke + 2).clear();
                // The demo fleet, whatever the settings say.
                words.addAll(List.of("--profile", io.fleetdesk.oci.InMemoryKeyProfiles.DEMO_PROFILE));
            }
            launchOptions = LaunchOptions.parse(words, LaunchOptions.from(SettingsStore.standard().load()));
        } catch (IllegalArgumentException e) {
            System.err.println("fleetdesk: " + e.getMessage());
            System.exit(2);
        }
        launch(FleetdeskApp.class);
    }

    @Override
    public void start(Stage stage) throws IOException {
        fxStartAt = java.time.Instant.now();
        vm = openMainWindow(stage, launchOptions);
        if (smokeTest != null) {
            SmokeTest.watch(stage, vm, smokeTest, java.time.Instant.now());
        }
    }

    /** Builds and shows the main window on a stage with the user's own settings and audit log. */
    public static FleetViewModel openMainWindow(Stage stage, LaunchOptions options) throws IOException {
        return openMainWindow(stage, options, SettingsStore.standard(),
                new io.fleetdesk.ops.AuditLog(io.fleetdesk.app.AppFolders.data()));
    }

    /**
     * With settings and an audit log of its own: tests and benchmarks give each run fresh folders, and
     * never the user's (there is no overload that would fall back to them).
     */
    public static FleetViewModel openMainWindow(Stage stage, LaunchOptions options, SettingsStore settings,
                                                io.fleetdesk.ops.AuditLog audit) throws IOException {
        FleetViewModel vm = new FleetViewModel(options, settings, audit, javafx.application.Platform::runLater);
        ThemeManager[] theme = new ThemeManager[1];
        FXMLLoader loader = new FXMLLoader(FleetController.class.getResource("FleetView.fxml"), Messages.bundle());
        loader.setControllerFactory(type -> {
            if (type == FleetController.class) {
                return new FleetController(vm, options.theme(), t -> {
                    theme[0].apply(t);
                    vm.rememberTheme(t);
                }, (pane, actions) -> new io.fleetdesk.ui.details.DetailsPane(pane, vm, actions));
            }
            throw new IllegalArgumentException("no controller " + type);
        });
        Parent root = loader.load();
        // Never larger than the screen: small laptop screens, and Monocle's headless screen, whose
        // framebuffer overflows (BufferOverflowException) when a window is bigger than it.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth()), Math.min(820, screen.getHeight()));
        theme[0] = new ThemeManager(scene);
        theme[0].apply(options.theme());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                () -> root.lookup("#filterField").requestFocus());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), vm::refreshNow);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN), vm::rediscoverNow);
        stage.titleProperty().bind(vm.activeProfileProperty().map(p -> Messages.get("app.title", Messages.profile(p))));
        // The window and task-bar icon, rendered from icons/fleetdesk.svg (packaging/render-icons.sh).
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            var png = FleetdeskApp.class.getResourceAsStream("/rendered/fleetdesk-" + size + ".png");
            if (png != null) {
                stage.getIcons().add(new javafx.scene.image.Image(png));
            }
        }
        stage.setScene(scene);
        AppSettings.WindowBounds saved = vm.savedWindow();
        if (saved != null) {
            List<javafx.geometry.Rectangle2D> screens = new java.util.ArrayList<>();
            screens.add(screen);
            javafx.stage.Screen.getScreens().stream().map(javafx.stage.Screen::getVisualBounds)
                    .filter(b -> !b.equals(screen)).forEach(screens::add);
            AppSettings.WindowBounds wb = io.fleetdesk.ui.common.WindowPlacement.clamp(saved, screens);
            stage.setX(wb.x());
            stage.setY(wb.y());
            stage.setWidth(wb.width());
            stage.setHeight(wb.height());
            stage.setMaximized(wb.maximized());
        }
        FleetController controller = loader.getController();
        stage.setOnCloseRequest(e -> {
            List<String> running = controller.runningOperations();
            if (running.isEmpty()) {
                return;
            }
            javafx.scene.control.Alert ask = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    Messages.get("app.closeWhileRunning", String.join("\n", running)),
                    new javafx.scene.control.ButtonType(Messages.get("app.closeWhileRunning.quit"),
                            javafx.scene.control.ButtonBar.ButtonData.OK_DONE),
                    new javafx.scene.control.ButtonType(Messages.get("app.closeWhileRunning.stay"),
                            javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
            ask.initOwner(stage);
            ask.setHeaderText(null);
            if (ask.showAndWait().map(b -> b.getButtonData() != javafx.scene.control.ButtonBar.ButtonData.OK_DONE)
                    .orElse(true)) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            vm.rememberWindow(new AppSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
            vm.close();
        });
        stage.show();
        vm.start();
        return vm;
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
    }
}
