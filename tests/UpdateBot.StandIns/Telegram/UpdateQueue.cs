using System.Text.Json.Nodes;

namespace UpdateBot.StandIns.Telegram;

/// <summary>
/// Pending updates with getUpdates semantics: an update is confirmed (dropped) once a call sends offset &gt; its id;
/// a negative offset keeps only the last -offset; a long poll returns as soon as something arrives; a second
/// concurrent getUpdates ends the first with 409; allowed_updates, when omitted, keeps the previous filter.
/// </summary>
internal sealed class UpdateQueue(TimeProvider time)
{
    private static readonly string[] NotByDefault = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly List<JsonObject> pending = [];
    private readonly Lock gate = new();
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? currentPoll;
    private HashSet<string>? allowed;
    private int nextId = 1;

    public int Conflicts { get; private set; }

    public int Polls { get; private set; }

    public int PendingCount
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public int Add(JsonObject update)
    {
        lock (gate)
        {
            var id = nextId++;
            update["update_id"] = id;
            pending.Add(update);
            arrived.TrySetResult();
            arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return id;
        }
    }

    /// <summary>Returns the updates, or null when a newer getUpdates took over (answer 409).</summary>
    public async Task<JsonArray?> GetAsync(long? offset, int limit, int timeoutSeconds, JsonNode? allowedUpdates, CancellationToken aborted)
    {
        CancellationTokenSource mine;
        lock (gate)
        {
            Polls++;
            if (offset is > 0)
            {
                pending.RemoveAll(u => (int)u["update_id"]! < offset);
            }
            else if (offset is < 0)
            {
                var keep = (int)Math.Min(pending.Count, -offset.Value);
                pending.RemoveRange(0, pending.Count - keep);
            }

            if (allowedUpdates is JsonArray list)
            {
                allowed = list.Count == 0 ? null : list.Select(n => (string?)n).OfType<string>().ToHashSet(StringComparer.Ordinal);
            }

            if (currentPoll is not null)
            {
                Conflicts++;
                currentPoll.Cancel();
            }

            mine = currentPoll = new CancellationTokenSource();
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(mine.Token, aborted);
        var deadline = time.GetUtcNow().AddSeconds(timeoutSeconds);
        try
        {
            while (true)
            {
                Task signal;
                lock (gate)
                {
                    if (mine.IsCancellationRequested)
                    {
                        return null;
                    }

                    pending.RemoveAll(u => !Wanted(u));
                    if (pending.Count > 0 || time.GetUtcNow() >= deadline)
                    {
                        return new JsonArray(pending.Take(limit).Select(u => u.DeepClone()).ToArray());
                    }

                    signal = arrived.Task;
                }

                var wait = deadline - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.WhenAny(signal, Task.Delay(wait, time, linked.Token)).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                if (mine.IsCancellationRequested)
                {
                    return null;
                }

                aborted.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            lock (gate)
            {
                if (ReferenceEquals(currentPoll, mine))
                {
                    currentPoll = null;
                }
            }

            mine.Dispose();
        }
    }

    private bool Wanted(JsonObject update)
    {
        var kind = update.Select(p => p.Key).FirstOrDefault(k => k != "update_id") ?? "";
        return allowed is null ? !NotByDefault.Contains(kind) : allowed.Contains(kind);
    }
}
