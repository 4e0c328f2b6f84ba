package io.firebreak.statuspage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The page validator: the same bytes give the same ETag, and a page's successive versions never share one. */
class PageEtagTest {

    @Test
    void theSameBytesKeepTheirTagAndAnyChangeGivesANewOne() {
        byte[] page = "{\"incidents\":[{\"id\":\"a\",\"status\":\"investigating\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] sameLengthOtherStatus = "{\"incidents\":[{\"id\":\"a\",\"status\":\"identified!!!\"}]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(sameLengthOtherStatus).hasSameSizeAs(page);
        assertThat(RenderedPages.etag(page.clone())).isEqualTo(RenderedPages.etag(page))
                .matches("\"[0-9a-f]+-[0-9a-f]{16}\"");
        assertThat(RenderedPages.etag(sameLengthOtherStatus)).isNotEqualTo(RenderedPages.etag(page));
    }

    @Test
    void tenThousandVersionsOfOnePageDifferingInOneCounterAllHaveTheirOwnTag() {
        Set<String> tags = new HashSet<>();
        for (int revision = 0; revision < 10_000; revision++) {
            byte[] body = ("<html><body><p>Updated " + revision + " times</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            tags.add(RenderedPages.etag(body));
        }
        assertThat(tags).hasSize(10_000);
    }
}
