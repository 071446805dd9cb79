using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentMemory.Models;

namespace AgentMemory.Extraction;

/// <summary>
/// An <see cref="IExtractor"/> backed by any <see cref="IChatClient"/>: structured output (a JSON schema response
/// format) returning the salient episodic, semantic and procedural memories of a conversation, with importance, topic
/// and an expiry for time-bound facts. The model is told today's date (from <see cref="TimeProvider"/>) and when the
/// conversation took place; the host may add instructions and typed profiles (<see cref="LlmMemoryOptions.AddProfile{TProfile}"/>).
/// </summary>
/// <remarks>
/// Malformed, truncated or invalid answers are asked again up to <see cref="LlmMemoryOptions.MaxOutputAttempts"/> times,
/// then <see cref="ModelOutputException"/> is thrown, so the formation job is released for a later attempt.
/// </remarks>
internal sealed partial class LlmExtractor : IExtractor
{
    /// <summary>The version of the extraction schema; stored memories carry it so they can be re-extracted when it changes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>The operation name of extraction calls (telemetry and usage).</summary>
    public const string Operation = "extract";

    /// <summary>The message property (<see cref="ChatMessage.AdditionalProperties"/>) that overrides a message's source.</summary>
    public const string SourceProperty = MessageSource.Property;

    private readonly StructuredModelCaller _caller;
    private readonly LlmMemoryOptions _options;
    private readonly TimeProvider _time;
    private readonly IMemoryStore? _store;

    /// <summary>Creates the extractor.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="options">The options.</param>
    /// <param name="usage">Where token usage is recorded.</param>
    /// <param name="timeProvider">The clock (today's date is in every prompt).</param>
    /// <param name="store">The store, read for the current value of typed profiles (optional without profiles).</param>
    /// <param name="logger">The logger.</param>
    public LlmExtractor(
        IChatClient chatClient,
        IOptions<LlmMemoryOptions> options,
        IModelUsageTracker usage,
        TimeProvider timeProvider,
        IMemoryStore? store = null,
        ILogger<LlmExtractor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options.Value;
        _time = timeProvider;
        _store = store;
        var format = ChatResponseFormat.ForJsonSchema(BuildSchema(_options.Profiles), "memory_extraction", "The memories worth keeping from a conversation.");
        _caller = new StructuredModelCaller(chatClient, usage, _options, Operation, format, logger);
    }

    /// <inheritdoc />
    /// <exception cref="ModelOutputException">The model's output was unusable after the configured attempts.</exception>
    /// <exception cref="AgentMemoryException">The model call failed or timed out.</exception>
    public async Task<IReadOnlyList<MemoryCandidate>> ExtractAsync(ExtractionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var transcript = Transcript.From(request.Messages, _options.MaxMessageCharacters);
        if (transcript.Count == 0)
        {
            return [];
        }

        var now = _time.GetUtcNow();
        var profiles = await ReadProfilesAsync(request.Scope, cancellationToken).ConfigureAwait(false);
        var prompt = new List<ChatMessage>
        {
            new(ChatRole.System, BuildInstructions(now, request.ConversationTime, profiles)),
            new(ChatRole.User, transcript.Render()),
        };

        return await _caller.CallAsync<IReadOnlyList<MemoryCandidate>>(
            request.Scope,
            prompt,
            text => Parse(text, transcript, request.ConversationTime, now, profiles),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<(LlmProfileSchema Profile, JsonObject? Current)>> ReadProfilesAsync(MemoryScope scope, CancellationToken cancellationToken)
    {
        if (_options.Profiles.Count == 0)
        {
            return [];
        }

        var result = new List<(LlmProfileSchema, JsonObject?)>(_options.Profiles.Count);
        foreach (var profile in _options.Profiles)
        {
            JsonObject? current = null;
            if (_store is not null)
            {
                var filter = new MemoryFilter { Topic = profile.Topic };
                await foreach (var record in _store.ListAsync(scope, new MemoryListOptions { Filter = filter }, cancellationToken).ConfigureAwait(false))
                {
                    if (LlmProfileSchema.ReadJson(record) is { } json && TryParseObject(json) is { } parsed)
                    {
                        current = parsed;
                        break;
                    }
                }
            }

            result.Add((profile, current));
        }

        return result;
    }

    internal static JsonObject? TryParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string ProfileProperty(LlmProfileSchema profile) => "profile_" + profile.Name;

    private static JsonElement BuildSchema(IList<LlmProfileSchema> profiles)
    {
        var schema = StructuredModelCaller.SchemaFor(typeof(ExtractionOutput));
        if (profiles.Count == 0)
        {
            return schema;
        }

        var node = JsonNode.Parse(schema.GetRawText())!.AsObject();
        var properties = node["properties"]!.AsObject();
        foreach (var profile in profiles)
        {
            var profileSchema = JsonNode.Parse(profile.Schema.GetRawText())!.AsObject();
            properties[ProfileProperty(profile)] = new JsonObject
            {
                ["description"] = $"The full updated '{profile.Name}' profile, or null when the conversation does not change it.",
                ["anyOf"] = new JsonArray(profileSchema, new JsonObject { ["type"] = "null" }),
            };
        }

        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    private static string FormatDate(DateTimeOffset value)
        => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz (dddd)", CultureInfo.InvariantCulture);

    private static DateTimeOffset? ParseTime(string? value, DateTimeOffset reference, bool endOfDay)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), reference.Offset);
            return endOfDay ? start.AddDays(1) : start;
        }

        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        throw new InvalidModelOutputException($"'{StructuredModelCaller.Truncate(value, 40)}' is not an ISO 8601 date or time.");
    }
}
