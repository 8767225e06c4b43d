using System.Collections.Concurrent;
using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;

namespace UpdateBot.Sources.Tests.Fakes;

internal sealed class InMemorySourceStates : ISourceStateStore
{
    private readonly ConcurrentDictionary<string, SourceState> states = new(StringComparer.Ordinal);

    public Task<SourceState?> GetAsync(string sourceName, CancellationToken cancellationToken) =>
        Task.FromResult(states.TryGetValue(sourceName, out var state) ? state : null);

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        states[state.SourceName] = state;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SourceState>> GetAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceState>>(states.Values.ToList());

    public SourceState? this[string name] => states.TryGetValue(name, out var s) ? s : null;
}
