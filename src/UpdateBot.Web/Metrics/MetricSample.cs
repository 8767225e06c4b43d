namespace UpdateBot.Web.Metrics;

/// <summary>One line of Prometheus text: a full metric name (with any _bucket/_sum/_count suffix), labels and a value.</summary>
internal sealed record MetricSample(string Name, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value);
