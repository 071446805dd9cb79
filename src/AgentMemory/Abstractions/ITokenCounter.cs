namespace AgentMemory;

/// <summary>Counts the tokens a text costs in a model's context. The AgentMemory.Tokenizers package supplies an exact Tiktoken counter.</summary>
public interface ITokenCounter
{
    /// <summary>The number of tokens in <paramref name="text"/>.</summary>
    int CountTokens(string text);
}
