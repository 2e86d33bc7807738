package dev.jimeng.mcp;

import dev.jimeng.app.App;
import dev.jimeng.mode.Capabilities;
import dev.jimeng.mode.ModeSpec;
import dev.jimeng.view.Billing;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The modes tool's answer: every mode with its durations, ratios, camera moves and price, from Capabilities. */
final class ModesReply {
    private ModesReply() {}

    static CallToolResult of(App app) {
        ToolReply reply = new ToolReply(app.sandboxMode());
        List<Object> modes = new ArrayList<>();
        for (ModeSpec m : Capabilities.modes()) {
            double perSecond = app.settings().prices().perSecond(m.resolution());
            String price = app.sandboxMode()
                    ? Billing.SANDBOX
                    : String.format(Locale.ROOT, "≈¥%.2f per second estimated", perSecond);
            reply.line(
                    m.name() + ": " + m.summary() + " · " + m.framesBySeconds().keySet() + " s"
                            + (m.aspectRatios().isEmpty() ? "" : " · " + String.join(" ", m.aspectRatios()))
                            + (m.camera() ? " · templates " + String.join(" ", Capabilities.CAMERA_TEMPLATES) : "")
                            + " · " + price);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("mode", m.name());
            doc.put("description", m.description());
            doc.put("resolution", m.resolution());
            doc.put("images", Map.of("min", m.minImages(), "max", m.maxImages()));
            doc.put("durations", List.copyOf(m.framesBySeconds().keySet()));
            doc.put("fps", m.fps());
            doc.put("aspect_ratios", m.aspectRatios());
            doc.put("camera_templates", m.camera() ? Capabilities.CAMERA_TEMPLATES : List.of());
            doc.put("camera_strengths", m.camera() ? Capabilities.CAMERA_STRENGTHS : List.of());
            doc.put("estimated_cny_per_second", app.sandboxMode() ? 0 : perSecond);
            modes.add(doc);
        }
        return reply.put("modes", modes).build();
    }
}
