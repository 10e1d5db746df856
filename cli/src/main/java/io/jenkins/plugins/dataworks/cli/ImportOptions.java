package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.ImportSpec;
import io.jenkins.plugins.dataworks.engine.client.ImportSpec.PackageType;
import io.jenkins.plugins.dataworks.engine.input.SizeInput;
import picocli.CommandLine.Option;

/** How a package is imported; {@link ImportSpec} parses the JSON options before any call. */
final class ImportOptions {

    @Option(names = "--package-type", paramLabel = "TYPE", defaultValue = "dataworks_model",
            description = "dataworks_model (default: what a DataWorks export produces), dataworks_v2 or dataworks_v3"
                    + " (Apsara Stack formats).")
    PackageType packageType = PackageType.DATAWORKS_MODEL;

    @Option(names = "--calculate-engine-map", paramLabel = "JSON",
            description = "Compute engines of the package to those of the target workspace, a JSON object of strings,"
                    + " e.g. '{\"odps_first\": \"odps_prod\"}'.")
    String calculateEngineMap;

    @Option(names = "--resource-group-map", paramLabel = "JSON",
            description = "Resource groups of the package to those of the target workspace, a JSON object of strings.")
    String resourceGroupMap;

    @Option(names = "--workspace-map", paramLabel = "JSON",
            description = "Workspaces named in the package to the target ones, a JSON object of strings.")
    String workspaceMap;

    @Option(names = "--commit-rule", paramLabel = "JSON",
            description = "What the import commits and deploys, a JSON object of booleans, e.g."
                    + " '{\"resourceAutoCommit\": true, \"fileAutoDeploy\": false}'.")
    String commitRule;

    @Option(names = "--max-upload-size", paramLabel = "SIZE",
            description = "Refuse a package larger than this before uploading it, e.g. 500M or 2G (K, M, G are 1024-based)."
                    + " Default: the engine's cap.")
    String maxUploadSize;

    /** The checked spec; throws the engine's InvalidInputException, worded in options, on bad input. */
    ImportSpec spec(long projectId, String name, String description) {
        return new ImportSpec(projectId, name, packageType, calculateEngineMap, resourceGroupMap, workspaceMap, commitRule,
                description);
    }

    /** The cap in bytes, or -1 for the engine's default. */
    long maxUploadBytes() {
        return maxUploadSize == null ? -1 : SizeInput.parse(maxUploadSize);
    }
}
