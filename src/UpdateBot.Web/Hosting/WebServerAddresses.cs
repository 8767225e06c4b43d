namespace UpdateBot.Web.Hosting;

/// <summary>The addresses the web endpoint actually listens on (port 0 resolved), once it has started.</summary>
public sealed class WebServerAddresses
{
    private volatile IReadOnlyList<string> addresses = [];

    public IReadOnlyList<string> Addresses => addresses;

    /// <summary>The first address, for building absolute URLs in tests and logs; throws before the server started.</summary>
    public Uri First => addresses.Count > 0 ? new Uri(addresses[0]) : throw new InvalidOperationException("The web endpoint has not started.");

    internal void Set(IEnumerable<string> values) => addresses = values.ToList();
}
