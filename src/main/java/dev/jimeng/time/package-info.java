/** Time as an injected dependency: the Sleeper interface (tests advance a clock instead of waiting). */
package dev.jimeng.time;
