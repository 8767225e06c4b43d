namespace UpdateBot.Events.Places;

/// <summary>Splits one CSV line (RFC 4180 quoting, no embedded line breaks) into field ranges.</summary>
internal static class CsvFields
{
    public static int Split(string line, Span<Range> fields, List<string> unquoted)
    {
        unquoted.Clear();
        var count = 0;
        var i = 0;
        while (count < fields.Length)
        {
            if (i < line.Length && line[i] == '"')
            {
                var sb = new System.Text.StringBuilder();
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(line[i++]);
                }

                // A quoted field is marked as from-end: its value is the 1-based index into 'unquoted'.
                unquoted.Add(sb.ToString());
                fields[count++] = new Range(^unquoted.Count, ^unquoted.Count);
            }
            else
            {
                var start = i;
                while (i < line.Length && line[i] != ',')
                {
                    i++;
                }

                fields[count++] = new Range(start, i);
            }

            if (i >= line.Length)
            {
                break;
            }

            i++; // the comma
        }

        return count;
    }

    public static ReadOnlySpan<char> Get(string line, Range field, List<string> unquoted)
    {
        if (field.Start.IsFromEnd)
        {
            return unquoted[field.Start.Value - 1].AsSpan();
        }

        return line.AsSpan(field);
    }
}
