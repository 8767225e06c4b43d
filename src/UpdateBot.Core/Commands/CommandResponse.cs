using UpdateBot.Core.Messages;

namespace UpdateBot.Core.Commands;

/// <summary>What the bot answers: messages for the chat, and for button presses how to treat the original.</summary>
public sealed record CommandResponse(IReadOnlyList<OutgoingMessage> Messages)
{
    /// <summary>For a button press: replace the message the button was on instead of sending a new one.</summary>
    public bool ReplaceOriginal { get; init; }

    /// <summary>A short notice for the pressing user (Telegram answerCallbackQuery text).</summary>
    public string? Notice { get; init; }

    public static CommandResponse None { get; } = new([]);

    public static CommandResponse Reply(string text) => new([OutgoingMessage.Text(text)]);

    public static CommandResponse Reply(OutgoingMessage message) => new([message]);

    public static CommandResponse Error(string text) =>
        new([OutgoingMessage.Text(text, MessageTone.Error) with { Private = true }]);
}
