import GRDB
import PalauteClassify

// Read-only SQL views for BI tools (Power BI, Metabase, Grafana) that read the SQLite file directly.
// They live in the database file, so a tool needs no palaute code; docs/reporting.md documents every column.
// Module PalauteReport computes the same figures in Swift, and a test checks that both agree.
extension PalauteDatabase {
    /// Below this many scored responses an NPS is flagged `small_n` (its 95 % margin is wider than about ±30 points).
    public static let smallSampleThreshold = 30

    /// The day a response counts for: the visit date, else the day it was received.
    static let dayExpression = "coalesce(r.visited_on, date(r.received_at))"

    /// Monday of the ISO week of `day` (an ISO date expression).
    static func weekStart(_ day: String) -> String {
        "date(\(day), (-((CAST(strftime('%w', \(day)) AS INTEGER) + 6) % 7)) || ' days')"
    }

    /// `yyyy-Www`, the ISO 8601 week of `day` (the ISO year is the year of the week's Thursday).
    static func isoWeek(_ day: String) -> String {
        let thursday = "date(\(day), (3 - (CAST(strftime('%w', \(day)) AS INTEGER) + 6) % 7) || ' days')"
        return "strftime('%Y', \(thursday)) || '-W' || printf('%02d', (CAST(strftime('%j', \(thursday)) AS INTEGER) - 1) / 7 + 1)"
    }

    /// `CASE topic WHEN 'waiting' THEN 'Odotus ja jonotus' … END`, the contract's Finnish names.
    static func topicNameCase(_ column: String) -> String {
        "CASE \(column) " + Topic.allCases.map { "WHEN '\($0.rawValue)' THEN '\($0.finnishName)'" }.joined(separator: " ")
            + " END"
    }

    /// NPS with its standard error (SE = 100·√((p + d − (p − d)²) / n)), 95 % margin (1.96·SE), interval and
    /// small-sample flag, from a `base` CTE with `n`, `promoters`, `passives`, `detractors`. `max(0, …)` absorbs
    /// rounding just below zero; with n = 0 every derived column is NULL.
    static func npsView(name: String, periodColumns: String, periodGroup: String, periodNames: String) -> String {
        """
        CREATE VIEW \(name) AS
        WITH base AS (
            SELECT r.unit AS unit, \(periodColumns),
                count(*) AS responses,
                count(r.score) AS n,
                coalesce(sum(r.score >= 9), 0) AS promoters,
                coalesce(sum(r.score BETWEEN 7 AND 8), 0) AS passives,
                coalesce(sum(r.score <= 6), 0) AS detractors,
                coalesce(sum(res.sentiment = 'positive'), 0) AS positive,
                coalesce(sum(res.sentiment = 'negative'), 0) AS negative,
                coalesce(sum(res.sentiment = 'neutral'), 0) AS neutral,
                coalesce(sum(res.sentiment = 'mixed'), 0) AS mixed,
                coalesce(sum(res.id IS NULL), 0) AS unclassified
            FROM response r
            LEFT JOIN result res ON res.response_id = r.id AND res.is_current = 1
            GROUP BY r.unit, \(periodGroup)
        ),
        shares AS (
            SELECT base.*,
                CASE WHEN n > 0 THEN 1.0 * promoters / n END AS promoter_share,
                CASE WHEN n > 0 THEN 1.0 * passives / n END AS passive_share,
                CASE WHEN n > 0 THEN 1.0 * detractors / n END AS detractor_share
            FROM base
        ),
        stats AS (
            SELECT shares.*,
                100.0 * (promoter_share - detractor_share) AS nps,
                100.0 * sqrt(max(0.0, promoter_share + detractor_share
                    - (promoter_share - detractor_share) * (promoter_share - detractor_share)) / n) AS se
            FROM shares
        )
        SELECT unit, \(periodNames), responses, n, promoters, passives, detractors,
            promoter_share, passive_share, detractor_share,
            nps, se, 1.96 * se AS margin95, nps - 1.96 * se AS nps_low, nps + 1.96 * se AS nps_high,
            n < \(smallSampleThreshold) AS small_n,
            positive, negative, neutral, mixed, unclassified
        FROM stats
        """
    }

