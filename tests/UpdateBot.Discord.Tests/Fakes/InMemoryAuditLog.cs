using UpdateBot.Core.Moderation;

namespace UpdateBot.Discord.Tests.Fakes;

/// <summary>Keeps audit records in memory.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly List<AuditRecord> records = [];

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        lock (records)
        {
            records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        lock (records)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>(records.TakeLast(count).Reverse().ToList());
        }
    }
}
