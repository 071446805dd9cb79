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
}
