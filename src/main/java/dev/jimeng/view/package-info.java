/** Pure formatting of jobs for people and programs: the seed's Markdown result block, JSON documents, tables and detail pages. No I/O. */
package dev.jimeng.view;
