namespace UpdateBot.Sources.Html;

/// <summary>What the text extraction needs to know of an element by its name, worked out once when it is created.</summary>
[Flags]
internal enum ElementCategory : byte
{
    None = 0,

    /// <summary>Shown as a block by browsers' default style sheet: its edges break the text.</summary>
    Block = 1,

    /// <summary><c>h1</c> to <c>h6</c>.</summary>
    Heading = 2,

    /// <summary>Content that is not read as text: scripts, styles, metadata, form controls, embedded objects, graphics.</summary>
    NotText = 4,
}
