using Microsoft.Extensions.Options;

namespace AgentMemory.Onnx;

/// <summary>Validates <see cref="LocalEmbeddingOptions"/> at start, reporting every failure in one message. Whether
/// the files exist is checked when the model loads (<see cref="LocalEmbeddingModelException"/>).</summary>
internal sealed class LocalEmbeddingOptionsValidator : IValidateOptions<LocalEmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ModelPath) != string.IsNullOrWhiteSpace(options.VocabularyPath))
        {
            failures.Add("LocalEmbeddingOptions.ModelPath and VocabularyPath must be set together (a custom model needs its own vocab.txt).");
        }

        if (options.MaxTokens is < 3 or > LocalEmbeddingDefaults.MaxSupportedTokens)
        {
            failures.Add($"LocalEmbeddingOptions.MaxTokens must be between 3 and {LocalEmbeddingDefaults.MaxSupportedTokens} (was {options.MaxTokens}).");
        }

        if (options.ModelPath is null && options.MaxTokens > 512)
        {
            failures.Add($"LocalEmbeddingOptions.MaxTokens must be at most 512 for the bundled all-MiniLM-L6-v2 (was {options.MaxTokens}).");
        }

        if (options.IntraOpThreads is < 0 or > 256)
        {
            failures.Add($"LocalEmbeddingOptions.IntraOpThreads must be between 0 and 256 (was {options.IntraOpThreads}).");
        }

        if (options.MaxBatchSize is < 1 or > 1024)
        {
            failures.Add($"LocalEmbeddingOptions.MaxBatchSize must be between 1 and 1024 (was {options.MaxBatchSize}).");
        }

        if (options.Dimensions is <= 0)
        {
            failures.Add($"LocalEmbeddingOptions.Dimensions must be positive when set (was {options.Dimensions}).");
        }

        if (options.ModelPath is null && options.Dimensions is { } d && d != LocalEmbeddingDefaults.BundledDimensions)
        {
            failures.Add($"LocalEmbeddingOptions.Dimensions is {d}, but the bundled all-MiniLM-L6-v2 produces {LocalEmbeddingDefaults.BundledDimensions}.");
        }

        if (!Enum.IsDefined(options.Pooling))
        {
            failures.Add($"LocalEmbeddingOptions.Pooling is not a known pooling ({options.Pooling}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
