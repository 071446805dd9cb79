using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;

namespace AgentMemory.Extraction;

/// <summary>
/// A rule-based extractor that needs no model. Every conversation turn becomes an episodic memory ("Caroline: I went to
/// the support group yesterday", with its time and speaker); first-person statements of fact or preference by the user
/// ("I'm vegetarian", "my sister lives in Lyon", "I prefer short answers") become semantic memories rephrased in the
/// third person; the user's standing directives ("from now on, answer in bullet points", "don't use tables") become
/// procedural memories with a topic. Each candidate carries its provenance.
/// </summary>
/// <remarks>
/// Message metadata read from <see cref="ChatMessage.AdditionalProperties"/>: <c>agentmemory.source</c>
/// ("user", "assistant", "tool", "document", "other") overrides the role's provenance; <c>agentmemory.image_caption</c>
/// is appended to the episodic text. Only messages whose provenance is the user yield facts and directives, so a tool
/// result or a document cannot plant "preferences".
/// </remarks>
public sealed partial class OfflineExtractor : IExtractor
{
    /// <summary>The key of the source override in <see cref="ChatMessage.AdditionalProperties"/>.</summary>
    public const string SourceProperty = "agentmemory.source";

    /// <summary>The key of an image caption in <see cref="ChatMessage.AdditionalProperties"/>.</summary>
    public const string ImageCaptionProperty = "agentmemory.image_caption";

    /// <summary>The metadata key holding the speaker.</summary>
    public const string SpeakerKey = "speaker";

    /// <summary>The metadata key holding a fact's subject (e.g. "caroline|sister|live"); facts with the same subject supersede each other.</summary>
    public const string SubjectKey = "subject";

    /// <summary>The longest episodic text produced; longer turns are cut at a word boundary.</summary>
    public const int MaxEpisodeLength = 2_000;

    /// <summary>The longest part of a neighbouring turn kept as an episode's context.</summary>
    private const int MaxContextPart = 1_000;

    /// <inheritdoc />
    public Task<IReadOnlyList<MemoryCandidate>> ExtractAsync(ExtractionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var candidates = new List<MemoryCandidate>();
        var turns = Turns(request.Messages);
        for (var i = 0; i < turns.Count; i++)
        {
            var (message, text, caption) = turns[i];

            var source = GetSource(message);
            var speaker = !string.IsNullOrWhiteSpace(message.AuthorName) ? message.AuthorName.Trim() : DefaultSpeaker(source);
            var provenance = new MemoryProvenance(source, speaker, message.MessageId);
            var occurredAt = message.CreatedAt ?? request.ConversationTime;
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [SpeakerKey] = speaker };

            candidates.Add(new MemoryCandidate
            {
                Kind = MemoryKind.Episodic,
                Text = Episode(speaker, text, caption),
                Context = Neighbours(turns, i),
                Importance = 0.3,
                Topic = "conversation",
                OccurredAt = occurredAt,
                Provenance = provenance,
                Metadata = metadata,
            });

            if (source == MemorySource.User && text.Length > 0)
            {
                var subjectName = string.IsNullOrWhiteSpace(message.AuthorName) ? "The user" : speaker;
                foreach (var sentence in SplitSentences(text))
                {
                    var candidate = TryDirective(sentence, subjectName) ?? TryFact(sentence, subjectName);
                    if (candidate is not null)
                    {
                        var meta = new Dictionary<string, string>(candidate.Metadata, StringComparer.Ordinal) { [SpeakerKey] = speaker };
                        candidates.Add(candidate with { OccurredAt = occurredAt, Provenance = provenance, Metadata = meta });
                    }
                }
            }
        }

        return Task.FromResult<IReadOnlyList<MemoryCandidate>>(candidates);
    }

    /// <summary>The messages that carry text or an image caption, in order, without system messages.</summary>
    private static List<(ChatMessage Message, string Text, string? Caption)> Turns(IEnumerable<ChatMessage?> messages)
    {
        var turns = new List<(ChatMessage, string, string?)>();
        foreach (var message in messages)
        {
            if (message is null || message.Role == ChatRole.System)
            {
                continue;
            }

            var text = message.Text?.Trim() ?? string.Empty;
            var caption = GetProperty(message, ImageCaptionProperty);
            if (text.Length > 0 || caption is not null)
            {
                turns.Add((message, text, caption));
            }
        }

        return turns;
    }

    /// <summary>The turns before and after turn <paramref name="index"/>: the question an answer replies to, and the reply.</summary>
    private static string? Neighbours(List<(ChatMessage Message, string Text, string? Caption)> turns, int index)
    {
        var parts = new List<string>(2);
        foreach (var j in (ReadOnlySpan<int>)[index - 1, index + 1])
        {
            if (j >= 0 && j < turns.Count)
            {
                var (_, text, caption) = turns[j];
                var whole = caption is null ? text : (text + " " + caption).Trim();
                parts.Add(whole.Length > MaxContextPart ? Cut(whole, MaxContextPart) : whole);
            }
        }

        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    private static string Episode(string speaker, string text, string? caption)
    {
        var sb = new StringBuilder(speaker).Append(": ");
        var body = text.Length > MaxEpisodeLength ? Cut(text, MaxEpisodeLength) : text;
        sb.Append(body);
        if (caption is not null)
        {
            if (body.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append("[shares an image: ").Append(caption.Trim()).Append(']');
        }

        return sb.ToString();
    }

    private static string Cut(string text, int max)
    {
        var cut = text.LastIndexOf(' ', max - 1);
        return string.Concat(text.AsSpan(0, cut > max / 2 ? cut : max - 1), "…");
    }

    private static string? GetProperty(ChatMessage message, string key)
        => message.AdditionalProperties?.TryGetValue(key, out var value) == true && value is not null
            && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } s && !string.IsNullOrWhiteSpace(s)
            ? s
            : null;

    private static MemorySource GetSource(ChatMessage message)
    {
        switch (GetProperty(message, SourceProperty)?.Trim().ToUpperInvariant())
        {
            case "DOCUMENT": return MemorySource.Document;
            case "OTHER" or "OTHERPARTY" or "OTHER_PARTY": return MemorySource.OtherParty;
            case "TOOL": return MemorySource.Tool;
            case "ASSISTANT": return MemorySource.Assistant;
            case "USER": return MemorySource.User;
            case "SYSTEM": return MemorySource.System;
        }

        return message.Role == ChatRole.User ? MemorySource.User
            : message.Role == ChatRole.Assistant ? MemorySource.Assistant
            : message.Role == ChatRole.Tool ? MemorySource.Tool
            : MemorySource.System;
    }

    private static string DefaultSpeaker(MemorySource source) => source switch
    {
        MemorySource.User => "User",
        MemorySource.Assistant => "Assistant",
        MemorySource.Tool => "Tool",
        MemorySource.Document => "Document",
        MemorySource.OtherParty => "Other party",
        _ => "System",
    };
}
