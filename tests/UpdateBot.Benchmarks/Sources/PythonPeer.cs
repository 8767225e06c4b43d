using System.Diagnostics;
using System.Globalization;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// python3-feedparser in a child process that parses a named set of files once per request and answers with its own
/// timing of that pass (wall clock and process CPU, measured inside python around feedparser.parse only).
/// </summary>
internal sealed class PythonPeer : IDisposable
{
    private const string Script = """
        import sys, time
        import feedparser
        def load(path):
            return [open(p.strip(), 'rb').read() for p in open(path, encoding='utf-8') if p.strip()]
        sets = {'small': load(sys.argv[1]), 'large': load(sys.argv[2])}
        for data in sets.values():
            for d in data: feedparser.parse(d)
        print('ready', flush=True)
        for line in sys.stdin:
            data = sets[line.strip()]
            c = time.process_time()
            t = time.perf_counter()
            for d in data: feedparser.parse(d)
            print('%.3f %.3f' % ((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000), flush=True)
        """;

    private readonly Process process;
    private bool disposed;

    private PythonPeer(Process process) => this.process = process;

    public static PythonPeer? Start(List<string> small, List<string> large, string work)
    {
        var script = Path.Combine(work, "peer.py");
        var smallList = Path.Combine(work, "small.txt");
        var largeList = Path.Combine(work, "large.txt");
        File.WriteAllText(script, Script);
        File.WriteAllLines(smallList, small);
        File.WriteAllLines(largeList, large);
        Process? process = null;
        try
        {
            var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            process = Process.Start(new ProcessStartInfo(python, [script, smallList, largeList])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            if (process.StandardOutput.ReadLine() == "ready")
            {
                return new PythonPeer(process);
            }

            var error = process.StandardError.ReadToEnd();
            if (!error.Contains("No module named 'feedparser'", StringComparison.Ordinal))
            {
                Console.WriteLine("python3-feedparser failed: " + error.Split('\n').LastOrDefault(l => l.Length > 0));
            }

            process.Dispose();
            return null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            process?.Dispose();
            return null;
        }
    }

    /// <summary>One pass over the named set ("small" or "large"): python's own (wall ms, CPU ms).</summary>
    public (double Wall, double Cpu)? Round(string set)
    {
        process.StandardInput.WriteLine(set);
        process.StandardInput.Flush();
        var parts = process.StandardOutput.ReadLine()?.Split(' ');
        return parts is { Length: 2 }
            ? (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture))
            : null;
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            process.StandardInput.Close();
            process.WaitForExit(5000);
        }
        finally
        {
            process.Dispose();
        }
    }
}
