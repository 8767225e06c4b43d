namespace UpdateBot.Core.Commands;

public enum OptionType
{
    Text,
    Integer,
    Number,
    Boolean,
}
