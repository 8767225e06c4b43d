using UpdateBot.Core.Sources;

namespace UpdateBot.Core.Storage;

public interface ISourceStateStore
{
    Task<SourceState?> GetAsync(string sourceName, CancellationToken cancellationToken);

    Task SaveAsync(SourceState state, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceState>> GetAllAsync(CancellationToken cancellationToken);
}
