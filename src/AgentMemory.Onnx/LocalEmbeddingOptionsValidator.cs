using Microsoft.Extensions.Options;

namespace AgentMemory.Onnx;

/// <summary>
/// Validates what <see cref="LocalEmbeddingOptions"/>' data annotations cannot say (paths set together, the bundled model's
/// limits, the pooling) at start; the <c>[Range]</c>s are checked by the source-generated
/// <see cref="LocalEmbeddingOptionsAnnotationsValidator"/>. Whether the files exist is checked when the model loads
/// (<see cref="LocalEmbeddingModelException"/>).
/// </summary>
internal sealed class LocalEmbeddingOptionsValidator : IValidateOptions<LocalEmbeddingOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalEmbeddingOptions options)
    {
        var failures = new ValidateOptionsResultBuilder();
        if (string.IsNullOrWhiteSpace(options.ModelPath) != string.IsNullOrWhiteSpace(options.VocabularyPath))
        {
            failures.AddError("LocalEmbeddingOptions.ModelPath and VocabularyPath must be set together (a custom model needs its own vocab.txt).");
        }

        if (options.ModelPath is null && options.MaxTokens > 512)
        {
            failures.AddError($"LocalEmbeddingOptions.MaxTokens must be at most 512 for the bundled all-MiniLM-L6-v2 (was {options.MaxTokens}).");
        }

        if (options.ModelPath is null && options.Dimensions is { } d && d != LocalEmbeddingDefaults.BundledDimensions)
        {
            failures.AddError($"LocalEmbeddingOptions.Dimensions is {d}, but the bundled all-MiniLM-L6-v2 produces {LocalEmbeddingDefaults.BundledDimensions}.");
        }

        if (!Enum.IsDefined(options.Pooling))
        {
            failures.AddError($"LocalEmbeddingOptions.Pooling is not a known pooling ({options.Pooling}).");
        }

        return failures.Build();
    }
}
