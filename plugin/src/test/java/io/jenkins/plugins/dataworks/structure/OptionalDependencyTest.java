package io.jenkins.plugins.dataworks.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The alibabacloud-credentials plugin is optional: without it, its classes do not exist, and any
 * plugin class whose code or signatures name them fails to load or link (NoClassDefFoundError) as
 * soon as the JVM resolves it. So exactly one class may name them, and it is reached only behind
 * {@code CredentialsResolver.alibabaCloudPluginActive()}. A generic signature (a string with
 * {@code <}, e.g. {@code Class<AlibabaCredentials>} in a local variable table) loads nothing and
 * does not count. The JenkinsRule tests cannot see a slip: the optional plugin is always on their
 * class path (optional dependencies are test dependencies), so this reads the compiled classes.
 */
class OptionalDependencyTest {

    private static final String OPTIONAL_PACKAGE = "com/alibabacloud/";
    private static final String GATEWAY = "io.jenkins.plugins.dataworks.credentials.AlibabaCloudCredentialsSupport";

    @Test
    void onlyTheGatewayClassNamesTheOptionalPlugin() throws IOException {
        Map<String, List<String>> referencing = new TreeMap<>();
        Path root = PluginSources.classesDir();
        for (Path file : PluginSources.files(root.resolve(PluginSources.PACKAGE.replace('.', '/')), ".class")) {
            List<String> names = optionalReferences(file);
            if (!names.isEmpty()) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                referencing.put(
                        rel.substring(0, rel.length() - ".class".length()).replace('/', '.'), names);
            }
        }
        assertThat(referencing).as("classes naming %s", OPTIONAL_PACKAGE).containsOnlyKeys(GATEWAY);
    }

    @Test
    void theScanSeesAReference() throws IOException {
        Path gateway = PluginSources.classesDir().resolve(GATEWAY.replace('.', '/') + ".class");
        assertThat(optionalReferences(gateway)).anyMatch(s -> s.contains("AlibabaCredentials"));
    }

    /** Constant-pool strings (class names, descriptors) that name the optional plugin's classes. */
    static List<String> optionalReferences(Path classFile) throws IOException {
        List<String> found = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(classFile);
                DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + classFile);
            }
            in.readUnsignedShort(); // minor
            in.readUnsignedShort(); // major
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> {
                        String s = in.readUTF();
                        if (s.contains(OPTIONAL_PACKAGE) && !s.contains("<")) {
                            found.add(s);
                        }
                    }
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++; // takes two entries
                    }
                    case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> in.readInt();
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
        }
        return found;
    }
}
