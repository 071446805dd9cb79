namespace AgentMemory.OpenAI;

/// <summary>
/// Options of <c>UseOpenAI</c>: the endpoint, key and models, and the HTTP resilience of the OpenAI client. Bind them
/// from configuration (e.g. the section <c>AgentMemory:OpenAI</c>) or set them in code.
/// </summary>
public sealed class OpenAIMemoryOptions
{
    /// <summary>The configuration section name conventionally used for these options.</summary>
    public const string SectionName = "AgentMemory:OpenAI";

    /// <summary>The API key. Optional for a local endpoint that needs none (Ollama, vLLM, LM Studio).</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The endpoint, e.g. <c>http://localhost:11434/v1</c> (Ollama) or <c>https://{resource}.openai.azure.com/openai/v1/</c>
    /// (Azure OpenAI's v1-compatible endpoint). Null: OpenAI's API.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The chat model (or Azure deployment) used for extraction, reconciliation and query expansion.</summary>
    public string ChatModel { get; set; } = "gpt-4o-mini";

    /// <summary>The embedding model (or Azure deployment).</summary>
    public string EmbeddingModel { get; set; } = "text-embedding-3-small";

    /// <summary>The embedding dimension to request and to enforce (null: the model's default, enforced once seen).</summary>
    public int? Dimensions { get; set; }

    /// <summary>How many times a request failing with 408, 429, 5xx or a network error or timeout is retried.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay when the server sends no <c>Retry-After</c>; it doubles on each retry (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>The longest delay between retries, including one asked for by <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The timeout of one HTTP attempt.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
