using Xunit.Sdk;

namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>A fact of the shared store suite: skipped (locally only) on classes that need an absent PostgreSQL.</summary>
[XunitTestCaseDiscoverer("UpdateBot.Storage.Tests.Infrastructure.StoreFactDiscoverer", "UpdateBot.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
