namespace AgentMemory.Tests.Security.Support;

/// <summary>Counts whitespace-separated words as tokens.</summary>
public sealed class WordTokenCounter : ITokenCounter
{
    public int CountTokens(string text) => text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Length;
}
