using System.Diagnostics.Metrics;

namespace UpdateBot.Web.Metrics;

/// <summary>Running totals of one instrument, per distinct tag set (one Prometheus series each).</summary>
internal sealed class InstrumentAggregate(Instrument instrument)
{
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
    private static readonly double[] DefaultBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

    private readonly Lock gate = new();
    private readonly Dictionary<string, Series> series = new(StringComparer.Ordinal);
    private readonly double[] buckets = instrument.Unit == "s" ? SecondsBuckets : DefaultBuckets;

    public Instrument Instrument => instrument;

    private bool IsHistogram => instrument.GetType().IsGenericType && instrument.GetType().GetGenericTypeDefinition() == typeof(Histogram<>);

    /// <summary>Observable instruments report their current (cumulative or gauge) value: it replaces the last one.</summary>
    private bool ReplacesValue => instrument.IsObservable;

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var tag in tags)
        {
            labels.Add(new(PrometheusText.LabelName(tag.Key), Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = string.Join('\u001f', labels.Select(l => l.Key + "\u001e" + l.Value));
        lock (gate)
        {
            if (!series.TryGetValue(key, out var current))
            {
                current = new Series(labels, IsHistogram ? new long[buckets.Length] : null);
                series[key] = current;
            }

            if (current.Buckets is { } counts)
            {
                for (var i = 0; i < buckets.Length; i++)
                {
                    if (value <= buckets[i])
                    {
                        counts[i]++;
                    }
                }

                current.Count++;
                current.Sum += value;
            }
            else if (ReplacesValue)
            {
                current.Sum = value;
            }
            else
            {
                current.Sum += value;
            }
        }
    }

    public MetricFamily? ToFamily()
    {
        var type = instrument switch
        {
            _ when IsHistogram => "histogram",
            Counter<long> or Counter<int> or Counter<double> => "counter",
            ObservableCounter<long> or ObservableCounter<int> or ObservableCounter<double> => "counter",
            _ => "gauge",
        };
        var name = PrometheusText.MetricName(instrument.Name.Replace('.', '_'));
        if (instrument.Unit == "s" && !name.EndsWith("_seconds", StringComparison.Ordinal))
        {
            name += "_seconds";
        }

        if (type == "counter" && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        var samples = new List<MetricSample>();
        lock (gate)
        {
            foreach (var current in series.Values.OrderBy(s => string.Join(',', s.Labels), StringComparer.Ordinal))
            {
                if (current.Buckets is { } counts)
                {
                    for (var i = 0; i < buckets.Length; i++)
                    {
                        samples.Add(new(name + "_bucket", [.. current.Labels, new("le", PrometheusText.FormatValue(buckets[i]))], counts[i]));
                    }

                    samples.Add(new(name + "_bucket", [.. current.Labels, new("le", "+Inf")], current.Count));
                    samples.Add(new(name + "_sum", current.Labels, current.Sum));
                    samples.Add(new(name + "_count", current.Labels, current.Count));
                }
                else
                {
                    samples.Add(new(name, current.Labels, current.Sum));
                }
            }
        }

        return samples.Count == 0 ? null : new MetricFamily(name, type, instrument.Description ?? instrument.Name, samples);
    }

    private sealed class Series(List<KeyValuePair<string, string>> labels, long[]? buckets)
    {
        public List<KeyValuePair<string, string>> Labels { get; } = labels;

        public long[]? Buckets { get; } = buckets;

        public double Sum { get; set; }

        public long Count { get; set; }
    }
}
