package se.kurir.adapter.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The web's settings.
 *
 * @param resumableAbove an attachment larger than this is sent in chunks that survive a broken connection
 * @param chunkSize the size of those chunks: what a broken connection costs at most
 */
@ConfigurationProperties("kurir.web")
record WebProperties(DataSize resumableAbove, DataSize chunkSize) {

    WebProperties {
        resumableAbove = resumableAbove == null ? DataSize.ofMegabytes(8) : resumableAbove;
        chunkSize = chunkSize == null ? DataSize.ofMegabytes(4) : chunkSize;
    }
}
