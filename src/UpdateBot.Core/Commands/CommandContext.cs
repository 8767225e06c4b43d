using UpdateBot.Core.Chats;

namespace UpdateBot.Core.Commands;

/// <summary>Everything a command needs to answer one request.</summary>
public sealed record CommandContext
{
    public required Inbound Inbound { get; init; }

    public required CommandArguments Arguments { get; init; }

    public required bool IsModerator { get; init; }

    public required DateTimeOffset Now { get; init; }

    /// <summary>For a pressed button: the data after "command:" in its callback data.</summary>
    public string? CallbackPayload { get; init; }

    public ChatAddress Chat => Inbound.Chat;
}
