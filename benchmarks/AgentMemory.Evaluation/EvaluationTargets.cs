using System.Diagnostics;
using AgentMemory.Retrieval;
using AgentMemory.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentMemory.Evaluation;

/// <summary>Creates the memory under test for one conversation: <c>AddAgentMemory</c> with the chosen store, used through <see cref="IAgentMemory"/>.</summary>
internal static class EvaluationTargets
{
    public static IEvaluationTarget Create(string store, string embeddings, FusionMode? fusion, FixedTimeProvider clock) => new AgentMemoryTarget(store, embeddings, fusion, clock);

    /// <summary>
    /// A fresh service provider per conversation. Turns go in through <see cref="IAgentMemory.SaveAsync"/> (guards,
    /// embedding, reconciliation, store); questions through <see cref="IAgentMemory.RecallAsync"/>. With
    /// <c>--embeddings onnx</c> memories and questions are embedded in-process by all-MiniLM-L6-v2 (<c>UseLocalEmbeddings()</c>);
    /// with <c>hashing</c> by the built-in feature-hashing generator; with <c>none</c> memories are still embedded by the
    /// hashing generator (formation needs a vector) but recall ignores vectors (<see cref="RetrievalOptions.VectorWeight"/> = 0):
    /// lexical-only recall.
    /// </summary>
    private sealed class AgentMemoryTarget : IEvaluationTarget
    {
        private readonly ServiceProvider _provider;
        private readonly IAgentMemory _memory;
        private readonly IRetriever _retriever;
        private readonly string? _databasePath;

        public AgentMemoryTarget(string store, string embeddings, FusionMode? fusion, FixedTimeProvider clock)
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(clock);
            var builder = services.AddAgentMemory(o =>
            {
                o.Formation.Mode = FormationMode.Inline;
                o.Retrieval.Fusion = fusion ?? o.Retrieval.Fusion;
                if (embeddings == "none")
                {
                    o.Retrieval.VectorWeight = 0;
                    o.Retrieval.HashingVectorWeight = 0;
                }

                Harness.RetrievalOverrides.Apply(o.Retrieval);
            });
            builder.AddRelativeDateResolution();
            if (embeddings == "onnx")
            {
                builder.UseLocalEmbeddings();
            }

            if (store == "sqlite")
            {
                _databasePath = Path.Combine(Path.GetTempPath(), "agentmemory-locomo-" + Guid.NewGuid().ToString("N") + ".db");
                builder.UseSqlite("Data Source=" + _databasePath, o => o.Synchronous = SqliteSynchronousMode.Normal);
            }
            else
            {
                builder.UseInMemoryStore();
            }

            services.TryAddSingleton<IRetriever, HybridRetriever>();
            _provider = services.BuildServiceProvider();
            _memory = _provider.GetRequiredService<IAgentMemory>();
            _retriever = _provider.GetRequiredService<IRetriever>();
            Description = $"IAgentMemory, store {store}, embeddings {embeddings}";
        }

        public string Description { get; }

        public Dictionary<FormationOutcomeKind, int> Outcomes { get; } = [];

        public int Rejected { get; private set; }

        public async Task AddTurnsAsync(MemoryScope scope, IReadOnlyList<LocomoTurn> turns, CancellationToken cancellationToken)
        {
            for (var i = 0; i < turns.Count; i++)
            {
                try
                {
                    var outcome = await _memory.SaveAsync(scope, TurnMemory.Candidate(turns, i), cancellationToken).ConfigureAwait(false);
                    Outcomes[outcome.Kind] = Outcomes.GetValueOrDefault(outcome.Kind) + 1;
                }
                catch (InvalidMemoryException)
                {
                    Rejected++;
                }
            }
        }

        public Task<IReadOnlyList<MemoryHit>> RecallAsync(RecallRequest request, CancellationToken cancellationToken) => _memory.RecallAsync(request, cancellationToken);

        public async Task<double> TimeRetrieverOnlyAsync(RecallRequest request, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            await _retriever.RetrieveAsync(request, cancellationToken).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync().ConfigureAwait(false);
            if (_databasePath is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                {
                    File.Delete(_databasePath + suffix);
                }
            }
        }
    }
}
