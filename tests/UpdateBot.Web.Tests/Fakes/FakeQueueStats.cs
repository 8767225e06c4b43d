using UpdateBot.Core.Operations;

namespace UpdateBot.Web.Tests.Fakes;

public sealed class FakeQueueStats : IQueueStats
{
    public List<PlatformQueueStats> Rows { get; } = [];

    public Task<IReadOnlyList<PlatformQueueStats>> GetAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PlatformQueueStats>>(Rows.ToList());
}