    static func topicCountsView(name: String, periodColumns: String, periodGroup: String) -> String {
        """
        CREATE VIEW \(name) AS
        SELECT r.unit AS unit, \(periodColumns),
            tm.topic AS topic,
            \(topicNameCase("tm.topic")) AS topic_name,
            sum(tm.label = 'praise') AS praise,
            sum(tm.label = 'criticism') AS criticism,
            sum(tm.label = 'suggestion') AS suggestion,
            count(DISTINCT res.id) AS responses
        FROM topic_mention tm
        JOIN result res ON res.id = tm.result_id AND res.is_current = 1
        JOIN response r ON r.id = res.response_id
        GROUP BY r.unit, \(periodGroup), tm.topic
        """
    }

    /// Topic impact: NPS of all scored responses minus NPS of those that do not criticise the topic.
    static func topicImpactView(name: String, perUnit: Bool) -> String {
        let unitSelect = perUnit ? "r.unit AS unit, " : ""
        let unitGroup = perUnit ? "GROUP BY r.unit" : ""
        let unitJoin = perUnit ? "t.unit IS s.unit" : "1"
        let topics = Topic.allCases.map { "('\($0.rawValue)')" }.joined(separator: ", ")
        return """
        CREATE VIEW \(name) AS
        WITH topics(topic) AS (VALUES \(topics)),
        critic AS (
            SELECT DISTINCT res.response_id AS response_id, tm.topic AS topic
            FROM topic_mention tm JOIN result res ON res.id = tm.result_id AND res.is_current = 1
            WHERE tm.label = 'criticism'
        ),
        total AS (
            SELECT \(unitSelect)count(*) AS n, coalesce(sum(r.score >= 9), 0) AS promoters,
                coalesce(sum(r.score <= 6), 0) AS detractors
            FROM response r WHERE r.score IS NOT NULL \(unitGroup)
        ),
        crit AS (
            SELECT \(unitSelect)c.topic AS topic, count(*) AS n, coalesce(sum(r.score >= 9), 0) AS promoters,
                coalesce(sum(r.score <= 6), 0) AS detractors
            FROM critic c JOIN response r ON r.id = c.response_id
            WHERE r.score IS NOT NULL
            GROUP BY \(perUnit ? "r.unit, " : "")c.topic
        ),
        joined AS (
            SELECT \(perUnit ? "t.unit AS unit, " : "")tp.topic AS topic,
                t.n AS n, t.promoters AS promoters, t.detractors AS detractors,
                coalesce(s.n, 0) AS critics,
                t.n - coalesce(s.n, 0) AS n_without,
                t.promoters - coalesce(s.promoters, 0) AS promoters_without,
                t.detractors - coalesce(s.detractors, 0) AS detractors_without
            FROM total t CROSS JOIN topics tp
            LEFT JOIN crit s ON s.topic = tp.topic AND \(unitJoin)
        )
        SELECT \(perUnit ? "unit, " : "")topic, \(topicNameCase("topic")) AS topic_name,
            n, critics, n_without,
            CASE WHEN n > 0 THEN 100.0 * (promoters - detractors) / n END AS nps_all,
            CASE WHEN n_without > 0 THEN 100.0 * (promoters_without - detractors_without) / n_without END AS nps_without,
            CASE WHEN n > 0 AND n_without > 0
                THEN 100.0 * (promoters - detractors) / n - 100.0 * (promoters_without - detractors_without) / n_without
            END AS impact
        FROM joined
        """
    }

    /// Every view of the "v2-report-views" migration.
    static let reportViewNames = [
        "v_response_labels", "v_topic_mentions", "v_nps_unit_month", "v_nps_unit_week", "v_topic_counts_unit_month",
        "v_topic_counts_unit_week", "v_topic_impact", "v_topic_impact_unit", "v_followup_queue",
    ]

    /// Drops the report views. A later migration that rebuilds a table the views read (create–copy–drop–rename)
    /// must drop them first and re-create them after (`migrateReportViews`), or SQLite refuses the rename.
    static func dropReportViews(_ db: Database) throws {
        for name in reportViewNames { try db.execute(sql: "DROP VIEW IF EXISTS \(name)") }
    }

