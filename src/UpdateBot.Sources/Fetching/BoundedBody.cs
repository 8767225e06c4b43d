namespace UpdateBot.Sources.Fetching;

/// <summary>
/// Reads a stream into a pooled buffer, failing as soon as it passes the cap (so a 50 MB body or a gzip bomb never
/// fills memory). With the expected length (Content-Length, a file's size) one buffer of that size is rented up front.
/// </summary>
internal static class BoundedBody
{
    private const int DefaultCapacity = 64 * 1024;

    public static async Task<PooledBody> ReadAsync(Stream stream, long maxBytes, long? expectedLength, CancellationToken cancellationToken)
    {
        // One byte more than expected, so the end of the stream is seen without growing the buffer.
        var capacity = expectedLength is { } expected and >= 0 && expected < maxBytes ? (int)expected + 1 : (int)Math.Min(DefaultCapacity, maxBytes + 1);
        var body = new PooledBody(capacity);
        try
        {
            while (true)
            {
                var free = body.Free();
                var room = (int)Math.Min(free.Length, maxBytes + 1 - body.Length);
                var read = await stream.ReadAsync(free[..room], cancellationToken);
                if (read == 0)
                {
                    return body;
                }

                body.Advance(read);
                if (body.Length > maxBytes)
                {
                    throw new BodyTooLargeException($"body larger than {Describe(maxBytes)}");
                }
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
