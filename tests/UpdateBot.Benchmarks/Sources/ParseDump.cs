using System.Text;
using System.Text.Json;
using UpdateBot.Sources;

namespace UpdateBot.Benchmarks.Sources;

/// <summary>
/// `parse-dump`: writes what the parser reads from each page (kind, format, title, every entry as JSON) to one file per
/// page, with a fixed clock and zone, so two builds can be compared with <c>diff -r</c> over a set of real pages.
/// </summary>
internal static class ParseDump
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: parse-dump <output dir> <dir or file>...");
            return 2;
        }

        var output = args[0];
        Directory.CreateDirectory(output);
        if (PageFiles.From(args.Skip(1)) is not { } files)
        {
            return 2;
        }

        var options = new ParseOptions(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        foreach (var file in files)
        {
            var dump = new StringBuilder();
            try
            {
                var snapshot = FeedParser.Parse(File.ReadAllBytes(file), "text/html", new Uri("https://example.org/page/" + Path.GetFileName(file)), options);
                dump.AppendLine($"kind={snapshot.Kind} format={snapshot.Format} title={snapshot.Title} entries={snapshot.Entries.Count}");
                foreach (var entry in snapshot.Entries)
                {
                    dump.AppendLine(JsonSerializer.Serialize(entry));
                }
            }
#pragma warning disable CA1031 // A page that makes the parser throw is what this tool is for: it is written down.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                dump.AppendLine($"THREW {exception.GetType().Name}: {exception.Message}");
            }

            File.WriteAllText(Path.Combine(output, file.Replace('/', '_') + ".out"), dump.ToString());
        }

        Console.WriteLine($"{files.Count} pages written to {output}");
        return 0;
    }
}
