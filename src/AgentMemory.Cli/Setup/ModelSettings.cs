namespace AgentMemory.Cli.Setup;

/// <summary>
/// An OpenAI or OpenAI-compatible model from environment variables: <c>AGENTMEMORY_OPENAI_API_KEY</c> (required to use
/// one), <c>AGENTMEMORY_OPENAI_ENDPOINT</c> (e.g. http://localhost:11434/v1 for Ollama), <c>AGENTMEMORY_CHAT_MODEL</c>,
/// <c>AGENTMEMORY_EMBEDDING_MODEL</c> and <c>AGENTMEMORY_EMBEDDING_DIMENSIONS</c>.
/// </summary>
internal sealed record ModelSettings(string ApiKey, Uri? Endpoint, string ChatModel, string EmbeddingModel, int? Dimensions)
{
    public const string ApiKeyVariable = "AGENTMEMORY_OPENAI_API_KEY";

    /// <summary>The settings, or null when no API key is set (the offline setup).</summary>
    /// <exception cref="CliException">A variable is set to something unusable.</exception>
    public static ModelSettings? FromEnvironment(Func<string, string?> env)
    {
        var key = env(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        Uri? endpoint = null;
        if (env("AGENTMEMORY_OPENAI_ENDPOINT") is { Length: > 0 } e && !Uri.TryCreate(e, UriKind.Absolute, out endpoint))
        {
            throw new CliException($"AGENTMEMORY_OPENAI_ENDPOINT is not an absolute URL: '{e}'.");
        }

        int? dimensions = null;
        if (env("AGENTMEMORY_EMBEDDING_DIMENSIONS") is { Length: > 0 } d)
        {
            dimensions = int.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new CliException($"AGENTMEMORY_EMBEDDING_DIMENSIONS is not a positive number: '{d}'.");
        }

        return new ModelSettings(
            key,
            endpoint,
            env("AGENTMEMORY_CHAT_MODEL") is { Length: > 0 } chat ? chat : "gpt-4o-mini",
            env("AGENTMEMORY_EMBEDDING_MODEL") is { Length: > 0 } emb ? emb : "text-embedding-3-small",
            dimensions);
    }
}
