using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AgentMemory.Telemetry;
using AgentMemory.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Fact]
    public async Task MeterAndActivitySource_FireForFormationRecallEvictionExpiryAndBlocking()
    {
        var measurements = new ConcurrentDictionary<string, double>();
        var spans = new ConcurrentBag<string>();
        AgentMemoryInstrumentation? mine = null; // other tests run in parallel with their own instruments of the same name
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AgentMemoryTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((i, value, _, _) =>
        {
            if (ReferenceEquals(i.Meter, mine?.Meter))
            {
                measurements.AddOrUpdate(i.Name, value, (_, old) => old + value);
            }
        });
        meterListener.SetMeasurementEventCallback<double>((i, value, _, _) =>
        {
            if (ReferenceEquals(i.Meter, mine?.Meter))
            {
                measurements.AddOrUpdate(i.Name, value, (_, old) => old + value);
            }
        });
        meterListener.Start();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AgentMemoryTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (ReferenceEquals(a.Source, mine?.ActivitySource))
                {
                    spans.Add(a.OperationName);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);

        using var host = new MemoryTestHost(o =>
        {
            o.Formation.Mode = FormationMode.Background;
            o.Formation.MemoryBudget = 2;
            o.Formation.DefaultTimeToLive[MemoryKind.Procedural] = TimeSpan.FromHours(1);
        });
        mine = host.Provider.GetRequiredService<AgentMemoryInstrumentation>();
        var alice = MemoryTestHost.Alice;
        await host.Memory.RememberAsync(alice, [MemoryTestHost.User("I'm vegetarian. From now on, answer in bullet points.")]);
        await host.Memory.FlushAsync();
        await host.Memory.RecallAsync(new RecallRequest { Scope = alice, Query = "vegetarian" });
        host.Clock.Advance(TimeSpan.FromHours(2));
        await host.Pump.SweepExpiredAsync();
        await host.Store.QuarantineAsync(new QuarantinedMemory { Id = Guid.NewGuid(), Scope = alice, Text = "x", Provenance = MemoryProvenance.FromUser, Reason = "test", At = host.Clock.GetUtcNow() });
        meterListener.RecordObservableInstruments();

        measurements.Keys.Should().Contain([
            AgentMemoryTelemetry.FormationDuration,
            AgentMemoryTelemetry.RecallDuration,
            AgentMemoryTelemetry.QueueDepth,
            AgentMemoryTelemetry.QueueAge,
            AgentMemoryTelemetry.MemoriesCreated,
            AgentMemoryTelemetry.MemoriesEvicted,
            AgentMemoryTelemetry.MemoriesExpired,
        ]);
        measurements[AgentMemoryTelemetry.MemoriesCreated].Should().Be(3);
        measurements[AgentMemoryTelemetry.MemoriesEvicted].Should().Be(1);
        spans.Should().Contain(["agentmemory.remember", "agentmemory.formation", "agentmemory.extract", "agentmemory.embed", "agentmemory.reconcile", "agentmemory.recall", "add", "search", "enqueue", "claim"]);
    }

    [Fact]
    public async Task QueueGauges_ReportTheDepthAndTheOldestJobsAgeTheFormationPumpLastObserved()
    {
        var gauges = new ConcurrentDictionary<string, double>();
        using var host = new MemoryTestHost(o =>
        {
            o.Formation.Mode = FormationMode.Background;
            o.Formation.RunHostedWorker = false;
            o.Formation.BatchSize = 1;
        });
        var mine = host.Provider.GetRequiredService<AgentMemoryInstrumentation>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, mine.Meter) && instrument.Name is AgentMemoryTelemetry.QueueDepth or AgentMemoryTelemetry.QueueAge)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((i, value, _, _) => gauges[i.Name] = value);
        meterListener.SetMeasurementEventCallback<double>((i, value, _, _) => gauges[i.Name] = value);
        meterListener.Start();

        meterListener.RecordObservableInstruments();
        gauges.Should().BeEmpty("nothing is reported before the pump first looks at the queue");

        await host.Memory.RememberAsync(MemoryTestHost.Alice, [MemoryTestHost.User("I'm vegetarian.")]);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.Memory.RememberAsync(MemoryTestHost.Alice, [MemoryTestHost.User("I live in Paris.")]);
        host.Clock.Advance(TimeSpan.FromMinutes(4));
        await host.Pump.RunOnceAsync(); // observes 2 queued jobs, the oldest enqueued 5 minutes ago, then forms one
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        meterListener.RecordObservableInstruments();

        gauges[AgentMemoryTelemetry.QueueDepth].Should().Be(2);
        gauges[AgentMemoryTelemetry.QueueAge].Should().BeApproximately(360, 1, "the age is computed at observation from the oldest job's enqueue time");

        await host.Pump.RunOnceAsync(); // observes the one job left, enqueued 5 minutes ago
        meterListener.RecordObservableInstruments();

        gauges[AgentMemoryTelemetry.QueueDepth].Should().Be(1);
        gauges[AgentMemoryTelemetry.QueueAge].Should().BeApproximately(300, 1);
    }

    [Fact]
    public void BlockedCounter_CarriesTheReasonCategoryAndGuard()
    {
        var tags = new ConcurrentBag<KeyValuePair<string, object?>[]>();
        using var instrumentation = new AgentMemoryInstrumentation();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, instrumentation.Meter) && instrument.Name == AgentMemoryTelemetry.MemoriesBlocked)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((_, _, t, _) => tags.Add(t.ToArray()));
        meterListener.Start();

        instrumentation.RecordBlocked("poisoning:exfiltration", "PoisoningGuard");
        instrumentation.RecordBlocked("pii:card", "PiiGuard");
        instrumentation.RecordBlocked("a free-text reason: with a colon far beyond a category's length", "CustomGuard");
        instrumentation.RecordBlocked(null, "CustomGuard");

        tags.Select(t => t.Single(p => p.Key == AgentMemoryTelemetry.BlockReasonAttribute).Value).Should().BeEquivalentTo(["poisoning", "pii", "other", "other"]);
        tags.Select(t => t.Single(p => p.Key == AgentMemoryTelemetry.GuardAttribute).Value).Should().Contain("PoisoningGuard");
    }
}
