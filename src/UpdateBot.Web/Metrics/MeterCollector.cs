using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using UpdateBot.Core.Operations;

namespace UpdateBot.Web.Metrics;

/// <summary>
/// Listens to the <see cref="UpdateBotMetrics.MeterName"/> meter of this host's meter factory (so several hosts in
/// one process never mix their numbers) and keeps cumulative totals for /metrics.
/// </summary>
internal sealed class MeterCollector : IDisposable
{
    private readonly MeterListener listener;
    private readonly ConcurrentDictionary<Instrument, InstrumentAggregate> aggregates = new();

    public MeterCollector(IMeterFactory meterFactory)
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == UpdateBotMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    aggregates.TryAdd(instrument, new InstrumentAggregate(instrument));
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    public IReadOnlyList<MetricFamily> Collect()
    {
        listener.RecordObservableInstruments();
        return aggregates.Values
            .Select(a => a.ToFamily())
            .OfType<MetricFamily>()
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (aggregates.TryGetValue(instrument, out var aggregate))
        {
            aggregate.Record(value, tags);
        }
    }
}
