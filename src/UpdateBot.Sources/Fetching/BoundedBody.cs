using System.Buffers;

namespace UpdateBot.Sources.Fetching;

/// <summary>Reads a stream into memory, failing as soon as it passes the cap (so a 50 MB body or a gzip bomb never fills memory).</summary>
internal static class BoundedBody
{
    public static async Task<byte[]> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            using var memory = new MemoryStream();
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(0, buffer.Length), cancellationToken);
                if (read == 0)
                {
                    return memory.ToArray();
                }

                if (memory.Length + read > maxBytes)
                {
                    throw new BodyTooLargeException($"body larger than {Describe(maxBytes)}");
                }

                memory.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static string Describe(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
