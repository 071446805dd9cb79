using AgentMemory;
using AgentMemory.Models;
using AgentMemory.OpenAI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Uses OpenAI or any OpenAI-compatible endpoint (Azure OpenAI v1, Ollama, vLLM, LM Studio) for AgentMemory's models.</summary>
public static class OpenAIAgentMemoryBuilderExtensions
{
    /// <summary>
    /// Uses OpenAI (or an OpenAI-compatible <paramref name="endpoint"/>) for extraction, reconciliation, query expansion
    /// and embeddings. The clients are registered keyed (<see cref="AgentMemoryBuilder.ServiceKey"/>): the host's own
    /// <see cref="IChatClient"/> and <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> registrations are left alone.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="apiKey">The API key (for a local endpoint that needs none, pass any text).</param>
    /// <param name="chatModel">The chat model or Azure deployment.</param>
    /// <param name="embeddingModel">The embedding model or Azure deployment.</param>
    /// <param name="endpoint">An OpenAI-compatible endpoint, e.g. <c>http://localhost:11434/v1</c>; null for OpenAI.</param>
    /// <param name="dimensions">The embedding dimension to request and enforce.</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseOpenAI(
        this AgentMemoryBuilder builder,
        string apiKey,
        string chatModel = "gpt-4o-mini",
        string embeddingModel = "text-embedding-3-small",
        Uri? endpoint = null,
        int? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        return builder.UseOpenAI(o =>
        {
            o.ApiKey = apiKey;
            o.ChatModel = chatModel;
            o.EmbeddingModel = embeddingModel;
            o.Endpoint = endpoint;
            o.Dimensions = dimensions;
        });
    }

    /// <summary>Uses OpenAI or an OpenAI-compatible endpoint configured in code.</summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="configure">Configures the endpoint, key, models and HTTP resilience.</param>
    /// <param name="configureExtraction">Configures the LLM extractor, reconciler and query expander.</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseOpenAI(this AgentMemoryBuilder builder, Action<OpenAIMemoryOptions> configure, Action<LlmMemoryOptions>? configureExtraction = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<OpenAIMemoryOptions>().Configure(configure);
        return Register(builder, configureExtraction);
    }

    /// <summary>
    /// Uses OpenAI or an OpenAI-compatible endpoint configured from a configuration section, e.g.
    /// <c>UseOpenAI(configuration.GetSection("AgentMemory:OpenAI"))</c>: keys <c>ApiKey</c>, <c>Endpoint</c>,
    /// <c>ChatModel</c>, <c>EmbeddingModel</c>, <c>Dimensions</c>, <c>MaxRetries</c>, <c>RetryDelay</c>,
    /// <c>MaxRetryDelay</c>, <c>NetworkTimeout</c>, and a subsection <c>Extraction</c> bound to <see cref="LlmMemoryOptions"/>.
    /// </summary>
    /// <param name="builder">The AgentMemory builder.</param>
    /// <param name="configuration">The configuration section.</param>
    /// <param name="configureExtraction">Further configures the LLM components after binding.</param>
    /// <returns>The builder.</returns>
    public static AgentMemoryBuilder UseOpenAI(this AgentMemoryBuilder builder, IConfiguration configuration, Action<LlmMemoryOptions>? configureExtraction = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<OpenAIMemoryOptions>().Bind(configuration);
        builder.Services.AddOptions<LlmMemoryOptions>().Bind(configuration.GetSection("Extraction"));
        return Register(builder, configureExtraction);
    }

    private static AgentMemoryBuilder Register(AgentMemoryBuilder builder, Action<LlmMemoryOptions>? configureExtraction)
    {
        var services = builder.Services;
        services.AddOptions<OpenAIMemoryOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAIMemoryOptions>, OpenAIMemoryOptionsValidator>());
        builder.UseLlmExtraction(configureExtraction);

        services.RemoveAll<OpenAIMemoryClients>();
        services.AddSingleton<OpenAIMemoryClients>();
        services.RemoveAllKeyed<IChatClient>(AgentMemoryBuilder.ServiceKey);
        services.AddKeyedSingleton<IChatClient>(AgentMemoryBuilder.ServiceKey, (sp, _) => sp.GetRequiredService<OpenAIMemoryClients>().Chat);
        services.RemoveAllKeyed<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryBuilder.ServiceKey);
        services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(AgentMemoryBuilder.ServiceKey, (sp, _) => sp.GetRequiredService<OpenAIMemoryClients>().Embeddings);
        return builder;
    }
}
