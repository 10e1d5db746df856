package io.jenkins.plugins.dataworks.engine.auth;

/**
 * One profile of the Alibaba Cloud CLI's config file, as far as the engine understands it.
 *
 * @param name the profile's name
 * @param regionId the profile's region_id; null when the profile has none
 * @param credentials the profile's credentials
 */
public record AliyunCliProfile(String name, String regionId, CredentialsSource credentials) {

    @Override
    public String toString() {
        return "AliyunCliProfile[name=" + name + ", regionId=" + regionId + ", credentials=" + credentials + "]";
    }
}