    /// The views of the "v2-report-views" migration. A later change to a view is a new migration that drops and
    /// re-creates it.
    static func migrateReportViews(_ db: Database) throws {
        let day = dayExpression
        let month = "substr(\(day), 1, 7)"
        let week = weekStart(day)
        let monthColumns = "\(month) AS month"
        let weekColumns = "\(week) AS week_start, \(isoWeek(week)) AS iso_week"

        try db.execute(sql: """
            CREATE VIEW v_response_labels AS
            SELECT r.id AS response_id, r.source, r.external_id, r.channel, r.unit, r.service, r.visited_on,
                \(day) AS day, \(month) AS month, \(week) AS week_start,
                r.score,
                CASE WHEN r.score >= 9 THEN 'promoter' WHEN r.score >= 7 THEN 'passive'
                     WHEN r.score IS NOT NULL THEN 'detractor' END AS nps_category,
                res.id AS result_id, res.lang, res.sentiment, res.confidence, res.mismatch, res.follow_up,
                res.lexicon_version, res.model_version, res.created_at AS classified_at,
                res.redacted_text AS redacted_text,
                (SELECT group_concat(tm.topic || ':' || tm.label, ' ') FROM topic_mention tm WHERE tm.result_id = res.id)
                    AS topics,
                (SELECT group_concat(f.flag, ' ') FROM result_flag f WHERE f.result_id = res.id) AS flags
            FROM response r
            LEFT JOIN result res ON res.response_id = r.id AND res.is_current = 1;

            CREATE VIEW v_topic_mentions AS
            SELECT tm.id AS mention_id, r.id AS response_id, res.id AS result_id, r.unit, r.service,
                \(day) AS day, \(month) AS month, \(week) AS week_start, r.score,
                tm.topic, \(topicNameCase("tm.topic")) AS topic_name, tm.label,
                CASE tm.label WHEN 'praise' THEN 'ruusu' WHEN 'criticism' THEN 'risu' ELSE 'kehitysehdotus' END AS label_fi,
                tm.provenance, tm.model, res.sentiment
            FROM topic_mention tm
            JOIN result res ON res.id = tm.result_id AND res.is_current = 1
            JOIN response r ON r.id = res.response_id;

            \(npsView(name: "v_nps_unit_month", periodColumns: monthColumns, periodGroup: "month", periodNames: "month"));
            \(npsView(
                name: "v_nps_unit_week", periodColumns: weekColumns, periodGroup: "week_start",
                periodNames: "week_start, iso_week"));
            \(topicCountsView(name: "v_topic_counts_unit_month", periodColumns: monthColumns, periodGroup: "month"));
            \(topicCountsView(name: "v_topic_counts_unit_week", periodColumns: weekColumns, periodGroup: "week_start"));
            \(topicImpactView(name: "v_topic_impact", perUnit: false));
            \(topicImpactView(name: "v_topic_impact_unit", perUnit: true));

            CREATE VIEW v_followup_queue AS
            SELECT c.id AS case_id, c.response_id, r.source, r.external_id, r.visited_on,
                c.opened_at, c.priority,
                CASE c.priority WHEN 'urgent' THEN 1 WHEN 'high' THEN 2 WHEN 'normal' THEN 3 ELSE 4 END AS priority_rank,
                c.due_at,
                coalesce(s.status, 'new') <> 'closed' AS is_open,
                (coalesce(s.status, 'new') <> 'closed' AND c.due_at IS NOT NULL
                    AND c.due_at < strftime('%Y-%m-%d %H:%M:%f', 'now')) AS overdue,
                c.reason, c.unit, c.score, c.nps, c.sentiment, c.flags, c.topics, c.redacted_text,
                coalesce(s.status, 'new') AS status, s.assignee, s.closing_reason,
                s.updated_at AS state_updated_at, s.updated_by AS state_updated_by
            FROM followup_case c
            LEFT JOIN followup_state s ON s.case_id = c.id
            JOIN response r ON r.id = c.response_id;
            """)
    }
}
