namespace UpdateBot.Telegram;

/// <summary>
/// Remembers, per idempotency key, the message ids already sent for a job. When the delivery engine retries a job
/// after part 2 of 3 was refused, parts already delivered are not sent twice; a job retried after it fully succeeded
/// returns the same ids. Bounded: the oldest keys are forgotten first.
/// </summary>
internal sealed class SentPartsCache(int capacity = 10_000)
{
    private readonly Dictionary<string, (List<string> Ids, bool Complete)> entries = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Lock gate = new();

    public (IReadOnlyList<string> Ids, bool Complete) Get(string key)
    {
        lock (gate)
        {
            return entries.TryGetValue(key, out var entry) ? (entry.Ids.ToList(), entry.Complete) : ([], false);
        }
    }

    public void Save(string key, IReadOnlyList<string> ids, bool complete)
    {
        if (string.IsNullOrEmpty(key) || ids.Count == 0)
        {
            return;
        }

        lock (gate)
        {
            if (!entries.ContainsKey(key))
            {
                order.Enqueue(key);
                while (order.Count > capacity)
                {
                    entries.Remove(order.Dequeue());
                }
            }

            entries[key] = (ids.ToList(), complete);
        }
    }
}
