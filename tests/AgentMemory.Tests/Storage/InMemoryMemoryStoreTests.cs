using AgentMemory.Conformance;
using AgentMemory.Storage.InMemory;

namespace AgentMemory.Tests.Storage;

[StoreCapabilities(StoreCapabilities.InspectableStorage)]
public sealed class InMemoryMemoryStoreTests : MemoryStoreConformanceTests
{
    protected override Task<IMemoryStore> CreateStoreAsync(TimeProvider time, StoreTestOptions options)
        => Task.FromResult<IMemoryStore>(new InMemoryMemoryStore(time, new InMemoryStoreOptions { MaxTextLength = options.MaxTextLength }));

    protected override Task<bool> StorageContainsTextAsync(string text) => Task.FromResult(((InMemoryMemoryStore)Store).ContainsText(text));
}
