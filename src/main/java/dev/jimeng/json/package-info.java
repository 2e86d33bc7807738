/** The one Jackson ObjectMapper. */
package dev.jimeng.json;
