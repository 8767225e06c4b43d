namespace UpdateBot.Storage.Sql;

/// <summary>
/// The schema, as numbered migrations shared by SQLite and PostgreSQL (only the identity column differs).
/// Times are Unix milliseconds; flags are 0/1 integers; source names are matched on their lower-case key.
/// Append new migrations; never edit an applied one. The last migration orders the job indexes as claims read them
/// (priority DESC, id), so a claim walks the index and stops instead of sorting every pending job. Migration 5 indexes
/// messages and jobs by entry, so an edit or retraction finds the chats an entry reached without a scan. Migration 6
/// records what each chat was told about each event (reminders, moves, cancellations), so every instance and every
/// restart sends each once; rows are pruned by <c>keep_until</c>. Migration 7 gives each of those records a claim
/// state: <c>claimed_by</c> and <c>claimed_at</c> while a notice is in flight (with <c>previous</c>, what the chat was
/// told before), all null/0 once it is settled, so a claim whose holder died is taken over after its lifetime. Rows
/// from before migration 7 get the defaults: settled.
/// </summary>
internal static class Schema
{
    public static IReadOnlyList<string> Migrations(SqlDatabase database) =>
    [
        $"""
        CREATE TABLE entries (
            source_key TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            source_name TEXT NOT NULL,
            published BIGINT NOT NULL,
            updated BIGINT NULL,
            title TEXT NULL,
            body TEXT NOT NULL,
            url TEXT NULL,
            kind INTEGER NOT NULL,
            author TEXT NULL,
            links TEXT NOT NULL,
            media TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            misses INTEGER NOT NULL DEFAULT 0,
            removed INTEGER NOT NULL DEFAULT 0,
            first_seen BIGINT NOT NULL,
            PRIMARY KEY (source_key, entry_id));
        CREATE INDEX ix_entries_published ON entries (removed, published);
        CREATE INDEX ix_entries_id ON entries (entry_id);

        CREATE TABLE subscriptions (
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            source_key TEXT NOT NULL,
            source_name TEXT NOT NULL,
            filter TEXT NULL,
            created_at BIGINT NOT NULL,
            paused_reason TEXT NULL,
            PRIMARY KEY (platform, chat_id, source_key));
        CREATE INDEX ix_subscriptions_source ON subscriptions (source_key);

        CREATE TABLE delivery_jobs (
            id {database.IdentityColumn},
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            source_name TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            change_kind INTEGER NOT NULL,
            priority INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            status INTEGER NOT NULL DEFAULT 0,
            not_before BIGINT NOT NULL DEFAULT 0,
            lease_owner TEXT NULL,
            lease_until BIGINT NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT NULL,
            created_at BIGINT NOT NULL);
        CREATE INDEX ix_jobs_queue ON delivery_jobs (platform, status, priority, id);
        CREATE INDEX ix_jobs_destination ON delivery_jobs (platform, chat_id, status, priority, id);
        CREATE INDEX ix_jobs_owner ON delivery_jobs (lease_owner);

        CREATE TABLE delivered_messages (
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            source_key TEXT NOT NULL,
            entry_id TEXT NOT NULL,
            message_ids TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            sent_at BIGINT NOT NULL,
            PRIMARY KEY (platform, chat_id, source_key, entry_id));

        CREATE TABLE source_states (
            source_key TEXT NOT NULL PRIMARY KEY,
            state TEXT NOT NULL);

        CREATE TABLE source_leases (
            source_key TEXT NOT NULL PRIMARY KEY,
            owner TEXT NOT NULL,
            expires_at BIGINT NOT NULL);
        """,
        $"""
        CREATE TABLE audit_log (
            id {database.IdentityColumn},
            at BIGINT NOT NULL,
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            user_name TEXT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            detail TEXT NOT NULL);
        """,
        """
        CREATE TABLE chat_settings (
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            home_place TEXT NULL,
            remind INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (platform, chat_id));
        """,
        """
        DROP INDEX ix_jobs_queue;
        DROP INDEX ix_jobs_destination;
        CREATE INDEX ix_jobs_queue ON delivery_jobs (platform, status, priority DESC, id);
        CREATE INDEX ix_jobs_destination ON delivery_jobs (platform, chat_id, status, priority DESC, id)
        """,
        """
        CREATE INDEX ix_delivered_entry ON delivered_messages (source_key, entry_id);
        CREATE INDEX ix_jobs_entry ON delivery_jobs (entry_id)
        """,
        """
        CREATE TABLE event_reminders (
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            told TEXT NOT NULL,
            keep_until BIGINT NOT NULL,
            PRIMARY KEY (platform, chat_id, event_id));
        CREATE INDEX ix_event_reminders_keep ON event_reminders (keep_until)
        """,
        """
        ALTER TABLE event_reminders ADD COLUMN previous TEXT NULL;
        ALTER TABLE event_reminders ADD COLUMN claimed_by TEXT NULL;
        ALTER TABLE event_reminders ADD COLUMN claimed_at BIGINT NOT NULL DEFAULT 0
        """,
    ];
}
