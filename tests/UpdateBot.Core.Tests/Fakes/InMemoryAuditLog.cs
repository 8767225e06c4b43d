using UpdateBot.Core.Moderation;

namespace UpdateBot.Core.Tests.Fakes;

internal sealed class InMemoryAuditLog : IAuditLog
{
    public List<AuditRecord> Records { get; } = [];

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Records.Add(record);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditRecord>> RecentAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditRecord>>(Enumerable.Reverse(Records).Take(count).ToList());
}
