import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites every jar in a folder with its entries stored, not deflated, before jpackage copies them
 * into the app-image. The installers compress the whole image themselves (the .deb with xz), and xz
 * over stored class files does far better than over deflate streams it cannot compress again: the
 * same trade as jlink's --compress=zip-0 (docs/benchmarks.md, Packaging). Entry order, times, extra
 * fields and comments are kept, so META-INF/MANIFEST.MF stays first and signed jars stay valid (a
 * signature covers an entry's bytes, not how they were compressed). A jar already stored is left as is.
 *
 * <p>Run by the package profile: {@code java packaging/StoreJars.java <folder>}.
 */
public final class StoreJars {
    private StoreJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: java packaging/StoreJars.java <folder of jars>");
        }
        List<Path> jars;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        long before = 0;
        long after = 0;
        int rewritten = 0;
        for (Path jar : jars) {
            before += Files.size(jar);
            if (store(jar)) {
                rewritten++;
            }
            after += Files.size(jar);
        }
        System.out.printf("StoreJars: %d of %d jars rewritten stored, %.1f MB -> %.1f MB on disk%n", rewritten,
                jars.size(), before / 1e6, after / 1e6);
    }

    /** Rewrites one jar stored; false when every entry already was. */
    static boolean store(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".stored");
        try (ZipFile in = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(in.entries());
            if (entries.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED)) {
                return false;
            }
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
                out.setMethod(ZipOutputStream.STORED);
                if (in.getComment() != null) {
                    out.setComment(in.getComment());
                }
                for (ZipEntry e : entries) {
                    byte[] data;
                    try (InputStream is = in.getInputStream(e)) {
                        data = is.readAllBytes();
                    }
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                    copy.setTime(e.getTime());
                    if (e.getExtra() != null) {
                        copy.setExtra(e.getExtra());
                    }
                    if (e.getComment() != null) {
                        copy.setComment(e.getComment());
                    }
                    out.putNextEntry(copy);
                    out.write(data);
                    out.closeEntry();
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("could not rewrite " + jar + " stored: " + e.getMessage(), e);
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        return true;
    }
}
