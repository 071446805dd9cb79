namespace AgentMemory.Models;

/// <summary>Checks the data annotations (<c>[Range]</c>) of <see cref="LlmMemoryOptions"/> at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class LlmMemoryOptionsAnnotationsValidator : IValidateOptions<LlmMemoryOptions>;
