using System.Buffers;

namespace UpdateBot.Sources.Fetching;

/// <summary>A body read into a buffer rented from the shared pool; disposing returns the buffer.</summary>
internal sealed class PooledBody : IDisposable
{
    private byte[] buffer;

    public PooledBody(int capacity) => buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 4096));

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, Length);

    /// <summary>Room for the next read, growing (by doubling) when the buffer is full.</summary>
    public Memory<byte> Free()
    {
        if (Length == buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
            buffer.AsSpan(0, Length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }

        return buffer.AsMemory(Length);
    }

    public void Advance(int count) => Length += count;

    /// <summary>The bytes as a read-only stream (valid until disposed).</summary>
    public Stream AsStream() => new MemoryStream(buffer, 0, Length, writable: false);

    public void Dispose()
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
            Length = 0;
        }
    }
}
