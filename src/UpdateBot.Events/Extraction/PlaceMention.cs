namespace UpdateBot.Events.Extraction;

/// <summary>A place named in text: the gazetteer row, and where and how it was written.</summary>
internal sealed record PlaceMention(int PlaceIndex, int Index, int Length, string Text);
