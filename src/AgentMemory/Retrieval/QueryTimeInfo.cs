namespace AgentMemory.Retrieval;

/// <summary>What a query says about time.</summary>
/// <param name="Window">The window the query names ("last week", "in May 2023", "before 3 June"), if any.</param>
/// <param name="AsksWhen">Whether the query asks for a time ("when did …", "what year …", "how long ago …").</param>
/// <param name="RelativeTo">
/// "before" or "after" when the query places its subject relative to an event it does not date ("before the trip"),
/// with <see cref="AnchorPhrase"/> naming that event; null otherwise.
/// </param>
/// <param name="AnchorPhrase">The event a relative query refers to ("the trip"), to be looked up among the memories.</param>
internal sealed record QueryTimeInfo(TimeWindow? Window, bool AsksWhen, string? RelativeTo = null, string? AnchorPhrase = null)
{
    /// <summary>A query with nothing to say about time.</summary>
    public static QueryTimeInfo None { get; } = new(null, false);

    /// <summary>Whether anything about time was recognised.</summary>
    public bool IsEmpty => Window is null && !AsksWhen && RelativeTo is null;
}
