using System.Diagnostics;
using AgentMemory.Telemetry;
using AgentMemory.Tests.Telemetry.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AgentMemory.Tests.Telemetry;

/// <summary>
/// Pins every telemetry name AgentMemory emits, read back through the OpenTelemetry SDK's in-memory exporter as a host
/// would configure it (<c>AddSource</c>/<c>AddMeter</c> of <see cref="AgentMemoryTelemetry.SourceName"/>).
/// </summary>
[Collection(TelemetryListenersDefinition.Name)]
public sealed class OpenTelemetryConventionsTests
{
    private static readonly MemoryScope Alice = MemoryScope.ForUser("acme", "alice");

    [Fact]
    public async Task RememberFlushRecall_WithModels_EmitsGenAiDatabaseAndAgentMemoryNames()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(AgentMemoryTelemetry.SourceName).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(AgentMemoryTelemetry.SourceName).AddInMemoryExporter(metrics).Build();
        var chat = new UsageReportingChatClient();
        var services = new ServiceCollection();
        services.AddSingleton<IMemoryGuard, MarkerBlockingGuard>();
        services.AddAgentMemory(o =>
            {
                o.Formation.Mode = FormationMode.Background;
                o.Formation.RunHostedWorker = false;
                o.Security.ModelJudge.Enabled = true;
                o.Security.Pii.FlagSpecialCategories = true;
            })
            .UseInMemoryStore()
            .UseChatClient(chat)
            .UseEmbeddingGenerator(new UsageReportingEmbeddingGenerator())
            .UseLlmExtraction();
        await using (var provider = services.BuildServiceProvider())
        {
            var memory = provider.GetRequiredService<IAgentMemory>();
            await memory.RememberAsync(Alice, [new ChatMessage(ChatRole.User, "I live in Paris.")]);
            await memory.RememberAsync(Alice, [new ChatMessage(ChatRole.User, "BLOCKME: I like tea.")]);
            await memory.FlushAsync();
            await memory.RememberAsync(Alice, [new ChatMessage(ChatRole.User, "I moved to Berlin.")]);
            await memory.FlushAsync();
            var hits = await memory.RecallAsync(new RecallRequest { Scope = Alice, Query = "Where do I live?" });
            hits.Should().NotBeEmpty();
            metering.ForceFlush(); // observable gauges are read at collection, while the container (and its meter) lives
        }

        tracing.ForceFlush();
        chat.Purposes.Should().Contain(["extract", "judge", "reconcile", "expand_query"]);

        // GenAI spans: "{gen_ai.operation.name} {gen_ai.request.model}", client kind, the convention's attributes.
        var chatSpans = spans.Where(s => s.DisplayName == "chat fake-chat").ToList();
        chatSpans.Should().NotBeEmpty();
        chatSpans.Should().OnlyContain(s => s.Kind == ActivityKind.Client
            && Tag(s, "gen_ai.operation.name") == "chat"
            && Tag(s, "gen_ai.provider.name") == "fakeai"
            && Tag(s, "gen_ai.request.model") == "fake-chat"
            && Tag(s, "gen_ai.response.model") == UsageReportingChatClient.ResponseModel
            && Tag(s, "gen_ai.usage.input_tokens") == "120"
            && Tag(s, "gen_ai.usage.output_tokens") == "30"
            && Tag(s, "error.type") == null);
        chatSpans.Select(s => Tag(s, "agentmemory.operation")).Should().Contain(["extract", "reconcile", "expand_query", "judge"]);
        var embeddingSpans = spans.Where(s => s.DisplayName == "embeddings fake-embed").ToList();
        embeddingSpans.Should().NotBeEmpty().And.OnlyContain(s => s.Kind == ActivityKind.Client
            && Tag(s, "gen_ai.operation.name") == "embeddings"
            && Tag(s, "gen_ai.provider.name") == "fakeai"
            && Tag(s, "gen_ai.request.model") == "fake-embed"
            && Tag(s, "gen_ai.response.model") == UsageReportingEmbeddingGenerator.ResponseModel
            && Tag(s, "gen_ai.usage.input_tokens") != null);
        embeddingSpans.Select(s => Tag(s, "agentmemory.operation")).Should().Contain(["embed", "embed_query"]);

        // Recall's own candidate search is a database call too, under the recall span.
        var recall = spans.Single(s => s.DisplayName == "agentmemory.recall");
        spans.Should().Contain(s => s.DisplayName == "search" && s.ParentSpanId == recall.SpanId && Tag(s, "db.system.name") == "inmemory");

        // Database spans: named by db.operation.name, client kind, db.system.name = the store's name.
        spans.Where(s => Tag(s, "db.system.name") == "inmemory").Select(s => s.DisplayName).Should().Contain(["enqueue", "claim", "search", "add", "quarantine", "complete", "record_access"]);
        spans.Where(s => Tag(s, "db.system.name") is not null).Should().OnlyContain(s => s.Kind == ActivityKind.Client && Tag(s, "db.operation.name") == s.DisplayName);
        spans.Select(s => s.DisplayName).Should().Contain(["agentmemory.remember", "agentmemory.formation", "agentmemory.recall"]);

