namespace UpdateBot.Core.Delivery;

/// <summary>How many jobs wait, and how many were given up (failed) or cancelled (destination paused).</summary>
public sealed record DeliveryCounts(long Pending, long Failed, long Cancelled);
