using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace UpdateBot.Storage.Tests.Sources;

/// <summary>Keeps the event id and text of every log line.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(EventId Id, LogLevel Level, string Message)> Lines { get; } = new();

    public int Count(int eventId) => Lines.Count(l => l.Id.Id == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue((eventId, logLevel, formatter(state, exception)));
    }
}
