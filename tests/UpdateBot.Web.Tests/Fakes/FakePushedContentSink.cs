using System.Threading.Channels;
using UpdateBot.Core.Operations;

namespace UpdateBot.Web.Tests.Fakes;

public sealed class FakePushedContentSink : IPushedContentSink
{
    public Channel<PushedContent> Received { get; } = Channel.CreateUnbounded<PushedContent>();

    public Task AcceptAsync(PushedContent content, CancellationToken cancellationToken) =>
        Received.Writer.WriteAsync(content, cancellationToken).AsTask();
}
