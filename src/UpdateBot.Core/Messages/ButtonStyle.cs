namespace UpdateBot.Core.Messages;

public enum ButtonStyle
{
    Primary,
    Secondary,
    Danger,
}
