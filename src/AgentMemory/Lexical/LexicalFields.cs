namespace AgentMemory.Lexical;

/// <summary>How the fields of a memory count in lexical search, the same in every store.</summary>
internal static class LexicalFields
{
    /// <summary>
    /// The weight of a word of <see cref="MemoryRecord.Context"/> relative to a word of <see cref="MemoryRecord.Text"/>:
    /// context words make a memory findable, but a memory that says the words itself ranks first.
    /// </summary>
    public const double ContextWeight = 0.5;
}
