package io.jenkins.plugins.dataworks.emulator.rpc;

import io.jenkins.plugins.dataworks.emulator.oss.DownloadLinks;
import io.jenkins.plugins.dataworks.emulator.oss.UploadGrant;
import io.jenkins.plugins.dataworks.emulator.state.EmulatorState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OpenPlatform (2019-12-19) AuthorizeFileUpload: the first step of the SDK's "Advance" variants
 * (CreateImportMigrationAdvance), which hands out a signed OSS PostObject form for one object.
 * The real SDK sends it to openplatform.aliyuncs.com; here it is the same server, told apart by
 * Action and Version.
 *
 * <p>Answer (top level, not under Data): {@code RequestId, AccessKeyId, Bucket, Endpoint, ObjectKey,
 * EncodedPolicy, Signature, UseAccelerate}. The policy allows exactly this bucket and key, 1 to
 * {@code maxUploadBytes} bytes, until {@link UploadGrant#LIFETIME} after the call (scenario clock).
 *
 * <p><b>Endpoint contract.</b> Real OSS answers a host such as {@code oss-cn-shanghai.aliyuncs.com}
 * and clients POST to {@code https://<Bucket>.<Endpoint>/} (virtual-hosted style). The emulator
 * cannot be reached that way, so it answers its own base URL ({@code http://127.0.0.1:PORT}). A
 * client must therefore treat an Endpoint that contains {@code ://} as a base URL used path style
 * (POST to {@code <Endpoint>/<Bucket>}, PackageFile {@code <Endpoint>/<Bucket>/<ObjectKey>}), and
 * any other Endpoint as a host used virtual-hosted style (POST to {@code https://<Bucket>.<Endpoint>/},
 * PackageFile {@code http://<Bucket>.<Endpoint>/<ObjectKey>} as the SDK builds it).
 */
final class OpenPlatformActions {

    static final String VERSION = "2019-12-19";
    static final String PRODUCT = "OpenPlatform";

    private final EmulatorState state;
    private final DownloadLinks links;

    OpenPlatformActions(EmulatorState state, DownloadLinks links) {
        this.state = state;
        this.links = links;
    }

    void register(Map<String, RpcAction> actions) {
        actions.put("AuthorizeFileUpload", new RpcAction() {
            @Override
            public String version() {
                return VERSION;
            }

            @Override
            public String product() {
                return PRODUCT;
            }

            @Override
            public LinkedHashMap<String, Object> handle(RpcCall call) {
                return authorizeFileUpload(call);
            }
        });
    }

    private LinkedHashMap<String, Object> authorizeFileUpload(RpcCall call) {
        String product = call.required("Product");
        if (!product.equals("dataworks-public")) {
            throw ErrorCodes.invalid("Product", "the emulator authorizes uploads for dataworks-public only, not '" + product + "'");
        }
        call.required("RegionId");
        UploadGrant grant = UploadGrant.issue(links, call.now(), state.scenario().maxUploadBytes());
        LinkedHashMap<String, Object> body = new LinkedHashMap<>();
        body.put("AccessKeyId", grant.accessKeyId());
        body.put("Bucket", grant.bucket());
        body.put("Endpoint", grant.endpoint());
        body.put("ObjectKey", grant.objectKey());
        body.put("EncodedPolicy", grant.encodedPolicy());
        body.put("Signature", grant.signature());
        body.put("UseAccelerate", false);
        return body;
    }
}
