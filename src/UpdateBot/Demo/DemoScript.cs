namespace UpdateBot.Demo;

/// <summary>
/// The demo live blog's entries, oldest first: a day of local organising, written for this project. Each entry is
/// revealed in turn, stamped with the time it appears, so a newcomer sees the bot pick them up live.
/// </summary>
internal static class DemoScript
{
    public static IReadOnlyList<DemoEntry> Entries { get; } =
    [
        new("Welcome to our live coverage of today's day of action over the hospital closures. We will post updates, "
            + "statements and meeting details here as they come in. Newest entries are at the top."),
        new("Leeds: there is a rally tonight at 6pm in Millennium Square, called by the health unions. "
            + "Bring placards and friends.",
            "Organisers expect several thousand people; stewards will be in hi-vis."),
        new("A statement from the Royal College of Nursing branch at the Infirmary:",
            "\u201cWe are not asking for favours. We are asking for a hospital that can treat the people of this city.\u201d"),
        new("Update from Manchester: a public meeting tomorrow at 7pm in the Friends Meeting House will plan the next steps of the campaign."),
        new("Photos from the picket line at St James's this morning are on the campaign site: https://example.org/photos",
            "Spirits are high despite the rain."),
        new("Newcastle: a vigil for the ward closures will be held at Grey's Monument on Saturday at 12 noon."),
        new("The council leader has agreed to meet campaigners. More when we hear it."),
        new("Bristol: the march on Thursday at 6:30pm will start outside the Council House. Please share widely."),
        new("Correction: the Leeds rally is still at 6pm, but stewards should meet at 5:30pm by the Town Hall steps."),
        new("That is all from us for now. Thank you to everyone who took part today."),
    ];
}
