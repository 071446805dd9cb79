using AgentMemory.Conformance;
using AgentMemory.Storage.InMemory;

namespace AgentMemory.Tests.Storage;

public sealed class InMemoryMemoryStoreTests : MemoryStoreConformanceTests
{
    protected override bool CanInspectStorage => true;

    protected override Task<IMemoryStore> CreateStoreAsync(TimeProvider time, StoreTestOptions options)
        => Task.FromResult<IMemoryStore>(new InMemoryMemoryStore(time, new InMemoryStoreOptions { MaxTextLength = options.MaxTextLength }));

    protected override Task<bool> StorageContainsTextAsync(string text) => Task.FromResult(((InMemoryMemoryStore)Store).ContainsText(text));
}
