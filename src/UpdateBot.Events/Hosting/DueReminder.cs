using UpdateBot.Core.Chats;
using UpdateBot.Core.Events;
using UpdateBot.Core.Messages;

namespace UpdateBot.Events.Hosting;

/// <summary>
/// A reminder or notice already claimed in the <see cref="IReminderLog"/> (as <see cref="Claim"/>, the chat now told
/// <see cref="Told"/>) and now to be sent: whoever holds it sends it and confirms the claim, or gives the claim back
/// when the send fails.
/// </summary>
internal sealed record DueReminder(ChatAddress Chat, OutgoingMessage Message, string Key, string EventId, string Told, ReminderClaim Claim);
