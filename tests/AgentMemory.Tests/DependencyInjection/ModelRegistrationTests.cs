using AgentMemory.Embeddings;
using AgentMemory.Tests.Telemetry.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Tests.DependencyInjection;

public sealed class ModelRegistrationTests
{
    private static readonly MemoryScope Alice = MemoryScope.ForUser("acme", "alice");

    [Fact]
    public async Task UseEmbeddingGenerator_HostHasItsOwn_BothSurviveAndAgentMemoryEmbedsWithItsKeyedOne()
    {
        var host = new CountingEmbeddingGenerator();
        var mine = new CountingEmbeddingGenerator();
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(host);
        services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline).UseInMemoryStore().UseEmbeddingGenerator(mine);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IAgentMemory>().SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "Alice lives in Paris." });
        await provider.GetRequiredService<IAgentMemory>().RecallAsync(new RecallRequest { Scope = Alice, Query = "where?" });

        provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().Should().BeSameAs(host);
        provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator).Should().BeSameAs(mine);
        mine.Calls.Should().BeGreaterThanOrEqualTo(2, "the memory and the query were embedded by AgentMemory's generator");
        host.Calls.Should().Be(0);
    }

    [Fact]
    public async Task AddAgentMemory_HostRegisteredAGeneratorAndNoUseMethod_BorrowsItWithoutDisposingIt()
    {
        var host = new CountingEmbeddingGenerator();
        var services = new ServiceCollection();
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(host);
        services.AddAgentMemory(o => o.Formation.Mode = FormationMode.Inline).UseInMemoryStore();
        var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IAgentMemory>().SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "Alice lives in Paris." });
        await provider.DisposeAsync();

        host.Calls.Should().Be(1);
        host.Disposed.Should().BeFalse("the host registered the instance and owns it");
    }

    [Fact]
    public void AddAgentMemory_NoGenerator_KeepsItsHashingGeneratorKeyedAndAddsNoneForTheHost()
    {
        var services = new ServiceCollection();
        services.AddAgentMemory();
        using var provider = services.BuildServiceProvider();

        provider.GetService<IEmbeddingGenerator<string, Embedding<float>>>().Should().BeNull();
        provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator)
            .GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId.Should().Be(LocalEmbeddingGenerator.ModelId);
    }

    [Fact]
    public async Task UseChatClient_ModelJudgeEnabled_TheJudgeAsksAgentMemorysClient()
    {
        var chat = new UsageReportingChatClient();
        var services = new ServiceCollection();
        services.AddAgentMemory(o =>
            {
                o.Formation.Mode = FormationMode.Inline;
                o.Security.ModelJudge.Enabled = true;
                o.Security.Pii.FlagSpecialCategories = true;
            })
            .UseInMemoryStore()
            .UseChatClient(chat);
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IAgentMemory>().SaveAsync(Alice, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "Alice lives in Paris." });

        chat.Purposes.Should().Equal("judge");
    }

    private sealed class CountingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly LocalEmbeddingGenerator _inner = new();

        public int Calls { get; private set; }

        public bool Disposed { get; private set; }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return _inner.GenerateAsync(values, options, cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

        public void Dispose() => Disposed = true;
    }
}
