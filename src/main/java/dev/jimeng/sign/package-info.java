/** Volcengine V4 request signing as pure code: the clock and the request come in, the headers go out. Used by the client to sign and by the sandbox to verify. */
package dev.jimeng.sign;
