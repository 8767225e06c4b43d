namespace UpdateBot.StandIns.Discord;

/// <summary>A gateway session of the stand-in: its dispatches, kept for replay on Resume.</summary>
internal sealed class GatewaySession(string id, int shard)
{
    public string Id { get; } = id;

    public int Shard { get; } = shard;

    public long Sequence { get; set; }

    public List<(long Sequence, string Json)> Events { get; } = [];

    public bool Valid { get; set; } = true;
}
