using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;

namespace UpdateBot.Discord.Tests.Fakes;

/// <summary>A hand-written in-memory source-state store (for /status).</summary>
public sealed class InMemorySourceStateStore : ISourceStateStore
{
    private readonly Dictionary<string, SourceState> states = new(StringComparer.OrdinalIgnoreCase);

    public Task<SourceState?> GetAsync(string sourceName, CancellationToken cancellationToken)
    {
        lock (states)
        {
            return Task.FromResult(states.TryGetValue(sourceName, out var state) ? state : null);
        }
    }

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (states)
        {
            states[state.SourceName] = state;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SourceState>> GetAllAsync(CancellationToken cancellationToken)
    {
        lock (states)
        {
            return Task.FromResult<IReadOnlyList<SourceState>>(states.Values.ToList());
        }
    }
}
