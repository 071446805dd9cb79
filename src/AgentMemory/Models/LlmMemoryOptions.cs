using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using AgentMemory.Extraction;
using AgentMemory.Reconciliation;
using AgentMemory.Retrieval;

namespace AgentMemory.Models;

/// <summary>Options of the model-backed extractor, reconciler and query expander (<c>UseLlmExtraction</c>, <c>UseOpenAI</c>).</summary>
public sealed class LlmMemoryOptions
{
    /// <summary>The configuration section name conventionally used for these options.</summary>
    public const string SectionName = "AgentMemory:Llm";

    /// <summary>Extra extraction instructions from the host, appended to the built-in ones (e.g. "Remember the user's dietary restrictions.").</summary>
    public string? ExtractionInstructions { get; set; }

    /// <summary>
    /// How many times a model call is made when its output is malformed, truncated or invalid (unknown ids, invalid
    /// actions) before <see cref="ModelOutputException"/> is thrown. HTTP-level retries (429, 5xx) are the client's.
    /// </summary>
    [Range(1, 10)]
    public int MaxOutputAttempts { get; set; } = 3;

    /// <summary>The most memories one extraction may propose; the rest are dropped (least important first).</summary>
    [Range(1, 200)]
    public int MaxMemoriesPerExtraction { get; set; } = 20;

    /// <summary>The sampling temperature sent with extraction and reconciliation calls (null: the model's default).</summary>
    [Range(0.0, 2.0)]
    public float? Temperature { get; set; } = 0f;

    /// <summary>The most output tokens a model call may use (null: the model's default).</summary>
    [Range(16, 100_000)]
    public int? MaxOutputTokens { get; set; } = 2_000;

    /// <summary>Whether recalls are expanded into extra search queries by the model (<see cref="LlmQueryExpander"/>).</summary>
    public bool QueryExpansion { get; set; } = true;

    /// <summary>
    /// The latency budget of query expansion: past it, the expander gives up and recall goes on with the plain query.
    /// </summary>
    public TimeSpan QueryExpansionTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most extra queries one expansion adds.</summary>
    [Range(1, 10)]
    public int MaxExpandedQueries { get; set; } = 3;

    /// <summary>How many of the most recent conversation messages the expander reads.</summary>
    [Range(0, 50)]
    public int ExpansionHistoryMessages { get; set; } = 6;

    /// <summary>The longest message text (characters) put in a prompt; longer messages are cut.</summary>
    [Range(100, 1_000_000)]
    public int MaxMessageCharacters { get; set; } = 8_000;

    /// <summary>Typed profiles the model fills and the library keeps current, one semantic memory per profile and scope.</summary>
    internal IList<LlmProfileSchema> Profiles { get; } = [];

    /// <summary>
    /// Adds a typed profile (e.g. a <c>UserProfile</c> record). The extractor shows the model the current profile and
    /// the profile's JSON schema; the model returns the updated profile, which is kept as one semantic memory with topic
    /// <c>profile:{name}</c>, updated in place. Read it back with <see cref="MemoryRecord.TryReadProfile{T}"/>.
    /// </summary>
    /// <typeparam name="TProfile">The profile type; its properties should be nullable (unknown values stay null).</typeparam>
    /// <param name="name">The profile's name (default: the type's name).</param>
    /// <param name="description">What the profile holds, shown to the model.</param>
    /// <param name="serializerOptions">The JSON options describing <typeparamref name="TProfile"/> (default: Microsoft.Extensions.AI's defaults).</param>
    /// <returns>These options.</returns>
    public LlmMemoryOptions AddProfile<TProfile>(string? name = null, string? description = null, JsonSerializerOptions? serializerOptions = null)
    {
        var options = serializerOptions ?? AIJsonUtilities.DefaultOptions;
        var schema = AIJsonUtilities.CreateJsonSchema(typeof(TProfile), description, serializerOptions: options);
        Profiles.Add(new LlmProfileSchema(name ?? typeof(TProfile).Name, schema, description));
        return this;
    }
}
