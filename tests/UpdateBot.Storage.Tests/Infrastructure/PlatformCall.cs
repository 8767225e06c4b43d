using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;

namespace UpdateBot.Storage.Tests.Infrastructure;

public sealed record PlatformCall(string Kind, ChatAddress Chat, OutgoingMessage? Message, IReadOnlyList<string> MessageIds, string? IdempotencyKey)
{
    public string Text => Message is null ? "" : string.Join("\n", Message.Body.Select(p => p.PlainText));
}
