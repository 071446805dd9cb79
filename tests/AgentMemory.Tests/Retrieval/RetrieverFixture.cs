using AgentMemory.Retrieval;
using AgentMemory.Storage.InMemory;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AgentMemory.Tests.Retrieval;

/// <summary>Builds a retriever over a <see cref="ListStore"/> with a fake clock and a bag-of-words test embedder.</summary>
internal sealed class RetrieverFixture
{
    public static readonly MemoryScope Scope = MemoryScope.ForUser("t", "u");

    public RetrieverFixture(DateTimeOffset? now = null, Action<RetrievalOptions>? configure = null, bool embeddings = true, params IQueryExpander[] expanders)
    {
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2024, 6, 15, 12, 0, 0, TimeSpan.Zero));
        var options = new AgentMemoryOptions();
        configure?.Invoke(options.Retrieval);
        Embedder = new WordHashEmbedder(embeddings);
        Store = new InMemoryMemoryStore(Clock);
        Retriever = new HybridRetriever(Store, Embedder, Options.Create(options), Clock, expanders);
    }

    public InMemoryMemoryStore Store { get; }

    public FakeTimeProvider Clock { get; }

    public WordHashEmbedder Embedder { get; }

    public HybridRetriever Retriever { get; }

    public async Task<MemoryRecord> AddAsync(string text, MemoryKind kind = MemoryKind.Episodic, DateTimeOffset? occurredAt = null, string? speaker = null, string? topic = null, double importance = 0.5, DateTimeOffset? createdAt = null)
    {
        var vector = (await Embedder.GenerateAsync([text])).Single().Vector;
        var record = new MemoryRecord
        {
            Id = Guid.NewGuid(),
            Scope = Scope,
            Kind = kind,
            Text = text,
            Embedding = vector.Span.ToArray().Any(x => x != 0) ? vector : ReadOnlyMemory<float>.Empty,
            Topic = topic,
            Importance = importance,
            OccurredAt = occurredAt,
            CreatedAt = createdAt ?? occurredAt ?? Clock.GetUtcNow(),
            UpdatedAt = createdAt ?? occurredAt ?? Clock.GetUtcNow(),
            Provenance = new MemoryProvenance(MemorySource.User, speaker),
        };
        return await Store.AddAsync(record);
    }

    public Task<IReadOnlyList<MemoryHit>> RecallAsync(string query, int topK = 5, IReadOnlyList<ChatMessage>? recent = null, double? minScore = null)
        => Retriever.RetrieveAsync(new RecallRequest { Scope = Scope, Query = query, TopK = topK, RecentMessages = recent, MinScore = minScore });
}
