using Microsoft.Extensions.Options;

namespace UpdateBot.Storage.Tests.Infrastructure;

public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
