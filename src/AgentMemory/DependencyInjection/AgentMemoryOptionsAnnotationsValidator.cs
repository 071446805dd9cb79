namespace AgentMemory.DependencyInjection;

/// <summary>
/// Checks the data annotations (<c>[Range]</c>) of <see cref="AgentMemoryOptions"/> and of its retrieval and security
/// options at start: source-generated, so no reflection (AOT-safe) and no dependency beyond Microsoft.Extensions.Options.
/// Failures name the property (<c>Retrieval.TopK</c>).
/// </summary>
[OptionsValidator]
internal sealed partial class AgentMemoryOptionsAnnotationsValidator : IValidateOptions<AgentMemoryOptions>;
