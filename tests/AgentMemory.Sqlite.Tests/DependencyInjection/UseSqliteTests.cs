using Microsoft.Extensions.DependencyInjection;

namespace AgentMemory.Sqlite.Tests.DependencyInjection;

public sealed class UseSqliteTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task UseSqlite_RegistersOneSingletonAsStoreAndOutbox_ReplacingEarlierStores()
    {
        var services = new ServiceCollection();
        var builder = new AgentMemoryBuilder(services);
        builder.UseInMemoryStore();

        builder.UseSqlite(_db.ConnectionString, o => o.MaxTextLength = 100);

        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IMemoryStore>();
        store.Should().BeOfType<SqliteMemoryStore>();
        provider.GetRequiredService<IFormationOutbox>().Should().BeSameAs(store);
        services.Count(d => d.ServiceType == typeof(IMemoryStore)).Should().Be(1);
        var tooLong = () => store.AddAsync(TestRecords.Create(MemoryScope.ForUser("t", "u"), new string('a', 101)));
        await tooLong.Should().ThrowAsync<InvalidMemoryException>().Where(e => e.Error == MemoryValidationError.TextTooLong);
        File.Exists(_db.FilePath).Should().BeTrue();
    }

    public void Dispose() => _db.Dispose();
}
