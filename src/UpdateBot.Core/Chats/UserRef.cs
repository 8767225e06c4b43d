namespace UpdateBot.Core.Chats;

/// <summary>A user on one platform, as the platform identifies them.</summary>
public sealed record UserRef(string Platform, string UserId, string? DisplayName = null)
{
    public override string ToString() => $"{Platform}:{UserId}";
}
