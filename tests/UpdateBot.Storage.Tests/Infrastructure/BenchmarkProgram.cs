using System.Diagnostics;
using System.Reflection;

namespace UpdateBot.Storage.Tests.Infrastructure;

/// <summary>Runs the built benchmark program (the real bot processes behind the crash tests) and returns its output.</summary>
internal static class BenchmarkProgram
{
    public static async Task<string> RunAsync(TimeSpan timeout, params string[] args)
    {
        var assembly = typeof(BenchmarkProgram).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BenchmarksAssembly").Value!;
        Assert.True(File.Exists(assembly), $"the benchmark program is not built at {assembly}");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(assembly);
        foreach (var argument in args)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return await stdout + "\n" + await stderr;
    }
}
