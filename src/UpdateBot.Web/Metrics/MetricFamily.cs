namespace UpdateBot.Web.Metrics;

/// <summary>A Prometheus metric family: name, TYPE (counter, gauge, histogram), HELP text and its samples.</summary>
internal sealed record MetricFamily(string Name, string Type, string Help, IReadOnlyList<MetricSample> Samples);
