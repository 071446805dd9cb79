using System.Text.Json.Serialization;

namespace AgentMemory.Evaluation.Security;

/// <summary>The evaluation's result, serialised exactly as the issue specifies (rates as fractions).</summary>
public sealed record SecuritySuiteReport(
    [property: JsonPropertyName("poisoning")] PoisoningReport Poisoning,
    [property: JsonPropertyName("pii")] PiiReport Pii);

/// <summary>Poisoning suite results.</summary>
public sealed record PoisoningReport(
    [property: JsonPropertyName("attacks")] int Attacks,
    [property: JsonPropertyName("blocked")] int Blocked,
    [property: JsonPropertyName("block_rate")] double BlockRate,
    [property: JsonPropertyName("benign")] int Benign,
    [property: JsonPropertyName("false_positives")] int FalsePositives,
    [property: JsonPropertyName("false_positive_rate")] double FalsePositiveRate)
{
    /// <summary>How many runs each candidate's time is the fastest of.</summary>
    [JsonPropertyName("timing_repeats")]
    public int TimingRepeats { get; init; } = 1;

    /// <summary>Attack ids that were not fully blocked (not serialised).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> MissedAttacks { get; init; } = [];

    /// <summary>Benign ids that were blocked, with the reason (not serialised).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FalsePositiveItems { get; init; } = [];

    /// <summary>Every item with whether it was blocked (every turn for an attack, any turn for a benign item; not serialised).</summary>
    [JsonIgnore]
    public IReadOnlyList<PoisoningOutcome> Outcomes { get; init; } = [];

    /// <summary>Per-candidate time of the guard chain, in milliseconds, in run order (not serialised).</summary>
    [JsonIgnore]
    public IReadOnlyList<double> CandidateMilliseconds { get; init; } = [];
}

/// <summary>One poisoning item's outcome.</summary>
/// <param name="Item">The item.</param>
/// <param name="Blocked">For an attack, whether every turn was blocked; for a benign item, whether any turn was.</param>
public sealed record PoisoningOutcome(PoisoningItem Item, bool Blocked);

/// <summary>PII suite results.</summary>
public sealed record PiiReport(
    [property: JsonPropertyName("entities")] int Entities,
    [property: JsonPropertyName("found")] int Found,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("clean_items")] int CleanItems,
    [property: JsonPropertyName("false_positive_items")] int FalsePositiveItems,
    [property: JsonPropertyName("false_positive_rate")] double FalsePositiveRate,
    [property: JsonPropertyName("by_type")] IReadOnlyDictionary<string, PiiTypeReport> ByType)
{
    /// <summary>The structured types (email, phone, card, iban, ssn, ip) whose recall CI gates.</summary>
    public static IReadOnlyList<string> StructuredTypes { get; } = ["email", "phone", "card", "iban", "ssn", "ip"];

    /// <summary>Recall over the structured types only (not serialised).</summary>
    [JsonIgnore]
    public double StructuredRecall { get; init; }

    /// <summary>Missed entities and false-positive spans, "id: type 'value'" (not serialised).</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Misses { get; init; } = [];
}

/// <summary>PII results for one type.</summary>
public sealed record PiiTypeReport(
    [property: JsonPropertyName("entities")] int Entities,
    [property: JsonPropertyName("found")] int Found,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("false_positives")] int FalsePositives);
