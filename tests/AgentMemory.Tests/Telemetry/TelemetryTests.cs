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
        measurements[AgentMemoryTelemetry.QueueDepth].Should().BeGreaterThanOrEqualTo(1);
        spans.Should().Contain(["agentmemory.remember", "agentmemory.formation", "agentmemory.extract", "agentmemory.embed", "agentmemory.reconcile", "agentmemory.recall", "agentmemory.store.add", "agentmemory.store.search", "agentmemory.store.enqueue", "agentmemory.store.claim"]);
    }

    [Fact]
    public async Task BlockedCounter_AndTokenHistogram_Fire()
    {
        var names = new ConcurrentBag<string>();
        using var meterListener = new MeterListener();
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AgentMemoryTelemetry.SourceName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        using var instrumentation = new AgentMemoryInstrumentation();
        meterListener.SetMeasurementEventCallback<long>((i, _, _, _) =>
        {
            if (ReferenceEquals(i.Meter, instrumentation.Meter))
            {
                names.Add(i.Name);
            }
        });
        meterListener.Start();

        instrumentation.Blocked.Add(1);
        instrumentation.RecordTokens("extract", 120, 30);

        names.Should().Contain(AgentMemoryTelemetry.MemoriesBlocked);
        names.Count(n => n == AgentMemoryTelemetry.ModelTokens).Should().Be(2);
        await Task.CompletedTask;
    }
}
