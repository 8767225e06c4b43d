namespace UpdateBot.Core.Messages;

/// <summary>A paragraph of inline runs; adapters separate paragraphs with a blank line.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Runs)
{
    public static Paragraph Of(string text, TextStyle style = TextStyle.Plain) => new([new TextRun(text, style)]);

    public static Paragraph Of(params Inline[] runs) => new(runs);

    /// <summary>The paragraph's visible text.</summary>
    public string PlainText => string.Concat(Runs.Select(r => r.Text));
}
