package io.fleetdesk.ui.common;

import io.fleetdesk.model.Health;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

import java.util.Locale;

/**
 * A small shape per health: a dot for OK, a triangle for WARNING, a diamond for CRITICAL and a
 * hollow ring for UNKNOWN; the shape differs as well as the colour, so it reads without colour too.
 * Colours come from CSS ({@code .health-icon.health-ok} …) so light and dark themes both work.
 */
public final class HealthIcon {
    private HealthIcon() {
    }

    public static Node of(Health h) {
        Shape s = switch (h) {
            case OK -> new Circle(5);
            case WARNING -> new Polygon(0, 10, 5.5, 0, 11, 10);
            case CRITICAL -> {
                Rectangle r = new Rectangle(8, 8);
                r.setRotate(45);
                yield r;
            }
            case UNKNOWN -> new Circle(4.5);
        };
        s.getStyleClass().addAll("health-icon", styleClass(h));
        return s;
    }

    public static String styleClass(Health h) {
        return "health-" + h.name().toLowerCase(Locale.ROOT);
    }
}
