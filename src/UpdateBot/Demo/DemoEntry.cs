namespace UpdateBot.Demo;

/// <summary>One entry of the demo live blog: its paragraphs.</summary>
internal sealed record DemoEntry(params string[] Paragraphs);
