namespace UpdateBot.Web.StatusPage;

internal enum SourceHealth
{
    /// <summary>The last read succeeded.</summary>
    Ok,

    /// <summary>One or more reads in a row failed.</summary>
    Failing,

    /// <summary>Configured but not read successfully yet.</summary>
    Waiting,
}
