using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UpdateBot.Telegram.Tests.Support;

/// <summary>Every log line of a test host at every level, with its exception written out in full.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();

    public IReadOnlyList<string> Lines => lines.ToList();

    public string All => string.Join("\n", lines);

    public ILogger CreateLogger(string categoryName) => new Capture(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Capture(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // State values too: a template argument could carry a URL even when the message does not show it.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => p.Key + "=" + p.Value)) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
