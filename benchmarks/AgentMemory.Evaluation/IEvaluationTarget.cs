namespace AgentMemory.Evaluation;

/// <summary>What the LoCoMo command drives: a fresh memory per conversation, fed turns and asked questions.</summary>
internal interface IEvaluationTarget : IAsyncDisposable
{
    /// <summary>A short description for the report ("inmemory/local").</summary>
    string Description { get; }

    /// <summary>Stores one episodic memory per turn in <paramref name="scope"/>.</summary>
    Task AddTurnsAsync(MemoryScope scope, IReadOnlyList<LocomoTurn> turns, CancellationToken cancellationToken);

    /// <summary>What became of the turns stored so far.</summary>
    Dictionary<FormationOutcomeKind, int> Outcomes { get; }

    /// <summary>Turns the memory rejected as invalid (e.g. nothing left to embed).</summary>
    int Rejected { get; }

    /// <summary>Times the retriever alone (no access recording), in milliseconds.</summary>
    Task<double> TimeRetrieverOnlyAsync(RecallRequest request, CancellationToken cancellationToken);

    /// <summary>Asks one question through the recall API.</summary>
    Task<IReadOnlyList<MemoryHit>> RecallAsync(RecallRequest request, CancellationToken cancellationToken);
}
