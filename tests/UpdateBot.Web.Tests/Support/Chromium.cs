using System.Diagnostics;

namespace UpdateBot.Web.Tests.Support;

/// <summary>Debian's chromium, driven headless from the command line (UPDATEBOT_CHROMIUM, else chromium on PATH).</summary>
public static class Chromium
{
    public const string Variable = "UPDATEBOT_CHROMIUM";

    public static string? Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return File.Exists(configured) ? configured : null;
            }

            return (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => System.IO.Path.Combine(dir, "chromium"))
                .FirstOrDefault(File.Exists);
        }
    }

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a browser test is skipped: only locally, only when no chromium is found. In CI it must run.</summary>
    public static string? SkipReason =>
        Path is null && !InCi
            ? $"chromium not found (set {Variable} or install Debian's chromium: `source .ci/chromium.sh`); CI=true makes this a failure"
            : null;

    public static async Task<string> RunAsync(string userDataDir, params string[] arguments)
    {
        var path = Path ?? throw new InvalidOperationException($"chromium is required here (CI=true) but was not found; set {Variable} or run .ci/chromium.sh.");
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={userDataDir}",
                 }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 90 s: " + await stderr);
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"chromium exited with {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }
}
