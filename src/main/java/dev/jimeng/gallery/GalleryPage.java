package dev.jimeng.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * One self-contained HTML page of cards. Its only script and style are inline and named by hash
 * in the page's Content-Security-Policy, which also forbids every network fetch: the page works
 * from the file system and cannot be made to load or run anything else, whatever a prompt holds.
 * User text lives only in escaped element text and attributes, never inside the script.
 */
public final class GalleryPage {
    /** The file the page asks to be saved with the user's stars, read back by {@code jimeng gallery}. */
    public static final String STARS_FILE = "gallery-stars.json";

    private static final String SCRIPT = resource("gallery.js");
    private static final String STYLE = resource("gallery.css");

    private GalleryPage() {}

    /**
     * @param title the page's heading (the gallery, or a group's contact sheet)
     * @param pageKey where the page's unsaved stars are kept in the browser (one key per page)
     * @param generatedAt when the page was written: stars toggled in the browser after it win
     */
    public static String render(String title, String pageKey, List<GalleryCard> cards, Instant generatedAt) {
        return render(title, pageKey, cards, generatedAt, false);
    }

    /**
     * As above; a {@code reel} (a story's page, its cards in shot order) has a button that plays the
     * shown cards' videos one after another.
     */
    public static String render(
            String title, String pageKey, List<GalleryCard> cards, Instant generatedAt, boolean reel) {
        StringBuilder html = new StringBuilder(4096 + cards.size() * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
                .append("media-src file: 'self'; img-src data:; ")
                .append("style-src 'sha256-")
                .append(sha256(STYLE))
                .append("'; script-src 'sha256-")
                .append(sha256(SCRIPT))
                .append("'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(Html.escape(title))
                .append("</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body data-page=\"")
                .append(Html.escape(pageKey))
                .append("\" data-generated=\"")
                .append(generatedAt.toEpochMilli())
                .append("\">\n<header>\n<h1>")
                .append(Html.escape(title))
                .append(
                        "</h1>\n<input type=\"search\" id=\"filter\" placeholder=\"Filter by prompt, mode, state, seed, id\"")
                .append(" aria-label=\"Filter\">\n<span><span id=\"shown\">")
                .append(cards.size())
                .append("</span> of ")
                .append(cards.size())
                .append("</span>\n")
                .append(reel ? "<button type=\"button\" id=\"play-all\">Play in order</button>\n" : "")
                .append("<a id=\"save-stars\" download=\"")
                .append(STARS_FILE)
                .append("\" href=\"#\">Save stars</a>\n</header>\n")
                .append("<p>Stars you toggle are kept in this browser; “Save stars” downloads ")
                .append(STARS_FILE)
                .append(
                        ": put it next to this page and <code>jimeng gallery</code> writes them into the journal.</p>\n")
                .append("<main class=\"grid\">\n");
        for (GalleryCard card : cards) {
            card(html, card);
        }
        return html.append("</main>\n<script>")
                .append(SCRIPT)
                .append("</script>\n</body>\n</html>\n")
                .toString();
    }

    private static void card(StringBuilder html, GalleryCard c) {
        String search = String.join(" ", c.id(), c.prompt(), c.mode(), c.state(), c.seed(), c.date())
                .toLowerCase(java.util.Locale.ROOT);
        html.append(c.picked() ? "<article class=\"card picked\" data-id=\"" : "<article class=\"card\" data-id=\"")
                .append(Html.escape(c.id()))
                .append("\" data-search=\"")
                .append(Html.escape(search))
                .append("\">\n");
        if (c.video() != null) {
            html.append("<video src=\"")
                    .append(Html.escape(c.video()))
                    .append("\" preload=\"metadata\" loop controls></video>\n");
        } else {
            html.append("<div class=\"missing\">no video on disk</div>\n");
        }
        html.append("<div class=\"meta\">\n<p class=\"prompt\">")
                .append(Html.escape(c.prompt()))
                .append("</p>\n<dl>");
        field(html, "job", c.id());
        field(html, "mode", c.mode());
        field(html, "duration", c.duration());
        field(html, "seed", c.seed());
        field(html, "cost", c.cost());
        field(html, "state", c.state());
        field(html, "date", c.date());
        if (c.group() != null) {
            field(html, "group", c.group() + (c.picked() ? " · picked" : ""));
        }
        html.append("</dl>\n<code>")
                .append(Html.escape(c.command()))
                .append("</code>\n<div class=\"actions\">")
                .append("<button type=\"button\" class=\"copy\">Copy command</button>")
                .append("<button type=\"button\" class=\"star\" aria-label=\"Star\" aria-pressed=\"")
                .append(c.starred())
                .append("\">★</button></div>\n</div>\n</article>\n");
    }

    private static void field(StringBuilder html, String name, String value) {
        html.append("<dt>")
                .append(name)
                .append("</dt><dd>")
                .append(Html.escape(value))
                .append("</dd>");
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = GalleryPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
