package io.jenkins.plugins.dataworks.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Which SHA-256 each client of benchmark 3a runs on this machine: whether the CPU has the SHA
 * extensions, whether HotSpot's SHA-256 intrinsic is on, and whether sha256sum links OpenSSL.
 */
record ShaFacts(boolean cpuShaNi, String jvmIntrinsic, boolean sha256sumLinksCrypto, String openssl) {

    static ShaFacts probe() {
        boolean shaNi = false;
        try {
            shaNi = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .anyMatch(l -> l.startsWith("flags") && List.of(l.split("\\s+")).contains("sha_ni"));
        } catch (IOException e) {
            // not Linux: unknown, reported as absent
        }
        String flag = run(ChildJvm.javaBinary(), "-XX:+UnlockDiagnosticVMOptions", "-XX:+PrintFlagsFinal", "-version")
                .lines().filter(l -> l.contains(" UseSHA256Intrinsics ")).map(l -> l.split("=")[1].trim().split("\\s+")[0])
                .findFirst().orElse("unknown");
        String sha256sum = run("bash", "-c", "ldd \"$(command -v sha256sum)\"");
        String openssl = run("openssl", "version").trim().split(" \\(")[0];
        return new ShaFacts(shaNi, flag, sha256sum.contains("libcrypto"), openssl.isEmpty() ? "not installed" : openssl);
    }

    String describe() {
        return "the CPU " + (cpuShaNi ? "has" : "does not have") + " the SHA extensions (`sha_ni` in /proc/cpuinfo); "
                + "the JVM's `UseSHA256Intrinsics` is " + jvmIntrinsic + ", so `MessageDigest` SHA-256 runs "
                + ("true".equals(jvmIntrinsic)
                        ? (cpuShaNi ? "HotSpot's SHA-NI stub" : "HotSpot's AVX2 stub")
                        : "in Java bytecode")
                + "; coreutils' `sha256sum` " + (sha256sumLinksCrypto ? "links OpenSSL's libcrypto"
                        : "does not link OpenSSL (it runs gnulib's portable C SHA-256, without the SHA extensions)")
                + "; `openssl dgst -sha256` (" + openssl + ") uses the SHA extensions where the CPU has them.";
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
