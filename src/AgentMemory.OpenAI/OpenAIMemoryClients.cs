using System.ClientModel;
using AgentMemory.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace AgentMemory.OpenAI;

/// <summary>Creates the OpenAI client and its Microsoft.Extensions.AI adapters from <see cref="OpenAIMemoryOptions"/>.</summary>
internal sealed class OpenAIMemoryClients : IDisposable
{
    /// <summary>The key sent when the options hold none (local endpoints ignore it).</summary>
    internal const string PlaceholderKey = "no-key";

    public OpenAIMemoryClients(IOptions<OpenAIMemoryOptions> options, IModelUsageTracker usage)
    {
        var o = options.Value;
        Client = CreateClient(o);
        Chat = Client.GetChatClient(o.ChatModel).AsIChatClient();
        Embeddings = new DimensionCheckingEmbeddingGenerator(Client.GetEmbeddingClient(o.EmbeddingModel).AsIEmbeddingGenerator(o.Dimensions), o.Dimensions, usage);
    }

    public OpenAIClient Client { get; }

    public IChatClient Chat { get; }

    public IEmbeddingGenerator<string, Embedding<float>> Embeddings { get; }

    /// <summary>Creates an <see cref="OpenAIClient"/> with AgentMemory's retry policy and timeout.</summary>
    public static OpenAIClient CreateClient(OpenAIMemoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clientOptions = new OpenAIClientOptions
        {
            RetryPolicy = new OpenAIRetryPolicy(options.MaxRetries, options.RetryDelay, options.MaxRetryDelay),
            NetworkTimeout = options.NetworkTimeout,
        };
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        var key = string.IsNullOrWhiteSpace(options.ApiKey) ? PlaceholderKey : options.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions);
    }

    public void Dispose()
    {
        Chat.Dispose();
        Embeddings.Dispose();
    }
}
