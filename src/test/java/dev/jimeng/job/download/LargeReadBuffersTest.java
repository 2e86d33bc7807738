package dev.jimeng.job.download;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LargeReadBuffersTest {
    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(Downloader.HTTP_CLIENT_BUFFER_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Downloader.HTTP_CLIENT_BUFFER_PROPERTY);
        } else {
            System.setProperty(Downloader.HTTP_CLIENT_BUFFER_PROPERTY, before);
        }
    }

    @Test
    void setsTheHttpClientReadBufferTo256KibWhenNobodyChoseOne() {
        System.clearProperty(Downloader.HTTP_CLIENT_BUFFER_PROPERTY);

        Downloader.useLargeReadBuffers();

        assertThat(System.getProperty(Downloader.HTTP_CLIENT_BUFFER_PROPERTY)).isEqualTo("262144");
    }

    @Test
    void keepsABufferSizeTheUserChose() {
        System.setProperty(Downloader.HTTP_CLIENT_BUFFER_PROPERTY, "65536");

        Downloader.useLargeReadBuffers();

        assertThat(System.getProperty(Downloader.HTTP_CLIENT_BUFFER_PROPERTY)).isEqualTo("65536");
    }
}
