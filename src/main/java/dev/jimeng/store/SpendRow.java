package dev.jimeng.store;

/**
 * The spend ledger for one mode over a period, from the journal: jobs the server accepted (billed),
 * and jobs that may still be billed (queued, being sent, or of unknown submit outcome). Canceled
 * and refused jobs cost nothing and are not counted. Amounts are estimates in CNY.
 */
public record SpendRow(String mode, int billedJobs, double billedCny, int pendingJobs, double pendingCny) {}
