/** The capability table of the Jimeng Video 3.0 API: modes, req_keys, durations, frame counts, fps, aspect ratios, camera templates, image limits, output sizes and prices. Validation and completion read only this. */
package dev.jimeng.mode;
