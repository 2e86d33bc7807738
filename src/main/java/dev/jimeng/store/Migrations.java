package dev.jimeng.store;

import java.util.List;

/**
 * The journal's schema, one step per version. {@code PRAGMA user_version} says how many steps a file
 * has had; opening runs the rest in order. Never edit a released step: append a new one.
 */
final class Migrations {
    static final List<String> ALL = List.of(
            // 1: one row per job. Times are epoch milliseconds. No URL, key or image data columns.
            """
            CREATE TABLE jobs (
              id                TEXT PRIMARY KEY,
              created_at        INTEGER NOT NULL,
              updated_at        INTEGER NOT NULL,
              mode              TEXT NOT NULL,
              prompt            TEXT,
              seed              INTEGER,
              request_json      TEXT NOT NULL,
              req_key           TEXT,
              state             TEXT NOT NULL,
              state_times       TEXT NOT NULL,
              task_id           TEXT,
              request_id        TEXT,
              error_code        TEXT,
              error_message     TEXT,
              output_path       TEXT,
              bytes             INTEGER NOT NULL DEFAULT -1,
              sha256            TEXT,
              submit_attempts   INTEGER NOT NULL DEFAULT 0,
              download_attempts INTEGER NOT NULL DEFAULT 0,
              retry_of          TEXT,
              lease_owner       TEXT,
              lease_expires_at  INTEGER
            );
            CREATE INDEX jobs_by_state ON jobs(state);
            """,
            // 2: the full history (a job may enter a state twice, e.g. queued again after 50430),
            // filled from what version 1 kept.
            """
            CREATE TABLE transitions (
              job_id TEXT NOT NULL REFERENCES jobs(id),
              seq    INTEGER PRIMARY KEY AUTOINCREMENT,
              state  TEXT NOT NULL,
              at     INTEGER NOT NULL,
              note   TEXT
            );
            CREATE INDEX transitions_by_job ON transitions(job_id, seq);
            CREATE INDEX jobs_by_created ON jobs(created_at);
            INSERT INTO transitions(job_id, state, at)
              SELECT jobs.id, t.key, t.value FROM jobs, json_each(jobs.state_times) AS t ORDER BY t.value;
            """,
            // 3: why a job stopped (StopReason), the one input of what may be done next; older rows
            // get the reason their state and error code imply.
            """
            ALTER TABLE jobs ADD COLUMN stop_reason TEXT;
            UPDATE jobs SET stop_reason = CASE
              WHEN state = 'expired' THEN 'task_gone'
              WHEN state = 'submit_unknown' THEN 'submit_unknown'
              WHEN state <> 'failed' THEN NULL
              WHEN error_code IN ('50411', '50412', '50413', '50511', '50512', '50516') THEN 'content_rejected'
              WHEN error_code = 'invalid-request' THEN 'invalid_request'
              WHEN task_id IS NULL THEN 'not_accepted'
              WHEN error_code IN ('download-failed', 'url-expired', 'not-mp4') THEN 'download_failed'
              WHEN error_code IN ('poll-timeout', 'not-done', 'connection', 'timeout', 'internal') THEN 'poll_gave_up'
              ELSE 'task_failed' END;
            """,
            // 4: the spend ledger: each job's estimated cost in CNY when it was queued (prices may
            // be edited later); older rows get the estimate of the default price table.
            """
            ALTER TABLE jobs ADD COLUMN estimated_cost REAL;
            UPDATE jobs SET estimated_cost = COALESCE(json_extract(request_json, '$.durationSeconds'), 5) * CASE
              WHEN mode = 'ti2v_pro' THEN 1.0
              WHEN mode LIKE '%1080p' THEN 0.63
              ELSE 0.28 END;
            """,
            // a journal of years stays fast: the duration history
            // behind ETAs and poll schedules reads the latest jobs of one mode, and the spend ledger
            // sums by mode and period, both from this index alone (it covers the ledger's columns)
            """
            CREATE INDEX jobs_by_mode_created ON jobs(mode, created_at, state, task_id, estimated_cost);
            """,
            // the profile (named account) a job belongs to: it is only ever driven with that
            // profile's keys, and counts against that profile's budgets; older rows are the default's.
            """
            ALTER TABLE jobs ADD COLUMN profile TEXT NOT NULL DEFAULT 'default';
            CREATE INDEX jobs_by_profile ON jobs(profile, state);
            """,
            // the user's favourites (jimeng star, the gallery's star toggle); 1 = starred.
            """
            ALTER TABLE jobs ADD COLUMN starred INTEGER NOT NULL DEFAULT 0;
            """,
            // sets made as one (generate --variants, --seeds, a {a|b} prompt): the set's id, and
            // the one the user picked as its winner (1).
            """
            ALTER TABLE jobs ADD COLUMN group_id TEXT;
            ALTER TABLE jobs ADD COLUMN picked INTEGER NOT NULL DEFAULT 0;
            CREATE INDEX jobs_by_group ON jobs(group_id);
            """,
            // where later downloads of a done job's video went (jimeng download ID again): the job's
            // own record keeps its first file and history, each copy is a row here
            """
            CREATE TABLE copies (
              job_id   TEXT NOT NULL,
              path     TEXT NOT NULL,
              bytes    INTEGER NOT NULL,
              saved_at INTEGER NOT NULL
            );
            CREATE INDEX copies_by_job ON copies(job_id);
            """,
            // a journal of years stays fast for each profile: the lists read the newest jobs in order
            // from here (no sort of every row), and the spend ledger sums a period from it alone
            // (it covers the ledger's columns)
            """
            CREATE INDEX jobs_by_profile_created ON jobs(profile, created_at, mode, state, task_id, estimated_cost);
            """,
            // a process renews and, when it ends, releases every lease it holds: found here among
            // the few leased rows, not by reading every job (partial: unleased rows are not in it)
            """
            CREATE INDEX jobs_by_lease_owner ON jobs(lease_owner) WHERE lease_owner IS NOT NULL;
            """,
            // the spend ledger's "all" row sums every job of a profile by mode: read here in mode
            // order it needs no temporary B-tree for the GROUP BY (0.10 s -> 0.05 s for 100,000
            // jobs); the periods read a few days from jobs_by_profile_created instead
            """
            CREATE INDEX jobs_by_profile_mode ON jobs(profile, mode, created_at, state, task_id, estimated_cost);
            """);

    private Migrations() {}
}
