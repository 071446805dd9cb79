using System.Text.Json;
using AgentMemory.Consolidation;
using AgentMemory.Storage.InMemory;
using AgentMemory.Tests.Security.Support;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace AgentMemory.Tests.Consolidation;

public sealed class SessionDistillerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly MemoryScope Alice = MemoryScope.ForUser("acme", "alice");

    /// <summary>Words of the LLM reconciler's instructions, which tell its calls from the extractor's.</summary>
    private const string ReconcilerPrompt = "A new memory was extracted";

    [Fact]
    public async Task ConsolidateAsync_FinishedSession_DistilsItsEpisodesIntoAFactOnce()
    {
        using var host = new DistillHost(Facts("The user accepted a job offer as a data engineer at Siemens."));
        var first = await host.AddEpisodeAsync("User: I got two offers, one from Siemens.", "s1");
        var second = await host.AddEpisodeAsync("User: I took the data engineering one.", "s1");
        host.Clock.Advance(TimeSpan.FromHours(1));

        var result = await host.Consolidator.ConsolidateAsync(Alice);
        var again = await host.Consolidator.ConsolidateAsync(Alice);

        result.Distilled.Should().Be(1);
        result.Complete.Should().BeTrue();
        again.Distilled.Should().Be(0);
        host.ExtractionCalls.Should().Be(1, "a distilled session is read once");
        host.Model.Prompts[0].Should().Contain("I got two offers, one from Siemens.").And.Contain("I took the data engineering one.");
        var fact = (await host.CurrentAsync(MemoryKind.Semantic)).Should().ContainSingle().Subject;
        fact.Text.Should().Be("The user accepted a job offer as a data engineer at Siemens.");
        fact.Metadata[MemoryConsolidation.DistilledFromKey].Should().Be($"{first.Id:D},{second.Id:D}");
        foreach (var episode in await host.CurrentAsync(MemoryKind.Episodic))
        {
            episode.Metadata.Should().ContainKey(MemoryConsolidation.DistilledKey);
            (await host.Store.GetHistoryAsync(Alice, episode.Id)).Should().Contain(e => e.Reason == MemoryConsolidation.DistilledReason);
        }
    }

    [Fact]
    public async Task ConsolidateAsync_SessionStillActive_WaitsAndStaysDue()
    {
        using var host = new DistillHost(Facts("The user is training for a marathon in April."));
        await host.AddSessionAsync("s1", "User: I signed up for a marathon.", "User: It is in April.");
        host.Clock.Advance(TimeSpan.FromMinutes(5));

        var early = await host.Consolidator.ConsolidateAsync(Alice);
        host.Clock.Advance(TimeSpan.FromHours(1));
        var later = await host.Consolidator.ConsolidateAsync(Alice);

        early.Distilled.Should().Be(0);
        early.Complete.Should().BeFalse("the session awaits its end");
        later.Distilled.Should().Be(1);
        (await host.CurrentAsync(MemoryKind.Semantic)).Should().ContainSingle();
    }

    [Fact]
    public async Task ConsolidateAsync_DailyBudget_DistilsOneSessionPerDay()
    {
        using var host = new DistillHost(Facts("The user keeps bees."), o => o.Consolidation.MaxDistilledSessionsPerDay = 1);
        await host.AddSessionAsync("s1", "User: I have two hives now.", "User: The bees survived the winter.");
        await host.AddSessionAsync("s2", "User: I harvested honey.", "User: Twelve jars of it.");
        host.Clock.Advance(TimeSpan.FromHours(1));

        var first = await host.Consolidator.ConsolidateAsync(Alice);
        var sameDay = await host.Consolidator.ConsolidateAsync(Alice);
        host.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await host.Consolidator.ConsolidateAsync(Alice);

        first.Distilled.Should().Be(1);
        first.Complete.Should().BeFalse();
        sameDay.Distilled.Should().Be(0);
        nextDay.Distilled.Should().Be(1);
        host.ExtractionCalls.Should().Be(2);
    }

    [Fact]
    public async Task ConsolidateAsync_DistilledFact_PassesTheGuards()
    {
        using var host = new DistillHost(Facts("The user's card number is 4111 1111 1111 1111."));
        await host.AddSessionAsync("s1", "User: Here is my card for the booking.", "User: Please use it for the hotel too.");
        host.Clock.Advance(TimeSpan.FromHours(1));

        var result = await host.Consolidator.ConsolidateAsync(Alice);

        result.Distilled.Should().Be(1);
        (await host.CurrentAsync(MemoryKind.Semantic)).Should().NotContain(r => r.Text.Contains("4111 1111 1111 1111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConsolidateAsync_ModelFails_LeavesTheSessionDueAndStillMerges()
    {
        using var host = new DistillHost(_ => throw new InvalidOperationException("model down"));
        await host.AddSessionAsync("s1", "User: I moved the meeting to Friday.", "User: And invited Priya.");
        host.Clock.Advance(TimeSpan.FromHours(1));

        var result = await host.Consolidator.ConsolidateAsync(Alice);

        result.Distilled.Should().Be(0);
        result.Complete.Should().BeFalse();
        (await host.CurrentAsync(MemoryKind.Episodic)).Should().OnlyContain(r => !r.Metadata.ContainsKey(MemoryConsolidation.DistilledKey));
    }

    [Fact]
    public async Task ConsolidateAsync_WithoutAModel_DistilsNothing()
    {
        var clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IMemoryStore>(new InMemoryMemoryStore(clock));
        services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline);
        using var provider = services.BuildServiceProvider();
        var memory = provider.GetRequiredService<IAgentMemory>();
        await memory.SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: I adopted a cat." });
        await memory.SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Episodic, Text = "User: Her name is Miso." });
        clock.Advance(TimeSpan.FromHours(1));

        var result = await provider.GetRequiredService<IMemoryConsolidator>().ConsolidateAsync(Alice);

        result.Distilled.Should().Be(0);
        result.Complete.Should().BeTrue();
    }

    /// <summary>An extraction answer holding one semantic fact per text (and an episode, which distillation ignores); a reconciler prompt is answered "add".</summary>
    private static Func<IReadOnlyList<ChatMessage>, string> Facts(params string[] texts) => messages =>
    {
        if (messages[0].Text.Contains(ReconcilerPrompt, StringComparison.Ordinal))
        {
            return """{"action":"add","memoryId":null,"text":null,"reason":"new"}""";
        }

        var memories = texts.Select(t => new { kind = "semantic", text = t, importance = 0.7, topic = "life", message = 1 })
            .Cast<object>()
            .Append(new { kind = "episodic", text = "The user talked about their week.", importance = 0.3, topic = "life", message = 1 });
        return JsonSerializer.Serialize(new { memories });
    };

    private sealed class DistillHost : IDisposable
    {
        private readonly ServiceProvider _provider;

        public DistillHost(Func<IReadOnlyList<ChatMessage>, string> answer, Action<AgentMemoryOptions>? configure = null)
        {
            Clock = new FakeTimeProvider(Start);
            Store = new InMemoryMemoryStore(Clock);
            Model = new FakeChatClient(answer);
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IMemoryStore>(Store);
            services.AddAgentMemory(o =>
                {
                    o.Formation.Mode = FormationMode.Inline;
                    configure?.Invoke(o);
                })
                .UseChatClient(Model)
                .UseLlmExtraction();
            _provider = services.BuildServiceProvider();
        }

        public FakeTimeProvider Clock { get; }

        public InMemoryMemoryStore Store { get; }

        public FakeChatClient Model { get; }

        /// <summary>The model calls that extracted (the reconciler's calls left out).</summary>
        public int ExtractionCalls => Model.Prompts.Count(p => !p.Contains(ReconcilerPrompt, StringComparison.Ordinal));

        public IMemoryConsolidator Consolidator => _provider.GetRequiredService<IMemoryConsolidator>();

        public async Task AddSessionAsync(string session, params string[] texts)
        {
            foreach (var text in texts)
            {
                await AddEpisodeAsync(text, session);
            }
        }

        public async Task<MemoryRecord> AddEpisodeAsync(string text, string session)
        {
            var embedder = _provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);
            var vector = (await embedder.GenerateAsync([text]))[0].Vector.ToArray();
            Clock.Advance(TimeSpan.FromMinutes(1));
            return await Store.AddAsync(new MemoryRecord
            {
                Id = Guid.NewGuid(),
                Scope = Alice,
                Kind = MemoryKind.Episodic,
                Text = text,
                Embedding = vector,
                Provenance = new MemoryProvenance(MemorySource.User, "User"),
                Metadata = new Dictionary<string, string> { [MemoryConsolidation.SessionKey] = session },
            });
        }

        public async Task<List<MemoryRecord>> CurrentAsync(MemoryKind kind)
        {
            var list = new List<MemoryRecord>();
            await foreach (var r in Store.ListAsync(Alice, new MemoryListOptions { Filter = new MemoryFilter { Kinds = new HashSet<MemoryKind> { kind } } }))
            {
                list.Add(r);
            }

            return list;
        }

        public void Dispose() => _provider.Dispose();
    }
}
