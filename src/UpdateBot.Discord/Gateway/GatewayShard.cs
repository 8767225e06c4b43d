using Microsoft.Extensions.Logging;

namespace UpdateBot.Discord.Gateway;

/// <summary>
/// One gateway shard: connects, heartbeats, identifies or resumes, reads dispatches, and reconnects after every fault
/// it may reconnect after. Each connection runs in <see cref="GatewayConnection"/>; this class keeps the session.
/// </summary>
internal sealed partial class GatewayShard
{
    /// <summary>GUILDS: enough for slash commands and interactions; nothing privileged.</summary>
    public const int Intents = 1;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly GatewayShardSettings settings;
    private readonly ILogger logger;
    private int failures;
    private int resumeFailures;

    public GatewayShard(GatewayShardSettings settings, ILogger logger)
    {
        this.settings = settings;
        this.logger = logger;
    }

    public int ShardId => settings.ShardId;

    public string? SessionId { get; private set; }

    public long? Sequence { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    /// <summary>Runs until cancelled or until Discord refuses the bot for good (reported on <see cref="DiscordStatus"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var resume = SessionId is not null && Sequence is not null;
            ConnectionEnd end;
            try
            {
                var baseUrl = resume && ResumeUrl is not null && resumeFailures < 2
                    ? ResumeUrl
                    : await settings.GatewayUrl(cancellationToken);
                if (!resume)
                {
                    // Waiting for an identify turn happens before connecting: a connection left waiting would miss
                    // its heartbeats (and Discord closes connections that do not identify).
                    await settings.IdentifyGate.WaitTurnAsync(
                        ShardId,
                        wait => Log.IdentifyWait(logger, ShardId, wait.TotalSeconds),
                        cancellationToken);
                }

                var connection = new GatewayConnection(this, settings, logger);
                end = await connection.RunAsync(Connect(baseUrl), resume, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A shard must outlive any one connection's failure; the log says why.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.ConnectionFailed(logger, ShardId, exception);
                end = new ConnectionEnd(ConnectionEndKind.Dropped, Reason: exception.GetType().Name);
            }

            if (!await AfterConnectionAsync(end, resume, cancellationToken))
            {
                return;
            }
        }
    }

    internal void OnReady(string sessionId, Uri? resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
        failures = 0;
        resumeFailures = 0;
    }

    internal void OnResumed()
    {
        failures = 0;
        resumeFailures = 0;
    }

    internal void OnSequence(long sequence)
    {
        if (Sequence is null || sequence > Sequence)
        {
            Sequence = sequence;
        }
    }

    private void ForgetSession()
    {
        SessionId = null;
        Sequence = null;
        ResumeUrl = null;
        resumeFailures = 0;
    }

    /// <summary>Decides what follows a connection; false stops the shard.</summary>
    private async Task<bool> AfterConnectionAsync(ConnectionEnd end, bool resumed, CancellationToken cancellationToken)
    {
        Log.ConnectionEnded(logger, ShardId, end.Kind, end.CloseCode, end.Reason);
        if (end.Kind == ConnectionEndKind.Closed && end.CloseCode is { } code && GatewayCloseCodes.Fatal(code) is { } fatal)
        {
            Log.Fatal(logger, ShardId, fatal);
            settings.Status.ReportFatal(fatal);
            return false;
        }

        if (!end.Healthy)
        {
            failures++;
            if (resumed)
            {
                resumeFailures++;
            }
        }

        var wait = TimeSpan.Zero;
        switch (end.Kind)
        {
            case ConnectionEndKind.InvalidSession:
                ForgetSession();
                wait = TimeSpan.FromSeconds(1 + (4 * settings.Random()));
                break;
            case ConnectionEndKind.Closed when end.CloseCode is { } closeCode && GatewayCloseCodes.EndsSession(closeCode):
                ForgetSession();
                break;
            default:
                break;
        }

        if (failures > 1)
        {
            // Repeated failures back off exponentially (with jitter): re-identifying in a tight loop burns the identify budget.
            var backoff = TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));
            wait = wait > backoff ? wait : backoff * (0.5 + (settings.Random() / 2));
        }

        if (wait > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(wait, settings.Time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }

    private static Uri Connect(Uri baseUrl)
    {
        var builder = new UriBuilder(baseUrl) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }

    internal static partial class Log
    {
        [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Discord shard {Shard}: connection failed")]
        public static partial void ConnectionFailed(ILogger logger, int shard, Exception exception);

        [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Discord shard {Shard}: connection ended ({Kind}, close code {Code}, {Reason})")]
        public static partial void ConnectionEnded(ILogger logger, int shard, ConnectionEndKind kind, int? code, string? reason);

        [LoggerMessage(EventId = 702, Level = LogLevel.Critical, Message = "Discord shard {Shard}: {Reason}")]
        public static partial void Fatal(ILogger logger, int shard, string reason);

        [LoggerMessage(EventId = 703, Level = LogLevel.Warning, Message = "Discord shard {Shard}: no heartbeat ACK; closing the zombie connection to resume")]
        public static partial void Zombie(ILogger logger, int shard);

        [LoggerMessage(EventId = 704, Level = LogLevel.Information, Message = "Discord shard {Shard}: ready (session established)")]
        public static partial void Ready(ILogger logger, int shard);

        [LoggerMessage(EventId = 705, Level = LogLevel.Information, Message = "Discord shard {Shard}: resumed")]
        public static partial void Resumed(ILogger logger, int shard);

        [LoggerMessage(EventId = 706, Level = LogLevel.Warning, Message = "Discord shard {Shard}: identify budget spent or spaced; waiting {Seconds:0.#} s")]
        public static partial void IdentifyWait(ILogger logger, int shard, double seconds);

        [LoggerMessage(EventId = 707, Level = LogLevel.Error, Message = "Discord shard {Shard}: a gateway payload of {Bytes} bytes exceeds 4096 and was not sent")]
        public static partial void PayloadTooLarge(ILogger logger, int shard, int bytes);

        [LoggerMessage(EventId = 708, Level = LogLevel.Warning, Message = "Discord shard {Shard}: a dispatch could not be handled")]
        public static partial void DispatchFailed(ILogger logger, int shard, Exception exception);
    }
}
