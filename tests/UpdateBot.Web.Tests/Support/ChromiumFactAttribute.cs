namespace UpdateBot.Web.Tests.Support;

/// <summary>A fact that needs chromium: skipped locally (with the reason) when it is missing, run (and failing) in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
