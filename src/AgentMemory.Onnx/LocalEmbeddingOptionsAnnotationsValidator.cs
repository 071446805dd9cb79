using Microsoft.Extensions.Options;

namespace AgentMemory.Onnx;

/// <summary>Checks the data annotations (<c>[Range]</c>) of <see cref="LocalEmbeddingOptions"/> at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class LocalEmbeddingOptionsAnnotationsValidator : IValidateOptions<LocalEmbeddingOptions>;
