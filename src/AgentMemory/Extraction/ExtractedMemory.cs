using System.ComponentModel;
using AgentMemory.Models;

namespace AgentMemory.Extraction;

/// <summary>One memory as the model proposes it.</summary>
internal sealed class ExtractedMemory
{
    [Description("episodic (an event or interaction, with when it happened), semantic (a fact or preference) or procedural (how the assistant should work: a correction or process preference).")]
    public string? Kind { get; set; }

    [Description("The memory, one self-contained sentence: names instead of pronouns, absolute dates instead of relative ones.")]
    public string? Text { get; set; }

    [Description("How much the memory matters for future conversations, from 0 to 1.")]
    public double? Importance { get; set; }

    [Description("A short lowercase topic or task type, e.g. 'travel', 'diet', 'formatting', 'code-review'.")]
    public string? Topic { get; set; }

    [Description("For time-bound facts: when the fact stops being true, ISO 8601 (e.g. 2026-11-30 or 2026-11-30T18:00:00Z). Null for lasting facts.")]
    public string? ExpiresAt { get; set; }

    [Description("For episodic memories: when the event happened, ISO 8601. Null otherwise.")]
    public string? OccurredAt { get; set; }

    [Description("The people, places, organisations and products the memory names. Empty when it names none.")]
    public List<ExtractedEntity>? Entities { get; set; }

    [Description("The number (#) of the message the memory comes from.")]
    public int? Message { get; set; }
}
