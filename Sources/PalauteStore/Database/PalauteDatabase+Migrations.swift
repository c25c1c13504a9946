import GRDB

// The schema, one migration per version. A migration, once committed, never changes: add "v2", "v3"…
// docs/schema.md describes every table and who writes it.
extension PalauteDatabase {
    /// All migrations of the palaute schema, in order.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: migrateV1)
        migrator.registerMigration("v2-report-views", migrate: migrateReportViews)
        migrator.registerMigration("v3-followup-case-result", migrate: migrateFollowUpCaseResultIndex)
        return migrator
    }

    private static let topicIDs = "'waiting','access','staff_manner','competence','communication','consultation_time'," +
        "'price','facilities','location','digital','lab_imaging','medication','continuity','language','overall'"
    private static let flagIDs = "'safety','contact_request','formal_complaint'"

    private static func migrateV1(_ db: Database) throws {
        // MARK: ingest
        try db.execute(sql: """
            CREATE TABLE ingest_batch (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                source TEXT NOT NULL,
                file_name TEXT NOT NULL,
                file_path TEXT NOT NULL,
                checksum TEXT NOT NULL,
                format TEXT NOT NULL,
                encoding TEXT NOT NULL,
                started_at DATETIME NOT NULL,
                finished_at DATETIME,
                rows_read INTEGER NOT NULL DEFAULT 0,
                rows_inserted INTEGER NOT NULL DEFAULT 0,
                rows_updated INTEGER NOT NULL DEFAULT 0,
                rows_unchanged INTEGER NOT NULL DEFAULT 0,
                rows_rejected INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ingest_batch_checksum ON ingest_batch(checksum);

            CREATE TABLE response (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                source TEXT NOT NULL,
                external_id TEXT NOT NULL,
                channel TEXT,
                unit TEXT,
                service TEXT,
                visited_on TEXT CHECK (visited_on IS NULL OR visited_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                received_at DATETIME NOT NULL,
                score INTEGER CHECK (score IS NULL OR (score BETWEEN 0 AND 10)),
                text TEXT NOT NULL DEFAULT '',
                content_hash TEXT NOT NULL,
                ingest_batch_id INTEGER NOT NULL REFERENCES ingest_batch(id),
                needs_classification BOOLEAN NOT NULL DEFAULT 1,
                updated_at DATETIME NOT NULL,
                UNIQUE (source, external_id)
            );
            -- No (unit, visited_on) index: with visit dates in random order it cost ~45 % of ingest CPU
            -- (docs/bench-ingest.md); report queries aggregate whole periods and scan.
            CREATE INDEX response_batch ON response(ingest_batch_id);
            CREATE INDEX response_pending ON response(id) WHERE needs_classification = 1;

            CREATE TABLE rejected_row (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                ingest_batch_id INTEGER NOT NULL REFERENCES ingest_batch(id) ON DELETE CASCADE,
                line INTEGER NOT NULL,
                field TEXT,
                reason TEXT NOT NULL
            );
            CREATE INDEX rejected_row_batch ON rejected_row(ingest_batch_id);
            """)

        // MARK: classification results
        try db.execute(sql: """
            CREATE TABLE classification_run (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                started_at DATETIME NOT NULL,
                finished_at DATETIME,
                lexicon_version TEXT NOT NULL,
                model_version TEXT NOT NULL DEFAULT 'none',
                llm_mode TEXT NOT NULL DEFAULT 'off',
                responses_classified INTEGER NOT NULL DEFAULT 0,
                llm_requests INTEGER NOT NULL DEFAULT 0,
                llm_cache_hits INTEGER NOT NULL DEFAULT 0,
                errors INTEGER NOT NULL DEFAULT 0,
                status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running','completed','failed')),
                message TEXT
            );

            CREATE TABLE result (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
                run_id INTEGER REFERENCES classification_run(id) ON DELETE SET NULL,
                lexicon_version TEXT NOT NULL,
                model_version TEXT NOT NULL DEFAULT 'none',
                content_hash TEXT NOT NULL,
                lang TEXT NOT NULL CHECK (lang IN ('fi','sv','en')),
                sentiment TEXT NOT NULL CHECK (sentiment IN ('positive','negative','neutral','mixed')),
                nps TEXT CHECK (nps IS NULL OR nps IN ('promoter','passive','detractor')),
                confidence REAL NOT NULL,
                mismatch BOOLEAN NOT NULL DEFAULT 0,
                follow_up BOOLEAN NOT NULL DEFAULT 0,
                is_current BOOLEAN NOT NULL DEFAULT 1,
                redacted_text TEXT NOT NULL DEFAULT '',
                created_at DATETIME NOT NULL,
                UNIQUE (response_id, lexicon_version, model_version)
            );
            CREATE UNIQUE INDEX result_one_current ON result(response_id) WHERE is_current = 1;
            CREATE INDEX result_run ON result(run_id);

            CREATE TABLE topic_mention (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                result_id INTEGER NOT NULL REFERENCES result(id) ON DELETE CASCADE,
                topic TEXT NOT NULL CHECK (topic IN (\(topicIDs))),
                label TEXT NOT NULL CHECK (label IN ('praise','criticism','suggestion')),
                provenance TEXT NOT NULL DEFAULT 'lexicon' CHECK (provenance IN ('lexicon','llm')),
                model TEXT,
                UNIQUE (result_id, topic, label)
            );
            CREATE INDEX topic_mention_topic ON topic_mention(topic, label);

            CREATE TABLE result_flag (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                result_id INTEGER NOT NULL REFERENCES result(id) ON DELETE CASCADE,
                flag TEXT NOT NULL CHECK (flag IN (\(flagIDs))),
                provenance TEXT NOT NULL DEFAULT 'lexicon' CHECK (provenance IN ('lexicon','llm')),
                model TEXT,
                UNIQUE (result_id, flag)
            );
            CREATE INDEX result_flag_flag ON result_flag(flag);

            CREATE TABLE evidence (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                result_id INTEGER NOT NULL REFERENCES result(id) ON DELETE CASCADE,
                mention_id INTEGER REFERENCES topic_mention(id) ON DELETE CASCADE,
                flag_id INTEGER REFERENCES result_flag(id) ON DELETE CASCADE,
                target TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL CHECK (end_offset >= start_offset),
                text TEXT NOT NULL,
                rule TEXT NOT NULL,
                source TEXT
            );
            CREATE INDEX evidence_result ON evidence(result_id);
            CREATE INDEX evidence_mention ON evidence(mention_id);
            CREATE INDEX evidence_flag ON evidence(flag_id);
            """)

        // MARK: follow-up
        try db.execute(sql: """
            CREATE TABLE followup_case (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                response_id INTEGER NOT NULL UNIQUE REFERENCES response(id) ON DELETE CASCADE,
                result_id INTEGER REFERENCES result(id) ON DELETE SET NULL,
                opened_at DATETIME NOT NULL,
                priority TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent','high','normal','low')),
                due_at DATETIME,
                reason TEXT NOT NULL DEFAULT '',
                unit TEXT,
                score INTEGER,
                nps TEXT,
                sentiment TEXT,
                flags TEXT NOT NULL DEFAULT '[]',
                topics TEXT NOT NULL DEFAULT '[]',
                redacted_text TEXT NOT NULL DEFAULT '',
                updated_at DATETIME NOT NULL
            );
            CREATE INDEX followup_case_due ON followup_case(priority, due_at);

            CREATE TABLE followup_state (
                case_id INTEGER PRIMARY KEY REFERENCES followup_case(id) ON DELETE CASCADE,
                status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','in_progress','contacted','closed')),
                assignee TEXT,
                notes TEXT NOT NULL DEFAULT '',
                closing_reason TEXT,
                updated_at DATETIME NOT NULL,
                updated_by TEXT NOT NULL DEFAULT 'system'
            );
            CREATE INDEX followup_state_status ON followup_state(status);

            CREATE TABLE followup_event (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                case_id INTEGER NOT NULL REFERENCES followup_case(id) ON DELETE CASCADE,
                at DATETIME NOT NULL,
                by TEXT NOT NULL,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX followup_event_case ON followup_event(case_id, at);
            """)

        // MARK: audit, LLM cache, nightly runs
        try db.execute(sql: """
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at DATETIME NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT,
                detail TEXT NOT NULL DEFAULT '{}'
            );
            CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
            CREATE INDEX audit_log_at ON audit_log(at);

            CREATE TABLE llm_cache (
                key TEXT PRIMARY KEY NOT NULL,
                model TEXT NOT NULL,
                prompt_version TEXT NOT NULL,
                text_hash TEXT NOT NULL,
                answer_json TEXT NOT NULL,
                prompt_tokens INTEGER NOT NULL DEFAULT 0,
                completion_tokens INTEGER NOT NULL DEFAULT 0,
                created_at DATETIME NOT NULL
            );

            CREATE TABLE nightly_run (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                started_at DATETIME NOT NULL,
                finished_at DATETIME,
                status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running','succeeded','partial','failed')),
                ingested INTEGER NOT NULL DEFAULT 0,
                rejected INTEGER NOT NULL DEFAULT 0,
                classified INTEGER NOT NULL DEFAULT 0,
                new_followups INTEGER NOT NULL DEFAULT 0,
                files TEXT NOT NULL DEFAULT '[]',
                message TEXT
            );
            """)
    }

    /// Deleting a result (re-classifying a changed response with the same versions replaces its result) sets
    /// `followup_case.result_id` to NULL through the foreign key; without an index on that column SQLite scans
    /// every case for every deleted result, which made such re-runs quadratic in the size of the queue.
    private static func migrateFollowUpCaseResultIndex(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX followup_case_result ON followup_case(result_id)")
    }
}
