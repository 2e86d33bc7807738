package dev.jimeng.story;

import java.nio.file.Path;
import java.util.List;

/** An extended M3U playlist of a story's videos in shot order, each named relative to the playlist. */
public final class Playlist {
    /** One entry: a shot's video (null when the shot has none yet) and its title. */
    public record Entry(int shot, Path video, double seconds, String title) {}

    private Playlist() {}

    /**
     * The playlist text. A shot without a video is a comment naming it, so the list shows the gap
     * instead of quietly playing a shorter story.
     */
    public static String m3u(Path folder, List<Entry> entries) {
        StringBuilder m3u = new StringBuilder("#EXTM3U\n");
        for (Entry e : entries) {
            String title = oneLine(e.title());
            if (e.video() == null) {
                m3u.append("# shot ")
                        .append(e.shot())
                        .append(" has no video yet: ")
                        .append(title)
                        .append('\n');
                continue;
            }
            m3u.append("#EXTINF:")
                    .append(Math.round(e.seconds()))
                    .append(",shot ")
                    .append(e.shot())
                    .append(" · ")
                    .append(title)
                    .append('\n');
            Path video = e.video().toAbsolutePath();
            Path base = folder.toAbsolutePath();
            String name = video.startsWith(base) ? base.relativize(video).toString() : video.toString();
            m3u.append(name.replace('\\', '/')).append('\n');
        }
        return m3u.toString();
    }

    /** A title on one line: a newline in a prompt would start a bogus entry. */
    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }
}
