using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Serilog;

namespace UpdateBot.Web.Tests;

public sealed class LoggingSnippetTests
{
    [Fact]
    public void The_shipped_CLEF_snippet_writes_compact_json_lines_to_the_file_sink()
    {
        var snippet = Path.Combine(RepositoryRoot(), "deploy", "serilog.clef.example.json");
        var directory = Directory.CreateTempSubdirectory("updatebot-log-");
        try
        {
            var path = Path.Combine(directory.FullName, "updatebot.clef");
            var configuration = new ConfigurationBuilder()
                .AddJsonFile(snippet)
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Serilog:WriteTo:1:Args:path"] = path,
                    ["Serilog:WriteTo:1:Args:rollingInterval"] = "Infinite",
                })
                .Build();
            using (var logger = new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger())
            {
                logger.Information("Delivered {EntryId} of {Source} to {Destination}", "p-1", "guardian", "telegram:7");
                logger.Debug("Not at the default level");
            }

            var line = Assert.Single(File.ReadAllLines(path));
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.True(root.TryGetProperty("@t", out _));
            Assert.Equal("Delivered {EntryId} of {Source} to {Destination}", root.GetProperty("@mt").GetString());
            Assert.Equal("p-1", root.GetProperty("EntryId").GetString());
            Assert.Equal("telegram:7", root.GetProperty("Destination").GetString());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "UpdateBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("UpdateBot.sln not found above the test's directory.");
    }
}
