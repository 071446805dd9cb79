namespace AgentMemory;

/// <summary>
/// Tells an embedding generator whether a text is a search query or a document (a memory), for models that embed the
/// two differently (e5, bge, arctic-embed: "query: " / "passage: " prefixes). Microsoft.Extensions.AI has no such flag,
/// so AgentMemory sends it in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/> under
/// <see cref="PropertyName"/>: <see cref="Query"/> when recall embeds queries, <see cref="Document"/> when formation,
/// updates and re-embedding embed memory text. Generators that do not know the property ignore it.
/// </summary>
internal static class EmbeddingPurpose
{
    /// <summary>The key in <see cref="EmbeddingGenerationOptions.AdditionalProperties"/>.</summary>
    public const string PropertyName = "agentmemory.embedding_purpose";

    /// <summary>The value for a search query.</summary>
    public const string Query = "query";

    /// <summary>The value for a document (memory text).</summary>
    public const string Document = "document";

    /// <summary>Creates generation options that carry <paramref name="purpose"/>.</summary>
    /// <param name="purpose"><see cref="Query"/> or <see cref="Document"/>.</param>
    /// <returns>New options (callers may change them).</returns>
    public static EmbeddingGenerationOptions CreateOptions(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        return new EmbeddingGenerationOptions { AdditionalProperties = new AdditionalPropertiesDictionary { [PropertyName] = purpose } };
    }

    /// <summary>Reads the purpose from <paramref name="options"/>; null when it carries none.</summary>
    /// <param name="options">The options a generator received.</param>
    /// <returns><see cref="Query"/>, <see cref="Document"/>, another value a caller set, or null.</returns>
    public static string? Get(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(PropertyName, out var value) == true ? value as string : null;
}
