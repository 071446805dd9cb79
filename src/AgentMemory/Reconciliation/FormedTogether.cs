using AgentMemory.Extraction;

namespace AgentMemory.Reconciliation;

/// <summary>
/// Whether two memories were formed from the same statement: the episode that records a turn and the fact extracted from
/// it. When a newer statement changes one of them, the other states the same outdated value and is closed with it.
/// </summary>
internal static class FormedTogether
{
    /// <summary>The share of the shorter memory's content terms the other must hold.</summary>
    private const double SharedTerms = 0.75;

    /// <summary>
    /// Whether <paramref name="other"/> was formed from the statement <paramref name="closed"/> was formed from: both the
    /// chat user's own, current, from the same message (its id when both have one, else the same moment and speaker), and
    /// one holds most of the other's content terms.
    /// </summary>
    public static bool Sibling(MemoryRecord closed, MemoryRecord other)
    {
        if (other.Id == closed.Id || other.IsSuperseded || other.Scope != closed.Scope
            || !SpeakerPrefix.IsChatUser(closed.Provenance) || closed.Provenance != other.Provenance
            || closed.OccurredAt is not { } said || other.OccurredAt != said)
        {
            return false;
        }

        var a = ChangeCues.ContentTerms(SpeakerPrefix.Strip(closed));
        var b = ChangeCues.ContentTerms(SpeakerPrefix.Strip(other));
        var smaller = a.Count <= b.Count ? a : b;
        var larger = ReferenceEquals(smaller, a) ? b : a;
        return smaller.Count > 0 && smaller.Count(larger.Contains) >= SharedTerms * smaller.Count;
    }
}
