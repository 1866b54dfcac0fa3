import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
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
 * fields and comments are kept, so META-INF/MANIFEST.MF stays first. A jar already stored and unsigned
 * is left as is.
 *
 * <p>Signed jars lose their signature (the signature files and the manifest's per-entry digests),
 * except a security provider's ({@link #KEEP_SIGNED}). The JDK's ahead-of-time cache skips every class
 * of a signed jar ("Skipping ...: Signed JAR"), and the OCI SDK's jars are signed: without this, the
 * ~1,000 SDK classes the app loads before its first tree data would be loaded, verified and linked at
 * every start (decision 0019). The signature guards nothing here: the jars come from Maven Central
 * over the build's checksums, and whoever can change files in the installed image can change the
 * runtime too. Amazon Corretto Crypto Provider keeps its signature, as a JCA provider on a JDK that
 * checks providers would need it.
 *
 * <p>Run by the package profile: {@code java packaging/StoreJars.java <folder>}.
 */
public final class StoreJars {
    /** Signed jars whose signature is kept: security providers. */
    static final Pattern KEEP_SIGNED = Pattern.compile("AmazonCorrettoCryptoProvider-.*\\.jar");

    /** A jar's signature files: META-INF/NAME.SF and its block (.RSA, .DSA, .EC), or SIG-* files. */
    static final Pattern SIGNATURE_FILE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)|META-INF/SIG-[^/]+",
            Pattern.CASE_INSENSITIVE);

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
        int unsigned = 0;
        for (Path jar : jars) {
            before += Files.size(jar);
            boolean unsign = !KEEP_SIGNED.matcher(jar.getFileName().toString()).matches();
            switch (store(jar, unsign)) {
                case UNCHANGED -> { }
                case STORED -> rewritten++;
                case STORED_UNSIGNED -> {
                    rewritten++;
                    unsigned++;
                }
            }
            after += Files.size(jar);
        }
        System.out.printf("StoreJars: %d of %d jars rewritten stored (%d of them unsigned), %.1f MB -> %.1f MB on disk%n",
                rewritten, jars.size(), unsigned, before / 1e6, after / 1e6);
    }

    enum Result { UNCHANGED, STORED, STORED_UNSIGNED }

    /** Rewrites one jar stored, and without its signature if {@code unsign}. */
    static Result store(Path jar, boolean unsign) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".stored");
        boolean signed;
        try (ZipFile in = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(in.entries());
            signed = unsign && entries.stream().anyMatch(e -> SIGNATURE_FILE.matcher(e.getName()).matches());
            if (!signed && entries.stream().allMatch(e -> e.getMethod() == ZipEntry.STORED)) {
                return Result.UNCHANGED;
            }
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
                out.setMethod(ZipOutputStream.STORED);
                if (in.getComment() != null) {
                    out.setComment(in.getComment());
                }
                for (ZipEntry e : entries) {
                    if (signed && SIGNATURE_FILE.matcher(e.getName()).matches()) {
                        continue;
                    }
                    byte[] data;
                    try (InputStream is = in.getInputStream(e)) {
                        data = is.readAllBytes();
                    }
                    if (signed && e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        data = withoutDigests(data);
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
        return signed ? Result.STORED_UNSIGNED : Result.STORED;
    }

    /** The manifest without the signer's per-entry digests; sections left empty are dropped. */
    static byte[] withoutDigests(byte[] manifest) throws IOException {
        Manifest m = new Manifest(new java.io.ByteArrayInputStream(manifest));
        for (var it = m.getEntries().entrySet().iterator(); it.hasNext(); ) {
            Attributes a = it.next().getValue();
            a.keySet().removeIf(k -> k.toString().toUpperCase(java.util.Locale.ROOT).endsWith("-DIGEST"));
            if (a.isEmpty()) {
                it.remove();
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        m.write(out);
        return out.toByteArray();
    }
}
