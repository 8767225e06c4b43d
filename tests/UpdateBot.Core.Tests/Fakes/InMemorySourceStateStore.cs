using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;

namespace UpdateBot.Core.Tests.Fakes;

internal sealed class InMemorySourceStateStore : ISourceStateStore
{
    public Dictionary<string, SourceState> States { get; } = new(StringComparer.Ordinal);

    public Task<SourceState?> GetAsync(string sourceName, CancellationToken cancellationToken) =>
        Task.FromResult(States.GetValueOrDefault(sourceName));

    public Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        States[state.SourceName] = state;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SourceState>> GetAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SourceState>>(States.Values.ToList());
}
