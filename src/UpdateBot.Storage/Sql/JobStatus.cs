namespace UpdateBot.Storage.Sql;

/// <summary>Values of delivery_jobs.status. Done jobs are deleted (their message ids live in delivered_messages).</summary>
internal static class JobStatus
{
    public const int Pending = 0;
    public const int Failed = 2;
    public const int Cancelled = 3;
}
