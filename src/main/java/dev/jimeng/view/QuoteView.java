package dev.jimeng.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jimeng.job.download.Redaction;
import dev.jimeng.json.Json;
import dev.jimeng.request.GenerationRequest;
import dev.jimeng.request.ValidatedRequest;
import dev.jimeng.text.TerminalText;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a dry run would send: mode, req_key, frames, aspect ratio, images (URLs without their query,
 * which may be a secret) and the estimated cost, for one job or a batch, as text or one JSON
 * document. Pure formatting.
 */
public final class QuoteView {
    private QuoteView() {}

    /** One quoted job and where its video would go. */
    public record Quote(int line, ValidatedRequest request, Path destination) {}

    public static String text(List<Quote> quotes, boolean sandbox) {
        return text(quotes, sandbox, "LINE");
    }

    /** As above; {@code numbered} heads the column of the jobs' numbers (a batch's LINE, a story's SHOT). */
    public static String text(List<Quote> quotes, boolean sandbox, String numbered) {
        StringBuilder s = new StringBuilder("dry run: nothing was sent\n");
        if (quotes.size() == 1) {
            Quote q = quotes.getFirst();
            GenerationRequest r = q.request().request();
            row(
                    s,
                    "mode",
                    TerminalText.safe(r.mode()) + " (req_key " + q.request().reqKey() + ")");
            row(s, "prompt", TerminalText.oneLine(r.prompt()));
            row(s, "frames", q.request().frames() + " (" + r.durationSeconds() + " s at " + r.fps() + " fps)");
            row(
                    s,
                    "aspect ratio",
                    q.request().aspectRatioSent() == null
                            ? "from the image"
                            : q.request().aspectRatioSent());
            row(
                    s,
                    "images",
                    r.images().isEmpty()
                            ? "none"
                            : String.join(
                                    ", ",
                                    r.images().stream()
                                            .map(i -> TerminalText.safe(image(i)))
                                            .toList()));
            row(s, "seed", r.randomSeed() ? "random" : r.seed().toString());
            row(
                    s,
                    "save to",
                    q.destination() == null
                            ? "the output folder"
                            : TerminalText.safe(q.destination().toString()));
            row(s, "cost", Billing.cost(q.request().estimatedCostCny(), sandbox));
            return s.toString();
        }
        s.append(String.format(
                Locale.ROOT, "%5s  %-20s %4s %6s %6s  %s%n", numbered, "MODE", "SEC", "RATIO", "IMAGES", "COST"));
        for (Quote q : quotes) {
            GenerationRequest r = q.request().request();
            s.append(String.format(
                    Locale.ROOT,
                    "%5d  %-20s %4d %6s %6d  %s%n",
                    q.line(),
                    TerminalText.safe(r.mode()),
                    r.durationSeconds(),
                    q.request().aspectRatioSent() == null ? "-" : q.request().aspectRatioSent(),
                    r.images().size(),
                    Billing.cost(q.request().estimatedCostCny(), sandbox)));
        }
        s.append(quotes.size())
                .append(" jobs, total ")
                .append(Billing.cost(total(quotes), sandbox))
                .append('\n');
        return s.toString();
    }

    public static String json(List<Quote> quotes, boolean sandbox) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("dry_run", true);
        root.put("sandbox", sandbox);
        ArrayNode jobs = root.putArray("jobs");
        for (Quote q : quotes) {
            GenerationRequest r = q.request().request();
            ObjectNode j = jobs.addObject();
            j.put("line", q.line());
            j.put("mode", r.mode());
            j.put("req_key", q.request().reqKey());
            j.put("prompt", r.prompt());
            j.put("duration", r.durationSeconds());
            j.put("fps", r.fps());
            j.put("frames", q.request().frames());
            j.put("aspect_ratio", q.request().aspectRatioSent());
            ArrayNode images = j.putArray("images");
            r.images().forEach(i -> images.add(image(i)));
            j.put("seed", r.seed());
            j.put("save_to", q.destination() == null ? null : q.destination().toString());
            j.put("estimated_cost_cny", sandbox ? 0 : round(q.request().estimatedCostCny()));
        }
        root.put("total_estimated_cny", sandbox ? 0 : round(total(quotes)));
        root.put("billed", !sandbox);
        try {
            return Json.printer().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static double total(List<Quote> quotes) {
        return quotes.stream().mapToDouble(q -> q.request().estimatedCostCny()).sum();
    }

    /** A URL without its query (a signed URL's token is a secret); a file as given. */
    static String image(String image) {
        return image.startsWith("http://") || image.startsWith("https://")
                ? Redaction.redact(URI.create(image))
                : image;
    }

    private static double round(double cny) {
        return Math.round(cny * 100) / 100.0;
    }

    private static void row(StringBuilder s, String label, String value) {
        s.append(String.format("  %-13s %s%n", label, value));
    }
}
