namespace AgentMemory.Extraction;

/// <summary>The "Speaker: words" form an episode's text takes (<see cref="OfflineExtractor"/>), read back.</summary>
internal static class SpeakerPrefix
{
    /// <summary>
    /// What <paramref name="record"/> says without a leading "Speaker: " naming its provenance's speaker (the text as is
    /// otherwise): the speaker is in the provenance, and a shared name is not a shared subject.
    /// </summary>
    public static string Strip(MemoryRecord record)
    {
        var speaker = record.Provenance.Speaker;
        var text = record.Text;
        return !string.IsNullOrWhiteSpace(speaker) && text.Length > speaker.Length + 2 && text.StartsWith(speaker, StringComparison.Ordinal)
            && text[speaker.Length] == ':' && text[speaker.Length + 1] == ' '
            ? text[(speaker.Length + 2)..]
            : text;
    }

    /// <summary>
    /// Whether a memory is the assistant's user's own: stated by the user with no speaker named or the default "User".
    /// In a recorded dialogue between named people (the speaker is a name), "now" and "new" mostly tell events, not that a
    /// fact about the user changed, so the change rules compare only the chat user's own memories.
    /// </summary>
    public static bool IsChatUser(MemoryProvenance provenance)
        => provenance.Source == MemorySource.User
            && (string.IsNullOrEmpty(provenance.Speaker) || string.Equals(provenance.Speaker, OfflineExtractor.UserSpeaker, StringComparison.Ordinal));
}
