using Xunit.Abstractions;
using Xunit.Sdk;

namespace UpdateBot.Storage.Tests.Infrastructure;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        var needsPostgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute).AssemblyQualifiedName).Any();
        if (needsPostgres && PostgresEnvironment.SkipReason is { } reason)
        {
            return
            [
                new XunitSkippedDataRowTestCase(
                    DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason),
            ];
        }

        return base.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
