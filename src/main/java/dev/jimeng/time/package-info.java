/** Time as an injected dependency: the Sleeper interface (tests advance a clock instead of waiting); and {@link dev.jimeng.time.Seconds}, the one way to read and print a number of seconds. */
package dev.jimeng.time;
