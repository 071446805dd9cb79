namespace AgentMemory.Retrieval;

/// <summary>A half-open span of time [<see cref="Start"/>, <see cref="End"/>) named by a query or a memory.</summary>
/// <param name="Start">The first instant inside the window (<see cref="DateTimeOffset.MinValue"/> when open).</param>
/// <param name="End">The first instant after the window (<see cref="DateTimeOffset.MaxValue"/> when open).</param>
/// <param name="Expression">The words that named it, e.g. "last week".</param>
internal readonly record struct TimeWindow(DateTimeOffset Start, DateTimeOffset End, string Expression)
{
    /// <summary>Whether <paramref name="instant"/> lies in the window.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The middle of the window (or its closed end when the window is open on one side).</summary>
    public DateTimeOffset Midpoint =>
        Start == DateTimeOffset.MinValue ? End
        : End == DateTimeOffset.MaxValue ? Start
        : Start + ((End - Start) / 2);
}
