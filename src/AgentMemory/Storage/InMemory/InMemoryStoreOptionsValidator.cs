namespace AgentMemory.Storage.InMemory;

/// <summary>Checks the data annotations (<c>[Range]</c>) of <see cref="InMemoryStoreOptions"/> at start (source-generated).</summary>
[OptionsValidator]
internal sealed partial class InMemoryStoreOptionsValidator : IValidateOptions<InMemoryStoreOptions>;
