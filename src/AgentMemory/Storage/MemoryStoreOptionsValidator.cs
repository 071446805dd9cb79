namespace AgentMemory.Storage;

/// <summary>
/// Checks the data annotations (<c>[Range]</c>) of <see cref="MemoryStoreOptions"/> (source-generated), for a store
/// whose options are otherwise checked by hand.
/// </summary>
[OptionsValidator]
internal sealed partial class MemoryStoreOptionsValidator : IValidateOptions<MemoryStoreOptions>;
