using UpdateBot.Core.Operations;

namespace UpdateBot.Web.Tests.Fakes;

public sealed class FakePlatformStatus(string platform, bool connected, string? detail = null) : IPlatformStatus
{
    public string Platform => platform;

    public bool IsConnected { get; set; } = connected;

    public string? Detail => detail;
}
