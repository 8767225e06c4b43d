using UpdateBot.Core.Moderation;

namespace UpdateBot.TestFakes;

/// <summary>A hand-written fake of the moderators' audit log.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly List<AuditRecord> records = [];
    private readonly Lock gate = new();

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            records.Add(record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<AuditRecord>>(records.TakeLast(count).Reverse().ToList());
        }
    }
}
