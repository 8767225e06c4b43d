using UpdateBot.Core.Chats;
using UpdateBot.Core.Messages;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// A reminder or notice already claimed in the <see cref="Core.Events.IReminderLog"/> and now to be sent: whoever holds
/// it sends it, or gives the claim back (<see cref="Told"/> → <see cref="Previous"/>) when the send fails.
/// </summary>
internal sealed record DueReminder(ChatAddress Chat, OutgoingMessage Message, string Key, string EventId, string Told, string? Previous);
