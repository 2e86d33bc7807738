/**
 * Storyboards: a file of shots (TOML or JSON Lines) read and checked whole, each shot a
 * first-and-last-frame job whose frames are keyframe files shared with its neighbours, or (with
 * {@code --continue}) the last frame of the shot before. Pure: reads the storyboard file only; the
 * commands send the jobs and write the playlist and reel.
 */
package dev.jimeng.story;
