using Microsoft.ML.Tokenizers;

namespace AgentMemory.Tokenizers;

/// <summary>
/// Exact token counts with OpenAI's Tiktoken encodings (Microsoft.ML.Tokenizers; o200k_base, the encoding of GPT-4o,
/// GPT-4.1, o1/o3/o4 and later models, by default). Thread-safe.
/// </summary>
public sealed class TiktokenTokenCounter : ITokenCounter
{
    /// <summary>The default model whose encoding is used.</summary>
    public const string DefaultModel = "gpt-4o";

    private readonly Tokenizer _tokenizer;

    /// <summary>Creates a counter with the encoding of <paramref name="model"/> (e.g. "gpt-4o", "gpt-4", "gpt-3.5-turbo").</summary>
    /// <exception cref="NotSupportedException">The model's encoding is unknown or its data package is not referenced.</exception>
    public TiktokenTokenCounter(string model = DefaultModel)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _tokenizer = TiktokenTokenizer.CreateForModel(model);
        Model = model;
    }

    /// <summary>Creates a counter over an existing tokenizer.</summary>
    public TiktokenTokenCounter(Tokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
        Model = null;
    }

    /// <summary>The model whose encoding is used, when created by model name.</summary>
    public string? Model { get; }

    /// <inheritdoc />
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? 0 : _tokenizer.CountTokens(text);
    }
}
