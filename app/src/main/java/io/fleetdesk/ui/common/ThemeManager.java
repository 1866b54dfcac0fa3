package io.fleetdesk.ui.common;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.ColorScheme;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Scene;

import java.util.Objects;

/**
 * Applies the theme: AtlantaFX's Primer as the user-agent stylesheet, our own stylesheet on top,
 * and a {@code :dark} pseudo-class on the root so our CSS can tell. SYSTEM follows the OS colour
 * scheme and changes with it.
 */
public final class ThemeManager {
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    public static final String APP_CSS = Objects.requireNonNull(
            ThemeManager.class.getResource("/fleetdesk.css"), "fleetdesk.css missing from styles/").toExternalForm();

    private final Scene scene;
    private Theme theme = Theme.SYSTEM;
    private final ChangeListener<ColorScheme> followOs = (o, a, b) -> applyNow();

    public ThemeManager(Scene scene) {
        this.scene = scene;
        scene.getStylesheets().add(APP_CSS);
        Platform.getPreferences().colorSchemeProperty().addListener(followOs);
    }

    /** A dialog's scene dressed like its owner's: our stylesheet and the owner's light or dark. */
    public static void follow(Scene owned, Scene owner) {
        owned.getStylesheets().setAll(owner.getStylesheets());
        owned.getRoot().pseudoClassStateChanged(DARK, owner.getRoot().getPseudoClassStates().contains(DARK));
    }

    public Theme theme() {
        return theme;
    }

    public void apply(Theme t) {
        this.theme = t;
        applyNow();
    }

    public boolean isDark() {
        return switch (theme) {
            case DARK -> true;
            case LIGHT -> false;
            case SYSTEM -> Platform.getPreferences().getColorScheme() == ColorScheme.DARK;
        };
    }

    private void applyNow() {
        boolean dark = isDark();
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        scene.getRoot().pseudoClassStateChanged(DARK, dark);
    }
}
