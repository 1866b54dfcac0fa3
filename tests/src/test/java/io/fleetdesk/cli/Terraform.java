package io.fleetdesk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code terraform fmt -check}, when a Terraform binary is installed (this machine has one
 * in /usr/local/bin; {@code terraform validate} needs the OCI provider from the registry, which is
 * not reachable here). Without a binary the check is said to be skipped, never passed silently.
 */
final class Terraform {
    private Terraform() {
    }

    /** What {@code terraform fmt -check -diff} said when the file is not as it would write it; empty when it is. */
    static Optional<String> fmtCheck(Path file) throws IOException, InterruptedException {
        Path bin = binary();
        org.junit.jupiter.api.Assumptions.assumeTrue(bin != null,
                "no terraform binary on the PATH: the .tf file was checked structurally only");
        Process p = new ProcessBuilder(bin.toString(), "fmt", "-check", "-diff", file.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return Optional.of("terraform fmt did not end in 60 s");
        }
        return p.exitValue() == 0 ? Optional.empty() : Optional.of(out);
    }

    private static Path binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path b = Path.of(dir, "terraform");
            if (Files.isExecutable(b)) {
                return b;
            }
        }
        return null;
    }
}
