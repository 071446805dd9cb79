namespace AgentMemory.Telemetry;

/// <summary>OpenTelemetry semantic-convention names AgentMemory emits (GenAI client and database client conventions).</summary>
internal static class SemanticConventions
{
    public const string GenAiOperationName = "gen_ai.operation.name";
    public const string GenAiProviderName = "gen_ai.provider.name";
    public const string GenAiRequestModel = "gen_ai.request.model";
    public const string GenAiResponseModel = "gen_ai.response.model";
    public const string GenAiUsageInputTokens = "gen_ai.usage.input_tokens";
    public const string GenAiUsageOutputTokens = "gen_ai.usage.output_tokens";
    public const string GenAiTokenType = "gen_ai.token.type";
    public const string Chat = "chat";
    public const string Embeddings = "embeddings";
    public const string Input = "input";
    public const string Output = "output";

    public const string DbSystemName = "db.system.name";
    public const string DbOperationName = "db.operation.name";

    public const string ErrorType = "error.type";

    /// <summary>The bucket boundaries the GenAI conventions advise for <c>gen_ai.client.token.usage</c>.</summary>
    public static readonly IReadOnlyList<long> TokenBuckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];

    /// <summary>The bucket boundaries the GenAI conventions advise for <c>gen_ai.client.operation.duration</c>.</summary>
    public static readonly IReadOnlyList<double> ModelDurationBuckets = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

    /// <summary>The bucket boundaries the database conventions advise for <c>db.client.operation.duration</c>.</summary>
    public static readonly IReadOnlyList<double> DbDurationBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];
}
