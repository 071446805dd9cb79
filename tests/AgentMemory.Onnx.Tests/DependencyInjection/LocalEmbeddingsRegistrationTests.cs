using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentMemory.Onnx.Tests.DependencyInjection;

public sealed class LocalEmbeddingsRegistrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agentmemory-onnx-di-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    public static TheoryData<string> Stores => new() { "inmemory", "sqlite" };

    private ServiceProvider Build(string store, Action<LocalEmbeddingOptions>? configure = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddAgentMemory();
        builder = store == "sqlite" ? builder.UseSqlite($"Data Source={Path.Combine(_directory, "memory.db")}") : builder.UseInMemoryStore();
        builder.UseLocalEmbeddings(configure);
        return services.BuildServiceProvider();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task SaveAsyncThenRecallAsync_Paraphrase_StoresMiniLMVectorsCloserThanUnrelatedOnes(string store)
    {
        await using var provider = Build(store);
        var memory = provider.GetRequiredService<IAgentMemory>();
        var generator = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);
        var scope = MemoryScope.ForUser("acme", "alice");

        var allergy = await memory.SaveAsync(scope, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "I'm allergic to peanuts" });
        var meeting = await memory.SaveAsync(scope, new MemoryCandidate { Kind = MemoryKind.Semantic, Text = "The team meeting moved to Thursday at noon." });
        var hits = await memory.RecallAsync(new RecallRequest { Scope = scope, Query = "any food restrictions?" });
        var query = (await generator.GenerateAsync(["any food restrictions?"], EmbeddingPurpose.CreateOptions(EmbeddingPurpose.Query))).Single().Vector;

        generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId.Should().Be("sentence-transformers/all-MiniLM-L6-v2");
        allergy.Record!.Embedding.Length.Should().Be(384);
        meeting.Record!.Embedding.Length.Should().Be(384);
        var related = Cosine.Of(query.Span, allergy.Record.Embedding.Span);
        var unrelated = Cosine.Of(query.Span, meeting.Record.Embedding.Span);
        related.Should().BeGreaterThan(unrelated + 0.1f);
        hits.Should().OnlyContain(h => h.Record.Scope == scope);
    }

    [Fact]
    public async Task UseLocalEmbeddings_ResolvedTwice_IsOneSingletonDisposedWithTheContainer()
    {
        var provider = Build("inmemory");
        var first = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);
        var second = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);
        await first.GenerateAsync(["load"]);

        await provider.DisposeAsync();

        second.Should().BeSameAs(first);
        var act = () => first.GenerateAsync(["after"]);
        await act.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public void UseLocalEmbeddings_ModelPathWithoutVocabulary_FailsValidationWithEveryProblem()
    {
        using var provider = Build("inmemory", o => { o.ModelPath = "/models/e5.onnx"; o.MaxTokens = 1; });

        var act = () => provider.GetRequiredService<IOptions<LocalEmbeddingOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(2);
    }

    [Fact]
    public void UseLocalEmbeddings_Registered_ModelLoadsOnlyOnFirstUse()
    {
        using var provider = Build("inmemory");

        var generator = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryServiceKeys.EmbeddingGenerator);

        generator.GetService<OnnxEmbeddingGenerator>()!.IsLoaded.Should().BeFalse();
    }
}
