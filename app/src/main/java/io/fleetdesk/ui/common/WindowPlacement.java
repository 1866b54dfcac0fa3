package io.fleetdesk.ui.common;

import io.fleetdesk.app.AppSettings.WindowBounds;
import javafx.geometry.Rectangle2D;

import java.util.List;

/**
 * Where a remembered window goes back: wholly inside the visible bounds of one screen. A laptop
 * unplugged from its big monitor would otherwise open the window half off the screen, with the
 * theme chooser and the end of the details out of reach (seen: x=120, width 1360 on a 1440 screen).
 * Pure: {@link Rectangle2D} needs no toolkit, so it is tested without a screen.
 */
public final class WindowPlacement {
    private WindowPlacement() {
    }

    /**
     * The saved bounds moved (and shrunk if need be) into the screen they overlap most, or into the
     * first screen (the primary) when they overlap none.
     *
     * @param screens the visual bounds of every screen, the primary first; not empty
     */
    public static WindowBounds clamp(WindowBounds saved, List<Rectangle2D> screens) {
        Rectangle2D best = screens.getFirst();
        double bestArea = 0;
        for (Rectangle2D s : screens) {
            double a = overlap(s, saved);
            if (a > bestArea) {
                best = s;
                bestArea = a;
            }
        }
        double w = Math.min(saved.width(), best.getWidth());
        double h = Math.min(saved.height(), best.getHeight());
        double x = Math.max(best.getMinX(), Math.min(saved.x(), best.getMaxX() - w));
        double y = Math.max(best.getMinY(), Math.min(saved.y(), best.getMaxY() - h));
        return new WindowBounds(x, y, w, h, saved.maximized());
    }

    private static double overlap(Rectangle2D s, WindowBounds b) {
        double w = Math.min(s.getMaxX(), b.x() + b.width()) - Math.max(s.getMinX(), b.x());
        double h = Math.min(s.getMaxY(), b.y() + b.height()) - Math.max(s.getMinY(), b.y());
        return w > 0 && h > 0 ? w * h : 0;
    }
}
