namespace AgentMemory.Security;

/// <summary>The local poisoning detector's finding about one text.</summary>
/// <param name="Score">The combined score in [0, 1] (0 when nothing matched).</param>
/// <param name="Category">The strongest matched category ("instruction-override", "exfiltration"…), or <see langword="null"/>.</param>
/// <param name="Signals">Every matched category with its weight, strongest first (no text).</param>
/// <param name="Obfuscated">Whether the finding needed de-obfuscation (invisible characters, homoglyphs, leetspeak, base64).</param>
internal sealed record PoisoningAnalysis(double Score, string? Category, IReadOnlyList<KeyValuePair<string, double>> Signals, bool Obfuscated)
{
    /// <summary>Nothing found.</summary>
    public static PoisoningAnalysis None { get; } = new(0, null, [], false);
}
