namespace UpdateBot.StandIns.Discord;

/// <summary>One REST request as received, with the status answered.</summary>
public sealed record StandInRequest(string Method, string Path, string? Body, int Status, DateTimeOffset At);
