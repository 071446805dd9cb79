using AgentMemory.Retrieval;
using AgentMemory.Storage.InMemory;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentMemory.Evaluation;

/// <summary>Creates the memory under test for one conversation.</summary>
internal static class EvaluationTargets
{
    public static IEvaluationTarget Create(string store, string embeddings, FixedTimeProvider clock)
    {
        if (store != "inmemory" || embeddings != "none")
        {
            throw new NotSupportedException("Only --store inmemory --embeddings none is available in this build.");
        }

        return new RetrieverTarget(clock);
    }

    /// <summary>The retriever over a list store (interim: until AddAgentMemory lands).</summary>
    private sealed class RetrieverTarget : IEvaluationTarget
    {
        private readonly InMemoryMemoryStore _store;
        private readonly HybridRetriever _retriever;
        private readonly FixedTimeProvider _clock;

        public RetrieverTarget(FixedTimeProvider clock)
        {
            _clock = clock;
            _store = new InMemoryMemoryStore(clock);
            _retriever = new HybridRetriever(_store, new NoEmbeddings(), Options.Create(new AgentMemoryOptions()), clock, []);
        }

        public string Description => "HybridRetriever over InMemoryMemoryStore, no embeddings";

        public async Task AddTurnsAsync(MemoryScope scope, IReadOnlyList<LocomoTurn> turns, CancellationToken cancellationToken)
        {
            foreach (var t in turns)
            {
                var c = TurnMemory.Candidate(t);
                await _store.AddAsync(new MemoryRecord
                {
                    Id = Guid.NewGuid(), Scope = scope, Kind = c.Kind, Text = c.Text, OccurredAt = c.OccurredAt, Provenance = c.Provenance,
                    Metadata = c.Metadata, CreatedAt = _clock.Now, UpdatedAt = _clock.Now, Importance = c.Importance,
                }, cancellationToken);
            }
        }

        public Task<IReadOnlyList<MemoryHit>> RecallAsync(RecallRequest request, CancellationToken cancellationToken) => _retriever.RetrieveAsync(request, cancellationToken);

        public ValueTask DisposeAsync()
        {
            _store.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class NoEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
            => Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(ReadOnlyMemory<float>.Empty))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
