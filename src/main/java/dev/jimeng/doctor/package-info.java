/**
 * {@code jimeng doctor}: one small class per check of the environment jimeng runs in (Java, the
 * terminal, credentials and their files, the endpoint and its clock, each service tier, the journal,
 * the output folder, a sandbox self-test), each giving ok / warning / problem lines with their fix,
 * and the support bundle. Sits between the commands and the app: it reads the app, the API and the
 * journal, and changes nothing.
 */
package dev.jimeng.doctor;
