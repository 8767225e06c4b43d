using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Moderation;

/// <summary>One moderator action: who did what to which entry, and when.</summary>
public sealed record AuditRecord(DateTimeOffset At, UserRef User, string Action, string Target, string Detail);
