namespace UpdateBot.Cli;

/// <summary>A mistake on the command line or in configuration: printed as one line, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
