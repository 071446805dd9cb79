using System.Text.Json;

namespace AgentMemory.Models;

/// <summary>
/// Makes a structured-output chat call (JSON schema response format), parses the answer and asks again, a bounded
/// number of times, when it is malformed, truncated or invalid. Token usage of every response is recorded.
/// </summary>
/// <param name="chatClient">The model.</param>
/// <param name="usage">Where token usage is recorded.</param>
/// <param name="options">The output attempts, temperature and output token limit.</param>
/// <param name="operation">The component's operation name (telemetry, usage, errors), e.g. "reconcile".</param>
/// <param name="format">The component's response format (see <see cref="FormatFor"/>).</param>
/// <param name="logger">The logger.</param>
/// <exception cref="ArgumentNullException"><paramref name="chatClient"/> or <paramref name="usage"/> is null.</exception>
internal sealed class StructuredModelCaller(
    IChatClient chatClient, IModelUsageTracker usage, LlmMemoryOptions options, string operation, ChatResponseFormat format, ILogger? logger)
{
    private readonly IChatClient _chat = chatClient ?? throw new ArgumentNullException(nameof(chatClient));
    private readonly IModelUsageTracker _usage = usage ?? throw new ArgumentNullException(nameof(usage));
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    /// <summary>Creates the JSON schema of a schema type of <see cref="ModelJsonContext"/>.</summary>
    public static JsonElement SchemaFor(Type type)
        => AIJsonUtilities.CreateJsonSchema(type, serializerOptions: ModelJsonContext.Default.Options);

    /// <summary>Creates the response format asking for <paramref name="type"/> (a schema type of <see cref="ModelJsonContext"/>).</summary>
    public static ChatResponseFormat FormatFor(Type type, string name, string description)
        => ChatResponseFormat.ForJsonSchema(SchemaFor(type), name, description);

    /// <summary>Calls the model until <paramref name="parse"/> accepts its answer.</summary>
    /// <exception cref="ModelOutputException">Every attempt returned unusable output.</exception>
    /// <exception cref="AgentMemoryException">The model call failed or timed out (after the client's own retries).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> CallAsync<T>(MemoryScope scope, IReadOnlyList<ChatMessage> prompt, Func<string, T> parse, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>(prompt);
        var chatOptions = new ChatOptions
        {
            ResponseFormat = format,
            Temperature = options.Temperature,
            MaxOutputTokens = options.MaxOutputTokens,
        };

        var attempts = Math.Max(1, options.MaxOutputAttempts);
        Exception? last = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            var response = await SendAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
            _usage.Record(scope, operation, response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount);
            var text = response.Text;
            try
            {
                if (response.FinishReason == ChatFinishReason.Length)
                {
                    throw new InvalidModelOutputException("The answer was cut off at the output token limit.");
                }

                return parse(StripCodeFence(text));
            }
            catch (Exception ex) when (ex is JsonException or InvalidModelOutputException or FormatException)
            {
                last = ex;
                var problem = ex is JsonException ? "the answer is not valid JSON for the schema" : ex.Message;
                Log.OutputRejected(_logger, operation, attempt, attempts, problem);
                messages = new List<ChatMessage>(prompt)
                {
                    new(ChatRole.Assistant, Truncate(text, 4_000)),
                    new(ChatRole.User, $"That answer was rejected: {problem}. Answer again with one JSON object that follows the schema exactly."),
                };
            }
        }

        Log.OutputFailed(_logger, operation, attempts, last?.Message ?? "unknown");
        throw new ModelOutputException($"The model's output for '{operation}' was unusable after {attempts} attempts: {last?.Message}", last)
        {
            Component = "model",
            Operation = operation,
        };
    }

    private async Task<ChatResponse> SendAsync(List<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken)
    {
        try
        {
            return await _chat.GetResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (IsTimeout(ex))
        {
            Log.CallFailed(_logger, operation, "timeout");
            throw new AgentMemoryException($"The model call for '{operation}' timed out.", new TimeoutException(ex.Message, ex))
            {
                Component = "model",
                Operation = operation,
            };
        }
        catch (Exception ex) when (ex is not AgentMemoryException)
        {
            Log.CallFailed(_logger, operation, ex.GetType().Name);
            throw new AgentMemoryException($"The model call for '{operation}' failed: {ex.Message}", ex)
            {
                Component = "model",
                Operation = operation,
            };
        }
    }

    /// <summary>Whether a failure is a timeout: a cancellation the caller did not ask for, or retries that all timed out.</summary>
    internal static bool IsTimeout(Exception ex) => ex switch
    {
        OperationCanceledException or TimeoutException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTimeout),
        _ => false,
    };

    /// <summary>Removes a Markdown code fence some local models wrap JSON in.</summary>
    internal static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstLineEnd = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var lastFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstLineEnd < 0 || lastFence <= firstLineEnd ? trimmed : trimmed[(firstLineEnd + 1)..lastFence].Trim();
    }

    internal static string Truncate(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
