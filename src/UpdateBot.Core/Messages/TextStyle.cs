namespace UpdateBot.Core.Messages;

[Flags]
public enum TextStyle
{
    Plain = 0,
    Bold = 1,
    Italic = 2,
    Code = 4,
    Strike = 8,
}
