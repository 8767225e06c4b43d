using UpdateBot.Core.Sources;
using UpdateBot.Core.Storage;

namespace UpdateBot.Web.Tests.Fakes;

public sealed class FakeSourceStateStore : ISourceStateStore
{
    public Dictionary<string, SourceState> States { get; } = [];

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
