using System.Globalization;
using System.Text;

namespace AgentMemory.Extraction;

/// <summary>
/// A rule-based extractor that needs no model. Every conversation turn that states something becomes an episodic memory
/// ("Caroline: I went to the support group yesterday", with its time and speaker); a turn that only asks, requests,
/// greets, thanks, acknowledges or gives a command ("What is my job?", "Tell me a joke", "thanks!", "exit") becomes
/// nothing, except that a named speaker's question in a dialogue between people is kept as a low-importance episode.
/// Sentences are judged by their form (<see cref="UtteranceClassifier"/>), not by a list of phrases. First-person statements of fact or preference by the user
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
internal sealed partial class OfflineExtractor : IExtractor
{
    /// <summary>The key of the source override in <see cref="ChatMessage.AdditionalProperties"/>.</summary>
    public const string SourceProperty = MessageSource.Property;

    /// <summary>The key of an image caption in <see cref="ChatMessage.AdditionalProperties"/>.</summary>
    public const string ImageCaptionProperty = "agentmemory.image_caption";

    /// <summary>The metadata key holding the speaker.</summary>
    public const string SpeakerKey = "speaker";

    /// <summary>The metadata key holding a fact's subject (e.g. "caroline|sister|live"); facts with the same subject supersede each other.</summary>
    public const string SubjectKey = "subject";

    /// <summary>The longest episodic text produced; longer turns are cut at a word boundary.</summary>
    public const int MaxEpisodeLength = 2_000;

    /// <summary>The importance of an episode that states something.</summary>
    private const double EpisodeImportance = 0.3;

    /// <summary>The importance of a named speaker's question kept as an episode: below every statement and fact.</summary>
    private const double QuestionEpisodeImportance = 0.1;

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

            var found = new List<MemoryCandidate>();
            var informative = caption is not null || !IsConversational(source);
            var asks = false;
            foreach (var (raw, sentence) in Sentences(text))
            {
                var act = UtteranceClassifier.Classify(raw);
                informative |= act == UtteranceKind.Statement && (source != MemorySource.Assistant || Substantive(sentence));
                asks |= act == UtteranceKind.Question;
                if (source != MemorySource.User || act is UtteranceKind.Question or UtteranceKind.Phatic || sentence.Length < 4)
                {
                    continue;
                }

                // A directive may be phrased as a request ("please always …"); a fact only as a statement.
                var subjectName = string.IsNullOrWhiteSpace(message.AuthorName) ? "The user" : speaker;
                var candidate = TryDirective(sentence, subjectName) ?? (act == UtteranceKind.Statement ? TryFact(sentence, subjectName) : null);
                if (candidate is not null)
                {
                    var meta = new Dictionary<string, string>(candidate.Metadata, StringComparer.Ordinal) { [SpeakerKey] = speaker };
                    found.Add(candidate with { OccurredAt = occurredAt, Provenance = provenance, Metadata = meta });
                }
            }

            // A turn that only asks, requests, greets or acknowledges says nothing about anyone: no episode. Between named
            // people (a recorded dialogue, not a chat with the assistant) a question is kept as a low-importance episode,
            // since it often presupposes an event ("how was the pottery class yesterday?").
            var named = !string.IsNullOrWhiteSpace(message.AuthorName);
            if (informative || found.Count > 0 || (asks && named))
            {
                candidates.Add(new MemoryCandidate
                {
                    Kind = MemoryKind.Episodic,
                    Text = Episode(speaker, text, caption),
                    Context = Neighbours(turns, i),
                    Importance = informative || found.Count > 0 ? EpisodeImportance : QuestionEpisodeImportance,
                    Topic = "conversation",
                    OccurredAt = occurredAt,
                    Provenance = provenance,
                    Metadata = metadata,
                });
            }

            candidates.AddRange(found);
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
        if (MessageSource.TryRead(message, out var named))
        {
            return named;
        }

        return message.Role == ChatRole.User ? MemorySource.User
            : message.Role == ChatRole.Assistant ? MemorySource.Assistant
            : message.Role == ChatRole.Tool ? MemorySource.Tool
            : MemorySource.System;
    }

    /// <summary>The fewest content terms an assistant's statement needs to be worth an episode of its own.</summary>
    private const int MinAssistantTerms = 4;

    /// <summary>
    /// Whether an assistant's statement says something of its own rather than react to the user ("Great bike.", "Noted for
    /// the parking permit.", "That's a lot of caffeine!"): a reaction only echoes the user's turn, and kept as an episode
    /// it would outlive the statement it reacted to once that changes.
    /// </summary>
    private static bool Substantive(string sentence) => Lexical.TextAnalyzer.Default.Analyze(sentence).Distinct(StringComparer.Ordinal).Count() >= MinAssistantTerms;

    /// <summary>Whether text from <paramref name="source"/> is a conversational turn (judged by its form) rather than content (a tool result, a document).</summary>
    private static bool IsConversational(MemorySource source) => source is MemorySource.User or MemorySource.Assistant or MemorySource.OtherParty;

    /// <summary>The speaker an unnamed user's turns are attributed to.</summary>
    internal const string UserSpeaker = "User";

    private static string DefaultSpeaker(MemorySource source) => source switch
    {
        MemorySource.User => UserSpeaker,
        MemorySource.Assistant => "Assistant",
        MemorySource.Tool => "Tool",
        MemorySource.Document => "Document",
        MemorySource.OtherParty => "Other party",
        _ => "System",
    };
}
