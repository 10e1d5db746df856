package io.jenkins.plugins.dataworks.emulator.oss;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a small, valid, byte-for-byte reproducible zip. Entries are STORED (not deflated) and carry
 * a fixed local DOS time, so the result does not depend on the zlib build or the time zone.
 */
final class DemoZip {

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    private DemoZip() {
    }

    static byte[] build(String exportName, long seed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(320 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String manifest = "{\n  \"name\": \"" + exportName + "\",\n  \"packageType\": \"DATAWORKS_MODEL\",\n"
                    + "  \"generator\": \"dataworks-migration-emulator\",\n  \"note\": \"fake demo content\"\n}\n";
            put(zip, exportName + "/manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            for (int i = 1; i <= 3; i++) {
                String node = "{\"nodeId\": " + (700000 + i) + ", \"name\": \"demo_node_" + i
                        + "\", \"type\": \"ODPS_SQL\", \"code\": \"SELECT " + i + ";\"}\n";
                put(zip, exportName + "/nodes/demo_node_" + i + ".json", node.getBytes(StandardCharsets.UTF_8));
            }
            put(zip, exportName + "/resources/resource_1.bin", random(100 * 1024, seed));
            put(zip, exportName + "/resources/resource_2.bin", random(180 * 1024, seed + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] random(int size, long seed) {
        byte[] out = new byte[size];
        new GeneratedPackage(size, seed).read(0, out, 0, size);
        return out;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(content.length);
        entry.setCompressedSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }
}
