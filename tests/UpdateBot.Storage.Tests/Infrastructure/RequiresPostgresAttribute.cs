namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>Marks a test class that needs the real PostgreSQL named by UPDATEBOT_TEST_POSTGRES.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;
