using Microsoft.Extensions.Options;

namespace UpdateBot.Storage;

/// <summary>Names the configuration key at fault, in one line.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.TryParse<StorageProvider>(options.Provider, ignoreCase: true, out var provider) || !Enum.IsDefined(provider)
            || int.TryParse(options.Provider, out _))
        {
            return ValidateOptionsResult.Fail(BadProvider(options.Provider));
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail($"{StorageOptions.SectionName}:ConnectionString is required.")
            : ValidateOptionsResult.Success;
    }

    internal static string BadProvider(string? value) =>
        $"{StorageOptions.SectionName}:Provider '{value}' is not supported: use 'Sqlite' or 'PostgreSql'.";
}
