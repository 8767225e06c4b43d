using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;

namespace UpdateBot.TestFakes;

/// <summary>A hand-written fake of the core's source state store (needed by /status).</summary>
public sealed class InMemorySourceStateStore : ISourceStateStore
{
    private readonly Dictionary<string, SourceState> states = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    public Task<SourceState?> GetAsync(string sourceName, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(states.GetValueOrDefault(sourceName));
        }
    }

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        lock (gate)
        {
            states[state.SourceName] = state;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SourceState>> GetAllAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<SourceState>>(states.Values.ToList());
        }
    }
}
