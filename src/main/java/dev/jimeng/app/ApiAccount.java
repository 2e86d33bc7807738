package dev.jimeng.app;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Which account and endpoint jimeng calls the API with, and where each came from: what {@code
 * doctor} shows. Holds no secret, only whether one is set and where from.
 *
 * @param accessKeyId null when none is set
 * @param accessKeyOrigin e.g. "environment VOLC_ACCESSKEY"
 * @param secretOrigin where the secret key comes from, null when none is set
 * @param sessionTokenOrigin where an STS session token comes from, null when none
 * @param endpointOrigin e.g. "default" or "environment JIMENG_VIDEO_API_URL"
 * @param files files that hold credentials or settings, for the permission check
 */
public record ApiAccount(
        String accessKeyId,
        String accessKeyOrigin,
        String secretOrigin,
        String sessionTokenOrigin,
        URI endpoint,
        String endpointOrigin,
        List<Path> files) {

    public ApiAccount {
        files = List.copyOf(files);
    }

    /** {@code AKLT…3f9a}: enough to tell keys apart, too little to use one. */
    public String maskedAccessKey() {
        if (accessKeyId == null) {
            return "none";
        }
        String id = accessKeyId.strip();
        return id.length() <= 8 ? "…" : id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }

    public boolean complete() {
        return accessKeyId != null && secretOrigin != null;
    }
}