        // Metrics: names, units, instrument types, attribute names.
        var tokens = Single(metrics, "gen_ai.client.token.usage");
        tokens.Unit.Should().Be("{token}");
        tokens.MetricType.Should().Be(MetricType.Histogram);
        var tokenPoints = Points(tokens);
        tokenPoints.Should().Contain(p => p["gen_ai.token.type"] == "input" && p["gen_ai.operation.name"] == "chat" && p["gen_ai.provider.name"] == "fakeai" && p["gen_ai.request.model"] == "fake-chat" && p["gen_ai.response.model"] == UsageReportingChatClient.ResponseModel && p["agentmemory.operation"] == "extract");
        tokenPoints.Should().Contain(p => p["gen_ai.token.type"] == "output" && p["gen_ai.operation.name"] == "chat");
        tokenPoints.Should().Contain(p => p["gen_ai.token.type"] == "input" && p["gen_ai.operation.name"] == "embeddings" && p["gen_ai.request.model"] == "fake-embed");
        tokenPoints.Should().NotContain(p => p["gen_ai.token.type"] == "output" && p["gen_ai.operation.name"] == "embeddings");

        var modelDuration = Single(metrics, "gen_ai.client.operation.duration");
        modelDuration.Unit.Should().Be("s");
        modelDuration.MetricType.Should().Be(MetricType.Histogram);
        Points(modelDuration).Should().Contain(p => p["gen_ai.operation.name"] == "chat" && p["gen_ai.provider.name"] == "fakeai" && p["gen_ai.request.model"] == "fake-chat" && !p.ContainsKey("gen_ai.token.type"));
        Points(modelDuration).Should().Contain(p => p["gen_ai.operation.name"] == "embeddings");

        var storeDuration = Single(metrics, "db.client.operation.duration");
        storeDuration.Unit.Should().Be("s");
        storeDuration.MetricType.Should().Be(MetricType.Histogram);
        Points(storeDuration).Where(p => p["db.system.name"] == "inmemory").Select(p => p["db.operation.name"]).Should().Contain(["enqueue", "claim", "search", "add", "complete"]);

        Single(metrics, AgentMemoryTelemetry.QueueDepth).MetricType.Should().Be(MetricType.LongGauge);
        Single(metrics, AgentMemoryTelemetry.QueueDepth).Unit.Should().Be("{job}");
        Single(metrics, AgentMemoryTelemetry.QueueAge).MetricType.Should().Be(MetricType.DoubleGauge);
        Single(metrics, AgentMemoryTelemetry.QueueAge).Unit.Should().Be("s");

        var blocked = Single(metrics, AgentMemoryTelemetry.MemoriesBlocked);
        blocked.MetricType.Should().Be(MetricType.LongSum);
        Points(blocked).Should().ContainSingle(p => p["agentmemory.block.reason"] == "custom" && p["agentmemory.guard"] == nameof(MarkerBlockingGuard));

        Single(metrics, AgentMemoryTelemetry.RecallDuration).Unit.Should().Be("s");
        Single(metrics, AgentMemoryTelemetry.FormationDuration).Unit.Should().Be("s");
        Single(metrics, AgentMemoryTelemetry.MemoriesCreated).MetricType.Should().Be(MetricType.LongSum);
        metrics.Select(m => m.Name).Should().NotContain("agentmemory.model.tokens");
    }

    [Fact]
    public async Task ChatCall_ProviderFails_RecordsErrorTypeOnSpanAndDuration()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(AgentMemoryTelemetry.SourceName).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(AgentMemoryTelemetry.SourceName).AddInMemoryExporter(metrics).Build();
        using var telemetry = new AgentMemoryInstrumentation();
        var failing = Substitute.For<IChatClient>();
        failing.GetService(typeof(ChatClientMetadata), null).Returns(new ChatClientMetadata("fakeai", null, "broken-model"));
        failing.GetResponseAsync(default!, default, default).ReturnsForAnyArgs<Task<ChatResponse>>(_ => throw new TimeoutException("slow"));
        var client = telemetry.Instrument(failing, "extract");

        var act = () => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        await act.Should().ThrowAsync<TimeoutException>();
        tracing.ForceFlush();
        metering.ForceFlush();
        var span = spans.Should().ContainSingle(s => s.DisplayName == "chat broken-model").Which;
        span.Status.Should().Be(ActivityStatusCode.Error);
        Tag(span, "error.type").Should().Be("System.TimeoutException");
        Points(Single(metrics, "gen_ai.client.operation.duration")).Should().Contain(p => p["error.type"] == "System.TimeoutException" && p["gen_ai.request.model"] == "broken-model");
        metrics.Where(m => m.Name == "gen_ai.client.token.usage").SelectMany(Points).Should().NotContain(p => p["gen_ai.request.model"] == "broken-model");
    }

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name)?.ToString();

    private static Metric Single(List<Metric> metrics, string name) => metrics.Should().ContainSingle(m => m.Name == name).Which;

    private static List<TagSet> Points(Metric metric)
    {
        var points = new List<TagSet>();
        foreach (ref readonly var point in metric.GetMetricPoints())
        {
            var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value?.ToString();
            }

            points.Add(new TagSet(tags));
        }

        return points;
    }

    /// <summary>A metric point's tags; the indexer answers null for an absent tag, so predicates read simply.</summary>
    private sealed class TagSet(Dictionary<string, string?> tags)
    {
        public string? this[string key] => tags.TryGetValue(key, out var value) ? value : null;

        public bool ContainsKey(string key) => tags.ContainsKey(key);
    }
}
