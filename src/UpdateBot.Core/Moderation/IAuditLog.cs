namespace UpdateBot.Core.Moderation;

/// <summary>Every moderator action is written here before its effect goes out.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditRecord>> RecentAsync(int count, CancellationToken cancellationToken);
}
