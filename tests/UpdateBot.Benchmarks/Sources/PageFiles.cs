namespace UpdateBot.Benchmarks.Sources;

/// <summary>The pages a verb works on: the files named, and the HTML files under the folders named.</summary>
internal static class PageFiles
{
    /// <summary>The files in order, or null (with the reason written) when a path is neither a file nor a folder.</summary>
    public static List<string>? From(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.htm*", SearchOption.AllDirectories));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                Console.Error.WriteLine($"no such file or folder: {path}");
                return null;
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
