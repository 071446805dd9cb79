namespace AgentMemory.Security;

/// <summary>A span of personal data found in a text.</summary>
/// <param name="Type">What kind of personal data it is.</param>
/// <param name="Start">The index of its first character.</param>
/// <param name="Length">Its length in characters.</param>
internal readonly record struct PiiMatch(PiiType Type, int Start, int Length)
{
    /// <summary>The index just past its last character.</summary>
    public int End => Start + Length;

    /// <summary>Whether it overlaps the span [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public bool Overlaps(int start, int length) => Start < start + length && start < End;
}
