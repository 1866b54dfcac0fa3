package io.fleetdesk.ui.common;

import io.fleetdesk.app.AppSettings.WindowBounds;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A remembered window always opens wholly on a screen, whatever screens are plugged in now. */
class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1440, 900);
    private static final Rectangle2D MONITOR_RIGHT = new Rectangle2D(1440, 0, 2560, 1440);

    @Test
    void aWindowHangingOffTheRightEdgeIsMovedBackWholly() {
        // Seen: x=120 and width 1360 on a 1440-wide screen hid the theme chooser and the end of the details.
        WindowBounds wb = WindowPlacement.clamp(new WindowBounds(120, 40, 1360, 820, false), List.of(LAPTOP));
        assertEquals(new WindowBounds(80, 40, 1360, 820, false), wb);
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneComesBackOnThePrimaryScreenAtMostItsSize() {
        WindowBounds wb = WindowPlacement.clamp(new WindowBounds(1800, 200, 2000, 1200, true), List.of(LAPTOP));
        assertEquals(new WindowBounds(0, 0, 1440, 900, true), wb, "inside the laptop's screen, still maximized");
    }

    @Test
    void aWindowOnTheSecondMonitorStaysThereAndOnlyMovesInsideIt() {
        WindowBounds inside = new WindowBounds(1600, 100, 1200, 800, false);
        assertEquals(inside, WindowPlacement.clamp(inside, List.of(LAPTOP, MONITOR_RIGHT)), "already fits: untouched");
        WindowBounds across = WindowPlacement.clamp(new WindowBounds(1300, 100, 1200, 800, false),
                List.of(LAPTOP, MONITOR_RIGHT));
        assertEquals(new WindowBounds(1440, 100, 1200, 800, false), across, "onto the screen it mostly covered");
    }

    @Test
    void aWindowAboveTheTopOfTheScreenIsBroughtDownSoItsTitleBarCanBeGrabbed() {
        WindowBounds wb = WindowPlacement.clamp(new WindowBounds(100, -300, 800, 600, false), List.of(LAPTOP));
        assertEquals(new WindowBounds(100, 0, 800, 600, false), wb);
    }
}
