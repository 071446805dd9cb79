namespace AgentMemory;

/// <summary>A stored memory: one fact, preference, event or procedure of one scope, with its embedding and bookkeeping.</summary>
public sealed record MemoryRecord
{
    /// <summary>The memory's id, stable across updates.</summary>
    public required Guid Id { get; init; }

    /// <summary>The scope that owns the memory.</summary>
    public required MemoryScope Scope { get; init; }

    /// <summary>The kind of memory.</summary>
    public required MemoryKind Kind { get; init; }

    /// <summary>The memory's text, as injected into prompts.</summary>
    public required string Text { get; init; }

    /// <summary>The L2-normalised embedding of <see cref="Text"/> (empty when the store holds none).</summary>
    public ReadOnlyMemory<float> Embedding { get; init; }

    /// <summary>
    /// Text around the memory where it was said (see <see cref="MemoryCandidate.Context"/>): searched lexically at
    /// <see cref="Lexical.LexicalFields.ContextWeight"/> of the text's weight, exported, never rendered into prompts.
    /// </summary>
    public string? Context { get; init; }

    /// <summary>A topic or task type (e.g. "formatting", "travel"); procedural memories surface by it.</summary>
    public string? Topic { get; init; }

    /// <summary>How much the memory matters, in [0, 1].</summary>
    public double Importance { get; init; } = 0.5;

    /// <summary>Where the memory came from.</summary>
    public MemoryProvenance Provenance { get; init; } = MemoryProvenance.FromSystem;

    /// <summary>Free-form string metadata supplied by the host.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    /// <summary>When the memory was first stored.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the memory's content last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the memory was last returned by a recall, if ever.</summary>
    public DateTimeOffset? LastAccessedAt { get; init; }

    /// <summary>How many recalls have returned the memory.</summary>
    public long AccessCount { get; init; }

    /// <summary>When the memory stops being valid; it is never returned after that.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>For episodic memories, when the event happened (may differ from <see cref="CreatedAt"/>).</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>
    /// When the fact became true. Unless set, the moment it happened (<see cref="OccurredAt"/>) or else when it was
    /// stored (<see cref="CreatedAt"/>).
    /// </summary>
    public DateTimeOffset ValidFrom
    {
        get => _validFrom ?? OccurredAt ?? CreatedAt;
        init => _validFrom = value;
    }

    /// <summary>
    /// When the fact stopped being true: set when a newer memory superseded it (null while it is current). A superseded
    /// memory is kept for history and "as of" recall (<see cref="RecallRequest.AsOf"/>) but no longer recalled by default.
    /// </summary>
    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>Whether a newer memory has superseded this one (<see cref="ValidTo"/> is set).</summary>
    public bool IsSuperseded => ValidTo is not null;

    /// <summary>The content version: 1 when created, incremented by every update.</summary>
    public long Version { get; init; } = 1;

    /// <summary>The version of the extraction schema that produced the memory.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>Whether the fact was true at <paramref name="instant"/>: <see cref="ValidFrom"/> ≤ instant &lt; <see cref="ValidTo"/>.</summary>
    public bool IsValidAt(DateTimeOffset instant) => ValidFrom <= instant && (ValidTo is not { } to || instant < to);

    /// <summary>Whether the memory has expired at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => ExpiresAt is { } e && e <= now;

    /// <summary>
    /// Deserialises the typed profile this memory holds when it is a profile memory kept by the LLM extractor
    /// (<see cref="Models.LlmMemoryOptions.AddProfile{TProfile}"/>).
    /// </summary>
    /// <typeparam name="T">The profile type.</typeparam>
    /// <param name="typeInfo">The JSON contract of <typeparamref name="T"/>.</param>
    /// <param name="profile">The profile when the memory holds one.</param>
    /// <returns>Whether the memory held a readable profile.</returns>
    public bool TryReadProfile<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? profile)
        => Models.LlmProfileSchema.TryRead(this, typeInfo, out profile);

    private readonly DateTimeOffset? _validFrom;

    internal static IReadOnlyDictionary<string, string> EmptyMetadata { get; } =
        new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string>());
}
