package io.fleetdesk.app;

import io.fleetdesk.support.En;

import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.ui.common.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettingsStoreTest {
    @TempDir
    Path dir;

    @Test
    void whatIsSavedIsWhatIsLoadedNextTime() {
        SettingsStore store = new SettingsStore(dir.resolve("fleetdesk"));
        assertEquals(AppSettings.DEFAULTS, store.load(), "no file yet: defaults");
        AppSettings s = AppSettings.DEFAULTS.withTheme("dark").withInterval(60).withLastProfile("PROD")
                .withWindow(new AppSettings.WindowBounds(10, 20, 1200, 700, false));
        assertNull(store.save(s));
        assertEquals(s, new SettingsStore(dir.resolve("fleetdesk")).load());
    }

    @Test
    void thresholdsComeFromTheFileAndAnOlderFileWithoutThemGetsTheDefaults() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ \"theme\": \"dark\", \"intervalSeconds\": 60 }");
        assertEquals(AppSettings.Thresholds.DEFAULTS, new SettingsStore(dir).load().thresholds());
        Files.writeString(dir.resolve("settings.json"), "{ \"theme\": \"dark\", \"intervalSeconds\": 60, \"thresholds\":"
                + " { \"applyLagWarningSeconds\": 60, \"applyLagCriticalSeconds\": 0, \"backupWarningHours\": 50 } }");
        AppSettings.Thresholds t = new SettingsStore(dir).load().thresholds();
        assertEquals(new AppSettings.Thresholds(60, 300, 50, 80, 95, 85, 95, 6, 90), t,
                "a zero, or a field the file does not have, falls back to its default");
    }

    @Test
    void aCorruptFileFallsBackToDefaultsWithAMessageThatNamesIt() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{ \"theme\": ");
        SettingsStore store = new SettingsStore(dir);
        assertEquals(AppSettings.DEFAULTS, store.load());
        assertTrue(En.of(store.loadProblem()).contains(dir.resolve("settings.json").toString())
                && En.of(store.loadProblem()).contains("defaults"), En.of(store.loadProblem()));
    }

    @Test
    void anUnreadableFileIsKeptAsideNamedAndNeverOverwrittenWithItsTargetsLost() throws Exception {
        String unreadable = "{ \"theme\": \"dark\", \"targets\": [ { \"id\": \"erp\", \"name\": \"ERPPRD\", ";
        Files.writeString(dir.resolve("settings.json"), unreadable);
        SettingsStore store = new SettingsStore(dir);
        assertEquals(AppSettings.DEFAULTS, store.load());
        Path kept;
        try (var files = Files.list(dir)) {
            kept = files.filter(f -> f.getFileName().toString().startsWith("settings.unreadable-")).findFirst().orElseThrow();
        }
        assertEquals(unreadable, Files.readString(kept), "the DBA's file is kept as it was");
        assertTrue(En.of(store.loadProblem()).contains(kept.toString()), En.of(store.loadProblem()));
        assertNull(store.save(AppSettings.DEFAULTS.withTheme("light")));
        assertEquals(unreadable, Files.readString(kept), "a save writes settings.json, never the kept copy");
    }

    @Test
    void savesLandInTheOrderTheyWereAskedFor() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        for (int i = 2; i <= 300; i++) {
            store.saveLater(AppSettings.DEFAULTS.withInterval(i));
        }
        store.flush();
        assertEquals(300, new SettingsStore(dir).load().intervalSeconds(), "the last asked for is the one on disk");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("settings.json"), files.map(f -> f.getFileName().toString()).toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void theCommandLineWinsOverSavedSettingsWhichWinOverDefaults() {
        AppSettings saved = AppSettings.DEFAULTS.withTheme("dark").withInterval(120).withLastProfile("PROD");
        LaunchOptions fromSettings = LaunchOptions.parse(List.of(), LaunchOptions.from(saved));
        assertEquals(Theme.DARK, fromSettings.theme());
        assertEquals(Duration.ofSeconds(120), fromSettings.interval());
        assertEquals("PROD", fromSettings.profile());
        LaunchOptions overridden = LaunchOptions.parse(List.of("--theme", "light", "--profile", "Demo fleet"),
                LaunchOptions.from(saved));
        assertEquals(Theme.LIGHT, overridden.theme());
        assertEquals("Demo fleet", overridden.profile());
        assertEquals(Duration.ofSeconds(120), overridden.interval());
    }
}
