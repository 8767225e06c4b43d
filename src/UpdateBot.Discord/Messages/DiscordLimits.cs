namespace UpdateBot.Discord.Messages;

/// <summary>Discord's documented message limits (UTF-16 units are counted: at least as strict as Discord).</summary>
internal static class DiscordLimits
{
    public const int Content = 2000;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFooter = 2048;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTotal = 6000;
    public const int Nonce = 25;
    public const int CustomId = 100;
    public const int ButtonLabel = 80;
    public const int ButtonsPerRow = 5;
    public const int Rows = 5;
    public const int Choices = 25;
    public const int ChoiceName = 100;
    public const int EphemeralFlag = 64;
}
