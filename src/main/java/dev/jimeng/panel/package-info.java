/**
 * The live task panel ({@code watch} in a capable terminal): a full-screen Lanterna table of jobs,
 * fed by {@link dev.jimeng.job.JobSource} events, with a details pane and single-key actions that
 * go through {@link dev.jimeng.panel.PanelActions}. The pieces are kept apart so each can be tested
 * alone: {@link dev.jimeng.panel.PanelModel} (pure state), {@link dev.jimeng.panel.PanelController}
 * (keys to model changes and actions), {@link dev.jimeng.panel.PanelRenderer} (model to screen
 * cells, with the details pane's text from {@link dev.jimeng.panel.DetailsPane} and the key help
 * from {@link dev.jimeng.panel.HelpOverlay}), {@link dev.jimeng.panel.Panel} (the loop and the
 * terminal handoff) and {@link dev.jimeng.panel.PanelTerminals} (a Lanterna terminal over JLine's
 * streams). Where no capable terminal exists, {@link dev.jimeng.panel.PlainWatch} prints plain
 * lines instead.
 */
package dev.jimeng.panel;
