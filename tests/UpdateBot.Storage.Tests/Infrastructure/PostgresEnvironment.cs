namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>
/// Where the PostgreSQL tests find their server. In CI (CI=true) a missing server is an error, never a silent skip;
/// on a developer's machine the tests are skipped with the reason shown.
/// </summary>
public static class PostgresEnvironment
{
    public const string Variable = "UPDATEBOT_TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason =>
        ConnectionString is null && !IsCi
            ? $"{Variable} is not set: PostgreSQL tests skipped (run `eval \"$(.ci/postgres.sh)\"` to run them; they fail when CI=true)."
            : null;

    public static string RequireConnectionString() =>
        ConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set but CI=true: the PostgreSQL tests must run in CI. Start PostgreSQL with .ci/postgres.sh.");
}
