namespace AgentMemory.Telemetry;

/// <summary>
/// Measures the chat calls AgentMemory makes (extraction, reconciliation, query expansion, the model judge) under the
/// OpenTelemetry GenAI conventions, on AgentMemory's activity source and meter. Passes straight through when nobody listens.
/// </summary>
internal sealed class InstrumentedChatClient : DelegatingChatClient
{
    private readonly AgentMemoryInstrumentation _telemetry;
    private readonly string _purpose;
    private readonly ChatClientMetadata? _metadata;

    public InstrumentedChatClient(IChatClient inner, AgentMemoryInstrumentation telemetry, string purpose)
        : base(inner)
    {
        _telemetry = telemetry;
        _purpose = purpose;
        _metadata = inner.GetService<ChatClientMetadata>();
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => _telemetry.ObservesModelCalls
            ? MeasuredAsync(messages, options, cancellationToken)
            : base.GetResponseAsync(messages, options, cancellationToken);

    private async Task<ChatResponse> MeasuredAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var call = _telemetry.StartModelCall(SemanticConventions.Chat, _metadata?.ProviderName, options?.ModelId ?? _metadata?.DefaultModelId, _purpose);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            call?.Failed(ex);
            throw;
        }

        call?.Succeeded(response.ModelId, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
        return response;
    }
}
