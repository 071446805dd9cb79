using System.Collections.Concurrent;
using System.Diagnostics;
using AgentMemory.Extraction;
using AgentMemory.Models;
using AgentMemory.OpenAI.Tests.Fakes;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.OpenAI.Tests.DependencyInjection;

public sealed class EndToEndTests : FakeServerTestBase
{
    [Fact]
    public async Task RememberThenRecall_WithUseOpenAI_StoresExtractedMemoriesAndFindsThemWithExpandedQueries()
    {
        await using var provider = BuildProvider(dimensions: 64);
        var memory = provider.GetRequiredService<IAgentMemory>();

        Server.ReplyChatJson(new
        {
            memories = new object[]
            {
                new { kind = "semantic", text = "The user is allergic to peanuts.", importance = 0.95, topic = "health", message = 1 },
                new { kind = "procedural", text = "Do not use tables; the user reads on a phone.", importance = 0.7, topic = "formatting", message = 1 },
            },
        });
        Server.ReplyChatJson(new { action = "add", memoryId = (int?)null });
        var receipt = await memory.RememberAsync(Scope, [new ChatMessage(ChatRole.User, "I'm allergic to peanuts. Also, don't use tables, I read this on my phone.")]);

        receipt.Queued.Should().BeFalse();
        var stored = await memory.ListAsync(Scope).ToListAsync();
        stored.Select(r => r.Text).Should().BeEquivalentTo("The user is allergic to peanuts.", "Do not use tables; the user reads on a phone.");
        stored.Single(r => r.Kind == MemoryKind.Procedural).Topic.Should().Be("formatting");

        Server.ReplyChatJson(new { queries = new[] { "peanuts allergy" } });
        var hits = await memory.RecallAsync(new RecallRequest
        {
            Scope = Scope,
            Query = "what should I avoid when cooking for me",
            RecentMessages = [new ChatMessage(ChatRole.User, "Cook dinner like we discussed.")],
        });

        hits.Select(h => h.Record.Text).Should().Contain("The user is allergic to peanuts.");
        Server.ChatRequests.Should().HaveCount(3, "one extraction, one reconciliation (the second memory has the first as neighbour), one query expansion");
        Server.ChatRequests[1].Prompt.Should().Contain("1. (semantic, topic health, updated 2026-03-14) The user is allergic to peanuts.");
        Server.ChatRequests[2].Json.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString().Should().Be("memory_search_queries");
        var usage = provider.GetRequiredService<IModelUsageTracker>();
        usage.GetUsage(Scope, LlmExtractor.Operation).Calls.Should().Be(1);
        usage.GetUsage(Scope, LlmReconciler.Operation).Calls.Should().Be(1);
        usage.GetUsage(Scope, LlmQueryExpander.Operation).Calls.Should().Be(1);
        usage.GetTotal().Calls.Should().BeGreaterThan(2, "embedding calls are counted too");
    }

    [Fact]
    public async Task Remember_WithUseOpenAI_ModelCallSpansNameTheOpenAIProvider()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Telemetry.AgentMemoryTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var provider = BuildProvider(dimensions: 64);
        var memory = provider.GetRequiredService<IAgentMemory>();
        Server.ReplyChatJson(new { memories = new object[] { new { kind = "semantic", text = "The user is allergic to peanuts.", importance = 0.9, topic = "health", message = 1 } } });

        await memory.RememberAsync(Scope, [new ChatMessage(ChatRole.User, "I'm allergic to peanuts.")]);

        var mine = spans.Where(s => s.GetTagItem("gen_ai.provider.name") is not null).ToList();
        mine.Should().Contain(s => s.DisplayName.StartsWith("chat ", StringComparison.Ordinal) && (string?)s.GetTagItem("gen_ai.provider.name") == "openai" && (string?)s.GetTagItem("gen_ai.operation.name") == "chat");
        mine.Should().Contain(s => s.DisplayName.StartsWith("embeddings ", StringComparison.Ordinal) && (string?)s.GetTagItem("gen_ai.provider.name") == "openai");
    }

    [Fact]
    public async Task Remember_SecondFactContradictsTheFirst_ReconcilerSupersedesIt()
    {
        await using var provider = BuildProvider(dimensions: null);
        var memory = provider.GetRequiredService<IAgentMemory>();

        Server.ReplyChatJson(new { memories = new object[] { new { kind = "semantic", text = "The user lives in Paris.", importance = 0.8, topic = "home" } } });
        await memory.RememberAsync(Scope, [new ChatMessage(ChatRole.User, "I live in Paris.")]);
        Time.Advance(TimeSpan.FromDays(1));
        Server.ReplyChatJson(new { memories = new object[] { new { kind = "semantic", text = "The user lives in Lyon.", importance = 0.8, topic = "home" } } });
        Server.ReplyChatJson(new { action = "supersede", memoryId = 1, text = "The user lives in Lyon.", reason = "moved" });
        await memory.RememberAsync(Scope, [new ChatMessage(ChatRole.User, "I moved to Lyon.")]);

        var stored = await memory.ListAsync(Scope).ToListAsync();
        var home = stored.Should().ContainSingle().Subject;
        home.Text.Should().Be("The user lives in Lyon.");
        (await memory.GetHistoryAsync(Scope, home.Id)).Select(h => h.PreviousText).Should().Contain("The user lives in Paris.");
        home.ValidFrom.Should().Be(Time.GetUtcNow());
        var all = await memory.ListAsync(Scope, new MemoryListOptions { Filter = new MemoryFilter { IncludeSuperseded = true } }).ToListAsync();
        all.Should().ContainSingle(r => r.Text == "The user lives in Paris.").Which.ValidTo.Should().Be(Time.GetUtcNow(), "the model's supersede closes the old fact through the same seam");
        Server.ChatRequests[2].Prompt.Should().Contain("1. (semantic, topic home, updated 2026-03-14) The user lives in Paris.");
    }

    /// <summary>The default pipeline, inline, on the in-memory store, with every model call going to the fake server.</summary>
    private ServiceProvider BuildProvider(int? dimensions)
    {
        Server.DefaultEmbeddingDimensions = 64;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline).UseInMemoryStore()
            .UseOpenAI(o =>
            {
                o.ApiKey = "k";
                o.Endpoint = Server.BaseUri;
                o.Dimensions = dimensions;
                o.RetryDelay = TimeSpan.FromMilliseconds(10);
            });
        return services.BuildServiceProvider();
    }
}
